//! Graph's response conventions: headers every response carries, the error body, request ids,
//! the `innerError.date` format, context URLs, and the entity representation.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Body;
use axum::response::Response;
use http::header::{HeaderName, HeaderValue, CONTENT_TYPE};
use http::{HeaderMap, StatusCode};
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use serde_json::{Map, Value};

use crate::json::Json;
use crate::model::{self, ApiVersion, Kind};

/// The content type Graph puts on JSON responses.
pub(crate) const JSON_CONTENT_TYPE: &str = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

pub(crate) static REQUEST_ID: HeaderName = HeaderName::from_static("request-id");
pub(crate) static CLIENT_REQUEST_ID: HeaderName = HeaderName::from_static("client-request-id");
pub(crate) static ODATA_VERSION: HeaderName = HeaderName::from_static("odata-version");
pub(crate) static PREFERENCE_APPLIED: HeaderName = HeaderName::from_static("preference-applied");

/// The ids of one request: a fresh `request-id`, and the client's `client-request-id` (or a fresh one).
#[derive(Debug, Clone)]
pub(crate) struct RequestIds {
    pub(crate) request_id: String,
    pub(crate) client_request_id: HeaderValue,
}

impl RequestIds {
    pub(crate) fn for_request(headers: &HeaderMap) -> RequestIds {
        let request_id = new_guid();
        let client_request_id = headers.get(&CLIENT_REQUEST_ID).cloned().unwrap_or_else(|| {
            HeaderValue::from_str(&new_guid()).unwrap_or(HeaderValue::from_static("0"))
        });
        RequestIds {
            request_id,
            client_request_id,
        }
    }

    fn client_request_id_text(&self) -> String {
        String::from_utf8_lossy(self.client_request_id.as_bytes()).into_owned()
    }
}

/// Adds the headers every response carries.
pub(crate) fn finish(response: &mut Response, ids: &RequestIds) {
    let headers = response.headers_mut();
    headers.insert(ODATA_VERSION.clone(), HeaderValue::from_static("4.0"));
    if let Ok(value) = HeaderValue::from_str(&ids.request_id) {
        headers.insert(REQUEST_ID.clone(), value);
    }
    headers.insert(CLIENT_REQUEST_ID.clone(), ids.client_request_id.clone());
}

/// A response with a JSON body in Graph's content type.
pub(crate) fn json_response(status: StatusCode, body: &Json) -> Response {
    let mut response = Response::new(Body::from(body.to_text()));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(JSON_CONTENT_TYPE));
    response
}

/// A response with no body (`204`, `304`).
pub(crate) fn empty_response(status: StatusCode) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = status;
    response
}

/// The `@odata.context` URL Graph writes: `https://graph.microsoft.com/{version}/$metadata#{fragment}`.
pub(crate) fn context_url(version: ApiVersion, fragment: &str) -> String {
    format!(
        "https://graph.microsoft.com/{}/$metadata#{fragment}",
        version.as_str()
    )
}

/// A Graph error: status, `error.code`, `error.message`, and headers to add.
#[derive(Debug, Clone)]
pub(crate) struct GraphError {
    pub(crate) status: StatusCode,
    pub(crate) code: &'static str,
    pub(crate) message: String,
    /// Members of `innerError` written before `date` (the throttling body has `code` there).
    pub(crate) inner_code: Option<&'static str>,
    /// `(innerError.message, innerError.status)` as in Graph's throttling body.
    pub(crate) inner_message_status: Option<(&'static str, &'static str)>,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
}

impl GraphError {
    pub(crate) fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        GraphError {
            status,
            code,
            message: message.into(),
            inner_code: None,
            inner_message_status: None,
            headers: Vec::new(),
        }
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        GraphError::new(StatusCode::BAD_REQUEST, "BadRequest", message)
    }

    pub(crate) fn with_header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// The body `{"error":{"code","message","innerError":{…,"date","request-id","client-request-id"}}}`.
    pub(crate) fn body(&self, ids: &RequestIds) -> Json {
        let mut inner = Vec::new();
        if let Some(code) = self.inner_code {
            inner.push(("code".to_owned(), Json::from(code)));
        }
        inner.push(("date".to_owned(), Json::from(graph_date_now())));
        if let Some((message, _)) = self.inner_message_status {
            inner.push(("message".to_owned(), Json::from(message)));
        }
        inner.push(("request-id".to_owned(), Json::from(ids.request_id.as_str())));
        if let Some((_, status)) = self.inner_message_status {
            inner.push(("status".to_owned(), Json::from(status)));
        }
        inner.push((
            "client-request-id".to_owned(),
            Json::from(ids.client_request_id_text()),
        ));
        Json::Object(vec![(
            "error".to_owned(),
            Json::Object(vec![
                ("code".to_owned(), Json::from(self.code)),
                ("message".to_owned(), Json::from(self.message.as_str())),
                ("innerError".to_owned(), Json::Object(inner)),
            ]),
        )])
    }

    pub(crate) fn into_response(self, ids: &RequestIds) -> Response {
        let mut response = json_response(self.status, &self.body(ids));
        for (name, value) in self.headers {
            response.headers_mut().append(name, value);
        }
        response
    }
}

/// A fresh GUID-shaped id (random, version 4 layout).
pub(crate) fn new_guid() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let mut words = [0u64; 2];
    for word in &mut words {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
        hasher.write_u128(nanos);
        *word = hasher.finish();
    }
    let bits = (u128::from(words[0]) << 64 | u128::from(words[1]))
        & !(0xF000u128 << 64 | 0xC000u128 << 48)
        | 0x4000u128 << 64
        | 0x8000u128 << 48;
    let hex = format!("{bits:032x}");
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The current UTC time as Graph writes `innerError.date`: `YYYY-MM-DDThh:mm:ss`, no offset.
pub(crate) fn graph_date_now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    format_utc(secs)
}

fn format_utc(unix_secs: u64) -> String {
    let days = i64::try_from(unix_secs / 86_400).unwrap_or_default();
    let rem = unix_secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// Characters percent-encoded inside a key in `@odata.context` (Graph writes `chats('19%3A…%40thread.v2')`).
const CONTEXT_KEY: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'?')
    .add(b':')
    .add(b'@')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'[')
    .add(b']')
    .add(b'\\')
    .add(b'^')
    .add(b'|');

/// A key in parentheses syntax: quotes doubled, reserved characters percent-encoded.
pub(crate) fn context_key(key: &str) -> String {
    let doubled = key.replace('\'', "''");
    format!("('{}')", utf8_percent_encode(&doubled, CONTEXT_KEY))
}

/// The full representation of a stored operation, in Graph's member order.
pub(crate) fn representation(
    version: ApiVersion,
    context_path: &str,
    etag: &str,
    props: &Map<String, Value>,
    include_unknown_enum_members: bool,
) -> Json {
    let mut members = vec![
        (
            "@odata.context".to_owned(),
            Json::from(context_url(version, &format!("{context_path}/$entity"))),
        ),
        (
            "@odata.type".to_owned(),
            Json::from(format!("#{}", model::ENTITY_TYPE)),
        ),
        ("@odata.etag".to_owned(), Json::from(etag)),
    ];
    for property in &model::PROPERTIES {
        let value = match (props.get(property.name), property.kind) {
            (None, _) if property.nullable => Json::Null,
            (None, _) => continue,
            (Some(Value::String(name)), Kind::Enum(enum_type)) => {
                Json::from(enum_type.shown(version, name, include_unknown_enum_members))
            }
            (Some(Value::Object(error)), Kind::OperationError) => operation_error(error),
            (Some(value), _) => Json::from_value(value),
        };
        members.push((property.name.to_owned(), value));
    }
    for (name, value) in props {
        if model::property(name).is_none() && !name.starts_with('@') {
            members.push((name.clone(), Json::from_value(value)));
        }
    }
    Json::Object(members)
}

fn operation_error(error: &Map<String, Value>) -> Json {
    let mut members: Vec<(String, Json)> = model::ERROR_PROPERTIES
        .iter()
        .map(|name| {
            let value = error.get(*name).map(Json::from_value).unwrap_or(Json::Null);
            ((*name).to_owned(), value)
        })
        .collect();
    for (name, value) in error {
        if !model::ERROR_PROPERTIES.contains(&name.as_str()) && !name.starts_with('@') {
            members.push((name.clone(), Json::from_value(value)));
        }
    }
    Json::Object(members)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_format() {
        assert_eq!(format_utc(0), "1970-01-01T00:00:00");
        assert_eq!(format_utc(1_625_190_019), "2021-07-02T01:40:19");
        assert_eq!(format_utc(4_107_542_399), "2100-02-28T23:59:59");
    }

    #[test]
    fn guid_shape() {
        let a = new_guid();
        let b = new_guid();
        assert_ne!(a, b);
        let parts: Vec<usize> = a.split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12]);
        assert_eq!(&a[14..15], "4");
    }

    #[test]
    fn context_keys() {
        assert_eq!(context_key("a/b"), "('a%2Fb')");
        assert_eq!(context_key("O'Neil"), "('O''Neil')");
        assert_eq!(context_key("19:x@thread.v2"), "('19%3Ax%40thread.v2')");
    }
}
