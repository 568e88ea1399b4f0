//! The example of Graph's "Update operations" page (the project's seed), written with the
//! builder: the example, the seed-conformance tests and the benches build the same request.

use odata_resource::DateTimeOffset;

use crate::{
    OperationError, TeamsAsyncOperation, TeamsAsyncOperationPatch, TeamsAsyncOperationStatus,
    TeamsAsyncOperationType,
};

/// The page's `lastActionDateTime`: Graph's 7 fraction digits and a `+03:00` offset.
pub const SEED_LAST_ACTION: &str = "2016-12-31T23:57:34.9044303+03:00";

/// The page's example request body for team `teams_id`, with real members in place of its
/// `"String"` placeholders (`cloneTeam`, `inProgress`); call `build()` on it.
///
/// ```
/// let request = teams_model::seed_patch("team-1", teams_model::SEED_LAST_ACTION.parse().unwrap())
///     .build()
///     .unwrap();
/// assert_eq!(request.path(), "/teams/team-1/operations");
/// ```
pub fn seed_patch(teams_id: &str, last_action: DateTimeOffset) -> TeamsAsyncOperationPatch {
    TeamsAsyncOperation::patch_team(teams_id)
        .operation_type(TeamsAsyncOperationType::CloneTeam)
        .status(TeamsAsyncOperationStatus::InProgress)
        .last_action_date_time(last_action)
        .attempts_count(13)
        .target_resource_id("Target Resource Id value")
        .target_resource_location("Target Resource Location value")
        .error(OperationError {
            code: Some("Code value".into()),
            message: Some("Message value".into()),
        })
}
