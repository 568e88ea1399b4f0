//! [`from_slice`]: a JSON body read into a type by our reader (`read::json`; serde_json for what
//! it does not read), a BOM skipped, its UTF-8 checked once, and an error located by its
//! property path.

use crate::error::Error;

use super::{error_path, json};

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
    if let Ok(text) = std::str::from_utf8(body) {
        if let Some(value) = json::read(text) {
            return Ok(value);
        }
    }
    read_tracked(body)
}

/// Reads `body` (without its BOM) with serde_json, tracking the property path: what our reader
/// did not read (a type it leaves to serde_json, a body that is not UTF-8, any error). One
/// pass gives serde_json's value, or its error with the path where it happened, so each type's
/// `Deserialize` is compiled for two deserializers (ours and this one), not one per purpose.
///
/// A body that is not UTF-8 is read as bytes, so what it gives (an error, or a value when the
/// bad bytes sit in a skipped member) stays serde_json's.
#[cold]
#[inline(never)]
fn read_tracked<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Ok(value) => match deserializer.end() {
            Ok(()) => Ok(value),
            // The value itself was fine: the failure came after it (trailing characters).
            Err(error) => Err(Error::Json {
                path: String::new(),
                message: error.to_string(),
            }),
        },
        Err(tracked) => {
            let path = path_text(tracked.path());
            let message = tracked.into_inner().to_string();
            let message = error_path::without_own_path(&path, &message).unwrap_or(message);
            Err(Error::Json { path, message })
        }
    }
}

/// `body` without a leading UTF-8 byte-order mark.
fn without_bom(body: &[u8]) -> &[u8] {
    body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body)
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
