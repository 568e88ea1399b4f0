//! Reading a service's answer: a success body into the resource type, an error status into
//! [`Error::Service`].

use serde::de::DeserializeOwned;

use crate::error::{Error, ServiceError};

/// Reads a response for a resource type `T`; see [`PatchRequest::parse_response`](crate::PatchRequest::parse_response).
///
/// # Errors
/// As [`PatchRequest::parse_response`](crate::PatchRequest::parse_response).
pub fn parse_response<T: DeserializeOwned, B: AsRef<[u8]>>(
    response: &http::Response<B>,
) -> Result<Option<T>, Error> {
    let status = response.status();
    if !status.is_success() {
        return Err(Error::Service(Box::new(ServiceError::from_response(
            response,
        ))));
    }
    let body = response.body().as_ref();
    if status == http::StatusCode::NO_CONTENT || body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    super::from_slice(body).map(Some)
}
