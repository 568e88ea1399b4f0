//! The generated `TeamsAsyncOperation` against the hand-written one (`model/`, the guide's
//! example): the seed's PATCH body and the seed's response, exactly alike.

#[path = "../../../tests/common/mod.rs"]
mod common;

use common::{seed_json, without_nested_hash};
use graph_v1::microsoft::graph;
use odata_resource::DateTimeOffset;
use serde_json::Value;

fn last_action() -> DateTimeOffset {
    teams_model::SEED_LAST_ACTION.parse().unwrap()
}

#[test]
fn the_generated_resource_builds_the_seed_body_as_the_hand_written_one() {
    let generated = graph::TeamsAsyncOperation::patch_teams_operations("team-id", "op-id")
        .operation_type(graph::TeamsAsyncOperationType::CloneTeam)
        .status(graph::TeamsAsyncOperationStatus::InProgress)
        .last_action_date_time(last_action())
        .attempts_count(13)
        .target_resource_id("Target Resource Id value")
        .target_resource_location("Target Resource Location value")
        .error(graph::OperationError {
            code: Some("Code value".into()),
            message: Some("Message value".into()),
            ..Default::default()
        })
        .build()
        .unwrap();
    let hand_written = teams_model::seed_patch("team-id", last_action())
        .build()
        .unwrap();

    // the same members and values; each body lists them in its struct's order (the CSDL's for
    // the generated one), `@odata.type` first in both
    let body: Value = serde_json::from_slice(generated.body()).unwrap();
    let hand: Value = serde_json::from_slice(hand_written.body()).unwrap();
    assert_eq!(body, hand);
    assert_eq!(generated.body().len(), hand_written.body().len());
    for body in [generated.body(), hand_written.body()] {
        assert!(body.starts_with(br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","##));
    }
    let expected = seed_json("Request", "cloneTeam", "inProgress");
    assert_eq!(without_nested_hash(body), without_nested_hash(expected));
    // the CSDL's path is the operation's own (containment below an entity set); the page's
    // example patches the collection URL, which the hand-written model keeps
    assert_eq!(generated.path(), "/teams/team-id/operations/op-id");
    assert_eq!(hand_written.path(), "/teams/team-id/operations");
    assert_eq!(generated.headers(), hand_written.headers());
}

#[test]
fn the_generated_resource_reads_the_seed_response_as_the_hand_written_one() {
    let response = seed_json("Response", "archiveTeam", "succeeded");
    let bytes = serde_json::to_vec(&response).unwrap();
    let generated: graph::TeamsAsyncOperation = odata_resource::from_slice(&bytes).unwrap();
    let hand_written: teams_model::TeamsAsyncOperation =
        odata_resource::from_slice(&bytes).unwrap();

    assert_eq!(generated.id, hand_written.id);
    assert_eq!(
        generated.operation_type,
        Some(graph::TeamsAsyncOperationType::ArchiveTeam)
    );
    assert_eq!(
        generated.status,
        Some(graph::TeamsAsyncOperationStatus::Succeeded)
    );
    assert_eq!(generated.created_date_time, hand_written.created_date_time);
    assert_eq!(
        generated.last_action_date_time,
        hand_written.last_action_date_time
    );
    assert_eq!(generated.attempts_count, hand_written.attempts_count);
    assert_eq!(
        generated.target_resource_id,
        hand_written.target_resource_id
    );
    assert_eq!(
        generated.target_resource_location,
        hand_written.target_resource_location
    );
    assert_eq!(
        generated.error.as_ref().map(|e| (&e.code, &e.message)),
        hand_written.error.as_ref().map(|e| (&e.code, &e.message))
    );
    assert_eq!(generated.annotations, hand_written.annotations);
    assert_eq!(generated.additional, hand_written.additional);
    // the generated one writes the response back as received; the hand-written
    // `OperationError` has no annotations field, so it keeps no nested `@odata.type`, and is
    // otherwise the same
    let mut written = serde_json::to_value(&generated).unwrap();
    assert_eq!(
        without_nested_hash(written.clone()),
        without_nested_hash(response)
    );
    written["error"]
        .as_object_mut()
        .unwrap()
        .remove("@odata.type");
    assert_eq!(written, serde_json::to_value(&hand_written).unwrap());
}
