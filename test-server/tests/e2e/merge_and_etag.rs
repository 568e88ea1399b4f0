//! Rules 4 and 5: `If-Match` and the merge.

use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn if_match_mismatch_is_412_then_the_right_etag_succeeds() {
    let (server, etag) = server().await;
    assert_eq!(etag, server.etag(TEAM).expect("etag"));
    assert!(etag.starts_with("W/\"") && etag.ends_with('"'), "{etag}");

    for wrong in ["W/\"999\"", "\"1\"", "garbage"] {
        patch(&server, OPS, r#"{"status":"failed"}"#)
            .header("if-match", wrong)
            .send()
            .await
            .assert_error(412, "PreconditionFailed");
    }
    assert_eq!(server.operation(TEAM), Some(sample_operation()));
    assert_eq!(server.etag(TEAM).as_deref(), Some(etag.as_str()));

    let reply = patch(&server, OPS, r#"{"status":"failed"}"#)
        .header("if-match", &etag)
        .send()
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let new_etag = reply.header("etag").expect("ETag header");
    assert_ne!(new_etag, etag, "the ETag changes on every successful PATCH");
    assert_eq!(server.etag(TEAM).as_deref(), Some(new_etag.as_str()));

    // The old ETag is stale now.
    patch(&server, OPS, r#"{"status":"succeeded"}"#)
        .header("if-match", &etag)
        .send()
        .await
        .assert_error(412, "PreconditionFailed");
    // `*` and a list holding the current one match.
    let reply = patch(&server, OPS, r#"{"status":"succeeded"}"#)
        .header("if-match", "*")
        .send()
        .await;
    assert_eq!(reply.status, 200);
    let current = reply.header("etag").expect("ETag header");
    let reply = patch(&server, OPS, r#"{"attemptsCount":4}"#)
        .header("if-match", &format!("W/\"0\", {current}"))
        .send()
        .await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn body_rules_come_before_if_match() {
    let (server, _) = server().await;
    patch(&server, OPS, r#"{"id":"x"}"#)
        .header("if-match", "W/\"999\"")
        .send()
        .await
        .assert_error(400, "BadRequest");
}

#[tokio::test]
async fn put_operation_replaces_and_returns_a_new_etag() {
    let (server, first) = server().await;
    let second = server.put_operation(TEAM, json!({"id": "op-2", "status": "notStarted"}));
    assert_ne!(first, second);
    assert_eq!(
        server.operation(TEAM),
        Some(json!({"id": "op-2", "status": "notStarted"}))
    );
    assert_eq!(server.operation("other"), None);
}

#[tokio::test]
async fn absent_is_unchanged_null_clears_value_replaces() {
    let (server, _) = server().await;
    let reply = patch(
        &server,
        OPS,
        r#"{"targetResourceId":null,"targetResourceLocation":"/teams('x')","attemptsCount":7}"#,
    )
    .send()
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let mut expected = sample_operation();
    expected["targetResourceId"] = json!(null);
    expected["targetResourceLocation"] = json!("/teams('x')");
    expected["attemptsCount"] = json!(7);
    assert_eq!(server.operation(TEAM), Some(expected));

    // An empty object changes nothing (but is a successful PATCH).
    let reply = patch(&server, OPS, "{}").send().await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json().get("targetResourceId"), Some(&json!(null)));
    assert_eq!(reply.json()["attemptsCount"], 7);
}

#[tokio::test]
async fn nested_error_merges_recursively_and_null_clears_it() {
    let (server, _) = server().await;
    let stored = |server: &graph_test_server::GraphServer| {
        server.operation(TEAM).expect("stored")["error"].clone()
    };

    patch(&server, OPS, r#"{"error":{"code":"TeamUnavailable"}}"#)
        .send()
        .await;
    assert_eq!(stored(&server), json!({"code": "TeamUnavailable"}));

    patch(
        &server,
        OPS,
        r#"{"error":{"message":"The team was not found."}}"#,
    )
    .send()
    .await;
    assert_eq!(
        stored(&server),
        json!({"code": "TeamUnavailable", "message": "The team was not found."})
    );

    let reply = patch(&server, OPS, r#"{"error":{"code":null}}"#)
        .send()
        .await;
    assert_eq!(
        stored(&server),
        json!({"code": null, "message": "The team was not found."})
    );
    assert_eq!(
        reply.json()["error"],
        json!({"code": null, "message": "The team was not found."})
    );

    patch(&server, OPS, r#"{"error":null}"#).send().await;
    assert_eq!(
        server.operation(TEAM).expect("stored").get("error"),
        Some(&json!(null))
    );
    assert_eq!(
        get(&server, OPS).send().await.json().get("error"),
        Some(&json!(null))
    );
}

#[tokio::test]
async fn undeclared_properties_are_dynamic() {
    let (server, _) = server().await;
    let reply = patch(
        &server,
        OPS,
        r#"{"values":"{\"appIds\":[\"a\"]}","extra":{"nested":[1,{"k":true}]}}"#,
    )
    .send()
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.json()["values"], "{\"appIds\":[\"a\"]}");
    let stored = server.operation(TEAM).expect("stored");
    assert_eq!(stored["extra"], json!({"nested": [1, {"k": true}]}));

    patch(&server, OPS, r#"{"extra":null}"#).send().await;
    let stored = server.operation(TEAM).expect("stored");
    assert!(
        stored.get("extra").is_none(),
        "null removes a dynamic property"
    );
    assert_eq!(stored["values"], "{\"appIds\":[\"a\"]}");
}
