//! A batch's answers: each request's status, headers and body, by id.

use std::collections::HashMap;

use http::StatusCode;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::error::{Error, ServiceError};
use crate::read::{from_slice, parse_response};

use super::envelope::{Batch, BatchId};

impl Batch {
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
            return Err(Error::Service(Box::new(ServiceError::from_response(
                response,
            ))));
        }
        let envelope: Value = from_slice(response.body().as_ref())?;
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
    /// The typed result of one request: as [`PatchRequest::parse_response`](crate::PatchRequest::parse_response) — `Some(T)`, `None`
    /// for 204, [`Error::Service`] for an error status (424 for a failed dependency, a 429 with
    /// its `Retry-After`).
    ///
    /// # Errors
    /// As [`PatchRequest::parse_response`](crate::PatchRequest::parse_response).
    pub fn get<T: DeserializeOwned>(&self, id: &BatchId<T>) -> Result<Option<T>, Error> {
        let item = self
            .item(id.as_str())
            .ok_or_else(|| Error::BatchResponse(format!("no answer for `{}`", id.as_str())))?;
        parse_response(&item.response)
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
