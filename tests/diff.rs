//! Diff-based PATCH: `diff(old, new)` sets exactly the writable properties that differ.

use odata_resource::{from_slice, DateTimeOffset};
use serde_json::{json, Value};
use teams_model::{OperationError, TeamsAsyncOperation, TeamsAsyncOperationStatus};

fn current() -> TeamsAsyncOperation {
    from_slice(br#"{"@odata.etag":"W/\"4\"","id":"op","createdDateTime":"2021-05-27T21:23:41.9085453Z","status":"inProgress","attemptsCount":1,"targetResourceId":"t","targetResourceLocation":"/teams('t')","error":null,"values":"x"}"#).unwrap()
}

fn body(request: &odata_resource::PatchRequest<TeamsAsyncOperation>) -> Value {
    serde_json::from_slice(request.body()).unwrap()
}

#[test]
fn read_modify_write_sends_only_the_changes() {
    let old = current();
    let mut new = old.clone();
    new.status = Some(TeamsAsyncOperationStatus::Succeeded);
    new.target_resource_location = None;
    new.error = Some(OperationError {
        code: Some("c".into()),
        message: None,
    });
    new.id = Some("changed-but-read-only".into());
    new.created_date_time = Some("2020-01-01T00:00:00Z".parse::<DateTimeOffset>().unwrap());
    new.annotations.set_etag(Some("W/\"5\"".into()));
    new.additional.insert("values".into(), "y".into());

    let request = TeamsAsyncOperation::patch_team("t")
        .diff(&old, &new)
        .if_match(old.annotations.etag().unwrap())
        .build()
        .unwrap();
    assert_eq!(
        body(&request),
        json!({
            "@odata.type": "#microsoft.graph.teamsAsyncOperation",
            "status": "succeeded",
            "targetResourceLocation": null,
            "error": {"@odata.type": "#microsoft.graph.operationError", "code": "c", "message": null}
        })
    );
    assert_eq!(request.headers()["if-match"], "W/\"4\"");
}

#[test]
fn equal_values_send_nothing_and_building_twice_is_the_same() {
    let old = current();
    let request = TeamsAsyncOperation::patch_team("t")
        .diff(&old, &old.clone())
        .build()
        .unwrap();
    assert_eq!(
        body(&request),
        json!({"@odata.type": "#microsoft.graph.teamsAsyncOperation"})
    );

    let mut new = old.clone();
    new.attempts_count = Some(2);
    let builder = || {
        TeamsAsyncOperation::patch_team("t")
            .diff(&old, &new)
            .build()
            .unwrap()
    };
    assert_eq!(builder().body(), builder().body());
    assert_eq!(body(&builder())["attemptsCount"], 2);
}

#[test]
fn a_non_nullable_property_is_never_cleared() {
    let old = current();
    let mut new = old.clone();
    new.status = None;
    let request = TeamsAsyncOperation::patch_team("t")
        .diff(&old, &new)
        .build()
        .unwrap();
    assert_eq!(
        body(&request),
        json!({"@odata.type": "#microsoft.graph.teamsAsyncOperation"})
    );
}

#[test]
fn setters_after_diff_still_apply() {
    let old = current();
    let request = TeamsAsyncOperation::patch_team("t")
        .diff(&old, &old)
        .attempts_count(9)
        .build()
        .unwrap();
    assert_eq!(body(&request)["attemptsCount"], 9);
}
