//! [`from_slice`]: a JSON body read into a type by our reader (`read::json`), a BOM skipped,
//! its UTF-8 checked once, and an error located by its property path.

use crate::error::Error;

use super::json::{position_in, read_or_refused, Refused};
use super::{error_path, locate};

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
/// .NET services write one). A body that is not UTF-8 is an error naming the first byte that
/// is not (RFC 8259 §8.1: JSON exchanged between systems is UTF-8), wherever it is: serde_json
/// would skip bad bytes in a member the type does not keep.
///
/// The body is read by a JSON reader of this crate, faster than serde_json on what services
/// send, into the same value serde_json would make, and with serde_json's error (its message,
/// line and column) where serde_json would fail. Each type's reading is compiled for this
/// reader only.
///
/// # Errors
/// [`Error::Json`] with the path and serde_json's message.
pub fn from_slice<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, Error> {
    let body = without_bom(body);
    let Ok(text) = std::str::from_utf8(body) else {
        return Err(not_utf8(body));
    };
    // `match`es, not `map_err`: no closure compiled per type
    match read_or_refused(text) {
        Ok(value) => Ok(value),
        Err(refused) => Err(refused_error(body, refused)),
    }
}

/// The error of a body the reader did not read, located. Not generic: compiled once.
///
/// When the reader's answer is not trusted to be serde_json's (a visitor swallowed an error
/// the reader made, and read on from where the reader stood after it): the text's first
/// grammar error if it has one, as serde_json reports it reading the text whatever the type
/// (`IgnoredAny`, compiled once); else the first error the reader made. A value is never
/// taken from such a read.
#[cold]
fn refused_error(body: &[u8], refused: Refused) -> Error {
    let error = match refused.error {
        Some(error) => error,
        None => {
            let mut deserializer = serde_json::Deserializer::from_slice(body);
            let grammar =
                match <serde::de::IgnoredAny as serde::Deserialize>::deserialize(&mut deserializer)
                {
                    Ok(_) => deserializer.end().err(),
                    Err(error) => Some(error),
                };
            if let Some(error) = grammar {
                let position = (error.line(), error.column());
                return located(body, position, &error.to_string(), refused.raw_value_fault);
            }
            match refused.first_fault {
                Some(error) => error,
                // the reader refuses nothing without an error of its own
                None => {
                    return Error::Json {
                        path: String::new(),
                        message: "invalid value".to_owned(),
                    }
                }
            }
        }
    };
    located(
        body,
        error.position(),
        &error.to_string(),
        refused.raw_value_fault,
    )
}

/// The error of a body that is not UTF-8: where its first bad byte is.
#[cold]
fn not_utf8(body: &[u8]) -> Error {
    let at = std::str::from_utf8(body)
        .err()
        .map_or(0, |e| e.valid_up_to());
    // serde_json's columns count the bytes before the place, which is after the bad byte
    let position = position_in(body, at + 1);
    let message = format!(
        "invalid UTF-8: byte 0x{:02X} at line {} column {}",
        body.get(at).copied().unwrap_or(0),
        position.0,
        position.1
    );
    located(body, position, &message, None)
}

/// Reads `text` (JSON this crate gathered: a `Polymorphic` object whose `@odata.type` came
/// late) into `T` as [`from_slice`] reads a body, by the same reader, so that no other reading
/// of `T` is compiled. The error is the message without its position (a place in `text`,
/// which the user never saw): the caller's deserializer places it.
pub(crate) fn from_buffered<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    match read_or_refused(text) {
        Ok(value) => Ok(value),
        Err(refused) => Err(without_position(refused)),
    }
}

/// The message of the error of a buffered text, without its position; the path a derived impl
/// put at its start (`error_path`) stays the path of the message made last, so that an outer
/// level joins its step to it. Not generic.
#[cold]
fn without_position(refused: Refused) -> String {
    let Some(error) = refused.error.or(refused.first_fault) else {
        return "invalid value".to_owned();
    };
    let bare = error.message().to_owned();
    error_path::forget_position(&error.to_string(), &bare);
    bare
}

/// An error at `position` (serde_json's line and column) in `body` as [`Error::Json`], with
/// its property path apart (and not said twice in the message). `message` is serde_json's
/// text with its position. Not generic. `raw_value_fault`: where our reader saw a raw value
/// (`Decimal`'s digits) refused, which serde_json's position does not say.
fn located(
    body: &[u8],
    position: (usize, usize),
    message: &str,
    raw_value_fault: Option<usize>,
) -> Error {
    let path = locate::path_of(body, position, message, raw_value_fault);
    match error_path::split_own_path(&path, message) {
        Some((path, message)) => Error::Json { path, message },
        None => Error::Json {
            path,
            message: message.to_owned(),
        },
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
    fn a_body_that_is_not_utf8_is_an_error_naming_its_first_bad_byte() {
        // well-formed UTF-8 reads as serde_json reads it
        let text = "{\"名前\":\"ünïcödé \\u00e9\",\"n\":[1,2.5]}";
        assert_eq!(
            from_slice::<Value>(text.as_bytes()).unwrap(),
            serde_json::from_slice::<Value>(text.as_bytes()).unwrap()
        );
        let bad = |body: &[u8]| match from_slice::<IgnoredAny>(body) {
            Err(Error::Json { path, message }) => (path, message),
            other => panic!("{other:?}"),
        };
        // bad bytes in a member the type skips: an error too (serde_json would skip them)
        assert_eq!(
            bad(b"{\"id\":\"a\",\"x\":\"\xff\xfe\"}"),
            (
                "x".into(),
                "invalid UTF-8: byte 0xFF at line 1 column 16".into()
            )
        );
        // on a later line, in an item, a byte that is not a sequence's start
        assert_eq!(
            bad(b"{\"id\":\"a\",\n \"list\": [\"ok\", \"\x80\"]}"),
            (
                "list[1]".into(),
                "invalid UTF-8: byte 0x80 at line 2 column 18".into()
            )
        );
        // a sequence cut short, at the end
        assert_eq!(
            bad(b"[\"\xc3"),
            (
                "[0]".into(),
                "invalid UTF-8: byte 0xC3 at line 1 column 3".into()
            )
        );
        // a leading byte-order mark is still skipped
        assert!(from_slice::<Value>(b"\xEF\xBB\xBF{\"a\":1}").is_ok());
    }
}
