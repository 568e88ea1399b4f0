//! [`List`] and [`ListRequest`]: a GET of a collection (an entity set, or a collection-valued
//! navigation without its key), read page by page; the next page is fetched from
//! `@odata.nextLink` as it is, never rebuilt, and only from the service's own origin.

use std::fmt;

use http::{HeaderMap, Method};
use serde::de::DeserializeOwned;

use crate::error::Error;
use crate::patch::path::check_segment;
use crate::patch::path::request_path;
use crate::read::parse_response;

use super::one::{Get, GetRequest};
use super::page::Page;
use super::property::{Navigation, Selectable};

/// A collection GET being built: made by a resource's `list…` constructors (one per declared
/// `collection` path), or by [`List::path`] for any item type (a `Polymorphic` enum of the
/// collection's derived types, say).
///
/// ```
/// use odata_resource_runtime::get::List;
///
/// let request = List::<serde_json::Value>::path("/groups/{group-id}/members", &["g 1"])
///     .top(5)
///     .count()
///     .header("ConsistencyLevel", "eventual")
///     .build()?;
/// assert_eq!(request.path_and_query(), "/groups/g%201/members?$top=5&$count=true");
/// # Ok::<(), odata_resource_runtime::Error>(())
/// ```
#[must_use = "a GET does nothing until it is built and sent"]
pub struct List<T>(Get<T>);

impl<T> List<T> {
    /// A collection GET of a path built by the derive (or the reason it could not be built).
    #[doc(hidden)]
    pub fn new(path: Result<Vec<u8>, Error>) -> Self {
        List(Get::new(path))
    }

    /// A collection GET of `template` (placeholders `{name}` as whole segments) filled with
    /// `args` in order, each percent-encoded as one segment and checked as the derive's paths
    /// are; a template and `args` that do not match make `build()` fail.
    pub fn path(template: &str, args: &[&str]) -> Self {
        List::new(fill(template, args))
    }

    /// `$select`, as [`Get::select`].
    pub fn select<S: Selectable<T>>(self, properties: impl IntoIterator<Item = S>) -> Self {
        List(self.0.select(properties))
    }

    /// `$expand`, as [`Get::expand`].
    pub fn expand(self, properties: impl IntoIterator<Item = Navigation<T>>) -> Self {
        List(self.0.expand(properties))
    }

    /// `$filter` with this expression (written as the service expects it; encoded here).
    pub fn filter(mut self, expression: impl Into<String>) -> Self {
        self.0.options_mut().filter = Some(expression.into());
        self
    }

    /// `$top`: at most `n` items in all.
    pub fn top(mut self, n: u32) -> Self {
        self.0.options_mut().top = Some(n);
        self
    }

    /// `$count=true`: the first page carries the collection's size (Graph asks for
    /// `ConsistencyLevel: eventual` beside it on directory objects).
    pub fn count(mut self) -> Self {
        self.0.options_mut().count = true;
        self
    }

    /// `Prefer: odata.maxpagesize=n`: at most `n` items a page.
    pub fn max_page_size(self, n: u32) -> Self {
        List(self.0.header("Prefer", format!("odata.maxpagesize={n}")))
    }

    /// Sets a request header, replacing an earlier value of the same name (`Prefer` adds up).
    pub fn header(self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
        List(self.0.header(name, value))
    }

    /// `Accept: application/json;IEEE754Compatible=true` on every page: `Edm.Int64`,
    /// `Edm.Decimal` and `@odata.count` come as strings (read either way); see
    /// [`Get::ieee754_compatible`](crate::get::Get::ieee754_compatible).
    ///
    /// ```
    /// use odata_resource_runtime::get::List;
    ///
    /// let request = List::<()>::path("/users", &[]).ieee754_compatible().build()?;
    /// assert_eq!(request.headers()["accept"], "application/json;IEEE754Compatible=true");
    /// # Ok::<(), odata_resource_runtime::Error>(())
    /// ```
    pub fn ieee754_compatible(self) -> Self {
        List(self.0.ieee754_compatible())
    }

    /// The request of the first page.
    ///
    /// # Errors
    /// As [`Get::build`].
    pub fn build(self) -> Result<ListRequest<T>, Error> {
        self.0.build().map(ListRequest)
    }
}

/// `template` filled with `args`: the text between `{…}` placeholders kept, each argument one
/// percent-encoded segment.
fn fill(template: &str, args: &[&str]) -> Result<Vec<u8>, Error> {
    let mut literals = Vec::new();
    let mut names = Vec::new();
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        let (name, after) = after.split_once('}').unwrap_or((after, ""));
        literals.push(before);
        names.push(name);
        rest = after;
    }
    literals.push(rest);
    if names.len() != args.len() {
        return Err(Error::InvalidPathTemplate {
            template: template.to_owned(),
            reason: format!("{} placeholders, {} values", names.len(), args.len()),
        });
    }
    for (name, value) in names.iter().zip(args) {
        check_segment(value).map_err(|reason| Error::InvalidPathTemplate {
            template: template.to_owned(),
            reason: format!("`{name}` = {value:?} {reason}"),
        })?;
    }
    let params: Vec<(&'static str, &str)> = args.iter().map(|arg| ("", *arg)).collect();
    request_path(&literals, &params, template.len())
}

/// A built collection GET (its first page). Send it with any client through
/// [`ListRequest::to_http`], read each answer with [`ListRequest::parse_response`], and ask for
/// the next page with [`ListRequest::next_page`].
///
/// ```
/// use odata_resource_runtime::get::List;
/// use odata_resource_runtime::Error;
///
/// let root = "https://graph.microsoft.com/v1.0";
/// let members = List::<serde_json::Value>::path("/groups/{id}/members", &["g1"]).build()?;
/// let page = members.parse_response(&http::Response::new(
///     br#"{"value":[{"id":"u1"}],"@odata.nextLink":"https://graph.microsoft.com/v1.0/groups/g1/members?$skiptoken=X"}"#.to_vec(),
/// ))?;
/// let next = members.next_page(root, page.next_link.as_deref().unwrap())?;
/// assert_eq!(next.uri().query(), Some("$skiptoken=X")); // followed as sent
/// assert!(matches!(
///     members.next_page(root, "https://evil.example/v1.0/groups/g1/members"),
///     Err(Error::ForeignLink { .. })
/// ));
/// # Ok::<(), Error>(())
/// ```
pub struct ListRequest<T>(GetRequest<T>);

impl<T> ListRequest<T> {
    /// The path and the query of the first page.
    pub fn path_and_query(&self) -> &str {
        self.0.path_and_query()
    }

    /// The headers every page is asked with.
    pub fn headers(&self) -> HeaderMap {
        self.0.headers()
    }

    /// The first page's request, for any HTTP client.
    ///
    /// # Errors
    /// [`Error::InvalidServiceRoot`] unless the root is an absolute `http` or `https` URL.
    pub fn to_http(&self, service_root: &str) -> Result<http::Request<Vec<u8>>, Error> {
        self.0.to_http(service_root)
    }

    /// The request of the page at `next_link` (a page's `@odata.nextLink`), as it is, with this
    /// request's headers. A link to another origin than `service_root` (scheme, host and port)
    /// is refused: the client's token must not go there.
    ///
    /// # Errors
    /// [`Error::ForeignLink`] for a link to another origin or one that is not an absolute URL.
    pub fn next_page(
        &self,
        service_root: &str,
        next_link: &str,
    ) -> Result<http::Request<Vec<u8>>, Error> {
        check_same_origin(service_root, next_link)?;
        let mut request = http::Request::new(Vec::new());
        *request.method_mut() = Method::GET;
        *request.uri_mut() = next_link
            .parse()
            .map_err(|_| foreign(service_root, next_link))?;
        *request.headers_mut() = self.headers();
        Ok(request)
    }
}

/// `next_link` has `service_root`'s scheme, host and port.
fn check_same_origin(service_root: &str, next_link: &str) -> Result<(), Error> {
    let origin = |url: &str| {
        let uri: http::Uri = url.parse().ok()?;
        let scheme = uri.scheme_str()?.to_ascii_lowercase();
        let port = uri.port_u16().or(match scheme.as_str() {
            "https" => Some(443),
            "http" => Some(80),
            _ => None,
        });
        Some((scheme, uri.host()?.to_ascii_lowercase(), port))
    };
    match (origin(service_root), origin(next_link)) {
        (Some(root), Some(link)) if root == link => Ok(()),
        _ => Err(foreign(service_root, next_link)),
    }
}

fn foreign(service_root: &str, link: &str) -> Error {
    Error::ForeignLink {
        link: link.to_owned(),
        service_root: service_root.to_owned(),
    }
}

impl<T: DeserializeOwned> ListRequest<T> {
    /// Reads one page's answer (the first or any next one).
    ///
    /// # Errors
    /// [`Error::Service`] for an error status; [`Error::Json`] for a body that is not a page
    /// (`value[3].status: …` names a bad item).
    pub fn parse_response<B: AsRef<[u8]>>(
        &self,
        response: &http::Response<B>,
    ) -> Result<Page<T>, Error> {
        parse_response::<Page<T>, B>(response)?.ok_or_else(|| Error::Json {
            path: String::new(),
            message: format!("a collection answered {} without a page", response.status()),
        })
    }
}

impl<T> Clone for ListRequest<T> {
    fn clone(&self) -> Self {
        ListRequest(self.0.clone())
    }
}

impl<T> fmt::Debug for ListRequest<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ListRequest").field(&self.0).finish()
    }
}

impl<T> fmt::Display for ListRequest<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_next_link_is_followed_only_on_the_services_origin() {
        let root = "https://graph.microsoft.com/v1.0";
        let ok = "https://GRAPH.microsoft.com:443/v1.0/groups/g/members?$skiptoken=X%2B1";
        assert!(check_same_origin(root, ok).is_ok());
        for bad in [
            "https://evil.example/v1.0/groups/g/members",
            "http://graph.microsoft.com/v1.0/x",
            "https://graph.microsoft.com:8443/v1.0/x",
            "/v1.0/relative",
            "not a url",
        ] {
            assert!(
                matches!(check_same_origin(root, bad), Err(Error::ForeignLink { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_template_is_filled_segment_by_segment() {
        let path = fill("/groups/{group-id}/members/{id}", &["a/b", "c"]).unwrap();
        assert_eq!(path, b"/groups/a%2Fb/members/c");
        assert!(matches!(
            fill("/groups/{group-id}/members", &[]),
            Err(Error::InvalidPathTemplate { .. })
        ));
        assert!(fill("/groups/{id}", &[".."]).is_err());
    }
}
