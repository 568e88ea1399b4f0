//! The paged, polymorphic `members` collection of a group and its delta.

use graph_test_server::{Failure, GraphServer};
use serde_json::{json, Value};

use crate::common::*;

const CONTEXT: &str = "https://graph.microsoft.com/beta/$metadata#";
const MEMBERS: &str = "/beta/groups/g-1/members";
const DELTA: &str = "/beta/groups/g-1/members/delta";

/// Seven directory objects of the three kinds, ids `m0`…`m6`.
fn directory_objects() -> Vec<Value> {
    (0..7)
        .map(|i| match i % 3 {
            0 => json!({"@odata.type": "#microsoft.graph.user", "id": format!("m{i}"),
                        "displayName": format!("User {i}"), "mail": format!("u{i}@contoso.com")}),
            1 => json!({"@odata.type": "#microsoft.graph.group", "id": format!("m{i}"),
                        "displayName": format!("Group {i}"), "securityEnabled": true}),
            _ => json!({"@odata.type": "#microsoft.graph.servicePrincipal", "id": format!("m{i}"),
                        "appId": format!("app-{i}")}),
        })
        .collect()
}

/// A server whose group `g-1` has [`directory_objects`].
async fn members_server() -> GraphServer {
    let server = GraphServer::start().await.expect("server starts");
    server.put_members("g-1", directory_objects());
    server
}

/// The path and query of a link back to `server` (asserting that it is absolute and points there).
#[track_caller]
fn local_path(server: &GraphServer, link: &Value) -> String {
    let link = link
        .as_str()
        .unwrap_or_else(|| panic!("not a link: {link}"));
    let origin = format!("http://{}", server.addr());
    link.strip_prefix(&origin)
        .unwrap_or_else(|| panic!("{link} does not start with {origin}"))
        .to_owned()
}

/// The value of `name=` in a link's query.
#[track_caller]
fn query_value(link: &str, name: &str) -> String {
    let query = link.split_once('?').expect("a query").1;
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix(&format!("{name}=")))
        .unwrap_or_else(|| panic!("no {name} in {link}"))
        .to_owned()
}

/// Follows `@odata.nextLink` from `first` to the end; returns every page body (checking that
/// control information comes before `value`, in Graph's order).
async fn all_pages(server: &GraphServer, first: &str, extra: &[(&str, &str)]) -> Vec<Value> {
    let mut pages = Vec::new();
    let mut path = first.to_owned();
    loop {
        let mut request = get(server, &path);
        for (name, value) in extra {
            request = request.header(name, value);
        }
        let reply = request.send().await;
        assert_eq!(reply.status, 200, "{path}: {}", reply.text());
        let page = reply.json();
        let order = [
            "@odata.context",
            "@odata.count",
            "@odata.nextLink",
            "@odata.deltaLink",
            "value",
        ];
        let present: Vec<&str> = order
            .into_iter()
            .filter(|name| page.get(*name).is_some())
            .collect();
        assert_member_order(&reply.text(), &present);
        let next = page
            .get("@odata.nextLink")
            .map(|link| local_path(server, link));
        pages.push(page);
        match next {
            Some(next) => path = next,
            None => return pages,
        }
    }
}

fn ids(pages: &[Value]) -> Vec<String> {
    pages
        .iter()
        .flat_map(|page| page["value"].as_array().expect("value").clone())
        .map(|item| item["id"].as_str().expect("id").to_owned())
        .collect()
}

// ---- members: paging ----

#[tokio::test]
async fn three_pages_through_absolute_next_links_hold_every_member_once_in_order() {
    let server = members_server().await;
    server.set_page_size(3);
    let pages = all_pages(&server, MEMBERS, &[]).await;
    assert_eq!(pages.len(), 3);
    assert_eq!(ids(&pages), ["m0", "m1", "m2", "m3", "m4", "m5", "m6"]);

    let first = &pages[0];
    let next = first["@odata.nextLink"].as_str().expect("nextLink");
    let prefix = format!(
        "http://{}/beta/groups/g-1/members?$skiptoken=",
        server.addr()
    );
    let token = next
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{next}"));
    assert!(
        token.len() > 8 && token.bytes().all(|b| b.is_ascii_hexdigit()),
        "an opaque token, not an offset: {token}"
    );
    assert_eq!(
        *first,
        json!({
            "@odata.context": format!("{CONTEXT}directoryObjects"),
            "@odata.nextLink": next,
            "value": [
                {"@odata.type": "#microsoft.graph.user", "id": "m0",
                 "displayName": "User 0", "mail": "u0@contoso.com"},
                {"@odata.type": "#microsoft.graph.group", "id": "m1",
                 "displayName": "Group 1", "securityEnabled": true},
                {"@odata.type": "#microsoft.graph.servicePrincipal", "id": "m2", "appId": "app-2"}
            ]
        })
    );
    assert_ne!(pages[1]["@odata.nextLink"], first["@odata.nextLink"]);
    assert_eq!(
        pages[2],
        json!({
            "@odata.context": format!("{CONTEXT}directoryObjects"),
            "value": [{"@odata.type": "#microsoft.graph.user", "id": "m6",
                       "displayName": "User 6", "mail": "u6@contoso.com"}]
        })
    );
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    assert!(requests[1]
        .raw_path
        .starts_with("/beta/groups/g-1/members?$skiptoken="));
}

#[tokio::test]
async fn item_members_come_type_first_then_id() {
    let server = GraphServer::start().await.expect("server starts");
    server.put_members(
        "g",
        vec![
            json!({"a": 1, "id": "x", "@odata.type": "#microsoft.graph.user",
                    "@odata.etag": "dropped", "b@odata.type": "#Int64"}),
        ],
    );
    let reply = get(&server, "/v1.0/groups/g/members").send().await;
    assert_eq!(
        reply.text(),
        r##"{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#directoryObjects","value":[{"@odata.type":"#microsoft.graph.user","id":"x","a":1}]}"##
    );
    assert_eq!(reply.header("etag"), None);
}

#[tokio::test]
async fn top_and_maxpagesize_lower_the_page_size_and_links_keep_select_and_top() {
    let server = members_server().await;
    let path = format!("{MEMBERS}?$select=displayName&$top=2&x=1");
    let pages = all_pages(&server, &path, &[]).await;
    assert_eq!(
        pages
            .iter()
            .map(|p| p["value"].as_array().expect("value").len())
            .collect::<Vec<_>>(),
        [2, 2, 2, 1]
    );
    let next = pages[0]["@odata.nextLink"].as_str().expect("nextLink");
    let prefix = format!(
        "http://{}/beta/groups/g-1/members?$select=displayName&$top=2&$skiptoken=",
        server.addr()
    );
    assert!(next.starts_with(&prefix), "{next}");

    // Prefer: odata.maxpagesize lowers it too (and says so); the smallest limit wins.
    let reply = get(&server, MEMBERS)
        .header("prefer", "odata.maxpagesize=5")
        .send()
        .await;
    assert_eq!(reply.json()["value"].as_array().expect("value").len(), 5);
    assert_eq!(
        reply.header("preference-applied").as_deref(),
        Some("odata.maxpagesize=5")
    );
    let reply = get(&server, &format!("{MEMBERS}?$top=6"))
        .header("prefer", "odata.maxpagesize=4")
        .send()
        .await;
    assert_eq!(reply.json()["value"].as_array().expect("value").len(), 4);
    // Neither raises the server's page size.
    server.set_page_size(3);
    let reply = get(&server, &format!("{MEMBERS}?$top=6"))
        .header("prefer", "odata.maxpagesize=50")
        .send()
        .await;
    assert_eq!(reply.json()["value"].as_array().expect("value").len(), 3);

    for top in ["0", "1000", "x", "-1"] {
        let message = get(&server, &format!("{MEMBERS}?$top={top}"))
            .error(400, "Request_BadRequest")
            .await;
        assert_eq!(
            message,
            format!("Invalid page size specified: '{top}'. Must be between 1 and 999 inclusive.")
        );
    }
}

#[tokio::test]
async fn the_default_page_size_is_100() {
    let server = GraphServer::start().await.expect("server starts");
    let many: Vec<Value> = (0..101)
        .map(|i| json!({"@odata.type": "#microsoft.graph.user", "id": format!("u{i:03}")}))
        .collect();
    server.put_members("big", many);
    let pages = all_pages(&server, "/beta/groups/big/members", &[]).await;
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0]["value"].as_array().expect("value").len(), 100);
    assert_eq!(pages[1]["value"][0]["id"], "u100");
}

#[tokio::test]
async fn select_on_members_keeps_the_type_of_each_item() {
    let server = members_server().await;
    server.set_page_size(3);
    let pages = all_pages(
        &server,
        &format!("{MEMBERS}?$select=displayName,%20id"),
        &[],
    )
    .await;
    assert_eq!(ids(&pages).len(), 7);
    assert_eq!(
        pages[0]["@odata.context"],
        format!("{CONTEXT}directoryObjects(displayName,id)")
    );
    assert_eq!(
        pages[0]["value"],
        json!([
            {"@odata.type": "#microsoft.graph.user", "id": "m0", "displayName": "User 0"},
            {"@odata.type": "#microsoft.graph.group", "id": "m1", "displayName": "Group 1"},
            {"@odata.type": "#microsoft.graph.servicePrincipal", "id": "m2"}
        ])
    );
    assert!(pages[0]["@odata.nextLink"]
        .as_str()
        .expect("nextLink")
        .contains("?$select=displayName,%20id&$skiptoken="));
    assert_eq!(
        pages[2]["value"],
        json!([{"@odata.type": "#microsoft.graph.user", "id": "m6", "displayName": "User 6"}])
    );
}

#[tokio::test]
async fn count_needs_consistency_level_eventual_and_is_on_the_first_page() {
    let server = members_server().await;
    server.set_page_size(3);
    let message = get(&server, &format!("{MEMBERS}?$count=true"))
        .error(400, "Request_BadRequest")
        .await;
    assert_eq!(message, "$count is not currently supported.");

    let eventual = [("consistencylevel", "eventual")];
    let pages = all_pages(&server, &format!("{MEMBERS}?$count=true"), &eventual).await;
    assert_eq!(pages.len(), 3);
    assert_eq!(pages[0]["@odata.count"], 7);
    assert!(pages[1].get("@odata.count").is_none() && pages[2].get("@odata.count").is_none());
    assert_eq!(ids(&pages).len(), 7);

    // $count=false needs nothing; another value is 400.
    let reply = get(&server, &format!("{MEMBERS}?$count=false"))
        .send()
        .await;
    assert_eq!(reply.status, 200);
    assert!(reply.json().get("@odata.count").is_none());
    get(&server, &format!("{MEMBERS}?$count=yes"))
        .header("consistencylevel", "eventual")
        .error(400, "Request_BadRequest")
        .await;
}

#[tokio::test]
async fn invalid_or_foreign_skiptokens_are_400() {
    let server = members_server().await;
    server.put_members("g-2", directory_objects());
    server.set_page_size(3);
    let first = get(&server, MEMBERS).send().await.json();
    let next = first["@odata.nextLink"].as_str().expect("nextLink");
    let token = query_value(next, "$skiptoken");
    for path in [
        format!("{MEMBERS}?$skiptoken=3"),
        format!("{MEMBERS}?$skiptoken=garbage"),
        format!("{MEMBERS}?$skiptoken={}", &token[1..]),
        format!("/beta/groups/g-2/members?$skiptoken={token}"),
        format!("{DELTA}?$skiptoken={token}"),
        format!("{DELTA}?$deltatoken={token}"),
    ] {
        let message = get(&server, &path).error(400, "Request_BadRequest").await;
        assert!(message.contains("is not valid"), "{path}: {message}");
    }
}

#[tokio::test]
async fn an_empty_group_is_an_empty_page_and_an_unknown_group_is_404() {
    let server = members_server().await;
    server.put_members("empty", Vec::new());
    let reply = get(&server, "/beta/groups/empty/members").send().await;
    assert_eq!(reply.status, 200);
    assert_eq!(
        reply.text(),
        r#"{"@odata.context":"https://graph.microsoft.com/beta/$metadata#directoryObjects","value":[]}"#
    );
    let message = get(&server, "/beta/groups/nope/members")
        .error(404, "Request_ResourceNotFound")
        .await;
    assert_eq!(
        message,
        "Resource 'nope' does not exist or one of its queried reference-property objects are not present."
    );
    get(&server, "/beta/groups/nope/members/delta")
        .error(404, "Request_ResourceNotFound")
        .await;
}

#[tokio::test]
async fn group_ids_are_decoded_once_and_encoded_in_links() {
    let server = GraphServer::start().await.expect("server starts");
    server.put_members("a/b c", directory_objects());
    server.set_page_size(4);
    let pages = all_pages(&server, "/beta/groups/a%2Fb%20c/members", &[]).await;
    assert_eq!(ids(&pages).len(), 7);
    let next = pages[0]["@odata.nextLink"].as_str().expect("nextLink");
    assert!(
        next.starts_with(&format!(
            "http://{}/beta/groups/a%2Fb%20c/members?",
            server.addr()
        )),
        "{next}"
    );
}

// ---- members: delta ----

#[tokio::test]
async fn delta_pages_end_with_a_delta_link_that_reports_changes() {
    let server = members_server().await;
    server.set_page_size(3);
    let pages = all_pages(&server, &format!("{DELTA}?$select=id"), &[]).await;
    assert_eq!(pages.len(), 3);
    assert_eq!(ids(&pages), ["m0", "m1", "m2", "m3", "m4", "m5", "m6"]);
    for page in &pages[..2] {
        assert!(page.get("@odata.deltaLink").is_none(), "{page}");
        let next = page["@odata.nextLink"].as_str().expect("nextLink");
        assert!(
            next.contains("/members/delta?$select=id&$skiptoken="),
            "{next}"
        );
    }
    let last = &pages[2];
    assert!(last.get("@odata.nextLink").is_none(), "{last}");
    let delta_link = last["@odata.deltaLink"].as_str().expect("deltaLink");
    let prefix = format!(
        "http://{}/beta/groups/g-1/members/delta?$select=id&$deltatoken=",
        server.addr()
    );
    assert!(delta_link.starts_with(&prefix), "{delta_link}");
    assert_eq!(
        *last,
        json!({
            "@odata.context": format!("{CONTEXT}directoryObjects(id)"),
            "@odata.deltaLink": delta_link,
            "value": [{"@odata.type": "#microsoft.graph.user", "id": "m6"}]
        })
    );

    // Nothing changed since: no members, and a delta link again.
    let path = local_path(&server, &last["@odata.deltaLink"]);
    let unchanged = get(&server, &path).send().await.json();
    assert_eq!(unchanged["value"], json!([]));
    assert!(
        unchanged["@odata.deltaLink"].is_string() && unchanged.get("@odata.nextLink").is_none()
    );

    // Replaced since: the round lists the members again.
    server.put_members("g-1", directory_objects()[..4].to_vec());
    let again = all_pages(&server, &path, &[]).await;
    assert_eq!(ids(&again), ["m0", "m1", "m2", "m3"]);
    assert!(again.last().expect("a page")["@odata.deltaLink"].is_string());
}

#[tokio::test]
async fn members_only_accept_their_query_options() {
    let server = members_server().await;
    for (path, option) in [
        (format!("{MEMBERS}?$filter=id%20eq%20'm0'"), "$filter"),
        (format!("{MEMBERS}?$deltatoken=00"), "$deltatoken"),
        (format!("{DELTA}?$count=true"), "$count"),
    ] {
        let message = get(&server, &path)
            .header("consistencylevel", "eventual")
            .error(400, "Request_BadRequest")
            .await;
        assert_eq!(
            message,
            format!("Unrecognized query argument specified: '{option}'.")
        );
    }
}

// ---- members: foreign links, the rules shared with other routes ----

#[tokio::test]
async fn next_link_base_makes_links_point_elsewhere() {
    let server = members_server().await;
    server.set_page_size(5);
    server.set_next_link_base(Some("https://evil.example/".to_owned()));
    let page = get(&server, &format!("{MEMBERS}?$top=5"))
        .send()
        .await
        .json();
    let next = page["@odata.nextLink"].as_str().expect("nextLink");
    assert!(
        next.starts_with("https://evil.example/beta/groups/g-1/members?$top=5&$skiptoken="),
        "{next}"
    );
    // The same path and query work against the server itself.
    let rest = next.strip_prefix("https://evil.example").expect("prefix");
    let second = get(&server, rest).send().await.json();
    assert_eq!(second["value"].as_array().expect("value").len(), 2);
    assert!(second.get("@odata.nextLink").is_none());
    server.set_page_size(10);
    let delta = get(&server, DELTA).send().await.json();
    assert!(delta["@odata.deltaLink"]
        .as_str()
        .expect("deltaLink")
        .starts_with("https://evil.example/beta/groups/g-1/members/delta?"));

    server.set_next_link_base(None);
    server.set_page_size(5);
    let page = get(&server, MEMBERS).send().await.json();
    local_path(&server, &page["@odata.nextLink"]);
}

#[tokio::test]
async fn members_need_authentication_answer_only_get_and_take_queued_failures() {
    let server = members_server().await;
    get(&server, MEMBERS)
        .without("authorization")
        .error(401, "InvalidAuthenticationToken")
        .await;
    let reply = patch(&server, MEMBERS, "{}").send().await;
    reply.assert_error(405, "MethodNotAllowed");
    assert_eq!(reply.header("allow").as_deref(), Some("GET"));
    get(&server, "/v2.0/groups/g-1/members")
        .error(400, "BadRequest")
        .await;
    let message = get(&server, "/beta/groups/g-1/owners")
        .error(400, "BadRequest")
        .await;
    assert_eq!(message, "Resource not found for the segment 'owners'.");

    server.fail_next(
        1,
        Failure::TooManyRequests {
            retry_after: Some("1".to_owned()),
        },
    );
    server.fail_next(1, Failure::GatewayTimeout);
    get(&server, MEMBERS).error(429, "TooManyRequests").await;
    get(&server, DELTA).error(504, "GatewayTimeout").await;
    assert_eq!(get(&server, DELTA).send().await.status, 200);

    let recorded: Vec<String> = server.requests().into_iter().map(|r| r.raw_path).collect();
    assert_eq!(recorded.len(), 7);
    assert_eq!(recorded[4], MEMBERS);
    assert_eq!(recorded[5], DELTA);
}

#[tokio::test]
async fn members_are_served_inside_batch_with_absolute_links() {
    let server = members_server().await;
    server.set_page_size(4);
    let request = json!({"id": "1", "method": "GET", "url": "/groups/g-1/members?$select=id"});
    let answer = batch_one(&server, request).await;
    assert_eq!(answer["status"], 200, "{answer}");
    let next = local_path(&server, &answer["body"]["@odata.nextLink"]);
    let rest = get(&server, &next).send().await.json();
    assert_eq!(rest["value"].as_array().expect("value").len(), 3);
}

#[test]
#[should_panic(expected = "string `@odata.type`")]
fn put_members_needs_a_type_on_every_member() {
    let server = GraphServer::start_on_thread().expect("server starts");
    server.put_members("g", vec![json!({"id": "x"})]);
}
