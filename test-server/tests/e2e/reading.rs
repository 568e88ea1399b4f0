//! What a read–modify–write client needs of an operation: `$select`, `$expand` refused,
//! `If-None-Match`, and ETags that change on every update.

use graph_test_server::GraphServer;
use serde_json::json;

use crate::common::*;

const CONTEXT: &str = "https://graph.microsoft.com/beta/$metadata#";
const INVITATION_OPS: &str =
    "/beta/invitations/inv-1/invitedUser/joinedGroups/group-1/team/operations";

// ---- GET of an operation: $select, $expand, unknown options ----

#[tokio::test]
async fn select_returns_only_the_selected_properties_and_the_control_information() {
    let (server, etag) = server().await;
    for query in [
        "$select=status,attemptsCount",
        "%24select=status%2CattemptsCount",
        "$select=%20status%20,%20attemptsCount%20",
        "$select=status+,+attemptsCount&other=1",
        "$SELECT=status,attemptsCount,status",
    ] {
        let reply = get(&server, &format!("{OPS}?{query}")).send().await;
        assert_eq!(reply.status, 200, "{query}: {}", reply.text());
        assert_eq!(
            reply.header("etag").as_deref(),
            Some(etag.as_str()),
            "{query}"
        );
        assert_eq!(
            reply.json(),
            json!({
                "@odata.context": format!("{CONTEXT}teams('team-1')/operations(status,attemptsCount)/$entity"),
                "@odata.etag": etag,
                "status": "inProgress",
                "attemptsCount": 1
            }),
            "{query}"
        );
        assert_member_order(
            &reply.text(),
            &["@odata.context", "@odata.etag", "status", "attemptsCount"],
        );
    }
}

#[tokio::test]
async fn select_on_the_invitation_route_and_of_unset_or_all_properties() {
    let (server, etag) = server().await;
    server.link_group("inv-1", "group-1", TEAM);
    let reply = get(&server, &format!("{INVITATION_OPS}?$select=error,id"))
        .send()
        .await;
    assert_eq!(
        reply.json(),
        json!({
            "@odata.context": format!("{CONTEXT}invitations('inv-1')/invitedUser/joinedGroups('group-1')/team/operations(error,id)/$entity"),
            "@odata.etag": etag,
            "id": "op-1",
            "error": null
        })
    );
    // Properties come in the type's order whatever the order of the selection.
    assert_member_order(&reply.text(), &["@odata.etag", "id", "error"]);

    // `*` selects everything: the full representation, with the selection in the context.
    let all = get(&server, &format!("{OPS}?$select=*"))
        .send()
        .await
        .json();
    let mut full = get(&server, OPS).send().await.json();
    full["@odata.context"] = json!(format!("{CONTEXT}teams('team-1')/operations(*)/$entity"));
    assert_eq!(all, full);
    // A blank $select is no selection.
    let blank = get(&server, &format!("{OPS}?$select=")).send().await.json();
    assert_eq!(blank, get(&server, OPS).send().await.json());
}

/// GETs the operation with each query and asserts a 400 `BadRequest` with that message.
async fn assert_rejected(server: &GraphServer, cases: &[(&str, String)]) {
    for (query, expected) in cases {
        let message = get(server, &format!("{OPS}?{query}"))
            .error(400, "BadRequest")
            .await;
        assert_eq!(&message, expected, "{query}");
    }
}

#[tokio::test]
async fn select_of_an_unknown_property_is_400_with_graphs_wording() {
    let (server, _) = server().await;
    let unknown = |name: &str| {
        format!("Could not find a property named '{name}' on type 'microsoft.graph.teamsAsyncOperation'.")
    };
    let cases = [
        ("$select=status,x", unknown("x")),
        ("$select=Status", unknown("Status")),
        ("$select=error/code", unknown("error/code")),
        (
            "$select=status,,id",
            "The $select value 'status,,id' has an empty term.".to_owned(),
        ),
    ];
    assert_rejected(&server, &cases).await;
}

#[tokio::test]
async fn expand_of_anything_is_400() {
    let (server, _) = server().await;
    let refused = |name: &str| {
        format!(
            "Property '{name}' on type 'microsoft.graph.teamsAsyncOperation' is not a navigation \
             property or complex property. Only navigation properties can be expanded."
        )
    };
    let cases = [
        ("$expand=error", refused("error")),
        ("$expand=members($select=id)", refused("members")),
        ("$select=status&$expand=%20team%20,x", refused("team")),
    ];
    assert_rejected(&server, &cases).await;
}

#[tokio::test]
async fn unknown_and_repeated_system_query_options_are_400() {
    let (server, _) = server().await;
    let unsupported = |option: &str| format!("The query parameter '{option}' is not supported.");
    let cases = [
        ("$foo=1", unsupported("$foo")),
        ("$top=1", unsupported("$top")),
        ("%24Bar", unsupported("$Bar")),
        (
            "$select=id&$select=status",
            "Query option '$select' was specified more than once, but it must be specified at most once."
                .to_owned(),
        ),
    ];
    assert_rejected(&server, &cases).await;
    // Parameters without `$` are not system query options: ignored.
    let reply = get(&server, &format!("{OPS}?foo=1")).send().await;
    assert_eq!(reply.status, 200);
}

#[tokio::test]
async fn query_rules_come_after_authentication_and_before_not_found() {
    let (server, _) = server().await;
    get(&server, &format!("{OPS}?$select=x"))
        .without("authorization")
        .error(401, "InvalidAuthenticationToken")
        .await;
    get(&server, "/beta/teams/unknown/operations?$select=x")
        .error(400, "BadRequest")
        .await;
    get(&server, "/beta/teams/unknown/operations?$select=id")
        .error(404, "NotFound")
        .await;
}

// ---- If-None-Match and ETags ----

#[tokio::test]
async fn if_none_match_with_the_current_etag_or_star_is_304_without_a_body() {
    let (server, etag) = server().await;
    let strong = etag.trim_start_matches("W/").to_owned();
    for value in [
        etag.clone(),
        strong,
        "*".to_owned(),
        format!("\"nope\", {etag}"),
    ] {
        let reply = get(&server, OPS)
            .header("if-none-match", &value)
            .send()
            .await;
        assert_eq!(reply.status, 304, "{value}: {}", reply.text());
        assert!(reply.body.is_empty(), "{value}");
        assert_eq!(reply.header("etag").as_deref(), Some(etag.as_str()));
        assert_eq!(reply.header("content-type"), None);
        assert_eq!(reply.header("odata-version").as_deref(), Some("4.0"));
    }
    // With $select too (the ETag is the entity's).
    let reply = get(&server, &format!("{OPS}?$select=status"))
        .header("if-none-match", &etag)
        .send()
        .await;
    assert_eq!(reply.status, 304);

    // Another ETag: a normal 200.
    let reply = get(&server, OPS)
        .header("if-none-match", "W/\"999\"")
        .send()
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["@odata.etag"], etag.as_str());

    // After an update the old ETag no longer matches.
    patch(&server, OPS, r#"{"status":"failed"}"#).send().await;
    let reply = get(&server, OPS)
        .header("if-none-match", &etag)
        .send()
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["status"], "failed");
    let current = reply.header("etag").expect("ETag header");
    assert_ne!(current, etag);
    assert_eq!(
        get(&server, OPS)
            .header("if-none-match", &current)
            .send()
            .await
            .status,
        304
    );
}

#[tokio::test]
async fn every_successful_update_changes_the_etag() {
    let (server, first) = server().await;
    let mut seen = vec![first.clone()];
    let mut remember = |etag: String| {
        assert!(
            !seen.contains(&etag),
            "{etag} was handed out before: {seen:?}"
        );
        seen.push(etag.clone());
        etag
    };

    let reply = patch(&server, OPS, r#"{"attemptsCount":2}"#).send().await;
    let after_patch = remember(reply.header("etag").expect("ETag"));
    let reply = patch(&server, OPS, r#"{"attemptsCount":3}"#)
        .header("prefer", "return=minimal")
        .send()
        .await;
    assert_eq!(reply.status, 204);
    remember(reply.header("etag").expect("ETag"));
    let after_put = remember(server.put_operation(TEAM, sample_operation()));
    assert_eq!(server.etag(TEAM).as_deref(), Some(after_put.as_str()));

    let request = json!({
        "id": "1", "method": "PATCH", "url": "/teams/team-1/operations",
        "headers": {"Content-Type": "application/json", "If-Match": after_put},
        "body": {"status": "succeeded"}
    });
    let answer = batch_one(&server, request).await;
    assert_eq!(answer["status"], 200, "{answer}");
    let after_batch = remember(answer["headers"]["etag"].as_str().expect("ETag").to_owned());
    assert_eq!(answer["body"]["@odata.etag"], after_batch.as_str());
    assert_eq!(
        get(&server, OPS).send().await.header("etag").as_deref(),
        Some(after_batch.as_str())
    );

    // A stale If-Match is 412 and changes nothing.
    for stale in [&first, &after_patch, &after_put] {
        patch(&server, OPS, r#"{"status":"failed"}"#)
            .header("if-match", stale)
            .error(412, "PreconditionFailed")
            .await;
    }
    let stored = server.operation(TEAM).expect("stored");
    assert_eq!(stored["status"], "succeeded");
    assert_eq!(server.etag(TEAM), Some(after_batch));
}
