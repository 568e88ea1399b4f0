//! [`PatchRequest`]: a built PATCH request, ready for any HTTP client.

use std::fmt;
use std::marker::PhantomData;
use std::sync::OnceLock;

use http::header::{HeaderName, HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};

use super::message::write_message;
use http::{HeaderMap, Method};
use serde::de::DeserializeOwned;

use crate::error::Error;
use crate::read::parse_response;

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
        let headers = match self.headers.get() {
            Some(headers) => HeaderMap::clone(headers),
            None => self.header_map(),
        };
        http_request(
            Method::PATCH,
            service_root,
            self.path(),
            self.body().to_vec(),
            headers,
        )
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

/// An `http::Request` to `path` below `service_root` (see [`join_root`]).
///
/// # Errors
/// [`Error::InvalidServiceRoot`] as for [`join_root`].
pub(crate) fn http_request(
    method: Method,
    service_root: &str,
    path: &str,
    body: Vec<u8>,
    headers: HeaderMap,
) -> Result<http::Request<Vec<u8>>, Error> {
    let url = join_root(service_root, path)?;
    let mut request = http::Request::new(body);
    *request.method_mut() = method;
    *request.uri_mut() =
        url.parse()
            .map_err(|e: http::uri::InvalidUri| Error::InvalidServiceRoot {
                root: service_root.to_owned(),
                reason: e.to_string(),
            })?;
    *request.headers_mut() = headers;
    Ok(request)
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
        write_message(f, &Method::PATCH, self.path(), self.headers(), self.body())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patch::base::PatchBase;
    use crate::patch::setter::Slot;

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
