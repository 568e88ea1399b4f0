//! JSON `$batch` (Graph's JSON batching; OData JSON Format §19): up to 20 requests in one round
//! trip, with ids and `dependsOn`, and their answers read back by id, in any order.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::{json, Error, PatchRequest};

/// The most requests Graph takes in one batch.
pub const MAX_BATCH_REQUESTS: usize = 20;

/// A JSON batch: requests with unique ids, each optionally depending on earlier ones.
///
/// ```
/// use odata_resource_runtime::batch::Batch;
/// # use odata_resource_runtime::PatchRequest;
/// # fn demo(first: PatchRequest<serde_json::Value>, second: PatchRequest<serde_json::Value>) -> Result<(), odata_resource_runtime::Error> {
/// let mut batch = Batch::new();
/// let a = batch.add("1", &first)?;
/// let b = batch.add_after("2", &second, &["1"])?; // sent only if "1" succeeds
/// let http = batch.to_http("https://graph.microsoft.com/v1.0")?; // POST …/v1.0/$batch
/// # let _ = (a, b, http); Ok(()) }
/// ```
#[derive(Debug, Clone, Default)]
pub struct Batch {
    items: Vec<Item>,
}

#[derive(Debug, Clone)]
struct Item {
    id: String,
    method: Method,
    url: String,
    headers: HeaderMap,
    body: Vec<u8>,
    depends_on: Vec<String>,
}

/// The id of one request in a [`Batch`], typed by the resource its answer is read into.
#[derive(Debug)]
pub struct BatchId<T> {
    id: String,
    resource: PhantomData<fn() -> T>,
}

impl<T> BatchId<T> {
    /// The id as sent.
    pub fn as_str(&self) -> &str {
        &self.id
    }
}

impl<T> Clone for BatchId<T> {
    fn clone(&self) -> Self {
        BatchId {
            id: self.id.clone(),
            resource: PhantomData,
        }
    }
}

/// One batch of [`Batch::split`], with the ids of its requests in order.
pub type SplitBatch<T> = (Batch, Vec<BatchId<T>>);

/// Why a request cannot join a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BatchError {
    /// The batch has [`MAX_BATCH_REQUESTS`] requests already.
    Full,
    /// An id is empty.
    EmptyId,
    /// An id is used twice.
    DuplicateId(String),
    /// `dependsOn` names an id that is not an earlier request of this batch.
    UnknownDependency {
        /// The request being added.
        id: String,
        /// The dependency that is not earlier in the batch.
        depends_on: String,
    },
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BatchError::Full => write!(f, "a batch holds at most {MAX_BATCH_REQUESTS} requests"),
            BatchError::EmptyId => f.write_str("a batch request id must not be empty"),
            BatchError::DuplicateId(id) => write!(f, "batch request id `{id}` is used twice"),
            BatchError::UnknownDependency { id, depends_on } => write!(
                f,
                "batch request `{id}` depends on `{depends_on}`, which is not an earlier request of the batch"
            ),
        }
    }
}

impl std::error::Error for BatchError {}

impl From<BatchError> for Error {
    fn from(error: BatchError) -> Self {
        Error::Batch(error)
    }
}

impl Batch {
    /// An empty batch.
    pub fn new() -> Self {
        Batch::default()
    }

    /// Adds a request.
    ///
    /// # Errors
    /// [`BatchError`]: a full batch, an empty or duplicate id.
    pub fn add<T>(
        &mut self,
        id: impl Into<String>,
        request: &PatchRequest<T>,
    ) -> Result<BatchId<T>, Error> {
        self.add_after(id, request, &[])
    }

    /// Adds a request that runs only after `depends_on` (earlier ids of this batch) succeeded;
    /// the service answers 424 Failed Dependency otherwise.
    ///
    /// # Errors
    /// [`BatchError`]: a full batch, an empty or duplicate id, a dependency that is not earlier.
    pub fn add_after<T>(
        &mut self,
        id: impl Into<String>,
        request: &PatchRequest<T>,
        depends_on: &[&str],
    ) -> Result<BatchId<T>, Error> {
        let id = id.into();
        if self.items.len() >= MAX_BATCH_REQUESTS {
            return Err(BatchError::Full.into());
        }
        if id.is_empty() {
            return Err(BatchError::EmptyId.into());
        }
        if self.items.iter().any(|item| item.id == id) {
            return Err(BatchError::DuplicateId(id).into());
        }
        if let Some(missing) = depends_on
            .iter()
            .find(|d| !self.items.iter().any(|item| item.id == **d))
        {
            return Err(BatchError::UnknownDependency {
                id,
                depends_on: (*missing).to_owned(),
            }
            .into());
        }
        let mut headers = request.headers().clone();
        headers.remove(CONTENT_LENGTH);
        self.items.push(Item {
            id: id.clone(),
            method: request.method().clone(),
            url: request.path().to_owned(),
            headers,
            body: request.body().to_vec(),
            depends_on: depends_on.iter().map(|d| (*d).to_owned()).collect(),
        });
        Ok(BatchId {
            id,
            resource: PhantomData,
        })
    }

    /// How many requests the batch holds.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the batch holds no request.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Splits independent requests into batches of at most [`MAX_BATCH_REQUESTS`], ids `"1"`,
    /// `"2"`, … in order; each batch's `BatchId`s come with it.
    ///
    /// # Errors
    /// None in practice (ids are generated); kept for the `add` contract.
    pub fn split<'r, T: 'r>(
        requests: impl IntoIterator<Item = &'r PatchRequest<T>>,
    ) -> Result<Vec<SplitBatch<T>>, Error> {
        let mut batches: Vec<SplitBatch<T>> = Vec::new();
        for (n, request) in requests.into_iter().enumerate() {
            if batches
                .last()
                .is_none_or(|(batch, _)| batch.len() == MAX_BATCH_REQUESTS)
            {
                batches.push((Batch::new(), Vec::new()));
            }
            if let Some((batch, ids)) = batches.last_mut() {
                ids.push(batch.add((n + 1).to_string(), request)?);
            }
        }
        Ok(batches)
    }

    /// The JSON body: `{"requests":[{"id","method","url","headers","body","dependsOn"}…]}` with
    /// URLs relative to the service root (no version segment) and each body as a JSON object.
    pub fn body(&self) -> Vec<u8> {
        let mut out =
            Vec::with_capacity(64 + self.items.iter().map(|i| i.body.len() + 160).sum::<usize>());
        out.extend_from_slice(b"{\"requests\":[");
        for (i, item) in self.items.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"id\":");
            json::write_str(&mut out, &item.id);
            out.extend_from_slice(b",\"method\":");
            json::write_str(&mut out, item.method.as_str());
            out.extend_from_slice(b",\"url\":");
            json::write_str(&mut out, &item.url);
            out.extend_from_slice(b",\"headers\":{");
            for (n, (name, value)) in item.headers.iter().enumerate() {
                if n > 0 {
                    out.push(b',');
                }
                json::write_str(&mut out, name.as_str());
                out.push(b':');
                json::write_str(&mut out, &String::from_utf8_lossy(value.as_bytes()));
            }
            out.push(b'}');
            if !item.body.is_empty() {
                // the builder wrote it: already a JSON object
                out.extend_from_slice(b",\"body\":");
                out.extend_from_slice(&item.body);
            }
            if !item.depends_on.is_empty() {
                out.extend_from_slice(b",\"dependsOn\":[");
                for (n, dependency) in item.depends_on.iter().enumerate() {
                    if n > 0 {
                        out.push(b',');
                    }
                    json::write_str(&mut out, dependency);
                }
                out.push(b']');
            }
            out.push(b'}');
        }
        out.extend_from_slice(b"]}");
        out
    }

    /// `POST {service_root}/$batch` with the JSON body, for any HTTP client.
    ///
    /// # Errors
    /// [`Error::InvalidServiceRoot`].
    pub fn to_http(&self, service_root: &str) -> Result<http::Request<Vec<u8>>, Error> {
        let url = crate::request::join_root(service_root, "/$batch")?;
        let body = self.body();
        let mut request = http::Request::new(body);
        *request.method_mut() = Method::POST;
        *request.uri_mut() =
            url.parse()
                .map_err(|e: http::uri::InvalidUri| Error::InvalidServiceRoot {
                    root: service_root.to_owned(),
                    reason: e.to_string(),
                })?;
        let headers = request.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        let length = request.body().len();
        request
            .headers_mut()
            .insert(CONTENT_LENGTH, HeaderValue::from(length));
        Ok(request)
    }

    /// Reads the batch response (the envelope's answer): the items by id, in any order.
    ///
    /// # Errors
    /// [`Error::Service`] when the envelope itself failed; [`Error::Json`] for a malformed
    /// envelope; [`Error::BatchResponse`] when an answer is missing or unexpected.
    pub fn parse_response<B: AsRef<[u8]>>(
        &self,
        response: &http::Response<B>,
    ) -> Result<BatchResponse, Error> {
        if !response.status().is_success() {
            return Err(Error::Service(Box::new(
                crate::ServiceError::from_response(response),
            )));
        }
        let envelope: Value = crate::from_slice(response.body().as_ref())?;
        let answers = envelope
            .get("responses")
            .and_then(Value::as_array)
            .ok_or_else(|| Error::BatchResponse("no `responses` array".to_owned()))?;
        let mut items = HashMap::with_capacity(answers.len());
        for (index, answer) in answers.iter().enumerate() {
            let answer = Answer::read(answer).map_err(|problem| {
                Error::BatchResponse(format!("responses[{index}]: {problem}"))
            })?;
            if !self.items.iter().any(|item| item.id == answer.id) {
                return Err(Error::BatchResponse(format!(
                    "an answer for `{}`, which the batch did not send",
                    answer.id
                )));
            }
            let id = answer.id.clone();
            if items
                .insert(id.clone(), BatchItemResponse::from(answer)?)
                .is_some()
            {
                return Err(Error::BatchResponse(format!("two answers for `{id}`")));
            }
        }
        if let Some(missing) = self.items.iter().find(|item| !items.contains_key(&item.id)) {
            return Err(Error::BatchResponse(format!(
                "no answer for `{}`",
                missing.id
            )));
        }
        Ok(BatchResponse { items })
    }
}

/// One entry of `responses`: `id` (string), `status` (number), `headers` (object of strings),
/// `body` (any JSON).
struct Answer {
    id: String,
    status: u16,
    headers: Map<String, Value>,
    body: Value,
}

impl Answer {
    fn read(answer: &Value) -> Result<Answer, String> {
        let id = answer
            .get("id")
            .and_then(Value::as_str)
            .ok_or("no string `id`")?
            .to_owned();
        let status = answer
            .get("status")
            .and_then(Value::as_u64)
            .and_then(|s| u16::try_from(s).ok())
            .ok_or_else(|| format!("answer `{id}` has no numeric `status`"))?;
        let headers = match answer.get("headers") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(headers)) => headers.clone(),
            Some(_) => return Err(format!("answer `{id}`: `headers` is not an object")),
        };
        let body = answer.get("body").cloned().unwrap_or(Value::Null);
        Ok(Answer {
            id,
            status,
            headers,
            body,
        })
    }
}

/// One request's answer inside a batch response.
#[derive(Debug, Clone)]
pub struct BatchItemResponse {
    response: http::Response<Vec<u8>>,
}

impl BatchItemResponse {
    fn from(answer: Answer) -> Result<Self, Error> {
        let invalid =
            |what: String| Error::BatchResponse(format!("answer `{}`: {what}", answer.id));
        let status = StatusCode::from_u16(answer.status).map_err(|e| invalid(e.to_string()))?;
        let mut builder = http::Response::builder().status(status);
        for (name, value) in &answer.headers {
            let Some(value) = value.as_str() else {
                return Err(invalid(format!("header `{name}` is not a string")));
            };
            builder = builder.header(name.as_str(), value);
        }
        let body = match &answer.body {
            Value::Null => Vec::new(),
            // binary bodies come base64-encoded; JSON ones as objects
            other => serde_json::to_vec(other).map_err(|e| invalid(e.to_string()))?,
        };
        let response = builder.body(body).map_err(|e| invalid(e.to_string()))?;
        Ok(BatchItemResponse { response })
    }

    /// The answer as an `http::Response` (status, headers, JSON body).
    pub fn as_http(&self) -> &http::Response<Vec<u8>> {
        &self.response
    }
}

/// A batch's answers, by request id.
#[derive(Debug, Clone)]
pub struct BatchResponse {
    items: HashMap<String, BatchItemResponse>,
}

impl BatchResponse {
    /// The typed result of one request: as [`PatchRequest::parse_response`] — `Some(T)`, `None`
    /// for 204, [`Error::Service`] for an error status (424 for a failed dependency, a 429 with
    /// its `Retry-After`).
    ///
    /// # Errors
    /// As [`PatchRequest::parse_response`].
    pub fn get<T: DeserializeOwned>(&self, id: &BatchId<T>) -> Result<Option<T>, Error> {
        let item = self
            .item(id.as_str())
            .ok_or_else(|| Error::BatchResponse(format!("no answer for `{}`", id.as_str())))?;
        crate::parse_response(&item.response)
    }

    /// One answer by id, untyped.
    pub fn item(&self, id: &str) -> Option<&BatchItemResponse> {
        self.items.get(id)
    }

    /// How many answers there are.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there is no answer.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
