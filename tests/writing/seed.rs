//! Seed conformance: the "Update operations" page's example request, built by the library, and
//! its example response, read and written back.

use crate::common::{seed_example, seed_json, without_nested_hash};
use odata_resource::{DateTimeOffset, ODataType};
use serde_json::Value;
use teams_model::{
    OperationError, TeamsAsyncOperation, TeamsAsyncOperationStatus, TeamsAsyncOperationType,
};

fn seed_request() -> odata_resource::PatchRequest<TeamsAsyncOperation> {
    let last_action = teams_model::SEED_LAST_ACTION
        .parse::<DateTimeOffset>()
        .unwrap();
    teams_model::seed_patch("{teamsId}", last_action)
        .build()
        .unwrap()
}

#[test]
fn request_line_headers_and_body_match_the_seed() {
    let request = seed_request();
    assert_eq!(request.method(), "PATCH");
    assert_eq!(request.path(), "/teams/%7BteamsId%7D/operations");
    let headers = request.headers();
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(
        headers["content-length"].to_str().unwrap(),
        request.body().len().to_string()
    );
    assert!(
        headers.get("prefer").is_none(),
        "cloneTeam is before the sentinel"
    );

    let body: Value = serde_json::from_slice(request.body()).unwrap();
    let expected = seed_json("Request", "cloneTeam", "inProgress");
    assert_eq!(without_nested_hash(body), without_nested_hash(expected));

    let text = std::str::from_utf8(request.body()).unwrap();
    assert!(
        text.starts_with(r##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","##),
        "{text}"
    );
    assert!(text.contains(r##""error":{"@odata.type":"#microsoft.graph.operationError","code""##));
}

#[test]
fn the_seed_request_line_and_header_names_are_those_of_the_page() {
    let (head, _) = seed_example("Request");
    let mut lines = head.lines();
    let request_line = lines.next().unwrap();
    assert_eq!(
        request_line,
        "PATCH https://graph.microsoft.com/beta/teams/{teamsId}/operations"
    );
    let http = seed_request()
        .to_http("https://graph.microsoft.com/beta")
        .unwrap();
    assert_eq!(http.method(), "PATCH");
    assert_eq!(
        http.uri(),
        "https://graph.microsoft.com/beta/teams/%7BteamsId%7D/operations"
    );
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let name = line.split(':').next().unwrap();
        assert!(http.headers().contains_key(name), "missing header {name}");
    }
    assert_eq!(http.body().as_slice(), seed_request().body());
}

#[test]
fn display_is_the_http_message() {
    let request = seed_request();
    let text = request.to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let mut lines = head.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("PATCH /teams/%7BteamsId%7D/operations HTTP/1.1")
    );
    let headers: Vec<&str> = lines.collect();
    assert_eq!(
        headers,
        [
            "Content-Type: application/json",
            &format!("Content-Length: {}", request.body().len())
        ]
    );
    assert_eq!(body.as_bytes(), request.body());
}

#[test]
fn the_seed_response_parses_with_every_field() {
    let json = seed_json("Response", "archiveTeam", "succeeded");
    let response = odata_resource::http::Response::builder()
        .status(200)
        .header("Content-Type", "application/json")
        .body(serde_json::to_vec(&json).unwrap())
        .unwrap();
    let operation = seed_request().parse_response(&response).unwrap().unwrap();

    assert_eq!(
        operation.id.as_deref(),
        Some("e4e4eb3f-eb3f-e4e4-3feb-e4e43febe4e4")
    );
    assert_eq!(
        operation.operation_type,
        Some(TeamsAsyncOperationType::ArchiveTeam)
    );
    assert_eq!(operation.status, Some(TeamsAsyncOperationStatus::Succeeded));
    let created = operation.created_date_time.unwrap();
    assert_eq!(created.to_string(), "2016-12-31T23:57:02.5240758+03:00");
    assert_eq!(created.fraction_digits(), 7);
    let instant = created.to_offset_date_time();
    assert_eq!(instant.nanosecond(), 524_075_800);
    assert_eq!(instant.offset().whole_hours(), 3);
    assert_eq!(
        operation.last_action_date_time.unwrap().to_string(),
        "2016-12-31T23:57:34.9044303+03:00"
    );
    assert_eq!(operation.attempts_count, Some(13));
    assert_eq!(
        operation.target_resource_id.as_deref(),
        Some("Target Resource Id value")
    );
    assert_eq!(
        operation.target_resource_location.as_deref(),
        Some("Target Resource Location value")
    );
    assert_eq!(
        operation.error,
        Some(OperationError {
            code: Some("Code value".into()),
            message: Some("Message value".into())
        })
    );
    assert_eq!(
        operation.annotations.type_name(),
        Some(TeamsAsyncOperation::TYPE_NAME)
    );
    assert!(operation.additional.is_empty());

    // Written back, the nested error has no `@odata.type`: `OperationError` has no annotations
    // field, so it cannot tell whether it was read from a derived type and claims none (absent
    // means the declared type). Everything else comes back as received.
    let back = serde_json::to_value(&operation).unwrap();
    let mut expected = json;
    let nested = expected["error"].as_object_mut().unwrap();
    assert_eq!(
        nested.remove("@odata.type"),
        Some(Value::from("microsoft.graph.operationError"))
    );
    assert_eq!(back, expected);
}
