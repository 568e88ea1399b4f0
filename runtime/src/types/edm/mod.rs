//! The Edm primitive types beyond Rust's own and [`DateTimeOffset`](crate::DateTimeOffset): each
//! reads its literal strictly, writes back what it read (exactly, for the types that keep their
//! text), converts to and from the crate that computes with it (`time`, `uuid`, bytes) and names
//! the first problem of a bad value in an [`EdmParseError`].
//!
//! | type | Edm | keeps |
//! |---|---|---|
//! | [`Date`] | `Edm.Date` | the day, and the text exactly |
//! | [`TimeOfDay`] | `Edm.TimeOfDay` | the time, and the text exactly (seconds, fraction digits) |
//! | [`Duration`] | `Edm.Duration` | the text exactly, and its length |
//! | [`Guid`] | `Edm.Guid` | the value (written in lower case) |
//! | [`Binary`] | `Edm.Binary` | the bytes (written as standard base64) |
//! | [`Decimal`] | `Edm.Decimal` | the digits exactly, as text |
//! | [`Int64`] | `Edm.Int64` | the `i64` (read from a number or a string) |
//! | [`Single`], [`Double`] | `Edm.Single`, `Edm.Double` | the float (NaN and ±INF as strings) |

mod binary;
mod date;
mod decimal;
mod duration;
mod error;
mod float;
mod guid;
mod int64;
mod number;
#[cfg(test)]
mod tests;
pub(crate) mod text;
mod time_of_day;

pub use binary::Binary;
pub use date::Date;
pub use decimal::Decimal;
pub use duration::Duration;
pub use error::EdmParseError;
pub use float::{Double, Single};
pub use guid::Guid;
pub use int64::Int64;
pub use time_of_day::TimeOfDay;
