//! What a [`Client`] reads: one resource ([`Client::get`]), the read–modify–write loop with
//! `If-Match` ([`Client::update`]), and collections ([`Client::pages`]).

use http::header::IF_NONE_MATCH;
use http::StatusCode;
use serde::de::DeserializeOwned;

use crate::error::{Error, ServiceError};
use crate::get::{GetRequest, ListRequest};
use crate::patch::setter::Diff;
use crate::read::parse_response;
use crate::types::odata_type::ODataType;

use super::pages::Pages;
use super::sender::Client;

impl Client {
    /// Sends a GET (retrying as the policy says) and reads the answer: `Some(T)`, with the ETag
    /// kept in the value's annotations; `None` for `304 Not Modified` (after `if_none_match`).
    ///
    /// # Errors
    /// As [`Client::send`].
    pub async fn get<T: DeserializeOwned + ODataType>(
        &self,
        request: &GetRequest<T>,
    ) -> Result<Option<T>, Error> {
        let http = request.to_http(self.service_root())?;
        let response = self.send_http(&http).await?;
        request.parse_response(&response)
    }

    /// Read–modify–write: GETs the resource, lets `change` edit a copy, and sends only what
    /// changed (`diff`) with `If-Match` set to the ETag just read. When someone else changed the
    /// resource first (`412 Precondition Failed`), it reads again and re-applies `change` to the
    /// fresh value, up to [`Client::update_attempts`] times. Nothing changed → no PATCH is sent
    /// and the value read is returned. Gives the resource as updated (the service's answer, or
    /// the changed copy when it answers 204).
    ///
    /// A `$select` on `request` limits what is read and so what can change. A resource without
    /// an ETag is patched without `If-Match` (the last writer wins).
    ///
    /// # Errors
    /// [`Error::PreconditionFailed`] after the last attempt's 412; as [`Client::get`] and
    /// [`Client::send`] otherwise (an `If-None-Match` on `request` is not sent).
    pub async fn update<T, F>(&self, request: &GetRequest<T>, mut change: F) -> Result<T, Error>
    where
        T: DeserializeOwned + ODataType + Diff + Clone,
        F: FnMut(&mut T),
    {
        let mut last = None;
        for _ in 0..self.attempts_to_update() {
            let current = self.read_current(request).await?;
            let mut changed = current.clone();
            change(&mut changed);
            let etag = current.annotations().and_then(|a| a.etag());
            let Some(patch) = T::update_request(request.path(), &current, &changed, etag)? else {
                return Ok(current);
            };
            let response = self.send_raw(&patch).await?;
            if response.status() == StatusCode::PRECONDITION_FAILED {
                last = Some(ServiceError::from_response(&response));
                continue;
            }
            return Ok(parse_response(&response)?.unwrap_or(changed));
        }
        Err(Error::PreconditionFailed {
            attempts: self.attempts_to_update(),
            last: Box::new(
                last.unwrap_or_else(|| {
                    ServiceError::from_response(&http::Response::new(Vec::new()))
                }),
            ),
        })
    }

    /// The resource as it is now: `request` without `If-None-Match`.
    async fn read_current<T: DeserializeOwned + ODataType>(
        &self,
        request: &GetRequest<T>,
    ) -> Result<T, Error> {
        let mut http = request.to_http(self.service_root())?;
        http.headers_mut().remove(IF_NONE_MATCH);
        let response = self.send_http(&http).await?;
        request
            .parse_response(&response)?
            .ok_or_else(|| Error::Json {
                path: String::new(),
                message: "the resource to update was answered without a body".to_owned(),
            })
    }

    /// Reads a collection page by page, following each `@odata.nextLink` as it is (only on the
    /// service's own origin).
    ///
    /// ```no_run
    /// # async fn run(client: odata_resource_runtime::client::Client) -> Result<(), odata_resource_runtime::Error> {
    /// use odata_resource_runtime::get::List;
    ///
    /// let members = List::<serde_json::Value>::path("/groups/{id}/members", &["g1"]).build()?;
    /// let mut pages = client.pages(&members).max_pages(50);
    /// while let Some(page) = pages.next().await {
    ///     for member in page?.value {
    ///         println!("{member}");
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub fn pages<'c, T: DeserializeOwned>(&'c self, request: &'c ListRequest<T>) -> Pages<'c, T> {
        Pages::new(self, request)
    }

    /// Sends a built `http::Request` with this client's token, ids and retry policy.
    pub(super) async fn send_http(
        &self,
        request: &http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let url = request.uri().to_string();
        self.send_with_retry(request.method(), &url, request.headers(), request.body())
            .await
    }
}
