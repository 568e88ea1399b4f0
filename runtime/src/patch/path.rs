//! Building request paths from a template and caller-supplied values (URL conventions §2.1,
//! §4.3.6): every value is percent-encoded as exactly one segment, and values that would
//! re-route the request are refused.

use crate::error::Error;

/// Fills a path template: `literals` are the text between placeholders (one more than `params`),
/// `params` the placeholder names with their values.
///
/// # Errors
/// [`Error::InvalidPathParameter`] naming the first value that [`check_segment`] refuses.
///
/// ```
/// use odata_resource_runtime::__private::build_path;
///
/// let path = build_path(&["/teams/", "/operations"], &[("teamsId", "a/b ü")]).unwrap();
/// assert_eq!(path, "/teams/a%2Fb%20%C3%BC/operations");
/// assert!(build_path(&["/teams/", "/operations"], &[("teamsId", "..")]).is_err());
/// ```
pub fn build_path(literals: &[&str], params: &[(&'static str, &str)]) -> Result<String, Error> {
    let path = request_path(literals, params, literals.iter().map(|l| l.len()).sum())?;
    // literals are text and values come out as ASCII: this never falls back
    Ok(String::from_utf8(path)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// [`build_path`] for generated code, as UTF-8 bytes: `capacity` is the literals' length plus
/// the room a request's body needs (the derive counts both; the body is written after the path,
/// in the same buffer); room for the encoded values is added here.
///
/// # Errors
/// As [`build_path`].
#[doc(hidden)]
pub fn request_path(
    literals: &[&str],
    params: &[(&'static str, &str)],
    capacity: usize,
) -> Result<Vec<u8>, Error> {
    let mut capacity = capacity;
    for (_, value) in params {
        capacity += 3 * value.len(); // each byte at worst `%XX`
    }
    let mut path = Vec::with_capacity(capacity);
    let (first, literals) = literals.split_first().unwrap_or((&"", &[]));
    path.extend_from_slice(first.as_bytes());
    for (&(parameter, value), literal) in params.iter().zip(literals) {
        if let Err(reason) = check_segment(value) {
            return Err(refused(parameter, value, reason));
        }
        push_segment(&mut path, value.as_bytes());
        path.extend_from_slice(literal.as_bytes());
    }
    Ok(path)
}

/// Appends `value` percent-encoded as one segment: runs of unreserved bytes as they are (the
/// usual id, a GUID, in one piece), every other byte as `%XX` (percent-encoding's own text).
#[inline]
fn push_segment(path: &mut Vec<u8>, value: &[u8]) {
    let mut start = 0;
    for (i, &byte) in value.iter().enumerate() {
        if UNRESERVED[usize::from(byte)] {
            continue;
        }
        path.extend_from_slice(value.get(start..i).unwrap_or_default());
        path.extend_from_slice(percent_encoding::percent_encode_byte(byte).as_bytes());
        start = i + 1;
    }
    path.extend_from_slice(value.get(start..).unwrap_or_default());
}

/// RFC 3986 `unreserved` (`A–Z a–z 0–9 - . _ ~`): the bytes a segment keeps as they are. All
/// others are percent-encoded, so a value can never add a segment (`/`), start a query (`?`) or
/// fragment (`#`), or be decoded twice (`%`). A table, one load per byte (a unit test checks it
/// against percent-encoding's own `AsciiSet` for the same set, byte by byte).
static UNRESERVED: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~');
        b += 1;
    }
    table
};

/// The error for a refused path value (out of line: building a path is on every request's
/// way, a refused value is not).
#[cold]
fn refused(parameter: &'static str, value: &str, reason: &'static str) -> Error {
    Error::InvalidPathParameter {
        parameter,
        value: value.to_owned(),
        reason,
    }
}

/// Why a value may not stand as a path segment, if it may not:
/// - empty: `/teams//operations` addresses something else;
/// - `.` or `..`: URL parsers remove dot segments, so the request would hit the parent;
/// - starting with `$`: a system segment (`$count`, `$ref`, `$value`, `$batch`) takes precedence
///   over a key;
/// - a namespace-qualified name (`microsoft.graph.delta`): read as a type cast or bound operation
///   before it is read as a key.
///
/// ```
/// use odata_resource_runtime::__private::check_segment;
///
/// assert!(check_segment("19:c253a29b5f694b55a6baad8e83510af7@thread.v2").is_ok());
/// assert!(check_segment("$count").is_err());
/// assert!(check_segment("microsoft.graph.delta").is_err());
/// ```
///
/// # Errors
/// The reason, as a phrase.
pub fn check_segment(value: &str) -> Result<(), &'static str> {
    match value.as_bytes() {
        [] => Err("is empty, which would address a different resource"),
        [b'.'] | [b'.', b'.'] => Err("is a dot segment, which URL parsers remove"),
        [b'$', ..] => Err("starts with `$`, which addresses a system resource such as $count"),
        _ if is_qualified_name(value) => {
            Err("is a namespace-qualified name, which is read as a type cast or bound operation")
        }
        _ => Ok(()),
    }
}

/// `identifier ( "." identifier )+` with OData's simple identifiers (ASCII letters, digits, `_`;
/// not starting with a digit). One pass that stops at the first byte that cannot belong: the
/// usual id (a GUID's `-`, a Teams id's leading digit) is rejected within a few bytes.
fn is_qualified_name(value: &str) -> bool {
    let mut dots = 0;
    let mut part_start = true;
    for &b in value.as_bytes() {
        if b == b'.' {
            if part_start {
                return false; // an empty part
            }
            dots += 1;
            part_start = true;
        } else if b.is_ascii_alphabetic() || b == b'_' || (b.is_ascii_digit() && !part_start) {
            part_start = false;
        } else {
            return false;
        }
    }
    dots > 0 && !part_start
}

#[cfg(test)]
mod tests {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC};

    use super::*;

    #[test]
    fn every_byte_is_encoded_as_percent_encoding_does() {
        const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
            .remove(b'-')
            .remove(b'.')
            .remove(b'_')
            .remove(b'~');
        for byte in 0..=u8::MAX {
            let theirs = percent_encoding::percent_encode(&[byte], SEGMENT).to_string();
            let mut ours = b"x".to_vec();
            push_segment(&mut ours, &[byte, b'y', byte]);
            assert_eq!(
                ours,
                format!("x{theirs}y{theirs}").as_bytes(),
                "0x{byte:02X}"
            );
        }
        let text = "Ünïcødé 日本 a/b";
        let mut ours = Vec::new();
        push_segment(&mut ours, text.as_bytes());
        let theirs = percent_encoding::utf8_percent_encode(text, SEGMENT).to_string();
        assert_eq!(String::from_utf8(ours).unwrap(), theirs);
    }

    fn one(value: &str) -> Result<String, Error> {
        build_path(&["/teams/", "/operations"], &[("teamsId", value)])
    }

    #[test]
    fn reserved_characters_are_encoded_once_as_one_segment() {
        assert_eq!(
            one("a/b?c#d%e f'g&h").unwrap(),
            "/teams/a%2Fb%3Fc%23d%25e%20f%27g%26h/operations"
        );
        assert_eq!(one("%2e%2e").unwrap(), "/teams/%252e%252e/operations");
        assert_eq!(
            one("tab\there\r\n").unwrap(),
            "/teams/tab%09here%0D%0A/operations"
        );
        assert_eq!(
            one("Ünïcødé 日本").unwrap(),
            "/teams/%C3%9Cn%C3%AFc%C3%B8d%C3%A9%20%E6%97%A5%E6%9C%AC/operations"
        );
        assert_eq!(one("a-b.c_d~e").unwrap(), "/teams/a-b.c_d~e/operations");
    }

    #[test]
    fn rerouting_values_are_refused_with_the_parameter_named() {
        for bad in [
            "",
            ".",
            "..",
            "$count",
            "$ref",
            "microsoft.graph.delta",
            "graph.x",
        ] {
            match one(bad) {
                Err(Error::InvalidPathParameter {
                    parameter, value, ..
                }) => {
                    assert_eq!(parameter, "teamsId");
                    assert_eq!(value, bad);
                }
                other => panic!("{bad:?} gave {other:?}"),
            }
        }
        for fine in ["...", ".a", "a.", "1.2", "v1.0", "a b.c", "x$"] {
            assert!(one(fine).is_ok(), "{fine:?} was refused");
        }
    }

    #[test]
    fn several_parameters_in_template_order() {
        let path = build_path(
            &[
                "/invitations/",
                "/invitedUser/joinedGroups/",
                "/team/operations",
            ],
            &[("invitationsId", "i 1"), ("groupId", "g/2")],
        )
        .unwrap();
        assert_eq!(
            path,
            "/invitations/i%201/invitedUser/joinedGroups/g%2F2/team/operations"
        );
        let err = build_path(&["/a/", "/b/", ""], &[("x", "ok"), ("y", "$value")]).unwrap_err();
        assert!(err.to_string().contains("`y`"), "{err}");
    }
}
