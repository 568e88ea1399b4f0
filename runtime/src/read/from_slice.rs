//! [`from_slice`]: a JSON body read into a type by our reader (`read::json`; serde_json for what
//! it does not read), a BOM skipped, its UTF-8 checked once, and an error located by its
//! property path.

use crate::error::Error;

use super::{error_path, json, locate};

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
/// The body is read by a JSON reader of this crate, faster than serde_json on what services
/// send, into the same value serde_json would make; whatever it does not read (an error
/// included) serde_json reads, so values and errors are serde_json's.
///
/// # Errors
/// [`Error::Json`] with the path and serde_json's message.
pub fn from_slice<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, Error> {
    let body = without_bom(body);
    let mut raw_value_fault = None;
    if let Ok(text) = std::str::from_utf8(body) {
        match json::read_or_refused(text) {
            Ok(value) => return Ok(value),
            Err(refused) => raw_value_fault = refused.raw_value_fault,
        }
    }
    read_with_serde_json(body, raw_value_fault)
}

/// Reads `body` (without its BOM) with serde_json: what our reader did not read (a type it
/// leaves to serde_json, a body that is not UTF-8, any error). One pass gives serde_json's
/// value, or its error, whose property path is then found from its position by a walk of the
/// text (`locate`), so each type's `Deserialize` is compiled for two deserializers (ours and
/// plain serde_json's) and nothing else.
///
/// A body that is not UTF-8 is read as bytes, so what it gives (an error, or a value when the
/// bad bytes sit in a skipped member) stays serde_json's.
#[cold]
#[inline(never)]
fn read_with_serde_json<T: serde::de::DeserializeOwned>(
    body: &[u8],
    raw_value_fault: Option<usize>,
) -> Result<T, Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    // `match`es, not `and_then` / `map`: no closure compiled per type
    let error = match T::deserialize(&mut deserializer) {
        Ok(value) => match deserializer.end() {
            Ok(()) => return Ok(value),
            Err(error) => error,
        },
        Err(error) => error,
    };
    Err(located(body, &error, raw_value_fault))
}

/// A buffered value (a `Polymorphic` object whose `@odata.type` came late) as JSON text, to be
/// read again by [`from_buffered`]. Not generic: compiled once.
pub(crate) fn buffered_text(value: &serde_json::Value) -> String {
    // a `Value` always writes: its keys are strings and its numbers finite
    serde_json::to_string(value).unwrap_or_default()
}

/// Reads `text` (JSON this crate wrote) into `T` as [`from_slice`] reads a body, through the
/// same two readers, so that no other reading of `T` is compiled. The error is serde_json's
/// message without its position (a place in `text`, which the user never saw): the caller's
/// deserializer places it.
pub(crate) fn from_buffered<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    if let Ok(value) = json::read_or_refused(text) {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_slice(text.as_bytes());
    match T::deserialize(&mut deserializer) {
        Ok(value) => Ok(value),
        Err(error) => Err(without_position(&error)),
    }
}

/// serde_json's message without the ` at line L column C` it ends with; the path a derived impl
/// put at its start (`error_path`) stays the path of the message made last, so that an outer
/// level joins its step to it. Not generic.
#[cold]
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&suffix) {
        Some(bare) if error.line() != 0 => {
            error_path::forget_position(&message, bare);
            bare.to_owned()
        }
        _ => message,
    }
}

/// serde_json's `error` in `body` as [`Error::Json`], with its property path apart (and not said
/// twice in the message). Not generic: compiled once. `raw_value_fault`: where our reader saw
/// a raw value (`Decimal`'s digits) refused, which serde_json does not say.
fn located(body: &[u8], error: &serde_json::Error, raw_value_fault: Option<usize>) -> Error {
    let path = locate::path_at(body, error, raw_value_fault);
    let message = error.to_string();
    match error_path::split_own_path(&path, &message) {
        Some((path, message)) => Error::Json { path, message },
        None => Error::Json { path, message },
    }
}

/// `body` without a leading UTF-8 byte-order mark.
fn without_bom(body: &[u8]) -> &[u8] {
    body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body)
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
