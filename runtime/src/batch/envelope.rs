//! [`Batch`]: the requests of a JSON `$batch` with their ids and `dependsOn`, written as one
//! envelope, and its answer read back.

use std::marker::PhantomData;

use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderMap, HeaderValue, Method};

use crate::error::Error;
use crate::patch::request::{http_request, PatchRequest};
use crate::write::json;

use super::error::{BatchError, MAX_BATCH_REQUESTS};

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
    pub(super) items: Vec<Item>,
}

#[derive(Debug, Clone)]
pub(super) struct Item {
    pub(super) id: String,
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
        let body = self.body();
        let mut headers = HeaderMap::with_capacity(2);
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        headers.insert(CONTENT_LENGTH, HeaderValue::from(body.len()));
        http_request(Method::POST, service_root, "/$batch", body, headers)
    }
}
