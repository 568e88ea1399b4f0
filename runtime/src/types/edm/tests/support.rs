//! What the tests share: reading a value that must be valid, checking a rejection's message, and
//! the round trips every type makes (text, serde_json, a PATCH body).

use std::fmt::{Debug, Display};
use std::str::FromStr;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::write::ODataValue;

use super::super::EdmParseError;

/// What every Edm type is.
pub(super) trait Edm:
    FromStr<Err = EdmParseError>
    + Display
    + Debug
    + Clone
    + PartialEq
    + Serialize
    + DeserializeOwned
    + ODataValue
{
}

impl Edm for super::super::Binary {}
impl Edm for super::super::Date {}
impl Edm for super::super::Decimal {}
impl Edm for super::super::Double {}
impl Edm for super::super::Duration {}
impl Edm for super::super::Guid {}
impl Edm for super::super::Int64 {}
impl Edm for super::super::Single {}
impl Edm for super::super::TimeOfDay {}

/// `text` read as a `T`; panics with the error if it is not one.
#[track_caller]
pub(super) fn ok<T: Edm>(text: &str) -> T {
    match text.parse() {
        Ok(value) => value,
        Err(error) => panic!("{text:?} should parse: {error}"),
    }
}

/// Asserts `text` is rejected as an `edm` with a message quoting it and containing `phrase`,
/// and that reading it from JSON (`json`) gives the same message.
#[track_caller]
pub(super) fn rejected_as<T: Edm>(edm: &str, text: &str, json: &str, phrase: &str) {
    let error = match text.parse::<T>() {
        Ok(value) => panic!("{text:?} should be rejected, got {value:?}"),
        Err(error) => error,
    };
    assert_eq!(error.edm_type(), edm);
    assert_eq!(error.input(), text);
    let message = error.to_string();
    let quoted = format!("invalid {edm} `{}`: ", text.escape_debug());
    assert!(
        message.starts_with(&quoted),
        "{message:?} should start with {quoted:?}"
    );
    assert!(
        message.contains(phrase),
        "{message:?} should contain {phrase:?}"
    );
    let serde = serde_json::from_str::<T>(json).unwrap_err().to_string();
    assert!(
        serde.starts_with(&message),
        "{serde:?} should start with {message:?}"
    );
}

/// [`rejected_as`] for a type that travels as a JSON string.
#[track_caller]
pub(super) fn rejected<T: Edm>(edm: &str, text: &str, phrase: &str) {
    rejected_as::<T>(edm, text, &json_string(text), phrase);
}

/// Asserts that `text` is written back byte for byte: by `Display`, by `Serialize` and by
/// `ODataValue` (as `json`), and read back to the same value from either.
#[track_caller]
pub(super) fn round_trip_as<T: Edm>(text: &str, json: &str) -> T {
    let value: T = ok(text);
    assert_eq!(value.to_string(), text);
    assert_eq!(ok::<T>(&value.to_string()), value);
    assert_eq!(serde_json::to_string(&value).unwrap(), json);
    assert_eq!(serde_json::from_str::<T>(json).unwrap(), value);
    // in place after other text, as in a body
    let mut body = b"{\"a\":".to_vec();
    value.write_json(&mut body);
    assert_eq!(String::from_utf8(body).unwrap(), format!("{{\"a\":{json}"));
    value
}

/// [`round_trip_as`] for a type that travels as a JSON string.
#[track_caller]
pub(super) fn round_trip<T: Edm>(text: &str) -> T {
    round_trip_as(text, &json_string(text))
}

/// `text` as a JSON string literal.
pub(super) fn json_string(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}
