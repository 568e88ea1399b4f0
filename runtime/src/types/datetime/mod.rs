//! [`DateTimeOffset`]: an `Edm.DateTimeOffset` value, read strictly and written back exactly as
//! it was read. Its scanner, its date and time-of-day grammar, their encoding and their error
//! messages serve `Edm.Date` and `Edm.TimeOfDay` too (`types::edm`).
//!
//! ```
//! use odata_resource_runtime::DateTimeOffset;
//!
//! let created: DateTimeOffset = "2021-05-27T21:23:41.9085453Z".parse()?;
//! assert_eq!(created.to_string(), "2021-05-27T21:23:41.9085453Z");
//! assert_eq!(created.to_offset_date_time().unix_timestamp(), 1_622_150_621);
//! # Ok::<(), odata_resource_runtime::DateTimeParseError>(())
//! ```

pub(crate) mod encode;
pub(crate) mod error;
pub(crate) mod parse;
pub(crate) mod scan;
#[cfg(test)]
mod tests;
mod value;

pub use error::DateTimeParseError;
pub use value::DateTimeOffset;
pub(crate) use value::SHAPED_TEXT;
