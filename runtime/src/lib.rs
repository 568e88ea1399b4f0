//! Runtime of [odata-resource](https://docs.rs/odata-resource): everything the derives' generated
//! code calls, as ordinary Rust. Depend on the `odata-resource` crate, not on this one.

pub mod datetime;
mod json;
pub mod retry_after;
mod value;

pub use datetime::{DateTimeOffset, DateTimeParseError};
pub use retry_after::RetryAfter;
pub use value::ODataValue;
