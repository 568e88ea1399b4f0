//! Evolvable enums and the `Prefer` header.

use serde_json::json;

use crate::common::*;

const OPT_IN: &str = "include-unknown-enum-members";

#[tokio::test]
async fn post_sentinel_member_without_prefer_is_400() {
    let (server, etag) = server().await;
    for member in [
        "teamifyGroup",
        "createChannel",
        "createChat",
        "archiveChannel",
        "unarchiveChannel",
    ] {
        let reply = patch(&server, OPS, &format!(r#"{{"operationType":"{member}"}}"#))
            .send()
            .await;
        let message = reply.assert_error(400, "BadRequest");
        assert!(
            message.contains("Prefer: include-unknown-enum-members"),
            "{message}"
        );
    }
    // Another preference alone does not opt in.
    patch(&server, OPS, r#"{"operationType":"teamifyGroup"}"#)
        .header("prefer", "return=representation")
        .send()
        .await
        .assert_error(400, "BadRequest");
    assert_eq!(server.etag(TEAM), Some(etag));
}

#[tokio::test]
async fn post_sentinel_member_with_prefer_is_stored_and_acknowledged() {
    let (server, _) = server().await;
    let reply = patch(&server, OPS, r#"{"operationType":"teamifyGroup"}"#)
        .header("prefer", OPT_IN)
        .send()
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.json()["operationType"], "teamifyGroup");
    assert_eq!(reply.header("preference-applied").as_deref(), Some(OPT_IN));
    assert_eq!(
        server.operation(TEAM).expect("stored")["operationType"],
        "teamifyGroup"
    );
}

#[tokio::test]
async fn create_chat_is_a_beta_only_member() {
    let (server, _) = server().await;
    patch(
        &server,
        "/v1.0/teams/team-1/operations",
        r#"{"operationType":"createChat"}"#,
    )
    .header("prefer", OPT_IN)
    .send()
    .await
    .assert_error(400, "BadRequest");
    let reply = patch(&server, OPS, r#"{"operationType":"createChat"}"#)
        .header("prefer", OPT_IN)
        .send()
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    // v1.0 never shows it, even to a client that opted in.
    let reply = get(&server, "/v1.0/teams/team-1/operations")
        .header("prefer", OPT_IN)
        .send()
        .await;
    assert_eq!(reply.json()["operationType"], "unknownFutureValue");
}

#[tokio::test]
async fn unknown_future_value_in_patch_means_unchanged() {
    let (server, _) = server().await;
    let reply = patch(
        &server,
        OPS,
        r#"{"operationType":"unknownFutureValue","status":"unknownFutureValue","attemptsCount":2}"#,
    )
    .send()
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let stored = server.operation(TEAM).expect("stored");
    assert_eq!(stored["operationType"], "createTeam");
    assert_eq!(stored["status"], "inProgress");
    assert_eq!(stored["attemptsCount"], 2);
}

#[tokio::test]
async fn get_hides_post_sentinel_members_unless_opted_in() {
    let (server, _) = server().await;
    let mut op = sample_operation();
    op["operationType"] = json!("archiveChannel");
    server.put_operation(TEAM, op);

    let reply = get(&server, OPS).send().await;
    assert_eq!(reply.json()["operationType"], "unknownFutureValue");
    assert_eq!(reply.header("preference-applied"), None);

    let reply = get(&server, OPS).header("prefer", OPT_IN).send().await;
    assert_eq!(reply.json()["operationType"], "archiveChannel");
    assert_eq!(reply.header("preference-applied").as_deref(), Some(OPT_IN));

    // A PATCH that does not touch operationType and does not opt in sees the sentinel too.
    let reply = patch(&server, OPS, r#"{"attemptsCount":5}"#).send().await;
    assert_eq!(reply.json()["operationType"], "unknownFutureValue");
    assert_eq!(
        server.operation(TEAM).expect("stored")["operationType"],
        "archiveChannel"
    );
}

#[tokio::test]
async fn several_preferences_in_one_or_several_headers() {
    let (server, _) = server().await;
    let reply = patch(&server, OPS, r#"{"operationType":"createChannel"}"#)
        .header("prefer", "return=minimal, include-unknown-enum-members")
        .send()
        .await;
    assert_eq!(reply.status, 204, "{}", reply.text());
    assert_eq!(
        reply.header("preference-applied").as_deref(),
        Some("return=minimal, include-unknown-enum-members")
    );

    let reply = patch(&server, OPS, r#"{"operationType":"unarchiveChannel"}"#)
        .header("prefer", "odata.maxpagesize=5")
        .header("Prefer", "Include-Unknown-Enum-Members")
        .header("prefer", "return=\"representation\"")
        .send()
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.json()["operationType"], "unarchiveChannel");
    assert_eq!(
        reply.header("preference-applied").as_deref(),
        Some("return=representation, include-unknown-enum-members")
    );
}
