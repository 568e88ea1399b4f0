//! Canned transport and throttling failures for the next requests.

use axum::response::Response;
use http::header::{HeaderValue, RETRY_AFTER};
use http::StatusCode;

use crate::odata::{GraphError, RequestIds};

/// A failure that [`GraphServer::fail_next`](crate::GraphServer::fail_next) makes the server
/// produce instead of handling a request (any route, before any other rule).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// `429 Too Many Requests` with Graph's throttling body (`code` `TooManyRequests`).
    TooManyRequests {
        /// Sent verbatim as the `Retry-After` header (e.g. `"2.128"`, as Graph's docs show); none if `None`.
        retry_after: Option<String>,
    },
    /// `503 Service Unavailable` (`code` `ServiceUnavailable`).
    ServiceUnavailable {
        /// Sent verbatim as the `Retry-After` header; none if `None`.
        retry_after: Option<String>,
    },
    /// `504 Gateway Timeout` (`code` `GatewayTimeout`).
    GatewayTimeout,
    /// Closes the TCP connection after reading the request, without sending a single response byte.
    DropConnection,
}

/// The response for a failure, or `None` for [`Failure::DropConnection`] (the caller drops the connection).
pub(crate) fn response(failure: &Failure, ids: &RequestIds) -> Option<Response> {
    let error = match failure {
        Failure::TooManyRequests { retry_after } => {
            let mut error = GraphError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "TooManyRequests",
                "Please retry again later.",
            );
            error.inner_code = Some("429");
            error.inner_message_status = Some(("Please retry after", "429"));
            with_retry_after(error, retry_after.as_deref())
        }
        Failure::ServiceUnavailable { retry_after } => {
            let error = GraphError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "ServiceUnavailable",
                "The service is temporarily unavailable. Please retry later.",
            );
            with_retry_after(error, retry_after.as_deref())
        }
        Failure::GatewayTimeout => GraphError::new(
            StatusCode::GATEWAY_TIMEOUT,
            "GatewayTimeout",
            "The gateway did not receive a timely response from the service.",
        ),
        Failure::DropConnection => return None,
    };
    Some(error.into_response(ids))
}

/// Adds `Retry-After` verbatim (a value that is not a valid header value is left out).
fn with_retry_after(error: GraphError, retry_after: Option<&str>) -> GraphError {
    match retry_after.map(HeaderValue::from_str) {
        Some(Ok(value)) => error.with_header(RETRY_AFTER, value),
        _ => error,
    }
}
