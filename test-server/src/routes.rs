//! The axum router: both `operations` paths (GET with `$select` and `If-None-Match`, PATCH), the
//! group `members` collection and its delta under `/beta` and `/v1.0`, and Graph's answer for
//! anything else.

use std::convert::Infallible;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::RawPathParamsRejection;
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use axum::routing::any;
use axum::{Extension, Router};
use http::header::{HeaderValue, ALLOW, ETAG};

use crate::model::ApiVersion;
use crate::odata::{self, GraphError, RequestIds, PREFERENCE_APPLIED};
use crate::query;
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
        .route("/{version}/groups/{group_id}/members", any(members))
        .route("/{version}/groups/{group_id}/members/delta", any(members))
        .route("/{version}/$batch", axum::routing::post(crate::batch::batch))
        .fallback(unknown_resource)
        .with_state(shared)
}

/// What every resource handler gets: the request, taken apart.
pub(crate) struct Call {
    pub(crate) shared: Arc<Shared>,
    pub(crate) ids: RequestIds,
    pub(crate) method: Method,
    pub(crate) uri: Uri,
    pub(crate) headers: HeaderMap,
    /// Checked by [`PathParams::read`] once the request is authenticated.
    pub(crate) params: Params,
    pub(crate) body: Bytes,
}

impl FromRequest<Arc<Shared>> for Call {
    type Rejection = Infallible;

    async fn from_request(request: Request, shared: &Arc<Shared>) -> Result<Call, Infallible> {
        let (mut parts, body) = request.into_parts();
        let params = RawPathParams::from_request_parts(&mut parts, shared).await;
        let ids = parts
            .extensions
            .get::<RequestIds>()
            .cloned()
            .unwrap_or_else(|| RequestIds::for_request(&parts.headers));
        // The body was read (and its size limited) before routing: this cannot fail.
        let body = axum::body::to_bytes(body, usize::MAX)
            .await
            .unwrap_or_default();
        Ok(Call {
            shared: Arc::clone(shared),
            ids,
            method: parts.method,
            uri: parts.uri,
            headers: parts.headers,
            params,
            body,
        })
    }
}

impl Call {
    /// Runs a handler, answering its error the Graph way.
    fn answer(self, handler: fn(&Call) -> Result<Response, GraphError>) -> Response {
        handler(&self).unwrap_or_else(|error| error.into_response(&self.ids))
    }
}

/// The path parameters as axum captured them.
pub(crate) type Params = Result<RawPathParams, RawPathParamsRejection>;

/// The path parameters of a request, percent-decoded once, and the API version they name.
pub(crate) struct PathParams {
    pub(crate) version: ApiVersion,
    values: Vec<(String, String)>,
}

impl PathParams {
    /// Checks the parameters: UTF-8 once percent-decoded (else 400), a known version (else 400).
    pub(crate) fn read(params: &Params) -> Result<PathParams, GraphError> {
        // Path parameters arrive percent-decoded exactly once (axum decodes each captured segment).
        let params = params.as_ref().map_err(|_| {
            GraphError::bad_request("A path segment is not valid UTF-8 once percent-decoded.")
        })?;
        let values: Vec<(String, String)> = params
            .iter()
            .map(|(name, value)| (name.to_owned(), value.to_owned()))
            .collect();
        let segment = value_of(&values, "version");
        let version = ApiVersion::parse(&segment)
            .ok_or_else(|| GraphError::bad_request(format!("Invalid version: {segment}")))?;
        Ok(PathParams { version, values })
    }

    /// The value of a parameter (empty if the route has none of that name).
    pub(crate) fn get(&self, key: &str) -> String {
        value_of(&self.values, key)
    }

    /// What an operations path addresses: a team (`teams_id`) or an invitation's group.
    fn operation_target(&self) -> Target {
        if self.values.iter().any(|(name, _)| name == "teams_id") {
            Target::Team {
                team_id: self.get("teams_id"),
            }
        } else {
            Target::Invitation {
                invitations_id: self.get("invitations_id"),
                group_id: self.get("group_id"),
            }
        }
    }
}

fn value_of(values: &[(String, String)], key: &str) -> String {
    values
        .iter()
        .find(|(name, _)| name == key)
        .map(|(_, value)| value.clone())
        .unwrap_or_default()
}

/// Both operations routes: the target is told apart by the path parameters it captured.
async fn operations(call: Call) -> Response {
    call.answer(handle)
}

/// Both collection routes (`members` and `members/delta`).
async fn members(call: Call) -> Response {
    call.answer(crate::members::list)
}

fn handle(call: &Call) -> Result<Response, GraphError> {
    rules::check_auth(&call.headers)?;
    let params = PathParams::read(&call.params)?;
    let target = params.operation_target();
    match call.method {
        Method::GET | Method::HEAD => get_operation(call, params.version, &target),
        Method::PATCH => patch_operation(call, params.version, &target),
        _ => Err(method_not_allowed(&call.method, "GET, PATCH")),
    }
}

/// 405 for a method the resource does not serve, with the `Allow` header.
pub(crate) fn method_not_allowed(method: &Method, allow: &'static str) -> GraphError {
    GraphError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "MethodNotAllowed",
        format!("The HTTP method '{method}' is not supported on this resource."),
    )
    .with_header(ALLOW, HeaderValue::from_static(allow))
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

/// GET: the query is read first (400), then the target (404); a matching `If-None-Match` is 304.
fn get_operation(
    call: &Call,
    version: ApiVersion,
    target: &Target,
) -> Result<Response, GraphError> {
    let selection = query::operation_selection(call.uri.query())?;
    let prefs = Preferences::parse(&call.headers);
    let state = call.shared.lock();
    let entity = state.entity(target).ok_or_else(|| not_found(target))?;
    let etag = entity.etag.clone();
    if rules::none_match(&call.headers, &etag) {
        drop(state);
        let mut response = odata::empty_response(StatusCode::NOT_MODIFIED);
        add_etag_and_preferences(&mut response, &etag, None);
        return Ok(response);
    }
    let context_path = format!("{}{}", target.context_path(), selection.context_suffix());
    let body = odata::representation(
        version,
        &context_path,
        &etag,
        &entity.props,
        prefs.include_unknown_enum_members,
    );
    drop(state);
    let body = selection.project(body, &["@odata.context", "@odata.etag"]);
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
    entity.updates += 1;

    let mut response = if prefs.return_minimal {
        drop(state);
        odata::empty_response(StatusCode::NO_CONTENT)
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
            Some(first @ ("teams" | "invitations" | "groups")) => uri
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
