//! The model's builder, reading and the crate override, with `odata-resource` as the only
//! dependency.

use odata_resource::{from_slice, DateTimeOffset, Error, ODataType};
use odata_resource_one_dep::{
    OperationError, TeamsAsyncOperation, TeamsAsyncOperationStatus, TeamsAsyncOperationType,
};

#[test]
fn builds_the_seed_request() -> Result<(), Error> {
    let request = TeamsAsyncOperation::patch_invited_user_team("invitation 1", "group/2")
        .operation_type(TeamsAsyncOperationType::TeamifyGroup)
        .status(TeamsAsyncOperationStatus::Succeeded)
        .attempts_count(13)
        .last_action_date_time(
            "2024-01-01T10:00:00.1234567Z"
                .parse::<DateTimeOffset>()
                .unwrap(),
        )
        .error(OperationError {
            code: Some("Code value".into()),
            message: None,
        })
        .clear_target_resource_location()
        .if_match("W/\"etag\"")
        .build()?;
    assert_eq!(request.method(), "PATCH");
    assert_eq!(
        request.path(),
        "/invitations/invitation%201/invitedUser/joinedGroups/group%2F2/team/operations"
    );
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        concat!(
            r##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","operationType":"teamifyGroup","##,
            r##""status":"succeeded","lastActionDateTime":"2024-01-01T10:00:00.1234567Z","attemptsCount":13,"##,
            r##""targetResourceLocation":null,"##,
            // a nested `None` is left out: the service keeps the current message
            r##""error":{"@odata.type":"#microsoft.graph.operationError","code":"Code value"}}"##,
        )
    );
    // `teamifyGroup` is declared after `unknownFutureValue`.
    assert_eq!(request.headers()["prefer"], "include-unknown-enum-members");
    assert_eq!(request.headers()["if-match"], "W/\"etag\"");
    let http = request.to_http("https://graph.microsoft.com/beta")?;
    assert_eq!(
        http.uri(),
        "https://graph.microsoft.com/beta/invitations/invitation%201/invitedUser/joinedGroups/group%2F2/team/operations"
    );
    Ok(())
}

#[test]
fn reads_what_a_newer_service_sends() -> Result<(), Error> {
    let read: TeamsAsyncOperation = from_slice(
        br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","@odata.etag":"W/\"2\"","id":"op","operationType":"createChat","status":"inProgress","attemptsCount":1,"values":[1]}"##,
    )?;
    assert_eq!(read.id.as_deref(), Some("op"));
    assert_eq!(
        read.operation_type,
        Some(TeamsAsyncOperationType::Other("createChat".into()))
    );
    assert_eq!(read.status, Some(TeamsAsyncOperationStatus::InProgress));
    assert_eq!(read.annotations.etag(), Some("W/\"2\""));
    assert!(read.additional.contains_key("values"));
    assert_eq!(
        TeamsAsyncOperation::TYPE_NAME,
        "microsoft.graph.teamsAsyncOperation"
    );
    Ok(())
}

/// A derive reaching the runtime through this crate's re-export, in the `::…` form.
mod through_the_sdk {
    use odata_resource_one_dep::sdk::odata;

    #[derive(odata::Resource, Debug, Default)]
    #[odata(crate = "::odata_resource_one_dep::sdk::odata")]
    #[odata(type = "microsoft.graph.team", path = "/teams/{teamsId}")]
    pub struct Team {
        pub display_name: Option<String>,
    }
}

#[test]
fn crate_override_through_another_crate() -> Result<(), Error> {
    let request = through_the_sdk::Team::patch("t")
        .display_name("x")
        .build()?;
    assert_eq!(
        request.body(),
        br##"{"@odata.type":"#microsoft.graph.team","displayName":"x"}"##
    );
    Ok(())
}
