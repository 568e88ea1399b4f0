//! [`PatchRequest`]: a built PATCH request, ready for any HTTP client.

use std::fmt;
use std::marker::PhantomData;
use std::sync::OnceLock;

use http::header::{HeaderName, HeaderValue, CONTENT_LENGTH, CONTENT_TYPE, IF_MATCH};
use http::{HeaderMap, Method};
use serde::de::DeserializeOwned;

use crate::path::check_header_value;
use crate::{Error, ServiceError};

/// A PATCH request built by a generated builder: method, path (relative to the service root),
/// headers and the JSON body. Send it with any HTTP client through [`PatchRequest::to_http`],
/// and read the answer with [`PatchRequest::parse_response`].
///
/// Its `Display` is the request as an HTTP/1.1 message, like the examples of Graph's docs.
pub struct PatchRequest<T> {
    /// The path, then the body: one allocation for both.
    text: Vec<u8>,
    /// Where the body starts in `text`.
    body_start: usize,
    /// The headers the builder added, checked, in order (`Content-Type` and `Content-Length`
    /// come from the body).
    added: Vec<(HeaderName, HeaderValue)>,
    /// The full `HeaderMap`, made on first use: a request sent through `to_http` never needs it
    /// (boxed: a request is moved around far more often than its headers are looked at).
    headers: OnceLock<Box<HeaderMap>>,
    resource: PhantomData<fn() -> T>,
}

impl<T> PatchRequest<T> {
    /// A request from `text`, the path followed by the body from `body_start` on.
    #[inline]
    pub(crate) fn new(
        text: Vec<u8>,
        body_start: usize,
        added: Vec<(HeaderName, HeaderValue)>,
    ) -> Self {
        PatchRequest {
            text,
            body_start,
            added,
            headers: OnceLock::new(),
            resource: PhantomData,
        }
    }

    fn header_map(&self) -> HeaderMap {
        let mut headers = HeaderMap::with_capacity(self.added.len() + 2);
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        headers.insert(CONTENT_LENGTH, HeaderValue::from(self.body().len()));
        for (name, value) in &self.added {
            headers.append(name.clone(), value.clone());
        }
        headers
    }

    /// Always `PATCH`.
    pub fn method(&self) -> &Method {
        &Method::PATCH
    }

    /// The path below the service root, percent-encoded, e.g. `/teams/abc/operations`.
    pub fn path(&self) -> &str {
        // The path part of `text` is text (see `path::request_path`): this never falls back.
        std::str::from_utf8(self.text.get(..self.body_start).unwrap_or_default())
            .unwrap_or_default()
    }

    /// `Content-Type`, `Content-Length`, and those the builder added (`If-Match`, `Prefer`, …).
    pub fn headers(&self) -> &HeaderMap {
        self.headers.get_or_init(|| Box::new(self.header_map()))
    }

    /// The JSON body.
    pub fn body(&self) -> &[u8] {
        self.text.get(self.body_start..).unwrap_or_default()
    }

    /// The full URL: the service root (e.g. `https://graph.microsoft.com/v1.0`, with or without
    /// a trailing `/`) followed by the path.
    ///
    /// # Errors
    /// [`Error::InvalidServiceRoot`] unless the root is an absolute `http` or `https` URL without
    /// query or fragment.
    pub fn url(&self, service_root: &str) -> Result<String, Error> {
        join_root(service_root, self.path())
    }

    /// The request as an `http::Request`, for any HTTP client.
    ///
    /// # Errors
    /// [`Error::InvalidServiceRoot`] as for [`PatchRequest::url`].
    pub fn to_http(&self, service_root: &str) -> Result<http::Request<Vec<u8>>, Error> {
        let url = self.url(service_root)?;
        let mut request = http::Request::new(self.body().to_vec());
        *request.method_mut() = Method::PATCH;
        *request.uri_mut() =
            url.parse()
                .map_err(|e: http::uri::InvalidUri| Error::InvalidServiceRoot {
                    root: service_root.to_owned(),
                    reason: e.to_string(),
                })?;
        *request.headers_mut() = match self.headers.get() {
            Some(headers) => HeaderMap::clone(headers),
            None => self.header_map(),
        };
        Ok(request)
    }
}

impl<T: DeserializeOwned> PatchRequest<T> {
    /// Reads the service's answer, from any client's `http::Response`:
    /// 2xx with a body → `Some(T)`; 204 or an empty body → `None`; any other status →
    /// [`Error::Service`] with the parsed error, `Retry-After` and request ids.
    ///
    /// # Errors
    /// [`Error::Service`] for an error status; [`Error::Json`] naming the property path when a
    /// success body does not fit `T`.
    pub fn parse_response<B: AsRef<[u8]>>(
        &self,
        response: &http::Response<B>,
    ) -> Result<Option<T>, Error> {
        parse_response(response)
    }
}

/// `service_root` (absolute `http`/`https`, no query or fragment; a trailing `/` is dropped)
/// followed by `path`.
pub(crate) fn join_root(service_root: &str, path: &str) -> Result<String, Error> {
    let root = service_root.trim_end_matches('/');
    let invalid = |reason: &str| Error::InvalidServiceRoot {
        root: service_root.to_owned(),
        reason: reason.to_owned(),
    };
    let uri: http::Uri = root
        .parse()
        .map_err(|e: http::uri::InvalidUri| invalid(&e.to_string()))?;
    if !matches!(uri.scheme_str(), Some("http" | "https")) || uri.host().is_none() {
        return Err(invalid("expected an absolute http or https URL"));
    }
    if root.contains(['?', '#']) {
        return Err(invalid("a service root has no query or fragment"));
    }
    Ok(format!("{root}{path}"))
}

/// Reads a response for a resource type `T`; see [`PatchRequest::parse_response`].
///
/// # Errors
/// As [`PatchRequest::parse_response`].
pub fn parse_response<T: DeserializeOwned, B: AsRef<[u8]>>(
    response: &http::Response<B>,
) -> Result<Option<T>, Error> {
    let status = response.status();
    if !status.is_success() {
        return Err(Error::Service(Box::new(ServiceError::from_response(
            response,
        ))));
    }
    let body = response.body().as_ref();
    if status == http::StatusCode::NO_CONTENT || body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    crate::from_slice(body).map(Some)
}

impl<T> Clone for PatchRequest<T> {
    fn clone(&self) -> Self {
        PatchRequest {
            text: self.text.clone(),
            body_start: self.body_start,
            added: self.added.clone(),
            headers: self.headers.clone(),
            resource: PhantomData,
        }
    }
}

impl<T> fmt::Debug for PatchRequest<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PatchRequest")
            .field("path", &self.path())
            .field("headers", self.headers())
            .field("body", &String::from_utf8_lossy(self.body()))
            .finish()
    }
}

impl<T> fmt::Display for PatchRequest<T> {
    /// `PATCH <path> HTTP/1.1`, the headers, a blank line and the body, with CRLF line ends.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PATCH {} HTTP/1.1\r\n", self.path())?;
        for (name, value) in self.headers() {
            let value = String::from_utf8_lossy(value.as_bytes());
            write!(f, "{}: {value}\r\n", canonical_case(name))?;
        }
        f.write_str("\r\n")?;
        f.write_str(&String::from_utf8_lossy(self.body()))
    }
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

/// What every generated builder holds besides its properties: the path (or why it could not be
/// built) and the headers added so far. Generated code calls it; users call the builder.
#[doc(hidden)]
#[derive(Debug)]
pub struct PatchBase {
    /// The path, or why it could not be built (boxed: the rare case should not make every
    /// builder bigger).
    path: Result<Vec<u8>, Box<Error>>,
    headers: Vec<(String, String)>,
}

impl PatchBase {
    /// Starts a builder for a path built by [`crate::path::request_path`].
    #[inline]
    pub fn new(path: Result<Vec<u8>, Error>) -> Self {
        PatchBase {
            path: path.map_err(Box::new),
            headers: Vec::new(),
        }
    }

    /// Sets a header, replacing what an earlier call set for the same name (names compare
    /// case-insensitively), except `Prefer`, a list: each call adds one more preference.
    /// Checked in [`crate::body::PatchBody::finish`].
    pub fn header(&mut self, name: &str, value: &str) {
        if !name.eq_ignore_ascii_case("prefer") {
            self.headers
                .retain(|(earlier, _)| !earlier.eq_ignore_ascii_case(name));
        }
        self.headers.push((name.to_owned(), value.to_owned()));
    }

    /// Sets `If-Match` (an ETag from a previous response, or `*`), replacing an earlier one.
    pub fn if_match(&mut self, etag: &str) {
        self.header(IF_MATCH.as_str(), etag);
    }

    /// Starts the body, in the path's own buffer (when the path could be built; otherwise the
    /// body is written for nothing and [`crate::body::PatchBody::finish`] returns the path's
    /// error). The body carries the headers on.
    #[inline]
    pub fn body(self, type_member: &'static [u8], capacity: usize) -> crate::body::PatchBody {
        let (path, error) = match self.path {
            Ok(path) => (path, None),
            Err(error) => (Vec::new(), Some(error)),
        };
        crate::body::PatchBody::after(path, type_member, capacity, self.headers, error)
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::setter::Slot;

    #[test]
    fn a_header_set_twice_is_sent_once_with_the_last_value_but_preferences_add_up() {
        let mut base = PatchBase::new(Ok(b"/a".to_vec()));
        base.if_match("W/\"1\"");
        base.header("x-custom", "a");
        base.header("If-Match", "W/\"2\"");
        base.header("X-Custom", "b");
        base.header("Prefer", "return=minimal");
        base.header("prefer", "odata.maxpagesize=5");
        base.if_match("W/\"3\"");
        let request: PatchRequest<()> = base.body(b"", 0).finish().unwrap();
        let headers = request.headers();
        let all = |name: &str| -> Vec<_> { headers.get_all(name).iter().collect() };
        assert_eq!(all("if-match"), ["W/\"3\""]);
        assert_eq!(all("x-custom"), ["b"]);
        assert_eq!(all("prefer"), ["return=minimal", "odata.maxpagesize=5"]);
    }

    #[test]
    fn path_and_body_share_one_buffer() {
        let base = PatchBase::new(Ok(b"/teams/a/operations".to_vec()));
        let mut body = base.body(b"", 8);
        body.property(b",\"n\":", &Slot::Value(1));
        let request: PatchRequest<()> = body.finish().unwrap();
        assert_eq!(request.path(), "/teams/a/operations");
        assert_eq!(request.body(), br#"{"n":1}"#);
        assert_eq!(request.headers()[CONTENT_LENGTH], "7");
        let copy = request.clone();
        assert_eq!((copy.path(), copy.body()), (request.path(), request.body()));

        // a path that could not be built is the error, whatever was written
        let base = PatchBase::new(Err(Error::InvalidPathParameter {
            parameter: "teamsId",
            value: "..".into(),
            reason: "is a dot segment, which URL parsers remove",
        }));
        let body = base.body(b"", 8);
        assert!(matches!(
            body.finish::<()>(),
            Err(Error::InvalidPathParameter {
                parameter: "teamsId",
                ..
            })
        ));
    }
}
