//! Collections page by page: Graph's paged, polymorphic `members` of a group, followed through
//! `@odata.nextLink` as sent, with a page cap, and a nextLink to another host refused.

use odata_resource::get::List;
use odata_resource::{Annotations, Error, Polymorphic, Resource, UnknownType};
use serde_json::{json, Value};

use crate::client::{client, server};

/// `microsoft.graph.directoryObject`, the members' declared type.
#[derive(Resource, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.directoryObject")]
struct DirectoryObject {
    #[odata(read_only)]
    id: Option<String>,
    #[odata(annotations)]
    annotations: Annotations,
}

/// `microsoft.graph.user`.
#[derive(Resource, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.user")]
struct User {
    #[odata(read_only)]
    id: Option<String>,
    display_name: Option<String>,
}

/// `microsoft.graph.group`.
#[derive(Resource, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.group")]
struct Group {
    #[odata(read_only)]
    id: Option<String>,
    display_name: Option<String>,
}

#[derive(Polymorphic, Debug, Clone, PartialEq)]
enum Member {
    #[odata(base)]
    DirectoryObject(DirectoryObject),
    User(User),
    Group(Group),
    #[odata(unknown)]
    Unknown(UnknownType),
}

const GROUP: &str = "02bd9fd6-8f93-4758-87c3-1fb73740a315";

/// Seven members of three kinds, one of a type nobody declares here.
fn members() -> Vec<Value> {
    let mut members: Vec<Value> = (1..=5)
        .map(|i| json!({"@odata.type": "#microsoft.graph.user", "id": format!("u{i}"), "displayName": format!("User {i}")}))
        .collect();
    members.push(
        json!({"@odata.type": "#microsoft.graph.group", "id": "g1", "displayName": "Group 1"}),
    );
    members.push(
        json!({"@odata.type": "#microsoft.graph.servicePrincipal", "id": "sp1", "appId": "a"}),
    );
    members
}

fn id(member: &Member) -> String {
    match member {
        Member::DirectoryObject(o) => o.id.clone().unwrap_or_default(),
        Member::User(u) => u.id.clone().unwrap_or_default(),
        Member::Group(g) => g.id.clone().unwrap_or_default(),
        Member::Unknown(u) => u.object["id"].as_str().unwrap_or_default().to_owned(),
    }
}

fn request() -> odata_resource::ListRequest<Member> {
    List::path("/groups/{group-id}/members", &[GROUP])
        .max_page_size(2)
        .build()
        .unwrap()
}

#[tokio::test]
async fn every_page_is_read_through_its_next_link_and_every_member_once() {
    let server = server().await;
    server.put_members(GROUP, members());
    let request = request();
    let client = client(&server);
    let mut pages = client.pages(&request);
    let mut seen = Vec::new();
    let mut count = 0;
    while let Some(page) = pages.next().await {
        let page = page.unwrap();
        count += 1;
        seen.extend(page.value.iter().map(id));
        if page.value.len() < 2 {
            assert_eq!(page.next_link, None, "only the last page is short");
        }
    }
    assert_eq!(count, 4, "7 members, 2 a page");
    assert_eq!(seen, ["u1", "u2", "u3", "u4", "u5", "g1", "sp1"]);
    // the kinds were told apart by @odata.type
    let all = client.pages(&request).items().await.unwrap();
    assert!(matches!(&all[0], Member::User(u) if u.display_name.as_deref() == Some("User 1")));
    assert!(matches!(&all[5], Member::Group(_)));
    assert!(
        matches!(&all[6], Member::Unknown(u) if u.qualified_name() == "microsoft.graph.servicePrincipal")
    );
    // every next page was asked for at the link the previous page gave, as it was sent
    let requests = server.requests();
    assert!(
        requests[1].raw_path.contains("$skiptoken="),
        "{}",
        requests[1].raw_path
    );
    assert!(requests
        .iter()
        .all(|r| r.headers["prefer"] == "odata.maxpagesize=2"));
}

#[tokio::test]
async fn a_page_cap_stops_with_an_error() {
    let server = server().await;
    server.put_members(GROUP, members());
    let request = request();
    let client = client(&server);
    let mut pages = client.pages(&request).max_pages(2);
    assert!(pages.next().await.unwrap().is_ok());
    assert!(pages.next().await.unwrap().is_ok());
    assert!(matches!(
        pages.next().await,
        Some(Err(Error::PageLimit { pages: 2 }))
    ));
    assert!(pages.next().await.is_none());
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn a_next_link_to_another_host_is_refused_and_the_token_stays_home() {
    let server = server().await;
    server.put_members(GROUP, members());
    server.set_next_link_base(Some("https://evil.example".to_owned()));
    let request = request();
    let client = client(&server);
    let mut pages = client.pages(&request);
    assert!(pages.next().await.unwrap().is_ok());
    match pages.next().await {
        Some(Err(Error::ForeignLink { link, .. })) => {
            assert!(link.starts_with("https://evil.example/"), "{link}");
        }
        other => panic!("{other:?}"),
    }
    assert!(pages.next().await.is_none());
    assert_eq!(
        server.requests().len(),
        1,
        "nothing was sent to the other host"
    );
}

#[tokio::test]
async fn count_and_select_on_a_typed_collection() {
    let server = server().await;
    server.put_members(GROUP, members());
    let request = List::<Member>::path("/groups/{group-id}/members", &[GROUP])
        .count()
        .header("ConsistencyLevel", "eventual")
        .build()
        .unwrap();
    let client = client(&server);
    let first = client.pages(&request).next().await.unwrap().unwrap();
    assert_eq!(first.count, Some(7));
    assert_eq!(first.value.len(), 7);
}

#[tokio::test]
async fn a_page_that_is_not_an_object_is_a_clear_error() {
    let request = request();
    let response = odata_resource::http::Response::builder()
        .status(200)
        .body(b"[1,2]".to_vec())
        .unwrap();
    match request.parse_response(&response) {
        Err(Error::Json { message, .. }) => {
            assert!(message.contains("a collection page"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}
