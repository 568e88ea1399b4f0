//! The axum router: both `operations` paths under `/beta` and `/v1.0`, GET and PATCH, and Graph's
//! answer for anything else.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::RawPathParamsRejection;
use axum::extract::{RawPathParams, State};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use axum::routing::any;
use axum::{Extension, Router};
use http::header::{HeaderValue, ALLOW, ETAG};

use crate::model::ApiVersion;
use crate::odata::{self, GraphError, RequestIds, PREFERENCE_APPLIED};
use crate::rules::{self, Preferences};
use crate::state::{Shared, Target};

/// Builds the router; handlers expect [`RequestIds`] in the request extensions.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/{version}/teams/{teams_id}/operations", any(operations))
        .route(
            "/{version}/invitations/{invitations_id}/invitedUser/joinedGroups/{group_id}/team/operations",
            any(operations),
        )
        .route("/{version}/$batch", axum::routing::post(crate::batch::batch))
        .fallback(unknown_resource)
        .with_state(shared)
}

/// What every operations handler gets.
struct Call {
    shared: Arc<Shared>,
    ids: RequestIds,
    method: Method,
    headers: HeaderMap,
    body: Bytes,
}

type Params = Result<RawPathParams, RawPathParamsRejection>;

/// Both operations routes: the target is told apart by the path parameters it captured.
async fn operations(
    State(shared): State<Arc<Shared>>,
    Extension(ids): Extension<RequestIds>,
    method: Method,
    headers: HeaderMap,
    params: Params,
    body: Bytes,
) -> Response {
    let call = Call {
        shared,
        ids,
        method,
        headers,
        body,
    };
    let ids = call.ids.clone();
    match handle(call, params) {
        Ok(response) => response,
        Err(error) => error.into_response(&ids),
    }
}

/// What the captured parameters address: a team (`teams_id`) or an invitation's group.
fn target(get: &dyn Fn(&str) -> String, has: &dyn Fn(&str) -> bool) -> Target {
    if has("teams_id") {
        Target::Team {
            team_id: get("teams_id"),
        }
    } else {
        Target::Invitation {
            invitations_id: get("invitations_id"),
            group_id: get("group_id"),
        }
    }
}

fn handle(call: Call, params: Params) -> Result<Response, GraphError> {
    rules::check_auth(&call.headers)?;
    // Path parameters arrive percent-decoded exactly once (axum decodes each captured segment).
    let params = params.map_err(|_| {
        GraphError::bad_request("A path segment is not valid UTF-8 once percent-decoded.")
    })?;
    let get = |key: &str| {
        params
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, value)| value.to_owned())
            .unwrap_or_default()
    };
    let version_segment = get("version");
    let version = ApiVersion::parse(&version_segment)
        .ok_or_else(|| GraphError::bad_request(format!("Invalid version: {version_segment}")))?;
    let has = |key: &str| params.iter().any(|(name, _)| name == key);
    let target = target(&get, &has);
    match call.method {
        Method::GET | Method::HEAD => get_operation(&call, version, &target),
        Method::PATCH => patch_operation(&call, version, &target),
        _ => Err(GraphError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            format!(
                "The HTTP method '{}' is not supported on this resource.",
                call.method
            ),
        )
        .with_header(ALLOW, HeaderValue::from_static("GET, PATCH"))),
    }
}

fn not_found(target: &Target) -> GraphError {
    let message = match target {
        Target::Team { team_id } => {
            format!("No teamsAsyncOperation found for team '{team_id}'.")
        }
        Target::Invitation {
            invitations_id,
            group_id,
        } => format!(
            "No team with a teamsAsyncOperation found for invitation '{invitations_id}' and group '{group_id}'."
        ),
    };
    GraphError::new(StatusCode::NOT_FOUND, "NotFound", message)
}

fn get_operation(
    call: &Call,
    version: ApiVersion,
    target: &Target,
) -> Result<Response, GraphError> {
    let prefs = Preferences::parse(&call.headers);
    let mut state = call.shared.lock();
    let entity = state.entity_mut(target).ok_or_else(|| not_found(target))?;
    let body = odata::representation(
        version,
        &target.context_path(),
        &entity.etag,
        &entity.props,
        prefs.include_unknown_enum_members,
    );
    let etag = entity.etag.clone();
    drop(state);
    let mut response = odata::json_response(StatusCode::OK, &body);
    add_etag_and_preferences(&mut response, &etag, prefs.applied(false));
    Ok(response)
}

fn patch_operation(
    call: &Call,
    version: ApiVersion,
    target: &Target,
) -> Result<Response, GraphError> {
    // Rule 2 before the body rules: an unknown team is 404 whatever the body.
    if call.shared.lock().entity_mut(target).is_none() {
        return Err(not_found(target));
    }
    rules::check_content_type(&call.headers)?;
    let prefs = Preferences::parse(&call.headers);
    let changes = rules::read_patch(&call.body, version, prefs)?;

    let mut state = call.shared.lock();
    let current_etag = state
        .entity_mut(target)
        .map(|entity| entity.etag.clone())
        .ok_or_else(|| not_found(target))?;
    rules::check_if_match(&call.headers, &current_etag)?;
    let new_etag = state.next_etag();
    let entity = state.entity_mut(target).ok_or_else(|| not_found(target))?;
    rules::apply(&mut entity.props, changes);
    entity.etag = new_etag.clone();

    let mut response = if prefs.return_minimal {
        drop(state);
        let mut response = Response::new(axum::body::Body::empty());
        *response.status_mut() = StatusCode::NO_CONTENT;
        response
    } else {
        let body = odata::representation(
            version,
            &target.context_path(),
            &entity.etag,
            &entity.props,
            prefs.include_unknown_enum_members,
        );
        drop(state);
        odata::json_response(StatusCode::OK, &body)
    };
    add_etag_and_preferences(
        &mut response,
        &new_etag,
        prefs.applied(prefs.return_minimal),
    );
    Ok(response)
}

fn add_etag_and_preferences(response: &mut Response, etag: &str, applied: Option<String>) {
    if let Ok(value) = HeaderValue::from_str(etag) {
        response.headers_mut().insert(ETAG, value);
    }
    if let Some(Ok(value)) = applied.map(|text| HeaderValue::from_str(&text)) {
        response
            .headers_mut()
            .insert(PREFERENCE_APPLIED.clone(), value);
    }
}

/// Any other path: Graph answers 400 for an unknown segment or version (after authentication).
async fn unknown_resource(
    Extension(ids): Extension<RequestIds>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    if let Err(error) = rules::check_auth(&headers) {
        return error.into_response(&ids);
    }
    let mut segments = uri.path().split('/').skip(1);
    let version = segments.next().unwrap_or_default();
    let error = if ApiVersion::parse(version).is_none() {
        GraphError::bad_request(format!("Invalid version: {version}"))
    } else {
        let segment = match segments.next() {
            Some(first @ ("teams" | "invitations")) => uri
                .path()
                .rsplit('/')
                .next()
                .filter(|s| !s.is_empty())
                .unwrap_or(first),
            Some(other) => other,
            None => "",
        };
        GraphError::bad_request(format!("Resource not found for the segment '{segment}'."))
    };
    error.into_response(&ids)
}
