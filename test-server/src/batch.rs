//! `POST /{version}/$batch`: Graph's JSON batching. Each inner request goes through the same
//! router as a direct one; a request whose dependency failed is answered 424; answers come back
//! in reverse order (clients must correlate by id).

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Request, StatusCode};
use axum::response::Response;
use axum::Extension;
use http::header::{HeaderName, HeaderValue, AUTHORIZATION};
use serde_json::{json, Map, Value};
use tower::ServiceExt;

use crate::faults;
use crate::json::Json;
use crate::model::ApiVersion;
use crate::odata::{self, GraphError, RequestIds};
use crate::rules;
use crate::state::Shared;

/// The most requests one batch may hold.
const MAX_REQUESTS: usize = 20;
/// The largest inner response body read back into the batch response.
const MAX_INNER_BODY: usize = 1 << 20;

/// One inner request, checked.
struct Inner {
    id: String,
    method: http::Method,
    url: String,
    headers: Map<String, Value>,
    body: Option<Value>,
    depends_on: Vec<String>,
}

pub(crate) async fn batch(
    State(shared): State<Arc<Shared>>,
    Extension(ids): Extension<RequestIds>,
    Path(version): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match run(shared, &ids, &version, &headers, &body).await {
        Ok(answers) => odata::json_response(
            StatusCode::OK,
            &Json::from_value(&json!({ "responses": answers })),
        ),
        Err(error) => error.into_response(&ids),
    }
}

async fn run(
    shared: Arc<Shared>,
    ids: &RequestIds,
    version: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Vec<Value>, GraphError> {
    rules::check_auth(headers)?;
    ApiVersion::parse(version)
        .ok_or_else(|| GraphError::bad_request(format!("Invalid version: {version}")))?;
    rules::check_content_type(headers)?;
    let requests = read_envelope(body)?;
    let mut statuses: HashMap<String, StatusCode> = HashMap::new();
    let mut answers = Vec::with_capacity(requests.len());
    for inner in requests {
        let failed = inner
            .depends_on
            .iter()
            .find(|d| statuses.get(*d).is_none_or(|s| !s.is_success()));
        let (status, answer_headers, answer_body) = match failed {
            Some(dependency) => failed_dependency(&inner.id, dependency, ids),
            None => answer(&shared, ids, version, headers, &inner).await,
        };
        statuses.insert(inner.id.clone(), status);
        answers.push(json!({
            "id": inner.id,
            "status": status.as_u16(),
            "headers": answer_headers,
            "body": answer_body,
        }));
    }
    answers.reverse();
    Ok(answers)
}

/// Reads `{"requests": [...]}`: at most 20, unique non-empty ids, `dependsOn` on earlier ids,
/// `Content-Type` given when there is a body.
fn read_envelope(body: &[u8]) -> Result<Vec<Inner>, GraphError> {
    let bad = |message: String| GraphError::bad_request(message);
    let envelope: Value = serde_json::from_slice(body)
        .map_err(|e| bad(format!("The batch body is not valid JSON: {e}")))?;
    let requests = envelope
        .get("requests")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("The batch body has no `requests` array.".to_owned()))?;
    if requests.len() > MAX_REQUESTS {
        return Err(bad(format!(
            "A batch holds at most {MAX_REQUESTS} requests; this one has {}.",
            requests.len()
        )));
    }
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::with_capacity(requests.len());
    for request in requests {
        let text = |name: &str| request.get(name).and_then(Value::as_str).map(str::to_owned);
        let id = text("id")
            .filter(|id| !id.is_empty())
            .ok_or_else(|| bad("A batch request has no `id`.".to_owned()))?;
        if seen.contains(&id) {
            return Err(bad(format!("The batch request id '{id}' is used twice.")));
        }
        let method = text("method")
            .and_then(|m| http::Method::from_bytes(m.to_ascii_uppercase().as_bytes()).ok())
            .ok_or_else(|| bad(format!("Batch request '{id}' has no valid `method`.")))?;
        let url = text("url").ok_or_else(|| bad(format!("Batch request '{id}' has no `url`.")))?;
        if url.contains("://") || url.starts_with("/v1.0/") || url.starts_with("/beta/") {
            return Err(bad(format!(
                "Batch request '{id}': `url` must be relative to the version root, without the version segment."
            )));
        }
        let headers = match request.get("headers") {
            None => Map::new(),
            Some(Value::Object(headers)) => headers.clone(),
            Some(_) => {
                return Err(bad(format!(
                    "Batch request '{id}': `headers` must be an object."
                )))
            }
        };
        let body = request.get("body").cloned().filter(|b| !b.is_null());
        if body.is_some()
            && !headers
                .keys()
                .any(|k| k.eq_ignore_ascii_case("content-type"))
        {
            return Err(bad(format!(
                "Batch request '{id}' has a body but no Content-Type header."
            )));
        }
        let depends_on = match request.get("dependsOn") {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .map(|d| d.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| bad(format!("Batch request '{id}': `dependsOn` must list ids.")))?,
            Some(_) => {
                return Err(bad(format!(
                    "Batch request '{id}': `dependsOn` must be an array."
                )))
            }
        };
        if let Some(unknown) = depends_on.iter().find(|d| !seen.contains(d)) {
            return Err(bad(format!(
                "Batch request '{id}' depends on '{unknown}', which is not an earlier request."
            )));
        }
        seen.push(id.clone());
        out.push(Inner {
            id,
            method,
            url,
            headers,
            body,
            depends_on,
        });
    }
    Ok(out)
}

fn failed_dependency(id: &str, dependency: &str, ids: &RequestIds) -> (StatusCode, Value, Value) {
    let error = GraphError::new(
        StatusCode::FAILED_DEPENDENCY,
        "FailedDependency",
        format!("Request '{id}' was not run: its dependency '{dependency}' failed."),
    );
    (
        StatusCode::FAILED_DEPENDENCY,
        json!({ "content-type": "application/json" }),
        error.body(ids).into_value(),
    )
}

/// Runs one inner request (or a queued batch-item failure) and reads its answer.
async fn answer(
    shared: &Arc<Shared>,
    ids: &RequestIds,
    version: &str,
    envelope_headers: &HeaderMap,
    inner: &Inner,
) -> (StatusCode, Value, Value) {
    let fault = shared.lock().batch_item_faults.pop_front();
    let response = match fault {
        Some(failure) => faults::response(&failure, ids).unwrap_or_else(|| {
            GraphError::new(
                StatusCode::BAD_GATEWAY,
                "BadGateway",
                "The request was dropped.",
            )
            .into_response(ids)
        }),
        None => match inner_request(ids, version, envelope_headers, inner) {
            Ok(request) => match crate::routes::router(Arc::clone(shared))
                .oneshot(request)
                .await
            {
                Ok(response) => response,
                Err(never) => match never {},
            },
            Err(error) => error.into_response(ids),
        },
    };
    read_answer(response).await
}

fn inner_request(
    ids: &RequestIds,
    version: &str,
    envelope_headers: &HeaderMap,
    inner: &Inner,
) -> Result<Request<Body>, GraphError> {
    let separator = if inner.url.starts_with('/') { "" } else { "/" };
    let uri = format!("/{version}{separator}{}", inner.url);
    let body = match &inner.body {
        Some(body) => serde_json::to_vec(body).unwrap_or_default(),
        None => Vec::new(),
    };
    let mut request = Request::builder()
        .method(inner.method.clone())
        .uri(uri)
        .body(Body::from(body))
        .map_err(|e| GraphError::bad_request(format!("Batch request '{}': {e}", inner.id)))?;
    for (name, value) in &inner.headers {
        let (Ok(name), Some(Ok(value))) = (
            HeaderName::from_bytes(name.as_bytes()),
            value.as_str().map(HeaderValue::from_str),
        ) else {
            return Err(GraphError::bad_request(format!(
                "Batch request '{}': header '{name}' is not valid.",
                inner.id
            )));
        };
        request.headers_mut().append(name, value);
    }
    // inner requests run with the envelope's credentials
    if let Some(authorization) = envelope_headers.get(AUTHORIZATION) {
        request
            .headers_mut()
            .insert(AUTHORIZATION, authorization.clone());
    }
    request.extensions_mut().insert(ids.clone());
    Ok(request)
}

async fn read_answer(response: Response) -> (StatusCode, Value, Value) {
    let status = response.status();
    let headers: Map<String, Value> = response
        .headers()
        .iter()
        .filter_map(|(name, value)| {
            Some((name.as_str().to_owned(), Value::from(value.to_str().ok()?)))
        })
        .collect();
    let bytes = axum::body::to_bytes(response.into_body(), MAX_INNER_BODY)
        .await
        .unwrap_or_default();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or(Value::Null)
    };
    (status, Value::Object(headers), body)
}
