//! Reading any client's `http::Response`: success with and without a body, and error bodies.

use std::time::Duration;

use odata_resource::http::Response;
use odata_resource::{Error, RetryAfter};
use teams_model::{TeamsAsyncOperation, TeamsAsyncOperationStatus};

fn request() -> odata_resource::PatchRequest<TeamsAsyncOperation> {
    TeamsAsyncOperation::patch_team("t")
        .status(TeamsAsyncOperationStatus::Failed)
        .build()
        .unwrap()
}

fn response(status: u16, body: &str) -> Response<Vec<u8>> {
    Response::builder()
        .status(status)
        .body(body.as_bytes().to_vec())
        .unwrap()
}

#[test]
fn ok_with_a_body_is_some() {
    let parsed = request()
        .parse_response(&response(200, r#"{"id":"x","status":"failed"}"#))
        .unwrap()
        .unwrap();
    assert_eq!(parsed.id.as_deref(), Some("x"));
    assert_eq!(parsed.status, Some(TeamsAsyncOperationStatus::Failed));
}

#[test]
fn no_content_or_an_empty_body_is_none() {
    assert_eq!(request().parse_response(&response(204, "")).unwrap(), None);
    assert_eq!(request().parse_response(&response(200, "")).unwrap(), None);
    assert_eq!(
        request().parse_response(&response(200, " \r\n")).unwrap(),
        None
    );
    // any body type that is AsRef<[u8]>
    let borrowed: Response<&[u8]> = Response::builder().status(204).body(&b""[..]).unwrap();
    assert_eq!(request().parse_response(&borrowed).unwrap(), None);
}

#[test]
fn graph_error_bodies_with_inner_error() {
    let body = r#"{"error":{"code":"itemNotFound","message":"The team was not found.","innerError":{"date":"2021-07-02T01:40:19","request-id":"body-request-id","client-request-id":"body-client-id"}}}"#;
    let err = request().parse_response(&response(404, body)).unwrap_err();
    let Error::Service(service) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(service.status, 404);
    assert_eq!(service.error.code, "itemNotFound");
    assert_eq!(service.error.message, "The team was not found.");
    assert_eq!(service.request_id.as_deref(), Some("body-request-id"));
    assert_eq!(service.client_request_id.as_deref(), Some("body-client-id"));
    assert_eq!(
        service.error.inner_error.as_ref().unwrap().date.as_deref(),
        Some("2021-07-02T01:40:19")
    );
    assert_eq!(service.retry_after, None);
    assert_eq!(
        err.to_string(),
        "HTTP 404 Not Found itemNotFound: The team was not found. (request-id body-request-id)"
    );
}

#[test]
fn odata_spec_error_bodies_with_innererror_and_headers() {
    let body = r#"{"error":{"code":"BadRequest","message":"Property 'id' is read-only and cannot be set.","target":"id","details":[{"code":"readOnly","message":"id"}],"innererror":{"request-id":"ignored-for-header"}}}"#;
    let response = Response::builder()
        .status(400)
        .header("request-id", "header-request-id")
        .header("client-request-id", "header-client-id")
        .body(body.as_bytes().to_vec())
        .unwrap();
    let Err(Error::Service(service)) = request().parse_response(&response) else {
        panic!("expected a service error")
    };
    assert_eq!(service.status, 400);
    assert_eq!(service.error.code, "BadRequest");
    assert_eq!(service.error.target.as_deref(), Some("id"));
    assert_eq!(service.error.details[0].code, "readOnly");
    assert_eq!(service.request_id.as_deref(), Some("header-request-id"));
    assert_eq!(
        service.client_request_id.as_deref(),
        Some("header-client-id")
    );
    assert_eq!(
        service
            .error
            .inner_error
            .as_ref()
            .unwrap()
            .request_id
            .as_deref(),
        Some("ignored-for-header")
    );
}

#[test]
fn retry_after_is_kept() {
    let throttled = Response::builder()
        .status(429)
        .header("Retry-After", "2.128")
        .body(
            br#"{"error":{"code":"TooManyRequests","message":"Please retry again later."}}"#
                .to_vec(),
        )
        .unwrap();
    let Err(Error::Service(service)) = request().parse_response(&throttled) else {
        panic!("expected a service error")
    };
    assert_eq!(
        service.retry_after,
        Some(RetryAfter::Delay(Duration::from_millis(2128)))
    );

    let unavailable = Response::builder()
        .status(503)
        .header("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT")
        .body(b"<html>down</html>".to_vec())
        .unwrap();
    let Err(Error::Service(service)) = request().parse_response(&unavailable) else {
        panic!("expected a service error")
    };
    assert!(matches!(service.retry_after, Some(RetryAfter::At(_))));
    assert_eq!(service.error.code, "");
    assert_eq!(service.error.message, "<html>down</html>");
}

#[test]
fn a_body_that_does_not_fit_names_the_property() {
    let err = request()
        .parse_response(&response(200, r#"{"id":"x","attemptsCount":"three"}"#))
        .unwrap_err();
    let Error::Json { path, message } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(path, "attemptsCount");
    assert!(message.contains("expected i32"), "{message}");
}
