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
    /// The token, and its `Authorization` value when the token is a valid header value.
    Fixed(String, Option<HeaderValue>),
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
    timeout: Option<Duration>,
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
        let token = token.into();
        let value = bearer(&token).ok();
        Client::new(service_root.into(), Token::Fixed(token, value))
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
            timeout: None,
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

    /// Gives every attempt at most `timeout`, from sending the request to the last byte of the
    /// answer; one that takes longer ends with [`Error::Timeout`] (not retried: the service may
    /// have applied it). None by default: reqwest's own settings apply ([`Client::http_client`]).
    /// The retry policy's `max_total_wait` bounds the waits between attempts.
    ///
    /// ```
    /// use std::time::Duration;
    /// use odata_resource_runtime::client::Client;
    ///
    /// let client = Client::with_token("https://graph.microsoft.com/v1.0", "token")
    ///     .timeout(Duration::from_secs(30));
    /// # drop(client);
    /// ```
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
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
        let response = self.send_http(&batch.to_http(&self.service_root)?).await?;
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
        headers.insert("client-request-id", request_id());
        let mut request = self
            .http
            .request(method.clone(), url)
            .headers(headers)
            .body(body.to_vec());
        if let Some(timeout) = self.timeout {
            request = request.timeout(timeout);
        }
        let mut sent = request.send().await.map_err(|e| self.transport(e))?;
        let mut response = http::Response::new(Vec::new());
        *response.status_mut() = sent.status();
        // the headers move over as they came, not copied
        *response.headers_mut() = std::mem::take(sent.headers_mut());
        let body = sent.bytes().await.map_err(|e| self.transport(e))?;
        // `Bytes` into `Vec` reuses the buffer when it is the only owner: no copy
        *response.body_mut() = Vec::from(body);
        Ok(response)
    }

    /// reqwest's error: [`Error::Timeout`] when the timeout set ran out, else
    /// [`Error::Transport`].
    fn transport(&self, error: reqwest::Error) -> Error {
        match self.timeout {
            Some(after) if error.is_timeout() => Error::Timeout { after },
            _ => Error::Transport(Box::new(error)),
        }
    }

    async fn authorization(&self) -> Result<HeaderValue, Error> {
        if let Token::Fixed(_, Some(value)) = &self.token {
            return Ok(value.clone());
        }
        let token = match &self.token {
            Token::Fixed(token, _) => token.clone(),
            Token::Provider(provider) => provider().await.map_err(Error::Transport)?,
        };
        bearer(&token)
    }
}

/// `Bearer <token>` as a sensitive header value.
fn bearer(token: &str) -> Result<HeaderValue, Error> {
    let invalid = |reason: String| Error::InvalidHeader {
        name: AUTHORIZATION.as_str().to_owned(),
        reason,
    };
    check_header_value(token).map_err(invalid)?;
    let mut value =
        HeaderValue::from_str(&format!("Bearer {token}")).map_err(|e| invalid(e.to_string()))?;
    value.set_sensitive(true);
    Ok(value)
}

/// A fresh `client-request-id` (a v4 UUID), written without a `String` in between. Its random
/// bits come from `fastrand` (an id to correlate logs needs no cryptographic randomness, and
/// `Uuid::new_v4` asks the OS for each one: a system call per request).
fn request_id() -> HeaderValue {
    let mut text = [0u8; uuid::fmt::Hyphenated::LENGTH];
    let id = uuid::Builder::from_random_bytes(fastrand::u128(..).to_le_bytes()).into_uuid();
    HeaderValue::from_bytes(id.hyphenated().encode_lower(&mut text).as_bytes())
        .expect("a UUID is a valid header value")
}
