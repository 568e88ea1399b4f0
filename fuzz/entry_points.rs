//! The fuzzing entry points, shared by the cargo-fuzz targets (`fuzz/fuzz_targets/*.rs`, for a
//! nightly toolchain) and by the stable driver `tests/random_inputs.rs`, which include this file
//! with `#[path]`. Each takes arbitrary bytes and panics only when the crate misbehaves: a panic
//! inside the crate, or a value that does not survive being written and read again.
//!
//! Dependencies: `odata_resource` (the facade), `teams_model` and `serde_json`.

use odata_resource::{http, DateTimeOffset, Error, ODataError, PatchRequest};
use teams_model::{OperationError, TeamsAsyncOperation};

/// Statuses a response is read with; the input's length picks one, so every input gets one
/// success and one failure path deterministically.
const STATUSES: [u16; 6] = [200, 201, 204, 400, 429, 503];

/// Reads `data` as a response body every way the crate offers: `from_slice` as a resource and as
/// a complex type, `parse_response` with a success and an error status, and
/// `ODataError::from_body`. What reads must write back and read again to the same text.
/// Returns whether `data` read as a `TeamsAsyncOperation` (for the driver's statistics).
pub fn response(data: &[u8]) -> bool {
    let operation = odata_resource::from_slice::<TeamsAsyncOperation>(data);
    match &operation {
        Ok(op) => stable_operation(op),
        Err(error) => json_error(error),
    }
    match odata_resource::from_slice::<OperationError>(data) {
        Ok(error) => stable_operation_error(&error),
        Err(error) => json_error(&error),
    }

    let success = STATUSES[data.len() % 3];
    match parse(success, data) {
        Ok(None) => assert!(
            success == 204 || data.iter().all(u8::is_ascii_whitespace),
            "no content for a {success} with a body"
        ),
        Ok(Some(op)) => assert_eq!(
            Some(&op),
            operation.as_ref().ok(),
            "parse_response and from_slice differ"
        ),
        Err(Error::Json { path, message }) => match &operation {
            Err(Error::Json {
                path: p,
                message: m,
            }) => {
                assert_eq!(
                    (&path, &message),
                    (p, m),
                    "parse_response and from_slice differ"
                );
            }
            other => {
                panic!("parse_response failed ({path}: {message}) where from_slice gave {other:?}")
            }
        },
        Err(other) => panic!("a {success} gave {other:?}"),
    }

    let failure = STATUSES[3 + data.len() % 3];
    let expected = ODataError::from_body(data);
    match parse(failure, data) {
        Err(Error::Service(service)) => {
            assert_eq!(service.status, failure);
            assert_eq!(
                service.error, expected,
                "parse_response and from_body differ"
            );
            let _ = service.to_string();
        }
        other => panic!("a {failure} gave {other:?}"),
    }
    operation.is_ok()
}

fn parse(status: u16, data: &[u8]) -> Result<Option<TeamsAsyncOperation>, Error> {
    let response = http::Response::builder()
        .status(status)
        .header("retry-after", "2.5")
        .body(data)
        .expect("a valid status");
    odata_resource::parse_response(&response)
}

/// Writing `op`, reading it and writing again gives the same text, and the second reading the
/// same value.
fn stable_operation(op: &TeamsAsyncOperation) {
    let written = serde_json::to_vec(op).expect("a resource always serializes");
    let again: TeamsAsyncOperation = odata_resource::from_slice(&written)
        .unwrap_or_else(|e| panic!("own output does not read back: {e}\n{}", lossy(&written)));
    let rewritten = serde_json::to_vec(&again).expect("a resource always serializes");
    assert_eq!(lossy(&rewritten), lossy(&written), "writing is not stable");
    let third: TeamsAsyncOperation = odata_resource::from_slice(&rewritten).expect("read before");
    assert_eq!(third, again, "reading is not stable");
}

fn stable_operation_error(error: &OperationError) {
    let written = serde_json::to_vec(error).expect("a complex value always serializes");
    let again: OperationError = odata_resource::from_slice(&written)
        .unwrap_or_else(|e| panic!("own output does not read back: {e}\n{}", lossy(&written)));
    assert_eq!(&again, error, "an operationError changed on the way");
}

/// A reading error is `Error::Json` and displays.
fn json_error(error: &Error) {
    assert!(matches!(error, Error::Json { .. }), "{error:?}");
    let _ = error.to_string();
}

fn lossy(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// Parses `data` (as UTF-8, lossily) as an `Edm.DateTimeOffset`. A value must write back
/// byte for byte (`t` and `z` upper case), read back equal, and agree with the JSON reading of
/// the same text. Returns whether it is a valid value.
pub fn date_time(data: &[u8]) -> bool {
    let text = lossy(data);
    let parsed = DateTimeOffset::parse(&text);
    let json = serde_json::to_string(&*text).expect("a string serializes");
    let from_json = serde_json::from_str::<DateTimeOffset>(&json);
    assert_eq!(
        parsed.is_ok(),
        from_json.is_ok(),
        "{text:?}: JSON and text disagree"
    );
    match parsed {
        Ok(value) => {
            let written = value.to_string();
            assert_eq!(
                written,
                text.replace('t', "T").replace('z', "Z"),
                "not byte-exact"
            );
            let again = DateTimeOffset::parse(&written).expect("own output reads back");
            assert_eq!(again, value);
            assert_eq!(from_json.ok(), Some(value));
            assert_eq!(
                serde_json::to_string(&value).ok(),
                Some(format!("\"{written}\""))
            );
            let _ = value.to_offset_date_time();
            true
        }
        Err(error) => {
            let message = error.to_string();
            assert!(
                message.starts_with("invalid Edm.DateTimeOffset"),
                "{message}"
            );
            false
        }
    }
}

/// Builds a request from caller-supplied strings taken from `data` (split at `|`): two path
/// parameters, an ETag, a custom header value and a property value. It is refused for a
/// documented reason, or it holds the values exactly: each parameter one segment, headers free of
/// control bytes, the property in the body. Returns whether it was built.
pub fn build_request(data: &[u8]) -> bool {
    let text = lossy(data);
    let mut parts = text.splitn(5, '|');
    let mut next = || parts.next().unwrap_or("x");
    let (invitation, group, etag, header, value) = (next(), next(), next(), next(), next());
    let result = TeamsAsyncOperation::patch_invited_user_team(invitation, group)
        .if_match(etag)
        .header("client-request-id", header)
        .target_resource_id(value)
        .build();
    match result {
        Ok(request) => {
            built(&request, &[invitation, group], value);
            return true;
        }
        Err(Error::InvalidPathParameter {
            parameter,
            value: given,
            ..
        }) => {
            let expected = if refused_segment(invitation) {
                ("invitationsId", invitation)
            } else {
                ("groupId", group)
            };
            assert_eq!((parameter, given.as_str()), expected);
            assert!(refused_segment(&given), "{given:?} refused");
        }
        Err(Error::InvalidHeader { name, .. }) => {
            let bad = |v: &str| v.bytes().any(|b| b.is_ascii_control());
            let expected = if bad(etag) {
                "if-match"
            } else {
                "client-request-id"
            };
            assert!(name.eq_ignore_ascii_case(expected), "{name}");
            assert!(
                bad(etag) || bad(header),
                "a header refused without a control byte"
            );
        }
        Err(other) => panic!("{other:?}"),
    }
    false
}

/// The values `build()` documents refusing: empty, `.`, `..`, `$…`, namespace-qualified names.
fn refused_segment(value: &str) -> bool {
    let qualified = value.split('.').count() > 1
        && value.split('.').all(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
    value.is_empty() || value == "." || value == ".." || value.starts_with('$') || qualified
}

fn built(request: &PatchRequest<TeamsAsyncOperation>, params: &[&str], value: &str) {
    let segments: Vec<&str> = request.path().split('/').collect();
    assert_eq!(segments.len(), 8, "{}", request.path());
    assert_eq!(decode(segments[2]).as_deref(), Some(params[0]));
    assert_eq!(decode(segments[5]).as_deref(), Some(params[1]));
    for (name, header) in request.headers() {
        assert!(
            !header.as_bytes().iter().any(u8::is_ascii_control),
            "{name}: {header:?}"
        );
    }
    let http = request
        .to_http("https://graph.microsoft.com/v1.0")
        .expect("a valid root");
    assert_eq!(http.uri().path(), format!("/v1.0{}", request.path()));
    let body: serde_json::Value = serde_json::from_slice(request.body()).expect("a JSON body");
    assert_eq!(body["targetResourceId"], value);
}

/// Decodes a path segment's `%XX` escapes once; `None` for anything outside unreserved
/// characters and escapes.
fn decode(segment: &str) -> Option<String> {
    let mut out = Vec::new();
    let mut bytes = segment.bytes();
    while let Some(b) = bytes.next() {
        match b {
            b'%' => {
                let hex = [bytes.next()?, bytes.next()?];
                out.push(u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?);
            }
            b if b.is_ascii_alphanumeric() || b"-._~".contains(&b) => out.push(b),
            _ => return None,
        }
    }
    String::from_utf8(out).ok()
}
