//! Rule 6 and the headers of every response.

use serde_json::json;

use crate::common::*;

const CONTENT_TYPE: &str = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

fn assert_guid(id: &str) {
    let groups: Vec<usize> = id.split('-').map(str::len).collect();
    assert_eq!(groups, [8, 4, 4, 4, 12], "{id}");
    assert!(
        id.chars().all(|c| c == '-' || c.is_ascii_hexdigit()),
        "{id}"
    );
}

#[tokio::test]
async fn patch_returns_200_with_the_full_representation_and_etag() {
    let (server, _) = server().await;
    let reply = patch(&server, OPS, r#"{"status":"succeeded","custom":1}"#)
        .send()
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.header("content-type").as_deref(), Some(CONTENT_TYPE));
    assert_eq!(reply.header("odata-version").as_deref(), Some("4.0"));
    let etag = reply.header("etag").expect("ETag header");

    let body = reply.json();
    assert_eq!(
        body,
        json!({
            "@odata.context": "https://graph.microsoft.com/beta/$metadata#teams('team-1')/operations/$entity",
            "@odata.type": "#microsoft.graph.teamsAsyncOperation",
            "@odata.etag": etag,
            "id": "op-1",
            "operationType": "createTeam",
            "createdDateTime": "2026-01-01T00:00:00Z",
            "status": "succeeded",
            "lastActionDateTime": "2026-01-01T00:00:01Z",
            "attemptsCount": 1,
            "targetResourceId": "team-1",
            "targetResourceLocation": "/teams('team-1')",
            "error": null,
            "custom": 1
        })
    );
    assert_member_order(
        &reply.text(),
        &[
            "@odata.context",
            "@odata.type",
            "@odata.etag",
            "id",
            "operationType",
            "createdDateTime",
            "status",
            "lastActionDateTime",
            "attemptsCount",
            "targetResourceId",
            "targetResourceLocation",
            "error",
            "custom",
        ],
    );
}

#[tokio::test]
async fn unset_nullable_properties_are_null_in_the_representation() {
    let (server, _) = server().await;
    server.put_operation(TEAM, json!({"id": "sparse", "status": "notStarted"}));
    let body = get(&server, OPS).send().await.json();
    for nullable in ["targetResourceId", "targetResourceLocation", "error"] {
        assert_eq!(
            body.get(nullable),
            Some(&json!(null)),
            "{nullable} is present as null"
        );
    }
    assert!(
        body.get("attemptsCount").is_none(),
        "unset non-nullable ones are left out"
    );

    server.put_operation(TEAM, json!({"id": "e", "error": {"code": "x"}}));
    let body = get(&server, OPS).send().await.json();
    assert_eq!(body["error"], json!({"code": "x", "message": null}));
}

#[tokio::test]
async fn get_returns_200_with_representation_and_etag() {
    let (server, etag) = server().await;
    let reply = get(&server, OPS).send().await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("etag").as_deref(), Some(etag.as_str()));
    assert_eq!(reply.header("content-type").as_deref(), Some(CONTENT_TYPE));
    let body = reply.json();
    assert_eq!(body["@odata.etag"], etag.as_str());
    assert_eq!(body["id"], "op-1");
}

#[tokio::test]
async fn return_minimal_gives_204_without_body() {
    let (server, etag) = server().await;
    let reply = patch(&server, OPS, r#"{"status":"failed"}"#)
        .header("prefer", "return=minimal")
        .send()
        .await;
    assert_eq!(reply.status, 204);
    assert!(reply.body.is_empty());
    assert_eq!(reply.header("content-type"), None);
    assert_eq!(
        reply.header("preference-applied").as_deref(),
        Some("return=minimal")
    );
    assert_eq!(reply.header("odata-version").as_deref(), Some("4.0"));
    let new_etag = reply.header("etag").expect("ETag header");
    assert_ne!(new_etag, etag);
    assert_eq!(server.operation(TEAM).expect("stored")["status"], "failed");
}

#[tokio::test]
async fn request_ids_are_fresh_and_client_request_id_is_echoed() {
    let (server, _) = server().await;
    let first = get(&server, OPS)
        .header("client-request-id", "5f0d0bb4-7c6e-4b3c-9a57-000000000001")
        .send()
        .await;
    assert_eq!(
        first.header("client-request-id").as_deref(),
        Some("5f0d0bb4-7c6e-4b3c-9a57-000000000001")
    );
    let second = get(&server, OPS).send().await;
    let first_id = first.header("request-id").expect("request-id");
    let second_id = second.header("request-id").expect("request-id");
    assert_guid(&first_id);
    assert_guid(&second_id);
    assert_ne!(first_id, second_id);
    let generated = second
        .header("client-request-id")
        .expect("client-request-id");
    assert_guid(&generated);

    // Errors carry the same ids in innerError.
    let error = get(&server, "/beta/teams/nope/operations")
        .header("client-request-id", "abc")
        .send()
        .await;
    let inner = &error.json()["error"]["innerError"];
    assert_eq!(inner["client-request-id"], "abc");
    assert_eq!(
        inner["request-id"],
        error.header("request-id").expect("request-id").as_str()
    );
    assert_eq!(error.header("content-type").as_deref(), Some(CONTENT_TYPE));
    assert_eq!(error.header("odata-version").as_deref(), Some("4.0"));
}
