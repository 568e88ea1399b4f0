//! Graph's request rules: authentication, content type, preferences, `If-Match` and
//! `If-None-Match`, the PATCH body reader (as strict as Microsoft.OData.Core), and the merge of a
//! valid PATCH into the entity.

use std::collections::HashSet;

use http::header::{AUTHORIZATION, CONTENT_TYPE, IF_MATCH, IF_NONE_MATCH, WWW_AUTHENTICATE};
use http::{HeaderMap, HeaderValue, StatusCode};
use serde_json::{Map, Value};

use crate::json::{self, Json};
use crate::model::{self, ApiVersion, DateError, Kind, Member, Property};
use crate::odata::GraphError;

/// Rule 1: `Authorization: Bearer <non-empty token>`.
pub(crate) fn check_auth(headers: &HeaderMap) -> Result<(), GraphError> {
    let unauthorized = |message: &str| {
        GraphError::new(
            StatusCode::UNAUTHORIZED,
            "InvalidAuthenticationToken",
            message,
        )
        .with_header(WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"))
    };
    let mut values = headers.get_all(AUTHORIZATION).iter();
    let value = match (values.next(), values.next()) {
        (None, _) => return Err(unauthorized("Access token is empty.")),
        (Some(_), Some(_)) => {
            return Err(unauthorized(
                "Access token validation failure: more than one Authorization header.",
            ))
        }
        (Some(value), None) => value,
    };
    let Ok(value) = value.to_str() else {
        return Err(unauthorized("Access token validation failure."));
    };
    let value = value.trim();
    let (scheme, token) = value.split_once(' ').unwrap_or((value, ""));
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(unauthorized(
            "Access token validation failure: the authorization scheme must be 'Bearer'.",
        ));
    }
    if token.trim().is_empty() {
        return Err(unauthorized("Access token is empty."));
    }
    Ok(())
}

/// Rule 3a: a PATCH body must be `application/json` (parameters allowed; a charset must be UTF-8).
pub(crate) fn check_content_type(headers: &HeaderMap) -> Result<(), GraphError> {
    let unsupported = |message: String| {
        GraphError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UnsupportedMediaType",
            message,
        )
    };
    let mut values = headers.get_all(CONTENT_TYPE).iter();
    let value =
        match (values.next(), values.next()) {
            (None, _) => return Err(unsupported(
                "The request has no Content-Type header; a PATCH body must be 'application/json'."
                    .to_owned(),
            )),
            (Some(_), Some(_)) => {
                return Err(unsupported(
                    "The request has more than one Content-Type header.".to_owned(),
                ))
            }
            (Some(value), None) => String::from_utf8_lossy(value.as_bytes()).into_owned(),
        };
    let mut parts = value.split(';');
    let media_type = parts.next().unwrap_or_default().trim();
    if !media_type.eq_ignore_ascii_case("application/json") {
        return Err(unsupported(format!(
            "The content type '{value}' is not supported; a PATCH body must be 'application/json'."
        )));
    }
    for parameter in parts {
        let (name, param_value) = parameter.split_once('=').unwrap_or((parameter, ""));
        if name.trim().eq_ignore_ascii_case("charset")
            && !unquote(param_value.trim()).eq_ignore_ascii_case("utf-8")
        {
            return Err(unsupported(format!(
                "The charset in content type '{value}' is not supported; use UTF-8."
            )));
        }
    }
    Ok(())
}

fn unquote(text: &str) -> &str {
    text.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text)
}

/// The preferences of a request (RFC 7240; several `Prefer` headers and comma-separated lists).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Preferences {
    pub(crate) return_minimal: bool,
    pub(crate) return_representation: bool,
    pub(crate) include_unknown_enum_members: bool,
    /// `odata.maxpagesize=N` (or 4.01's `maxpagesize=N`) with `N` ≥ 1; other values are ignored.
    pub(crate) max_page_size: Option<usize>,
}

impl Preferences {
    pub(crate) fn parse(headers: &HeaderMap) -> Preferences {
        let mut prefs = Preferences::default();
        let mut return_seen = false;
        for value in headers.get_all("prefer") {
            let Ok(value) = value.to_str() else { continue };
            for preference in value.split(',') {
                let token = preference.split(';').next().unwrap_or_default();
                let (name, pref_value) = token.split_once('=').unwrap_or((token, ""));
                let name = name.trim();
                let pref_value = unquote(pref_value.trim());
                if name.eq_ignore_ascii_case("return") && !return_seen {
                    return_seen = true;
                    prefs.return_minimal = pref_value.eq_ignore_ascii_case("minimal");
                    prefs.return_representation = pref_value.eq_ignore_ascii_case("representation");
                } else if name.eq_ignore_ascii_case("include-unknown-enum-members") {
                    prefs.include_unknown_enum_members = true;
                } else if name.eq_ignore_ascii_case("odata.maxpagesize")
                    || name.eq_ignore_ascii_case("maxpagesize")
                {
                    prefs.max_page_size = pref_value.parse().ok().filter(|n| *n > 0);
                }
            }
        }
        prefs
    }

    /// The `Preference-Applied` value for a response, if any preference was honoured.
    pub(crate) fn applied(&self, minimal_response: bool) -> Option<String> {
        let mut applied = Vec::new();
        if minimal_response {
            applied.push("return=minimal");
        } else if self.return_representation {
            applied.push("return=representation");
        }
        if self.include_unknown_enum_members {
            applied.push("include-unknown-enum-members");
        }
        (!applied.is_empty()).then(|| applied.join(", "))
    }
}

/// Rule 4: `If-Match`, when present, must list the current ETag or `*`.
pub(crate) fn check_if_match(headers: &HeaderMap, current_etag: &str) -> Result<(), GraphError> {
    let mut present = false;
    for value in headers.get_all(IF_MATCH) {
        present = true;
        let Ok(value) = value.to_str() else { continue };
        if value
            .split(',')
            .map(str::trim)
            .any(|tag| tag == "*" || tag == current_etag)
        {
            return Ok(());
        }
    }
    if present {
        Err(GraphError::new(
            StatusCode::PRECONDITION_FAILED,
            "PreconditionFailed",
            "The ETag in the If-Match header does not match the entity's current ETag.",
        ))
    } else {
        Ok(())
    }
}

/// `If-None-Match` on a GET: true when it lists `*` or an ETag equal to `current_etag` under
/// weak comparison (`W/"1"` matches `"1"`), i.e. when the answer is `304 Not Modified`.
pub(crate) fn none_match(headers: &HeaderMap, current_etag: &str) -> bool {
    let opaque = |tag: &str| {
        let tag = tag.trim();
        tag.strip_prefix("W/").unwrap_or(tag).to_owned()
    };
    let current = opaque(current_etag);
    headers
        .get_all(IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|tag| tag.trim() == "*" || opaque(tag) == current)
}

/// One change a valid PATCH makes, in body order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Change {
    /// Set a declared or dynamic property (declared nullable ones may be set to `null`).
    Set(String, Value),
    /// Remove a dynamic property (`null` sent for it).
    Remove(String),
    /// Set `error` to `null`.
    ClearError,
    /// Merge members (`code`, `message`: value or `null`) into `error`, creating it if null.
    MergeError(Vec<(String, Value)>),
}

/// Rule 3b: reads a PATCH body the way Graph's OData reader does, into the changes it makes.
pub(crate) fn read_patch(
    body: &[u8],
    version: ApiVersion,
    prefs: Preferences,
) -> Result<Vec<Change>, GraphError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(GraphError::bad_request(
            "Empty Payload. JSON content expected.",
        ));
    }
    let parsed = json::parse(body).map_err(|e| {
        GraphError::bad_request(format!("The request body is not valid JSON: {e}."))
    })?;
    let Json::Object(members) = parsed else {
        return Err(GraphError::bad_request(format!(
            "The request body must be a single JSON object representing a '{}'; found a JSON {}.",
            model::ENTITY_TYPE,
            parsed.kind()
        )));
    };
    let mut seen = HashSet::new();
    let mut changes = Vec::new();
    for (index, (name, value)) in members.into_iter().enumerate() {
        check_duplicate(&mut seen, &name)?;
        if name == "@odata.type" {
            check_type_annotation(index, &value, model::ENTITY_TYPE)?;
            continue;
        }
        check_not_annotation(&name)?;
        match model::property(&name) {
            Some(property) => {
                if let Some(change) = read_declared(property, value, version, prefs)? {
                    changes.push(change);
                }
            }
            None => changes.push(read_dynamic(name, value)?),
        }
    }
    Ok(changes)
}

fn check_duplicate(seen: &mut HashSet<String>, name: &str) -> Result<(), GraphError> {
    if seen.insert(name.to_owned()) {
        Ok(())
    } else {
        Err(GraphError::bad_request(format!(
            "Multiple properties with the name '{name}' were detected in a resource or a complex value. \
             In OData, duplicate property names are not allowed."
        )))
    }
}

/// `@odata.type` must be the first member and name the expected type (with or without `#`).
fn check_type_annotation(index: usize, value: &Json, expected: &str) -> Result<(), GraphError> {
    if index != 0 {
        return Err(GraphError::bad_request(
            "The 'odata.type' instance annotation in a resource object must be the first property \
             of the JSON object that represents the resource.",
        ));
    }
    let Json::String(type_name) = value else {
        return Err(GraphError::bad_request(format!(
            "The 'odata.type' instance annotation must have a string value; found a JSON {}.",
            value.kind()
        )));
    };
    if type_name.strip_prefix('#').unwrap_or(type_name) == expected {
        Ok(())
    } else {
        Err(GraphError::bad_request(format!(
            "A type named '{type_name}' could not be resolved by the model. When a model is \
             available, each type name must resolve to a valid type."
        )))
    }
}

/// Instance annotations (`@x.y`) and property annotations (`prop@x.y`) are not accepted in requests.
fn check_not_annotation(name: &str) -> Result<(), GraphError> {
    if name.starts_with('@') {
        Err(GraphError::bad_request(format!(
            "The instance annotation '{name}' is not allowed in a request body."
        )))
    } else if name.contains('@') {
        Err(GraphError::bad_request(format!(
            "The property annotation '{name}' is not allowed in a request body."
        )))
    } else {
        Ok(())
    }
}

fn read_declared(
    property: &Property,
    value: Json,
    version: ApiVersion,
    prefs: Preferences,
) -> Result<Option<Change>, GraphError> {
    let name = property.name;
    if property.read_only {
        return Err(GraphError::bad_request(format!(
            "Property '{name}' is read-only and cannot be set."
        )));
    }
    if value == Json::Null {
        if !property.nullable {
            let expected = format!("{}[Nullable=False]", property.kind.edm_name());
            return Err(GraphError::bad_request(format!(
                "A null value was found for the property named '{name}', which has the expected \
                 type '{expected}'. The expected type '{expected}' does not allow null values."
            )));
        }
        return Ok(Some(match property.kind {
            Kind::OperationError => Change::ClearError,
            _ => Change::Set(name.to_owned(), Value::Null),
        }));
    }
    let cannot_convert = |value: &Json| {
        GraphError::bad_request(format!(
            "Cannot convert the literal '{}' to the expected type '{}' of property '{name}'.",
            value.to_text(),
            property.kind.edm_name()
        ))
    };
    match property.kind {
        Kind::String => match value {
            Json::String(_) => Ok(Some(Change::Set(name.to_owned(), value.into_value()))),
            other => Err(cannot_convert(&other)),
        },
        Kind::Int32 => {
            let in_range = match &value {
                Json::Number(n) => n.as_i64().and_then(|i| i32::try_from(i).ok()).is_some(),
                _ => false,
            };
            if in_range {
                Ok(Some(Change::Set(name.to_owned(), value.into_value())))
            } else {
                Err(cannot_convert(&value))
            }
        }
        Kind::DateTimeOffset => {
            let Json::String(text) = &value else {
                return Err(cannot_convert(&value));
            };
            match model::check_date_time_offset(text) {
                Ok(()) => Ok(Some(Change::Set(name.to_owned(), value.into_value()))),
                Err(DateError::MissingOffset) => Err(GraphError::bad_request(format!(
                    "The time zone information is missing on the DateTimeOffset value '{text}'. \
                     A DateTimeOffset value must contain the time zone information."
                ))),
                Err(DateError::Syntax) => Err(cannot_convert(&value)),
            }
        }
        Kind::Enum(enum_type) => {
            let Json::String(member) = &value else {
                return Err(cannot_convert(&value));
            };
            match enum_type.classify(version, member) {
                Member::Known => Ok(Some(Change::Set(name.to_owned(), value.into_value()))),
                // unknownFutureValue in a PATCH means "leave unchanged".
                Member::Sentinel => Ok(None),
                Member::Evolved if prefs.include_unknown_enum_members => {
                    Ok(Some(Change::Set(name.to_owned(), value.into_value())))
                }
                Member::Evolved => Err(GraphError::bad_request(format!(
                    "The value '{member}' of enum type '{}' for property '{name}' is only accepted \
                     with the request header 'Prefer: include-unknown-enum-members'.",
                    enum_type.name
                ))),
                Member::Undeclared => Err(GraphError::bad_request(format!(
                    "The value '{member}' is not a member of enum type '{}' (property '{name}', \
                     version {}).",
                    enum_type.name,
                    version.as_str()
                ))),
            }
        }
        Kind::OperationError => read_operation_error(value).map(Some),
    }
}

fn read_operation_error(value: Json) -> Result<Change, GraphError> {
    let Json::Object(members) = value else {
        return Err(GraphError::bad_request(format!(
            "The property 'error' expects a JSON object of type '{}' or null; found a JSON {}.",
            model::ERROR_TYPE,
            value.kind()
        )));
    };
    let mut seen = HashSet::new();
    let mut merged = Vec::new();
    for (index, (name, value)) in members.into_iter().enumerate() {
        check_duplicate(&mut seen, &name)?;
        if name == "@odata.type" {
            check_type_annotation(index, &value, model::ERROR_TYPE)?;
            continue;
        }
        check_not_annotation(&name)?;
        if !model::ERROR_PROPERTIES.contains(&name.as_str()) {
            return Err(GraphError::bad_request(format!(
                "The property '{name}' does not exist on type '{}'. Make sure to only use property \
                 names that are defined by the type or mark the type as open type.",
                model::ERROR_TYPE
            )));
        }
        match value {
            Json::Null | Json::String(_) => merged.push((name, value.into_value())),
            other => {
                return Err(GraphError::bad_request(format!(
                    "Cannot convert the literal '{}' to the expected type 'Edm.String' of property \
                     'error.{name}'.",
                    other.to_text()
                )))
            }
        }
    }
    Ok(Change::MergeError(merged))
}

/// A dynamic property (the type is open): any JSON value, but a proper name and no annotations
/// or duplicates inside. `null` removes it.
fn read_dynamic(name: String, value: Json) -> Result<Change, GraphError> {
    if name.is_empty() || name.contains([':', '.']) || name.starts_with('#') {
        return Err(GraphError::bad_request(format!(
            "The property name '{name}' is invalid; property names must not be empty nor contain \
             any of the reserved characters ':', '.', '@', '#'."
        )));
    }
    check_untyped(&value)?;
    Ok(match value {
        Json::Null => Change::Remove(name),
        value => Change::Set(name, value.into_value()),
    })
}

fn check_untyped(value: &Json) -> Result<(), GraphError> {
    match value {
        Json::Array(items) => items.iter().try_for_each(check_untyped),
        Json::Object(members) => {
            let mut seen = HashSet::new();
            for (name, value) in members {
                check_duplicate(&mut seen, name)?;
                check_not_annotation(name)?;
                check_untyped(value)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Rule 5: absent = unchanged, `null` = cleared, a value replaces; `error` merges recursively.
pub(crate) fn apply(props: &mut Map<String, Value>, changes: Vec<Change>) {
    for change in changes {
        match change {
            Change::Set(name, value) => {
                props.insert(name, value);
            }
            Change::Remove(name) => {
                props.remove(&name);
            }
            Change::ClearError => {
                props.insert("error".to_owned(), Value::Null);
            }
            Change::MergeError(members) => {
                let error = props
                    .entry("error")
                    .or_insert_with(|| Value::Object(Map::new()));
                if !error.is_object() {
                    *error = Value::Object(Map::new());
                }
                if let Value::Object(error) = error {
                    error.extend(members);
                }
            }
        }
    }
}

/// Removes annotations from an operation given to `put_operation` (top level and inside `error`).
pub(crate) fn strip_annotations(props: &mut Map<String, Value>) {
    props.retain(|name, _| !name.contains('@'));
    if let Some(Value::Object(error)) = props.get_mut("error") {
        error.retain(|name, _| !name.contains('@'));
    }
}
