//! Rules 1 and 2, routing, path decoding and the fallback answers.

use graph_test_server::GraphServer;
use http::Method;
use serde_json::json;

use crate::common::*;

#[tokio::test]
async fn missing_authorization_is_401_with_graph_error_body() {
    let (server, _) = server().await;
    let reply = get(&server, OPS).without("authorization").send().await;
    let message = reply.assert_error(401, "InvalidAuthenticationToken");
    assert_eq!(message, "Access token is empty.");
    let inner = &reply.json()["error"]["innerError"];
    let date = inner["date"].as_str().expect("date");
    assert!(
        date.starts_with("20") && date.len() == 19 && &date[10..11] == "T",
        "{date}"
    );
    assert!(inner["request-id"].is_string() && inner["client-request-id"].is_string());
}

#[tokio::test]
async fn empty_or_non_bearer_token_is_401() {
    let (server, _) = server().await;
    for value in [
        "Bearer",
        "Bearer ",
        "bearer    ",
        "Basic dXNlcjpwdw==",
        "token",
    ] {
        let reply = patch(&server, OPS, "{}")
            .set("authorization", value)
            .send()
            .await;
        reply.assert_error(401, "InvalidAuthenticationToken");
    }
    // Scheme is case-insensitive.
    let reply = patch(&server, OPS, "{}")
        .set("authorization", "bearer abc")
        .send()
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
}

#[tokio::test]
async fn authentication_comes_before_not_found() {
    let (server, _) = server().await;
    let reply = patch(&server, "/beta/teams/nope/operations", "{}")
        .without("authorization")
        .send()
        .await;
    reply.assert_error(401, "InvalidAuthenticationToken");
}

#[tokio::test]
async fn unknown_team_is_404_for_get_and_patch() {
    let (server, _) = server().await;
    let path = "/beta/teams/unknown/operations";
    get(&server, path)
        .send()
        .await
        .assert_error(404, "NotFound");
    patch(&server, path, r#"{"status":"failed"}"#)
        .send()
        .await
        .assert_error(404, "NotFound");
}

#[tokio::test]
async fn not_found_comes_before_content_type_and_body_rules() {
    let (server, _) = server().await;
    let path = "/beta/teams/unknown/operations";
    patch(&server, path, "not json")
        .set("content-type", "text/plain")
        .send()
        .await
        .assert_error(404, "NotFound");
}

#[tokio::test]
async fn invitation_path_resolves_through_link_group() {
    let (server, _) = server().await;
    let path = "/beta/invitations/inv-1/invitedUser/joinedGroups/group-1/team/operations";
    get(&server, path)
        .send()
        .await
        .assert_error(404, "NotFound");

    server.link_group("inv-1", "group-1", TEAM);
    let reply = patch(&server, path, r#"{"status":"succeeded"}"#)
        .send()
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(
        reply.json()["@odata.context"],
        "https://graph.microsoft.com/beta/$metadata#invitations('inv-1')/invitedUser/joinedGroups('group-1')/team/operations/$entity"
    );
    assert_eq!(
        server.operation(TEAM).expect("stored")["status"],
        "succeeded"
    );
    assert_eq!(get(&server, OPS).send().await.json()["status"], "succeeded");

    // Another group of the same invitation is not linked.
    let other = "/beta/invitations/inv-1/invitedUser/joinedGroups/group-2/team/operations";
    get(&server, other)
        .send()
        .await
        .assert_error(404, "NotFound");
}

#[tokio::test]
async fn v1_prefix_is_served() {
    let (server, _) = server().await;
    let reply = get(&server, "/v1.0/teams/team-1/operations").send().await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.json()["@odata.context"],
        "https://graph.microsoft.com/v1.0/$metadata#teams('team-1')/operations/$entity"
    );
}

#[tokio::test]
async fn path_parameters_are_percent_decoded_exactly_once() {
    let server = GraphServer::start().await.expect("server starts");
    server.put_operation("a/b", json!({"id": "slash", "status": "notStarted"}));
    server.put_operation("%2F", json!({"id": "encoded", "status": "notStarted"}));

    let reply = patch(
        &server,
        "/beta/teams/a%2Fb/operations",
        r#"{"status":"failed"}"#,
    )
    .send()
    .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(reply.json()["id"], "slash");
    assert_eq!(
        reply.json()["@odata.context"],
        "https://graph.microsoft.com/beta/$metadata#teams('a%2Fb')/operations/$entity"
    );
    assert_eq!(server.operation("a/b").expect("stored")["status"], "failed");

    let reply = get(&server, "/beta/teams/%252F/operations").send().await;
    assert_eq!(reply.json()["id"], "encoded", "{}", reply.text());

    // Not decoded twice: `%252F` is the id `%2F`, never `/`; and a raw `/` is another path.
    get(&server, "/beta/teams/a%252Fb/operations")
        .send()
        .await
        .assert_error(404, "NotFound");
    get(&server, "/beta/teams/a/b/operations")
        .send()
        .await
        .assert_error(400, "BadRequest");

    let raw: Vec<String> = server.requests().into_iter().map(|r| r.raw_path).collect();
    assert_eq!(raw[0], "/beta/teams/a%2Fb/operations");
    assert_eq!(raw[1], "/beta/teams/%252F/operations");
}

#[tokio::test]
async fn invalid_utf8_after_decoding_is_400_not_a_panic() {
    let (server, _) = server().await;
    get(&server, "/beta/teams/%FF%FE/operations")
        .send()
        .await
        .assert_error(400, "BadRequest");
    // The server is still up.
    assert_eq!(get(&server, OPS).send().await.status, 200);
}

#[tokio::test]
async fn unknown_version_segment_and_method() {
    let (server, _) = server().await;
    let message = get(&server, "/v2.0/teams/team-1/operations")
        .send()
        .await
        .assert_error(400, "BadRequest");
    assert_eq!(message, "Invalid version: v2.0");
    let message = get(&server, "/beta/teems/team-1/operations")
        .send()
        .await
        .assert_error(400, "BadRequest");
    assert_eq!(message, "Resource not found for the segment 'teems'.");
    // A PATCH aimed at something else than the operations entity is not applied.
    patch(
        &server,
        "/beta/teams/team-1/operations/op-1",
        r#"{"status":"failed"}"#,
    )
    .send()
    .await
    .assert_error(400, "BadRequest");

    let reply = patch(&server, OPS, "{}").method(Method::POST).send().await;
    reply.assert_error(405, "MethodNotAllowed");
    assert_eq!(reply.header("allow").as_deref(), Some("GET, PATCH"));
    assert_eq!(server.operation(TEAM), Some(sample_operation()));
}
