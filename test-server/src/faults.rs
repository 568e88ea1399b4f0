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

/// Rates of random failures for [`GraphServer::set_fault_rates`](crate::GraphServer::set_fault_rates):
/// each request independently, before any other rule.
#[derive(Debug, Clone, PartialEq)]
pub struct FaultRates {
    /// The share of requests answered `429 Too Many Requests` (0.0 to 1.0).
    pub too_many_requests: f64,
    /// The share answered `503 Service Unavailable`.
    pub service_unavailable: f64,
    /// The share whose connection is dropped without an answer.
    pub drop_connection: f64,
    /// `Retry-After` on the 429s and 503s, verbatim (e.g. `"0.005"`).
    pub retry_after: Option<String>,
    /// The generator's seed.
    pub seed: u64,
}

/// Draws failures at [`FaultRates`] with a xorshift generator.
#[derive(Debug)]
pub(crate) struct RandomFaults {
    rates: FaultRates,
    state: u64,
}

impl RandomFaults {
    pub(crate) fn new(rates: FaultRates) -> Self {
        // spread nearby seeds apart (xorshift needs a non-zero state)
        let state = rates.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        RandomFaults { rates, state }
    }

    /// The failure for the next request, if it fails.
    pub(crate) fn draw(&mut self) -> Option<Failure> {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        // the top 53 bits as a fraction in [0, 1)
        #[allow(clippy::cast_precision_loss)]
        let x = (self.state >> 11) as f64 / (1u64 << 53) as f64;
        let rates = &self.rates;
        let retry_after = rates.retry_after.clone();
        if x < rates.too_many_requests {
            Some(Failure::TooManyRequests { retry_after })
        } else if x < rates.too_many_requests + rates.service_unavailable {
            Some(Failure::ServiceUnavailable { retry_after })
        } else if x < rates.too_many_requests + rates.service_unavailable + rates.drop_connection {
            Some(Failure::DropConnection)
        } else {
            None
        }
    }
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
