//! Reading JSON bodies and responses: [`from_slice`] (a BOM skipped, UTF-8 checked once, our
//! JSON reader in `json/` with serde_json for what it does not read, the property path of an
//! error), the helpers the derived `Deserialize` calls, the property path in their messages, and
//! a service's answer (a resource, or an error body).

pub(crate) mod de;
mod error_body;
pub(crate) mod error_path;
mod from_slice;
pub(crate) mod json;
mod locate;
mod response;

pub(crate) use from_slice::from_buffered;
pub use from_slice::from_slice;
pub use response::parse_response;
