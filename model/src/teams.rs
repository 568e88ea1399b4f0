//! The types. `tests/one-dep` compiles this very file in a crate whose only dependency is
//! `odata-resource`, so it must stay written through the facade alone.

use odata_resource::{Annotations, ComplexType, DateTimeOffset, Map, ODataEnum, Resource, Value};

/// `microsoft.graph.teamsAsyncOperationType`, Graph v1.0 members in metadata order. Members
/// after `UnknownFutureValue` are sent with `Prefer: include-unknown-enum-members`.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
pub enum TeamsAsyncOperationType {
    /// `invalid`
    Invalid,
    /// `cloneTeam`
    CloneTeam,
    /// `archiveTeam`
    ArchiveTeam,
    /// `unarchiveTeam`
    UnarchiveTeam,
    /// `createTeam`
    CreateTeam,
    /// `unknownFutureValue`: the evolvable-enum sentinel.
    UnknownFutureValue,
    /// `teamifyGroup`
    TeamifyGroup,
    /// `createChannel`
    CreateChannel,
    /// `archiveChannel`
    ArchiveChannel,
    /// `unarchiveChannel`
    UnarchiveChannel,
    /// A member this crate does not know yet (beta's `createChat`, say), kept verbatim.
    #[odata(other)]
    Other(String),
}

/// `microsoft.graph.teamsAsyncOperationStatus`.
#[derive(ODataEnum, Debug, Clone, PartialEq, Eq, Hash)]
pub enum TeamsAsyncOperationStatus {
    /// `invalid`
    Invalid,
    /// `notStarted`
    NotStarted,
    /// `inProgress`
    InProgress,
    /// `succeeded`
    Succeeded,
    /// `failed`
    Failed,
    /// `unknownFutureValue`: the evolvable-enum sentinel.
    UnknownFutureValue,
    /// A member this crate does not know yet, kept verbatim.
    #[odata(other)]
    Other(String),
}

/// `microsoft.graph.operationError`.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.operationError")]
pub struct OperationError {
    /// Operation error code.
    pub code: Option<String>,
    /// Operation error message.
    pub message: Option<String>,
}

/// `microsoft.graph.teamsAsyncOperation`: an operation that outlives one request (cloning,
/// archiving a team…). An open type: undeclared properties such as `values` are kept.
#[derive(Resource, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.teamsAsyncOperation")]
#[odata(path(team = "/teams/{teamsId}/operations"))]
#[odata(path(
    invited_user_team = "/invitations/{invitationsId}/invitedUser/joinedGroups/{groupId}/team/operations"
))]
pub struct TeamsAsyncOperation {
    /// Unique operation id (the key, from `entity`).
    #[odata(read_only)]
    pub id: Option<String>,
    /// Denotes the type of operation being described.
    #[odata(non_nullable)]
    pub operation_type: Option<TeamsAsyncOperationType>,
    /// Time when the operation was created.
    #[odata(read_only)]
    pub created_date_time: Option<DateTimeOffset>,
    /// Operation status.
    #[odata(non_nullable)]
    pub status: Option<TeamsAsyncOperationStatus>,
    /// Time when the async operation was last updated.
    #[odata(non_nullable)]
    pub last_action_date_time: Option<DateTimeOffset>,
    /// Number of times the operation was attempted before being marked successful or failed.
    #[odata(non_nullable)]
    pub attempts_count: Option<i32>,
    /// The ID of the object that's created or modified as a result of this async operation.
    pub target_resource_id: Option<String>,
    /// The location of the object that's created or modified (opaque).
    pub target_resource_location: Option<String>,
    /// Any error that causes the async operation to fail.
    pub error: Option<OperationError>,
    /// `@odata.etag`, `@odata.context`, the received `@odata.type` and other annotations.
    #[odata(annotations)]
    pub annotations: Annotations,
    /// Undeclared (dynamic) properties, e.g. beta's `values`.
    #[odata(additional)]
    pub additional: Map<String, Value>,
}
