//! Reading an error response: the OData error body (`{"error": {…}}`, read leniently: Graph's
//! `innerError` and the spec's `innererror`), with the headers worth keeping.

use serde_json::{Map, Value};

use crate::error::{InnerError, ODataError, ODataErrorDetail, ServiceError};
use crate::retry_after::RetryAfter;

use super::from_slice;

impl ServiceError {
    /// Reads an error response: status, body and headers.
    ///
    /// ```
    /// use odata_resource_runtime::ServiceError;
    ///
    /// let response = http::Response::builder()
    ///     .status(404)
    ///     .header("request-id", "r-1")
    ///     .body(r#"{"error":{"code":"itemNotFound","message":"No team."}}"#)
    ///     .unwrap();
    /// let error = ServiceError::from_response(&response);
    /// assert_eq!(error.error.code, "itemNotFound");
    /// assert_eq!(error.request_id.as_deref(), Some("r-1"));
    /// ```
    pub fn from_response<B: AsRef<[u8]>>(response: &http::Response<B>) -> Self {
        let headers = response.headers();
        let error = ODataError::from_body(response.body().as_ref());
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let inner = error.inner_error.as_ref();
        ServiceError {
            status: response.status(),
            retry_after: RetryAfter::from_headers(headers),
            request_id: header("request-id").or_else(|| inner.and_then(|i| i.request_id.clone())),
            client_request_id: header("client-request-id")
                .or_else(|| inner.and_then(|i| i.client_request_id.clone())),
            error,
        }
    }
}

/// How much of a non-OData error body is kept as the message.
const MESSAGE_LIMIT: usize = 512;

impl ODataError {
    /// Reads an error body. Never fails: a body that is not an OData error becomes an error with
    /// an empty code and the body's start (up to 512 bytes, lossy UTF-8) as message. A leading
    /// UTF-8 byte-order mark is skipped, as by [`from_slice`](crate::from_slice).
    ///
    /// ```
    /// use odata_resource_runtime::ODataError;
    ///
    /// let body = br#"{"error":{"code":"badRequest","message":"Bad.","innererror":{"request-id":"r"}}}"#;
    /// let error = ODataError::from_body(body);
    /// assert_eq!(error.code, "badRequest");
    /// assert_eq!(error.inner_error.unwrap().request_id.as_deref(), Some("r"));
    /// assert_eq!(ODataError::from_body(b"<html>oops</html>").message, "<html>oops</html>");
    /// ```
    pub fn from_body(body: &[u8]) -> Self {
        let parsed = from_slice::<Value>(body).ok();
        match parsed.as_ref().and_then(|v| v.get("error")) {
            Some(Value::Object(error)) => Self::from_object(error),
            _ => {
                let end = body.len().min(MESSAGE_LIMIT);
                ODataError {
                    message: String::from_utf8_lossy(&body[..end]).trim().to_owned(),
                    ..ODataError::default()
                }
            }
        }
    }

    fn from_object(error: &Map<String, Value>) -> Self {
        ODataError {
            code: text(error.get("code")).unwrap_or_default(),
            message: text(error.get("message")).unwrap_or_default(),
            target: text(error.get("target")),
            details: match error.get("details") {
                Some(Value::Array(items)) => items
                    .iter()
                    .filter_map(Value::as_object)
                    .map(|d| ODataErrorDetail {
                        code: text(d.get("code")).unwrap_or_default(),
                        message: text(d.get("message")).unwrap_or_default(),
                        target: text(d.get("target")),
                    })
                    .collect(),
                _ => Vec::new(),
            },
            inner_error: inner_of(error).map(InnerError::from_object),
        }
    }
}

impl InnerError {
    fn from_object(inner: &Map<String, Value>) -> Self {
        const KNOWN: [&str; 7] = [
            "code",
            "request-id",
            "requestId",
            "client-request-id",
            "date",
            "innerError",
            "innererror",
        ];
        InnerError {
            code: text(inner.get("code")),
            request_id: text(inner.get("request-id").or_else(|| inner.get("requestId"))),
            client_request_id: text(inner.get("client-request-id")),
            date: text(inner.get("date")),
            inner_error: inner_of(inner).map(|i| Box::new(InnerError::from_object(i))),
            other: inner
                .iter()
                .filter(|(k, _)| !KNOWN.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        }
    }
}

fn inner_of(object: &Map<String, Value>) -> Option<&Map<String, Value>> {
    object
        .get("innerError")
        .or_else(|| object.get("innererror"))
        .and_then(Value::as_object)
}

/// A string member as text; numbers (Graph sends `"status": "429"` but some services send 429)
/// are written out.
fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_throttling_body() {
        let body = br#"{"error":{"code":"TooManyRequests","innerError":{"code":"429","date":"2020-08-18T12:51:51","message":"Please retry after","request-id":"94fb3b52-452a-4535-a601-69e0a90e3aa2","status":"429"},"message":"Please retry again later."}}"#;
        let error = ODataError::from_body(body);
        assert_eq!(error.code, "TooManyRequests");
        assert_eq!(error.message, "Please retry again later.");
        let inner = error.inner_error.unwrap();
        assert_eq!(inner.code.as_deref(), Some("429"));
        assert_eq!(inner.date.as_deref(), Some("2020-08-18T12:51:51"));
        assert_eq!(
            inner.request_id.as_deref(),
            Some("94fb3b52-452a-4535-a601-69e0a90e3aa2")
        );
        assert_eq!(inner.other.get("status"), Some(&Value::from("429")));
        assert_eq!(
            inner.other.get("message"),
            Some(&Value::from("Please retry after"))
        );
    }

    #[test]
    fn details_and_nested_inner_errors() {
        let body = br#"{"error":{"code":"c","message":"m","target":"t","details":[{"code":"d","message":"dm","target":"dt"}],"innererror":{"requestId":"old","innererror":{"code":"deeper"}}}}"#;
        let error = ODataError::from_body(body);
        assert_eq!(error.target.as_deref(), Some("t"));
        assert_eq!(error.details.len(), 1);
        assert_eq!(error.details[0].target.as_deref(), Some("dt"));
        let inner = error.inner_error.unwrap();
        assert_eq!(inner.request_id.as_deref(), Some("old"));
        assert_eq!(inner.inner_error.unwrap().code.as_deref(), Some("deeper"));
    }

    #[test]
    fn non_odata_bodies_keep_their_start() {
        let long = vec![b'x'; 2000];
        assert_eq!(ODataError::from_body(&long).message.len(), MESSAGE_LIMIT);
        assert_eq!(ODataError::from_body(b"").message, "");
        let not_object = ODataError::from_body(br#"{"error":"denied"}"#);
        assert_eq!(not_object.code, "");
        assert_eq!(not_object.message, r#"{"error":"denied"}"#);
    }
}
