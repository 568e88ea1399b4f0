//! Runtime of [odata-resource](https://docs.rs/odata-resource): everything the derives' generated
//! code calls, as ordinary Rust. Depend on the `odata-resource` crate, not on this one: it
//! re-exports this crate's public API next to the derives.

mod annotations;
pub mod batch;
#[doc(hidden)]
pub mod body;
#[cfg(feature = "client")]
pub mod client;
pub mod datetime;
#[doc(hidden)]
pub mod de;
mod dictionary;
#[doc(hidden)]
pub mod diff;
mod enums;
mod error;
mod flags;
mod json;
mod patch;
pub mod path;
pub mod polymorphic;
mod request;
pub mod retry_after;
#[doc(hidden)]
pub mod ser;
pub mod setter;
#[cfg(test)]
mod test_rng;
pub mod type_name;
mod value;

pub use annotations::Annotations;
pub use datetime::{DateTimeOffset, DateTimeParseError};
pub use dictionary::{Dictionary, DictionaryPatch};
pub use enums::{ODataEnum, UnknownEnumMember};
pub use error::{Error, InnerError, ODataError, ODataErrorDetail, ServiceError};
pub use flags::Flags;
pub use patch::Patch;
pub use polymorphic::UnknownType;
pub use request::{parse_response, PatchRequest};
pub use retry_after::RetryAfter;
pub use setter::{NestedPatch, PropertyValue};
pub use value::ODataValue;

/// The `http` crate this one speaks (`Request`, `Response`, `HeaderMap`), re-exported so users
/// need no dependency of their own.
pub use http;

/// The `serde` crate the derived `Serialize` / `Deserialize` implement, re-exported so that a
/// property type of your own (see [`ODataValue`]) needs no dependency of its own.
pub use serde;

/// The `time` crate `DateTimeOffset` converts to and from (`time::OffsetDateTime`), re-exported so
/// users need no dependency of their own.
pub use time;

/// An OData structured type (entity or complex type) with its namespace-qualified name.
///
/// `#[derive(Resource)]` and `#[derive(ComplexType)]` implement it.
///
/// ```
/// use odata_resource_runtime::ODataType;
///
/// struct Team;
/// impl ODataType for Team {
///     const TYPE_NAME: &'static str = "microsoft.graph.team";
/// }
/// assert_eq!(Team::TYPE_NAME, "microsoft.graph.team");
/// ```
pub trait ODataType {
    /// The namespace-qualified name, without `#` (e.g. `microsoft.graph.teamsAsyncOperation`).
    const TYPE_NAME: &'static str;

    /// Serializes the value; `typed` asks for its declared `@odata.type` even where the value
    /// alone cannot vouch for it (a `Polymorphic` enum knows its variant's type). The derives
    /// implement it (their `Serialize` calls it with `false`); the default is the type's own
    /// `Serialize`.
    ///
    /// # Errors
    /// The serializer's.
    #[doc(hidden)]
    fn serialize_typed<S: serde::Serializer>(
        &self,
        serializer: S,
        typed: bool,
    ) -> Result<S::Ok, S::Error>
    where
        Self: serde::Serialize,
    {
        let _ = typed;
        self.serialize(serializer)
    }
}

/// Reads a JSON body into `T`; on failure the error names the property path where the body
/// stopped fitting (`error.code`, `value[2].status`).
///
/// ```
/// use odata_resource_runtime::{from_slice, Error};
///
/// let err = from_slice::<Vec<i32>>(b"[1, 2147483648]").unwrap_err();
/// match err {
///     Error::Json { path, .. } => assert_eq!(path, "[1]"),
///     other => panic!("{other}"),
/// }
/// ```
///
/// A leading UTF-8 byte-order mark is skipped (RFC 8259 §8.1 lets a parser ignore it; some
/// .NET services write one).
///
/// # Errors
/// [`Error::Json`] with the path and serde's message.
pub fn from_slice<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, Error> {
    let body = without_bom(body);
    // The fast path pays nothing for path tracking; only a failing body is read again. The
    // body's UTF-8 is checked once, in one pass over all of it: `serde_json::from_slice` checks
    // each string on its own, which costs a fifth of reading a typical Graph entity. A body
    // that is not UTF-8 is read as bytes, so what it gives (an error, or a value when the bad
    // bytes sit in a skipped member) stays serde_json's.
    let read = match std::str::from_utf8(body) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(body),
    };
    match read {
        Ok(value) => Ok(value),
        Err(error) => Err(locate_error::<T>(body, &error)),
    }
}

/// `body` without a leading UTF-8 byte-order mark.
pub(crate) fn without_bom(body: &[u8]) -> &[u8] {
    body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body)
}

/// Writes a value (a resource's full representation, say) as JSON through its `Serialize`.
///
/// ```
/// let json = odata_resource_runtime::to_vec(&vec![1, 2]).unwrap();
/// assert_eq!(json, b"[1,2]");
/// ```
///
/// # Errors
/// [`Error::Json`] if the value cannot be written as JSON (a map with non-string keys).
pub fn to_vec<T: serde::Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    serde_json::to_vec(value).map_err(|e| Error::Json {
        path: String::new(),
        message: e.to_string(),
    })
}

/// Reads a failing `body` again with path tracking, to say where `error` happened. A derived
/// type's message already starts with the path (`attemptsCount: invalid type: …`): that start is
/// left out of `message` when `path` says it, so `Display` does not say it twice.
#[cold]
fn locate_error<T: serde::de::DeserializeOwned>(body: &[u8], error: &serde_json::Error) -> Error {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let (path, message) = match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(tracked) => {
            let path = path_text(tracked.path());
            let message = tracked.into_inner().to_string();
            let message = de::without_own_path(&path, &message).unwrap_or(message);
            (path, message)
        }
        // The value itself was fine: the failure came after it (trailing characters).
        Ok(_) => (String::new(), error.to_string()),
    };
    Error::Json { path, message }
}

/// `error.code`, `value[2].status`, or empty for the top level. A member whose name could not be
/// read (a truncated body, a bad escape in a name) adds no segment: the error belongs to the
/// object around it, rather than to serde_path_to_error's placeholder `?`.
fn path_text(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut text = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => {
                text.push('[');
                text.push_str(&index.to_string());
                text.push(']');
            }
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Segment::Unknown => {}
        }
    }
    text
}

/// What generated code calls; not a public API.
#[doc(hidden)]
pub mod __private {
    // `PatchBody` is not named by generated code, but rustc names it in the note on a property
    // type that is not `ODataValue` ("required by a bound in `…::__private::PatchBody::property`").
    pub use crate::body::{
        begin_changes, begin_object, change_optional, change_required, end_changes, end_object,
        object_additional, object_optional, object_property, PatchBody,
    };
    pub use crate::de::{
        expecting, finish, items, optional_items, property, undeclared, Key, Undeclared,
    };
    pub use crate::diff::{option as diff_option, value as diff_value};
    pub use crate::enums::{
        deserialize as deserialize_enum, serialize as serialize_enum, write_json as write_enum,
    };
    pub use crate::path::request_path;
    pub use crate::polymorphic::{deserialize as deserialize_polymorphic, Polymorphic};
    pub use crate::request::PatchBase;
    pub use crate::ser::{begin as begin_serialize, end as end_serialize};
    pub use crate::setter::{nested_member, HasPath, Slot, Writable};
    pub use crate::type_name::names_type;
    // the public items generated code names, so that it needs no other path into the crate
    pub use crate::setter::{Diff, NestedPatch, PropertyValue};
    pub use crate::{
        Error, ODataEnum, ODataType, ODataValue, PatchRequest, UnknownEnumMember,
    };
    pub use serde;
}

#[cfg(test)]
mod tests {
    use super::{from_slice, Error};
    use serde::de::IgnoredAny;
    use serde_json::Value;

    #[test]
    fn a_body_that_is_not_utf8_reads_as_serde_json_reads_bytes() {
        // well-formed UTF-8 takes the one-pass path and reads the same
        let text = "{\"名前\":\"ünïcödé \\u00e9\",\"n\":[1,2.5]}";
        assert_eq!(
            from_slice::<Value>(text.as_bytes()).unwrap(),
            serde_json::from_slice::<Value>(text.as_bytes()).unwrap()
        );
        // bad bytes in a string that is skipped: skipped, as serde_json skips them in bytes
        from_slice::<IgnoredAny>(b"{\"id\":\"a\",\"x\":\"\xff\xfe\"}").unwrap();
        // bad bytes in a string that is kept: an error naming where
        match from_slice::<Value>(b"{\"id\":\"a\",\"x\":\"\xff\xfe\"}") {
            Err(Error::Json { path, message }) => {
                assert_eq!(path, "x");
                assert!(message.contains("invalid unicode code point"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }
}
