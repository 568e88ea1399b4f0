//! [`Error`] and the service's error body, [`ODataError`].

use std::fmt;

use serde_json::{Map, Value};

use crate::batch::error::BatchError;
use crate::retry_after::RetryAfter;

/// Everything that can go wrong building, sending or reading a request.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A path parameter would change which resource the request addresses (empty, `.`, `..`,
    /// `$…`, or a qualified name), so `build()` refused it.
    InvalidPathParameter {
        /// The placeholder's name in the path template, e.g. `teamsId`.
        parameter: &'static str,
        /// The value given.
        value: String,
        /// Why it was refused.
        reason: &'static str,
    },
    /// A header name or value that cannot be sent (control characters, or a header the builder
    /// manages itself).
    InvalidHeader {
        /// The header's name as given.
        name: String,
        /// Why it was refused.
        reason: String,
    },
    /// The service root given to `to_http` is not an absolute `http`/`https` URL.
    InvalidServiceRoot {
        /// The root as given.
        root: String,
        /// Why it was refused.
        reason: String,
    },
    /// A JSON body that does not fit the type; `path` names the property (`error.code`,
    /// `value[3].status`, or empty for the top level).
    Json {
        /// Where in the body: property names joined by `.`, array indexes in brackets.
        path: String,
        /// What is wrong there.
        message: String,
    },
    /// The service answered with an error status.
    Service(Box<ServiceError>),
    /// A request could not join a batch.
    Batch(BatchError),
    /// A batch response that does not answer the batch (an answer missing, doubled or unknown).
    BatchResponse(String),
    /// The HTTP client failed before a response arrived (connection refused or dropped, TLS,
    /// timeout).
    Transport(Box<dyn std::error::Error + Send + Sync>),
    /// A path template given at run time ([`List::path`](crate::get::List::path)) does not fit
    /// its values.
    InvalidPathTemplate {
        /// The template as given.
        template: String,
        /// Why it was refused.
        reason: String,
    },
    /// A link the service sent (`@odata.nextLink`) points away from the service's origin; it is
    /// not followed, so the client's token does not go there.
    ForeignLink {
        /// The link as sent.
        link: String,
        /// The service root the requests go to.
        service_root: String,
    },
    /// A read–modify–write lost the race every time: each PATCH with the ETag just read was
    /// answered `412 Precondition Failed`.
    PreconditionFailed {
        /// How many times the resource was read and the change tried.
        attempts: u32,
        /// The last 412.
        last: Box<ServiceError>,
    },
    /// An attempt took longer than the client's timeout
    /// (`Client::timeout`, feature `client`).
    Timeout {
        /// The timeout that ran out.
        after: std::time::Duration,
    },
    /// A collection had more pages than the limit set for reading it.
    PageLimit {
        /// The limit.
        pages: u32,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidPathParameter {
                parameter,
                value,
                reason,
            } => write!(
                f,
                "invalid path parameter `{parameter}` = {value:?}: {reason}"
            ),
            Error::InvalidHeader { name, reason } => write!(f, "invalid header `{name}`: {reason}"),
            Error::InvalidServiceRoot { root, reason } => {
                write!(f, "invalid service root {root:?}: {reason}")
            }
            Error::Json { path, message } if path.is_empty() => {
                write!(f, "invalid JSON: {message}")
            }
            Error::Json { path, message } => write!(f, "invalid JSON at `{path}`: {message}"),
            Error::Service(error) => error.fmt(f),
            Error::Batch(error) => error.fmt(f),
            Error::BatchResponse(problem) => write!(f, "unexpected batch response: {problem}"),
            Error::Transport(error) => write!(f, "transport error: {error}"),
            Error::InvalidPathTemplate { template, reason } => {
                write!(f, "invalid path template {template:?}: {reason}")
            }
            Error::ForeignLink { link, service_root } => write!(
                f,
                "refused to follow {link:?}: it is not on the service's origin ({service_root})"
            ),
            Error::PreconditionFailed { attempts, last } => write!(
                f,
                "the resource changed under every one of {attempts} attempts to update it; last: {last}"
            ),
            Error::Timeout { after } => write!(f, "no answer within {after:?}"),
            Error::PageLimit { pages } => {
                write!(f, "the collection has more than {pages} pages, the limit set")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport(error) => Some(&**error),
            Error::Batch(error) => Some(error),
            _ => None,
        }
    }
}

/// An error status from the service, with its parsed body and the headers worth keeping.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ServiceError {
    /// The response status.
    pub status: http::StatusCode,
    /// The parsed `{"error": …}` body. A body that is not an OData error gives an empty `code`
    /// and the start of the body as `message`.
    pub error: ODataError,
    /// The `Retry-After` header, when present and readable.
    pub retry_after: Option<RetryAfter>,
    /// The `request-id` header, else the body's `innerError.request-id`.
    pub request_id: Option<String>,
    /// The `client-request-id` header, else the body's `innerError.client-request-id`.
    pub client_request_id: Option<String>,
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}", self.status)?;
        if !self.error.code.is_empty() {
            write!(f, " {}", self.error.code)?;
        }
        if !self.error.message.is_empty() {
            write!(f, ": {}", self.error.message)?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request-id {id})")?;
        }
        Ok(())
    }
}

/// The OData error body (`{"error": {"code", "message", "target", "details", "innererror"}}`),
/// read leniently: Graph's `innerError` and the spec's `innererror` are both understood.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ODataError {
    /// The service-defined code, e.g. `itemNotFound` (compare case-insensitively: Graph's
    /// workloads differ in case).
    pub code: String,
    /// The human-readable message.
    pub message: String,
    /// The target of the error, if given.
    pub target: Option<String>,
    /// Further errors, if given.
    pub details: Vec<ODataErrorDetail>,
    /// `innerError` / `innererror`, if given.
    pub inner_error: Option<InnerError>,
}

/// One entry of [`ODataError::details`].
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ODataErrorDetail {
    /// The detail's code.
    pub code: String,
    /// The detail's message.
    pub message: String,
    /// The detail's target, if given.
    pub target: Option<String>,
}

/// Graph's `innerError` (or the spec's `innererror`): diagnostics of the failed request.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct InnerError {
    /// A more specific code, if given.
    pub code: Option<String>,
    /// `request-id` (older Graph responses: `requestId`).
    pub request_id: Option<String>,
    /// `client-request-id`.
    pub client_request_id: Option<String>,
    /// `date`, as sent (Graph writes it without an offset).
    pub date: Option<String>,
    /// A nested inner error, if given.
    pub inner_error: Option<Box<InnerError>>,
    /// Every other member, kept as received.
    pub other: Map<String, Value>,
}

impl From<BatchError> for Error {
    fn from(error: BatchError) -> Self {
        Error::Batch(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_status_code_and_message() {
        let response = http::Response::builder()
            .status(429)
            .header("Retry-After", "2")
            .header("request-id", "abc")
            .body(br#"{"error":{"code":"TooManyRequests","message":"Slow down."}}"#.to_vec())
            .unwrap();
        let error = Error::Service(Box::new(ServiceError::from_response(&response)));
        assert_eq!(
            error.to_string(),
            "HTTP 429 Too Many Requests TooManyRequests: Slow down. (request-id abc)"
        );
    }

    #[test]
    fn every_error_names_what_is_wrong_and_where() {
        let cases: Vec<(Error, &str)> = vec![
            (
                Error::InvalidPathParameter {
                    parameter: "teamsId",
                    value: "..".into(),
                    reason: "is a dot segment, which URL parsers remove",
                },
                r#"invalid path parameter `teamsId` = "..": is a dot segment, which URL parsers remove"#,
            ),
            (
                Error::InvalidHeader {
                    name: "If-Match".into(),
                    reason: "contains the control character 0x0A".into(),
                },
                "invalid header `If-Match`: contains the control character 0x0A",
            ),
            (
                Error::InvalidServiceRoot {
                    root: "ftp://x".into(),
                    reason: "expected an absolute http or https URL".into(),
                },
                r#"invalid service root "ftp://x": expected an absolute http or https URL"#,
            ),
            (
                Error::Json {
                    path: "error.code".into(),
                    message: "invalid type: integer `5`, expected a string".into(),
                },
                "invalid JSON at `error.code`: invalid type: integer `5`, expected a string",
            ),
            (
                Error::Json {
                    path: String::new(),
                    message: "EOF while parsing".into(),
                },
                "invalid JSON: EOF while parsing",
            ),
            (
                Error::Batch(BatchError::Full),
                "a batch holds at most 20 requests",
            ),
            (
                Error::BatchResponse("no answer for `1`".into()),
                "unexpected batch response: no answer for `1`",
            ),
            (
                Error::Transport("connection reset".into()),
                "transport error: connection reset",
            ),
            (
                Error::InvalidPathTemplate {
                    template: "/groups/{id}".into(),
                    reason: "1 placeholders, 0 values".into(),
                },
                r#"invalid path template "/groups/{id}": 1 placeholders, 0 values"#,
            ),
            (
                Error::ForeignLink {
                    link: "https://evil.example/x".into(),
                    service_root: "https://graph.microsoft.com/v1.0".into(),
                },
                r#"refused to follow "https://evil.example/x": it is not on the service's origin (https://graph.microsoft.com/v1.0)"#,
            ),
            (
                Error::Timeout {
                    after: std::time::Duration::from_millis(250),
                },
                "no answer within 250ms",
            ),
            (
                Error::PageLimit { pages: 3 },
                "the collection has more than 3 pages, the limit set",
            ),
        ];
        for (error, expected) in cases {
            assert_eq!(error.to_string(), expected);
        }
        let transport = Error::Transport("reset".into());
        assert!(std::error::Error::source(&transport).is_some());
    }
}
