//! Runtime of [odata-resource](https://docs.rs/odata-resource): everything the derives' generated
//! code calls, as ordinary Rust. Depend on the `odata-resource` crate, not on this one: it
//! re-exports this crate's public API next to the derives.

//!
//! # Where things live
//!
//! Each folder owns one responsibility, and none imports from the crate root:
//!
//! | module | owns |
//! |---|---|
//! | `types/` | the types users hold: `Annotations`, `DateTimeOffset` (parse, encode, error; its date and time grammar serves `edm/` too), the other Edm primitive types in `edm/` (`Date`, `TimeOfDay`, `Duration`, `Guid`, `Binary`, `Decimal`, `Int64`, `Single`, `Double`, `EdmParseError`), `Dictionary`, enums and `Flags`, `UnknownType` and polymorphic dispatch, type names, `ODataType` |
//! | `write/` | `ODataValue` and the JSON writer; complex values' objects and their changes; the derived `Serialize`'s helpers; `to_vec` |
//! | `read/` | `from_slice` (BOM, UTF-8 once, error location) and the JSON reader behind it (`json/`); the derived `Deserialize`'s helpers; the property path in error messages; responses and error bodies |
//! | `patch/` | `Patch`, what setters take (`PropertyValue`, nested changes, `Diff`), the builder's base and body, headers, paths, `diff`, `PatchRequest` |
//! | `error.rs` | `Error` and the service's error types |
//! | `batch.rs`, `client/`, `retry_after.rs` | JSON `$batch`, the reqwest client (feature `client`), `Retry-After` |
//! | `private.rs` | `__private`: the only door generated code uses (re-exports only) |

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
pub mod batch;
#[cfg(feature = "client")]
pub mod client;
mod error;
pub mod get;
mod patch;
mod read;
mod retry_after;
#[cfg(test)]
mod test_rng;
mod types;
mod write;

pub use error::{Error, InnerError, ODataError, ODataErrorDetail, ServiceError};
pub use get::{GetRequest, ListRequest, Page};
pub use patch::message::http_message;
pub use patch::request::PatchRequest;
pub use patch::setter;
pub use patch::setter::{NestedPatch, PropertyValue};
pub use patch::Patch;
pub use read::{from_slice, parse_response};
pub use retry_after::RetryAfter;
pub use types::annotations::Annotations;
pub use types::datetime::{DateTimeOffset, DateTimeParseError};
pub use types::dictionary::{Dictionary, DictionaryPatch};
pub use types::edm::{
    Binary, Date, Decimal, Double, Duration, EdmParseError, Guid, Int64, Single, TimeOfDay,
};
pub use types::enums::{ODataEnum, UnknownEnumMember};
pub use types::flags::Flags;
pub use types::odata_type::ODataType;
pub use types::polymorphic::UnknownType;
pub use write::{to_vec, ODataValue};

/// The `http` crate this one speaks (`Request`, `Response`, `HeaderMap`), re-exported so users
/// need no dependency of their own.
pub use http;

/// The `serde` crate the derived `Serialize` / `Deserialize` implement, re-exported so that a
/// property type of your own (see [`ODataValue`]) needs no dependency of its own.
pub use serde;

/// The `time` crate `DateTimeOffset`, `Date`, `TimeOfDay` and `Duration` convert to and from
/// (`time::OffsetDateTime`, `time::Date`, `time::Time`, `time::Duration`), re-exported so users
/// need no dependency of their own.
pub use time;

/// The `uuid` crate `Guid` converts to and from (`uuid::Uuid`), re-exported so users need no
/// dependency of their own.
pub use uuid;
