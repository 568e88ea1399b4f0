//! A request as an HTTP/1.1 message, as Graph's docs show them: the request line, the headers,
//! a blank line and the body, with CRLF line ends.

use std::fmt;

use http::header::{HeaderName, HOST};
use http::{HeaderMap, Method};

/// Writes `METHOD target HTTP/1.1`, the headers, a blank line and the body.
pub(crate) fn write_message(
    f: &mut impl fmt::Write,
    method: &Method,
    target: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> fmt::Result {
    write!(f, "{method} {target} HTTP/1.1\r\n")?;
    for (name, value) in headers {
        let value = String::from_utf8_lossy(value.as_bytes());
        write!(f, "{}: {value}\r\n", canonical_case(name))?;
    }
    f.write_str("\r\n")?;
    f.write_str(&String::from_utf8_lossy(body))
}

/// A built `http::Request` as it goes on the wire: the request line with the full path (the
/// service root's own path included) and query, `Host` first, then its headers and body.
///
/// ```
/// use odata_resource_runtime::http_message;
///
/// let request = http::Request::patch("https://graph.microsoft.com/beta/teams/t/operations")
///     .header("content-type", "application/json")
///     .body(b"{}".to_vec())
///     .unwrap();
/// assert_eq!(
///     http_message(&request),
///     "PATCH /beta/teams/t/operations HTTP/1.1\r\nHost: graph.microsoft.com\r\nContent-Type: application/json\r\n\r\n{}"
/// );
/// ```
pub fn http_message(request: &http::Request<Vec<u8>>) -> String {
    let uri = request.uri();
    let target = uri
        .path_and_query()
        .map_or("/", http::uri::PathAndQuery::as_str);
    let mut headers = HeaderMap::with_capacity(request.headers().len() + 1);
    if let Some(authority) = uri.authority() {
        if let Ok(host) = authority.as_str().parse() {
            headers.insert(HOST, host);
        }
    }
    for (name, value) in request.headers() {
        headers.append(name.clone(), value.clone());
    }
    let mut text = String::new();
    // writing into a String cannot fail
    let _ = write_message(
        &mut text,
        request.method(),
        target,
        &headers,
        request.body(),
    );
    text
}

/// `content-type` → `Content-Type`, for display (HTTP/1.1 names are case-insensitive).
fn canonical_case(name: &HeaderName) -> String {
    let mut upper = true;
    name.as_str()
        .chars()
        .map(|c| {
            let out = if upper { c.to_ascii_uppercase() } else { c };
            upper = c == '-';
            out
        })
        .collect()
}
