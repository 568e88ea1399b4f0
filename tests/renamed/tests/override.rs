//! A PATCH built and a response read through derives that reach the runtime by
//! `#[odata(crate = "::odr")]` alone.

use odata_resource_renamed_test::{AnyOperation, Operation, OperationError, Status};
use odr::http::Response;
use odr::{from_slice, Error, ODataType};

#[test]
fn builds_a_patch() -> Result<(), Error> {
    let request = Operation::patch_team("team 1")
        .status(Status::Archived)
        .error(OperationError::patch().code("c").clear_message())
        .if_match("W/\"1\"")
        .build()?;
    assert_eq!(request.path(), "/teams/team%201/operations");
    // `archived` comes after `unknownFutureValue`: the header is added through the override too
    assert_eq!(request.headers()["prefer"], "include-unknown-enum-members");
    assert_eq!(request.headers()["if-match"], "W/\"1\"");
    assert_eq!(
        request.body(),
        br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","status":"archived","error":{"@odata.type":"#microsoft.graph.operationError","code":"c","message":null}}"##
    );
    Ok(())
}

#[test]
fn reads_a_response() -> Result<(), Error> {
    let request = Operation::patch_team("t")
        .status(Status::NotStarted)
        .build()?;
    let body = br#"{"@odata.etag":"W/\"2\"","id":"op","status":"later","error":{"code":"c"}}"#;
    let response = Response::builder().status(200).body(&body[..]).unwrap();
    let read = request
        .parse_response(&response)?
        .expect("a 200 with a body");
    assert_eq!(read.id.as_deref(), Some("op"));
    assert_eq!(read.status, Some(Status::Other("later".into())));
    assert_eq!(read.error.and_then(|e| e.code).as_deref(), Some("c"));
    assert_eq!(read.annotations.etag(), Some("W/\"2\""));
    let none = Response::builder().status(204).body(&b""[..]).unwrap();
    assert_eq!(request.parse_response(&none)?, None);
    Ok(())
}

#[test]
fn reads_by_odata_type() -> Result<(), Error> {
    let any: AnyOperation = from_slice(
        br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","status":"archived"}"##,
    )?;
    let AnyOperation::Operation(operation) = any else {
        panic!("{any:?}");
    };
    assert_eq!(operation.status, Some(Status::Archived));
    assert_eq!(
        <Operation as ODataType>::TYPE_NAME,
        "microsoft.graph.teamsAsyncOperation"
    );
    Ok(())
}
