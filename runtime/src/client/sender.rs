//! [`Client`]: sends [`PatchRequest`]s with reqwest, retrying throttled answers (feature
//! `client`).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use http::header::{HeaderValue, AUTHORIZATION};
use serde::de::DeserializeOwned;

use super::policy::RetryPolicy;

use crate::batch::{Batch, BatchResponse};
use crate::error::Error;
use crate::patch::headers::check_header_value;
use crate::patch::request::PatchRequest;
use crate::read::parse_response;
use crate::retry_after::RetryAfter;

type BoxError = Box<dyn std::error::Error + Send + Sync>;
type TokenFuture = Pin<Box<dyn Future<Output = Result<String, BoxError>> + Send>>;

/// Where the bearer token comes from: a fixed token, or an async function called before every
/// attempt (so a refreshed token is picked up).
#[derive(Clone)]
enum Token {
    Fixed(String),
    Provider(Arc<dyn Fn() -> TokenFuture + Send + Sync>),
}

/// An HTTP client for OData services: reqwest with rustls, a bearer token, a fresh
/// `client-request-id` per request and throttling retry ([`RetryPolicy`]).
///
/// ```no_run
/// # async fn run() -> Result<(), odata_resource_runtime::Error> {
/// use odata_resource_runtime::client::Client;
/// # use odata_resource_runtime::PatchRequest;
/// # let request: PatchRequest<serde_json::Value> = todo!();
///
/// let client = Client::with_token("https://graph.microsoft.com/v1.0", "eyJ0eXAi…");
/// let updated = client.send(&request).await?; // Option<T>: None on 204
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    service_root: String,
    token: Token,
    policy: RetryPolicy,
    update_attempts: u32,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("service_root", &self.service_root)
            .field("policy", &self.policy)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client that sends `Authorization: Bearer <token>`.
    pub fn with_token(service_root: impl Into<String>, token: impl Into<String>) -> Self {
        Client::new(service_root.into(), Token::Fixed(token.into()))
    }

    /// A client that asks `provider` for a token before every attempt.
    ///
    /// ```
    /// use odata_resource_runtime::client::Client;
    ///
    /// let client = Client::with_token_provider("https://graph.microsoft.com/v1.0", || async {
    ///     Ok::<_, std::io::Error>("fresh-token".to_owned())
    /// });
    /// # drop(client);
    /// ```
    pub fn with_token_provider<F, Fut, E>(service_root: impl Into<String>, provider: F) -> Self
    where
        F: Fn() -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<String, E>> + Send + 'static,
        E: Into<BoxError>,
    {
        let provider = Arc::new(move || -> TokenFuture {
            let future = provider();
            Box::pin(async move { future.await.map_err(Into::into) })
        });
        Client::new(service_root.into(), Token::Provider(provider))
    }

    fn new(service_root: String, token: Token) -> Self {
        Client {
            http: reqwest::Client::new(),
            service_root,
            token,
            policy: RetryPolicy::default(),
            update_attempts: 3,
        }
    }

    /// Uses this reqwest client (your proxy, timeouts, pool settings).
    #[must_use]
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = http;
        self
    }

    /// Replaces the retry policy.
    #[must_use]
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// How many times [`Client::update`] reads and tries again after a `412 Precondition
    /// Failed` (someone else changed the resource first); 3 unless set, at least 1.
    #[must_use]
    pub fn update_attempts(mut self, attempts: u32) -> Self {
        self.update_attempts = attempts.max(1);
        self
    }

    pub(super) fn attempts_to_update(&self) -> u32 {
        self.update_attempts
    }

    /// The service root requests are sent to.
    pub fn service_root(&self) -> &str {
        &self.service_root
    }

    /// Sends the request, retrying as the policy says, and reads the answer:
    /// `Some(T)` for 200 with a body, `None` for 204.
    ///
    /// # Errors
    /// [`Error::Service`] for an error status (after retries), [`Error::Transport`] when no
    /// response arrived, [`Error::Json`] for a body that does not fit `T`.
    pub async fn send<T: DeserializeOwned>(
        &self,
        request: &PatchRequest<T>,
    ) -> Result<Option<T>, Error> {
        let response = self.send_raw(request).await?;
        parse_response(&response)
    }

    /// Sends the request, retrying as the policy says, and returns the final response as it
    /// came (any status).
    ///
    /// # Errors
    /// [`Error::Transport`] when no response arrived; [`Error::InvalidHeader`] for a token with
    /// control characters; [`Error::InvalidServiceRoot`].
    pub async fn send_raw<T>(
        &self,
        request: &PatchRequest<T>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let url = request.url(&self.service_root)?;
        self.send_with_retry(request.method(), &url, request.headers(), request.body())
            .await
    }

    /// Sends a [`Batch`] as one `POST $batch` (retrying the envelope as the policy says; the
    /// requests inside are answered one by one, a throttled one with its own 429) and reads the
    /// answers.
    ///
    /// # Errors
    /// As [`Client::send_raw`], and [`Batch::parse_response`]'s.
    pub async fn send_batch(&self, batch: &Batch) -> Result<BatchResponse, Error> {
        let request = batch.to_http(&self.service_root)?;
        let url = request.uri().to_string();
        let response = self
            .send_with_retry(request.method(), &url, request.headers(), request.body())
            .await?;
        batch.parse_response(&response)
    }

    pub(super) async fn send_with_retry(
        &self,
        method: &http::Method,
        url: &str,
        headers: &http::HeaderMap,
        body: &[u8],
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let mut waited = Duration::ZERO;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let response = self.attempt(method, url, headers, body).await?;
            let retry_after = RetryAfter::from_headers(response.headers());
            let delay = self.policy.next_delay(
                response.status(),
                attempt,
                retry_after,
                waited,
                SystemTime::now(),
                fastrand::f64(),
            );
            match delay {
                Some(delay) => {
                    tokio::time::sleep(delay).await;
                    waited += delay;
                }
                None => return Ok(response),
            }
        }
    }

    async fn attempt(
        &self,
        method: &http::Method,
        url: &str,
        headers: &http::HeaderMap,
        body: &[u8],
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let authorization = self.authorization().await?;
        let mut headers = headers.clone();
        headers.insert(AUTHORIZATION, authorization);
        let request_id = uuid::Uuid::new_v4().to_string();
        headers.insert(
            "client-request-id",
            HeaderValue::from_str(&request_id).expect("a UUID is a valid header value"),
        );
        let sent = self
            .http
            .request(method.clone(), url)
            .headers(headers)
            .body(body.to_vec())
            .send()
            .await
            .map_err(|e| Error::Transport(Box::new(e)))?;
        let mut response = http::Response::builder().status(sent.status());
        if let Some(headers) = response.headers_mut() {
            *headers = sent.headers().clone();
        }
        let body = sent
            .bytes()
            .await
            .map_err(|e| Error::Transport(Box::new(e)))?;
        response
            .body(body.to_vec())
            .map_err(|e| Error::Transport(Box::new(e)))
    }

    async fn authorization(&self) -> Result<HeaderValue, Error> {
        let token = match &self.token {
            Token::Fixed(token) => token.clone(),
            Token::Provider(provider) => provider().await.map_err(Error::Transport)?,
        };
        let invalid = |reason: String| Error::InvalidHeader {
            name: AUTHORIZATION.as_str().to_owned(),
            reason,
        };
        check_header_value(&token).map_err(invalid)?;
        let mut value = HeaderValue::from_str(&format!("Bearer {token}"))
            .map_err(|e| invalid(e.to_string()))?;
        value.set_sensitive(true);
        Ok(value)
    }
}
