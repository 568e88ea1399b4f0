//! The headers a builder adds: checked before a request is made (CR/LF and other bytes that
//! would split a header never reach one), and `Prefer: include-unknown-enum-members` when the
//! body needs it.

use http::header::{HeaderName, HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};

use crate::error::Error;

/// Sets a header in a builder's list, replacing what an earlier call set for the same name (names
/// compare case-insensitively), except `Prefer`, a list: each call adds one more preference.
pub(crate) fn set_header(headers: &mut Vec<(String, String)>, name: &str, value: &str) {
    if !name.eq_ignore_ascii_case("prefer") {
        headers.retain(|(earlier, _)| !earlier.eq_ignore_ascii_case(name));
    }
    headers.push((name.to_owned(), value.to_owned()));
}

/// Checks the headers a builder added, then adds `Prefer: include-unknown-enum-members` if the
/// body needs it. The usual request has neither: that case is decided inline, with no call and
/// no allocation.
///
/// # Errors
/// [`Error::InvalidHeader`] for the first bad header.
#[inline]
pub(crate) fn checked_headers(
    headers: Vec<(String, String)>,
    needs_unknown_members: bool,
) -> Result<Vec<(HeaderName, HeaderValue)>, Error> {
    if headers.is_empty() && !needs_unknown_members {
        return Ok(Vec::new());
    }
    let mut added = Vec::with_capacity(headers.len() + usize::from(needs_unknown_members));
    for (name, value) in headers {
        added.push(checked_header(&name, &value)?);
    }
    if needs_unknown_members {
        added.push((
            HeaderName::from_static("prefer"),
            HeaderValue::from_static("include-unknown-enum-members"),
        ));
    }
    Ok(added)
}

fn checked_header(name: &str, value: &str) -> Result<(HeaderName, HeaderValue), Error> {
    let invalid = |reason: String| Error::InvalidHeader {
        name: name.to_owned(),
        reason,
    };
    let header = HeaderName::from_bytes(name.as_bytes())
        .map_err(|_| invalid("not a valid header name".to_owned()))?;
    if header == CONTENT_TYPE || header == CONTENT_LENGTH {
        return Err(invalid("set by the builder from the body".to_owned()));
    }
    check_header_value(value).map_err(invalid)?;
    let value = HeaderValue::from_str(value).map_err(|e| invalid(e.to_string()))?;
    Ok((header, value))
}

/// Checks a header value: no control characters (CR and LF would split the header; the others
/// are refused by HTTP too). Tab is refused as well, since no OData header needs it.
///
/// ```
/// # use odata_resource_runtime::__private::check_header_value;
/// assert!(check_header_value("W/\"1\"").is_ok());
/// assert!(check_header_value("a\r\nX-Evil: 1").is_err());
/// ```
///
/// # Errors
/// The reason, naming the offending byte.
#[doc(hidden)]
pub fn check_header_value(value: &str) -> Result<(), String> {
    match value.bytes().find(|b| b.is_ascii_control()) {
        Some(b) => Err(format!(
            "contains the control character 0x{b:02X}, which could split or inject headers"
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values_with_control_bytes_are_refused() {
        for bad in ["a\rb", "a\nb", "a\tb", "a\u{0}b", "a\u{7f}b"] {
            assert!(check_header_value(bad).is_err(), "{bad:?}");
        }
        assert!(check_header_value("W/\"datetime'2024-01-01'\"").is_ok());
    }
}
