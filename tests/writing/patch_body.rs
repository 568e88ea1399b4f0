//! The PATCH body's tri-state properties, headers, and the evolvable-enum `Prefer` header.

use odata_resource::{DateTimeOffset, Error};
use serde_json::{json, Value};
use teams_model::{
    OperationError, TeamsAsyncOperation, TeamsAsyncOperationStatus, TeamsAsyncOperationType,
};

fn body(request: &odata_resource::PatchRequest<TeamsAsyncOperation>) -> Value {
    serde_json::from_slice(request.body()).unwrap()
}

#[test]
fn unset_properties_are_absent() {
    let request = TeamsAsyncOperation::patch_team("t").build().unwrap();
    assert_eq!(
        request.body(),
        br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation"}"##
    );
    let request = TeamsAsyncOperation::patch_team("t")
        .attempts_count(2)
        .build()
        .unwrap();
    assert_eq!(
        body(&request),
        json!({"@odata.type": "#microsoft.graph.teamsAsyncOperation", "attemptsCount": 2})
    );
}

#[test]
fn clear_sends_null_and_the_last_call_wins() {
    let request = TeamsAsyncOperation::patch_team("t")
        .target_resource_location("x")
        .clear_target_resource_location()
        .clear_error()
        .target_resource_id("first")
        .target_resource_id("second")
        .build()
        .unwrap();
    assert_eq!(
        request.body(),
        br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","targetResourceId":"second","targetResourceLocation":null,"error":null}"##
    );
}

#[test]
fn keys_in_declaration_order_whatever_the_call_order() {
    let request = TeamsAsyncOperation::patch_team("t")
        .error(OperationError::default())
        .attempts_count(1)
        .last_action_date_time("2020-01-01T00:00:00Z".parse::<DateTimeOffset>().unwrap())
        .operation_type(TeamsAsyncOperationType::ArchiveTeam)
        .build()
        .unwrap();
    let text = std::str::from_utf8(request.body()).unwrap();
    assert_eq!(
        text,
        r##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","operationType":"archiveTeam","lastActionDateTime":"2020-01-01T00:00:00Z","attemptsCount":1,"error":{"@odata.type":"#microsoft.graph.operationError"}}"##
    );
}

#[test]
fn strings_are_escaped() {
    let request = TeamsAsyncOperation::patch_team("t")
        .target_resource_id("quote\" backslash\\ newline\n tab\t nul\u{0} é")
        .build()
        .unwrap();
    assert_eq!(
        body(&request)["targetResourceId"],
        "quote\" backslash\\ newline\n tab\t nul\u{0} é"
    );
    assert!(std::str::from_utf8(request.body())
        .unwrap()
        .contains(r#""quote\" backslash\\ newline\n tab\t nul\u0000 é""#));
}

#[test]
fn members_after_the_sentinel_add_the_prefer_header() {
    for late in [
        TeamsAsyncOperationType::TeamifyGroup,
        TeamsAsyncOperationType::CreateChannel,
        TeamsAsyncOperationType::ArchiveChannel,
        TeamsAsyncOperationType::UnarchiveChannel,
        TeamsAsyncOperationType::Other("createChat".into()),
    ] {
        let request = TeamsAsyncOperation::patch_team("t")
            .operation_type(late.clone())
            .build()
            .unwrap();
        let prefer: Vec<_> = request.headers().get_all("prefer").iter().collect();
        assert_eq!(prefer, ["include-unknown-enum-members"], "{late:?}");
    }
    for early in [
        TeamsAsyncOperationType::Invalid,
        TeamsAsyncOperationType::CloneTeam,
        TeamsAsyncOperationType::CreateTeam,
        TeamsAsyncOperationType::UnknownFutureValue,
    ] {
        let request = TeamsAsyncOperation::patch_team("t")
            .operation_type(early.clone())
            .status(TeamsAsyncOperationStatus::Other("paused".into()))
            .build()
            .unwrap();
        // status's catch-all counts as a later member too: its enum has the sentinel
        assert!(request.headers().contains_key("prefer"), "{early:?}");
        let request = TeamsAsyncOperation::patch_team("t")
            .operation_type(early.clone())
            .status(TeamsAsyncOperationStatus::Succeeded)
            .build()
            .unwrap();
        assert!(!request.headers().contains_key("prefer"), "{early:?}");
    }
}

#[test]
fn if_match_and_custom_headers() {
    let request = TeamsAsyncOperation::patch_team("t")
        .if_match("W/\"3\"")
        .header("Prefer", "return=minimal")
        .operation_type(TeamsAsyncOperationType::TeamifyGroup)
        .build()
        .unwrap();
    assert_eq!(request.headers()["if-match"], "W/\"3\"");
    let prefer: Vec<_> = request.headers().get_all("prefer").iter().collect();
    assert_eq!(prefer, ["return=minimal", "include-unknown-enum-members"]);
}

#[test]
fn header_injection_is_refused_before_anything_is_sent() {
    for bad in ["W/\"1\"\r\nX-Evil: 1", "a\nb", "a\u{0}"] {
        let err = TeamsAsyncOperation::patch_team("t")
            .if_match(bad)
            .build()
            .unwrap_err();
        assert!(
            matches!(&err, Error::InvalidHeader { name, .. } if name.eq_ignore_ascii_case("if-match")),
            "{err:?}"
        );
    }
    let err = TeamsAsyncOperation::patch_team("t")
        .header("Content-Type", "text/plain")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("set by the builder"), "{err}");
    let err = TeamsAsyncOperation::patch_team("t")
        .header("bad name", "x")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("not a valid header name"), "{err}");
}

#[test]
fn building_twice_gives_the_same_request() {
    let make = || {
        TeamsAsyncOperation::patch_team("t")
            .status(TeamsAsyncOperationStatus::Failed)
            .build()
            .unwrap()
    };
    let (a, b) = (make(), make());
    assert_eq!(a.body(), b.body());
    assert_eq!(a.headers(), b.headers());
    assert_eq!(a.clone().body(), a.body());
}

#[test]
fn enum_members_are_written_as_json_strings_whatever_the_text() {
    // a declared member is copied as is (its name was checked at compile time); the text of
    // the catch-all goes through the escaper
    let written = |member: TeamsAsyncOperationType| {
        let request = TeamsAsyncOperation::patch_team("t")
            .operation_type(member)
            .build()
            .unwrap();
        String::from_utf8(request.body().to_vec()).unwrap()
    };
    let prefix = r##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","operationType":"##;
    assert_eq!(
        written(TeamsAsyncOperationType::UnarchiveChannel),
        format!("{prefix}\"unarchiveChannel\"}}")
    );
    assert_eq!(
        written(TeamsAsyncOperationType::Other("a\"b\\c\nd\u{1}é".into())),
        format!("{prefix}\"a\\\"b\\\\c\\nd\\u0001é\"}}")
    );
    // and every member reads back as itself
    for member in [
        "invalid",
        "cloneTeam",
        "unknownFutureValue",
        "createChat",
        "x\"y",
    ] {
        let member: TeamsAsyncOperationType = member.parse().unwrap();
        let body: Value = serde_json::from_str(&written(member.clone())).unwrap();
        assert_eq!(body["operationType"], member.as_str());
    }
}

#[test]
fn if_match_twice_sends_the_last_etag_once() {
    let request = TeamsAsyncOperation::patch_team("t")
        .if_match("W/\"1\"")
        .header("Prefer", "return=minimal")
        .if_match("W/\"2\"")
        .header("prefer", "odata.include-annotations=\"*\"")
        .build()
        .unwrap();
    let all = |name: &str| -> Vec<_> { request.headers().get_all(name).iter().collect() };
    assert_eq!(all("if-match"), ["W/\"2\""]);
    assert_eq!(
        all("prefer"),
        ["return=minimal", "odata.include-annotations=\"*\""]
    );
}
