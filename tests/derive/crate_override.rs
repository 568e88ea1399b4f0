//! `#[odata(crate = "…")]`: the derives reach the runtime through a re-export under another
//! name, as an SDK crate that re-exports odata-resource to its users does.

/// This crate's re-export of odata-resource under another name.
mod sdk {
    pub use ::odata_resource as odata;
}

/// Written as an SDK's user would: everything through `crate::crate_override::sdk::odata`.
mod through_crate_path {
    use crate::crate_override::sdk::odata;

    #[derive(odata::ODataEnum, Debug, Clone, PartialEq, Eq)]
    #[odata(crate = "crate::crate_override::sdk::odata")]
    pub enum Status {
        NotStarted,
        UnknownFutureValue,
        Archived,
        #[odata(other)]
        Other(String),
    }

    #[derive(odata::ComplexType, Debug, Clone, PartialEq, Default)]
    #[odata(
        type = "microsoft.graph.operationError",
        crate = "crate::crate_override::sdk::odata"
    )]
    pub struct OperationError {
        pub code: Option<String>,
    }

    #[derive(odata::Resource, Debug, Clone, PartialEq, Default)]
    #[odata(crate = "crate::crate_override::sdk::odata")]
    #[odata(type = "microsoft.graph.teamsAsyncOperation")]
    #[odata(path(team = "/teams/{teamsId}/operations"))]
    pub struct Operation {
        #[odata(read_only)]
        pub id: Option<String>,
        pub status: Option<Status>,
        pub error: Option<OperationError>,
        #[odata(annotations)]
        pub annotations: odata::Annotations,
    }
}

/// The absolute form, `::name::…`.
mod through_absolute_path {
    #[derive(::odata_resource::Resource, Debug, Default)]
    #[odata(crate = "::odata_resource")]
    #[odata(type = "microsoft.graph.team")]
    #[odata(path = "/teams/{teamsId}")]
    pub struct Team {
        pub display_name: Option<String>,
    }
}

#[test]
fn crate_path_override_works_for_all_derives() {
    use through_crate_path::{Operation, OperationError, Status};
    let request = Operation::patch_team("t")
        .status(Status::Archived)
        .error(OperationError {
            code: Some("c".into()),
        })
        .build()
        .unwrap();
    // `archived` comes after `unknownFutureValue`: the header is added through the override too.
    assert_eq!(request.headers()["prefer"], "include-unknown-enum-members");
    assert_eq!(
        request.body(),
        br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","status":"archived","error":{"@odata.type":"#microsoft.graph.operationError","code":"c"}}"##
    );
    let read: Operation =
        sdk::odata::from_slice(br#"{"status":"later","@odata.etag":"W/\"1\""}"#).unwrap();
    assert_eq!(read.status, Some(Status::Other("later".into())));
    assert_eq!(read.annotations.etag(), Some("W/\"1\""));
    assert_eq!(
        <Operation as sdk::odata::ODataType>::TYPE_NAME,
        "microsoft.graph.teamsAsyncOperation"
    );
}

#[test]
fn absolute_crate_path_works() {
    let request = through_absolute_path::Team::patch("t")
        .display_name("x")
        .build()
        .unwrap();
    assert_eq!(request.path(), "/teams/t");
}
