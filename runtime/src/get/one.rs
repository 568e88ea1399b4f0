//! [`Get`] and [`GetRequest`]: a GET of one resource by a declared path, with typed `$select` /
//! `$expand` and `If-None-Match`; its answer read back with the ETag.

use std::fmt;
use std::marker::PhantomData;

use http::header::{HeaderName, HeaderValue, ETAG, IF_NONE_MATCH};
use http::{HeaderMap, Method, StatusCode};
use serde::de::DeserializeOwned;

use crate::error::Error;
use crate::patch::headers::{checked_headers, set_header};
use crate::patch::message::write_message;
use crate::patch::request::{http_request, join_root};
use crate::read::parse_response;
use crate::types::odata_type::ODataType;

use super::options::QueryOptions;
use super::property::{Navigation, Selectable};

/// The `Accept` value of [`Get::ieee754_compatible`].
pub(crate) const IEEE754_COMPATIBLE: &str = "application/json;IEEE754Compatible=true";

/// A GET being built: made by a resource's `get…` constructors (one per declared path, next to
/// the `patch…` ones); `build()` checks the path and the headers.
///
/// ```
/// use odata_resource_runtime::get::{Field, Get};
///
/// struct Operation;
/// const STATUS: Field<Operation> = Field::new("status");
/// const ATTEMPTS: Field<Operation> = Field::new("attemptsCount");
///
/// let request = Get::<Operation>::at(b"/teams/t/operations".to_vec())
///     .select([STATUS, ATTEMPTS])
///     .if_none_match("W/\"3\"")
///     .build()?;
/// assert_eq!(request.path_and_query(), "/teams/t/operations?$select=status,attemptsCount");
/// assert_eq!(request.headers()["if-none-match"], "W/\"3\"");
/// # Ok::<(), odata_resource_runtime::Error>(())
/// ```
#[must_use = "a GET does nothing until it is built and sent"]
pub struct Get<T> {
    path: Result<Vec<u8>, Box<Error>>,
    options: QueryOptions,
    headers: Vec<(String, String)>,
    resource: PhantomData<fn() -> T>,
}

impl<T> Get<T> {
    /// A GET of `path` (below the service root, percent-encoded already).
    pub fn at(path: Vec<u8>) -> Self {
        Get::new(Ok(path))
    }

    /// A GET of a path built by the derive (or the reason it could not be built).
    #[doc(hidden)]
    pub fn new(path: Result<Vec<u8>, Error>) -> Self {
        Get {
            path: path.map_err(Box::new),
            options: QueryOptions::default(),
            headers: Vec::new(),
            resource: PhantomData,
        }
    }

    /// Asks only for these properties (`$select=a,b`); the others read as `None`. Each is named
    /// once, in the order first given.
    pub fn select<S: Selectable<T>>(mut self, properties: impl IntoIterator<Item = S>) -> Self {
        let names = properties.into_iter().map(|p| p.wire_name());
        QueryOptions::add(&mut self.options.select, names);
        self
    }

    /// Asks for these navigation properties inline (`$expand=a,b`).
    pub fn expand(mut self, properties: impl IntoIterator<Item = Navigation<T>>) -> Self {
        let names = properties.into_iter().map(|p| p.name());
        QueryOptions::add(&mut self.options.expand, names);
        self
    }

    /// Sets `If-None-Match` to an ETag read earlier: an unchanged resource is answered
    /// `304 Not Modified`, without a body ([`GetRequest::parse_response`] gives `None`).
    pub fn if_none_match(mut self, etag: impl AsRef<str>) -> Self {
        set_header(&mut self.headers, IF_NONE_MATCH.as_str(), etag.as_ref());
        self
    }

    /// Sets a request header, replacing an earlier value of the same name (`Prefer` adds up).
    pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
        set_header(&mut self.headers, name.as_ref(), value.as_ref());
        self
    }

    /// Asks for `Accept: application/json;IEEE754Compatible=true`: the service writes
    /// `Edm.Int64` and `Edm.Decimal` values (and `@odata.count`) as JSON strings, so a client
    /// whose numbers are IEEE 754 doubles loses no digits. Reading does not depend on it: `Int64`,
    /// `Decimal` and [`Page::count`](crate::get::Page::count) take both forms, always.
    ///
    /// ```
    /// use odata_resource_runtime::get::Get;
    ///
    /// let request = Get::<()>::at(b"/me/drive/root".to_vec()).ieee754_compatible().build()?;
    /// assert_eq!(request.headers()["accept"], "application/json;IEEE754Compatible=true");
    /// # Ok::<(), odata_resource_runtime::Error>(())
    /// ```
    pub fn ieee754_compatible(self) -> Self {
        self.header("Accept", IEEE754_COMPATIBLE)
    }

    pub(crate) fn options_mut(&mut self) -> &mut QueryOptions {
        &mut self.options
    }

    /// The request: path and query, checked headers.
    ///
    /// # Errors
    /// A path parameter that would re-route the request, or a bad header.
    pub fn build(self) -> Result<GetRequest<T>, Error> {
        let path = self.path.map_err(|error| *error)?;
        // the path part is text (see `request_path`): this never falls back
        let mut target = String::from_utf8(path).unwrap_or_default();
        let path_len = target.len();
        self.options.write(&mut target);
        Ok(GetRequest {
            target,
            path_len,
            headers: checked_headers(self.headers, false)?,
            resource: PhantomData,
        })
    }
}

/// A built GET: path, query and headers. Send it with any client through
/// [`GetRequest::to_http`] and read the answer with [`GetRequest::parse_response`].
///
/// ```
/// use odata_resource_runtime::get::{Field, Get};
///
/// struct Operation;
/// let request = Get::<Operation>::at(b"/teams/t/operations".to_vec())
///     .select([Field::<Operation>::new("status")])
///     .build()?;
/// assert_eq!((request.path(), request.query()), ("/teams/t/operations", "$select=status"));
/// let http = request.to_http("https://graph.microsoft.com/beta")?;
/// assert_eq!(http.uri(), "https://graph.microsoft.com/beta/teams/t/operations?$select=status");
/// # Ok::<(), odata_resource_runtime::Error>(())
/// ```
pub struct GetRequest<T> {
    target: String,
    path_len: usize,
    headers: Vec<(HeaderName, HeaderValue)>,
    resource: PhantomData<fn() -> T>,
}

impl<T> GetRequest<T> {
    /// Always `GET`.
    pub fn method(&self) -> &Method {
        &Method::GET
    }

    /// The path below the service root, percent-encoded.
    pub fn path(&self) -> &str {
        self.target.get(..self.path_len).unwrap_or_default()
    }

    /// The query (`$select=…&…`), without `?`; empty when no option is set.
    pub fn query(&self) -> &str {
        self.target
            .get(self.path_len..)
            .unwrap_or_default()
            .trim_start_matches('?')
    }

    /// The path and the query, as on the request line below the service root.
    pub fn path_and_query(&self) -> &str {
        &self.target
    }

    /// The headers (`If-None-Match` and those added).
    pub fn headers(&self) -> HeaderMap {
        self.headers.iter().cloned().collect()
    }

    /// The full URL below `service_root`.
    ///
    /// # Errors
    /// [`Error::InvalidServiceRoot`] unless the root is an absolute `http` or `https` URL.
    pub fn url(&self, service_root: &str) -> Result<String, Error> {
        join_root(service_root, &self.target)
    }

    /// The request as an `http::Request`, for any HTTP client.
    ///
    /// # Errors
    /// [`Error::InvalidServiceRoot`] as for [`GetRequest::url`].
    pub fn to_http(&self, service_root: &str) -> Result<http::Request<Vec<u8>>, Error> {
        http_request(
            Method::GET,
            service_root,
            &self.target,
            Vec::new(),
            self.headers(),
        )
    }
}

impl<T: DeserializeOwned + ODataType> GetRequest<T> {
    /// Reads the answer: 200 → `Some(T)`, with the `ETag` response header kept in the value's
    /// annotations when the body carries no `@odata.etag`; `304 Not Modified` (after
    /// `if_none_match`) → `None`; an error status → [`Error::Service`].
    ///
    /// # Errors
    /// [`Error::Service`] for an error status, [`Error::Json`] for a body that does not fit `T`
    /// (a 200 without a body included).
    pub fn parse_response<B: AsRef<[u8]>>(
        &self,
        response: &http::Response<B>,
    ) -> Result<Option<T>, Error> {
        if response.status() == StatusCode::NOT_MODIFIED {
            return Ok(None);
        }
        let Some(mut value) = parse_response::<T, B>(response)? else {
            return Err(Error::Json {
                path: String::new(),
                message: format!("a GET answered {} without a body", response.status()),
            });
        };
        let header_etag = response.headers().get(ETAG).and_then(|v| v.to_str().ok());
        if let (Some(etag), Some(annotations)) = (header_etag, value.annotations_mut()) {
            if annotations.etag().is_none() {
                annotations.set_etag(Some(etag.to_owned()));
            }
        }
        Ok(Some(value))
    }
}

impl<T> Clone for GetRequest<T> {
    fn clone(&self) -> Self {
        GetRequest {
            target: self.target.clone(),
            path_len: self.path_len,
            headers: self.headers.clone(),
            resource: PhantomData,
        }
    }
}

impl<T> fmt::Debug for GetRequest<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GetRequest")
            .field("path_and_query", &self.target)
            .field("headers", &self.headers())
            .finish()
    }
}

impl<T> fmt::Display for GetRequest<T> {
    /// `GET <path>?<query> HTTP/1.1` and the headers, with CRLF line ends.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_message(f, &Method::GET, &self.target, &self.headers(), &[])
    }
}
