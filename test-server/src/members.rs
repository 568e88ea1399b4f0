//! `GET /{version}/groups/{groupId}/members` and `…/members/delta`: Graph's directoryObject
//! collection (users, groups, service principals, each with its `@odata.type`), paged the way
//! Graph pages directory objects.
//!
//! A page holds at most the server's page size (100 unless
//! [`GraphServer::set_page_size`](crate::GraphServer::set_page_size) changed it), lowered by
//! `$top` (1 to 999) and `Prefer: odata.maxpagesize`. Every page but the last carries an absolute
//! `@odata.nextLink` back to the server that keeps the request's `$select` and `$top` and adds an
//! opaque `$skiptoken`. The last page of a delta round carries an `@odata.deltaLink` with a
//! `$deltatoken` instead; a round started from that token lists every member again if
//! [`GraphServer::put_members`](crate::GraphServer::put_members) replaced them since, else none.
//! `$count=true` adds `@odata.count` to the first page and, as for all directory objects, needs
//! `ConsistencyLevel: eventual`.

use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::Response;
use http::header::HeaderValue;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{Map, Value};

use crate::json::Json;
use crate::model::ApiVersion;
use crate::odata::{self, GraphError, PREFERENCE_APPLIED};
use crate::query::{Dialect, Selection, SystemQuery};
use crate::routes::{self, Call, PathParams};
use crate::rules::{self, Preferences};
use crate::state::Members;

/// The page size unless [`GraphServer::set_page_size`](crate::GraphServer::set_page_size) changed it.
pub(crate) const DEFAULT_PAGE_SIZE: usize = 100;
/// The largest `$top` the directory accepts.
const MAX_TOP: usize = 999;
/// The member that names an item's type.
const TYPE: &str = "@odata.type";
/// Errors here use the directory's wording.
const DIRECTORY: Dialect = Dialect::Directory;
/// Bytes left as they are in a group id inside a link's path (RFC 3986 unreserved).
const PATH_SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Which of the two collection routes a request took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    Members,
    Delta,
}

impl Route {
    fn of(uri: &Uri) -> Route {
        if uri.path().ends_with("/delta") {
            Route::Delta
        } else {
            Route::Members
        }
    }

    /// The path after `/groups/{id}/`.
    fn segment(self) -> &'static str {
        match self {
            Route::Members => "members",
            Route::Delta => "members/delta",
        }
    }

    fn supported(self) -> &'static [&'static str] {
        match self {
            Route::Members => &["$select", "$top", "$count", "$skiptoken"],
            Route::Delta => &["$select", "$top", "$skiptoken", "$deltatoken"],
        }
    }
}

/// Where a request starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Resume {
    /// The first page of a round.
    Start,
    /// A later page, at this offset (from a `$skiptoken`).
    Skip(usize),
    /// A delta round since this revision (from a `$deltatoken`).
    Since(u64),
}

/// A page request, read from the path, the query and the headers.
struct PageRequest {
    version: ApiVersion,
    group_id: String,
    route: Route,
    selection: Selection,
    top: Option<usize>,
    max_page_size: Option<usize>,
    count: bool,
    resume: Resume,
    /// `$select` and `$top` as the request wrote them, for the links.
    kept: Vec<String>,
}

/// Both routes (told apart by the path): authentication, the path, the method, the query
/// (400), the group (404), then the page.
pub(crate) fn list(call: &Call) -> Result<Response, GraphError> {
    rules::check_auth(&call.headers)?;
    let params = PathParams::read(&call.params)?;
    if !matches!(call.method, Method::GET | Method::HEAD) {
        return Err(routes::method_not_allowed(&call.method, "GET"));
    }
    let request = PageRequest::read(&params, &call.uri, &call.headers)?;
    let state = call.shared.lock();
    let group = state
        .groups
        .get(&request.group_id)
        .ok_or_else(|| not_found(&request.group_id))?;
    let page_size = state.page_size.unwrap_or(DEFAULT_PAGE_SIZE);
    Ok(request.page(group, page_size, state.link_base()))
}

fn not_found(group_id: &str) -> GraphError {
    GraphError::new(
        StatusCode::NOT_FOUND,
        "Request_ResourceNotFound",
        format!(
            "Resource '{group_id}' does not exist or one of its queried reference-property objects are not present."
        ),
    )
}

impl PageRequest {
    fn read(
        params: &PathParams,
        uri: &Uri,
        headers: &HeaderMap,
    ) -> Result<PageRequest, GraphError> {
        let route = Route::of(uri);
        let group_id = params.get("group_id");
        let query = SystemQuery::read(uri.query(), route.supported(), DIRECTORY)?;
        let selection = Selection::parse(query.value("$select"), DIRECTORY)?;
        let top = query.value("$top").map(parse_top).transpose()?;
        let count = query.value("$count").map(parse_count).transpose()?;
        let count = count.unwrap_or(false);
        if count && !eventually_consistent(headers) {
            return Err(DIRECTORY.bad_request("$count is not currently supported."));
        }
        let resume = resume(&query, route, &group_id)?;
        Ok(PageRequest {
            version: params.version,
            group_id,
            route,
            selection,
            top,
            max_page_size: Preferences::parse(headers).max_page_size,
            count,
            resume,
            kept: query.raw(&["$select", "$top"]),
        })
    }

    /// The page this request asks for, of `group`'s members.
    fn page(&self, group: &Members, page_size: usize, link_base: &str) -> Response {
        let (shown, next) = self.window(group, page_size);
        let context = odata::context_url(
            self.version,
            &format!("directoryObjects{}", self.selection.context_suffix()),
        );
        let mut members = vec![("@odata.context".to_owned(), Json::from(context))];
        if self.count && self.resume == Resume::Start {
            let total = Json::Number(group.items.len().into());
            members.push(("@odata.count".to_owned(), total));
        }
        members.extend(self.link(link_base, next, group.revision));
        let value = shown.iter().map(|item| self.item(item)).collect();
        members.push(("value".to_owned(), Json::Array(value)));
        self.response(&Json::Object(members))
    }

    /// The members this page shows, and the offset of the next page if there is one.
    fn window<'a>(
        &self,
        group: &'a Members,
        page_size: usize,
    ) -> (&'a [Map<String, Value>], Option<usize>) {
        let size = [self.top, self.max_page_size]
            .into_iter()
            .flatten()
            .fold(page_size, usize::min);
        let (offset, items) = match self.resume {
            Resume::Since(revision) if revision == group.revision => (0, &[][..]),
            Resume::Skip(offset) => (offset, &group.items[..]),
            Resume::Start | Resume::Since(_) => (0, &group.items[..]),
        };
        let end = offset.saturating_add(size).min(items.len());
        let shown = items.get(offset..end).unwrap_or_default();
        (shown, (end < items.len()).then_some(end))
    }

    /// `@odata.nextLink` to the page at `next` while there is one, else a delta round's
    /// `@odata.deltaLink` for `revision`.
    fn link(&self, base: &str, next: Option<usize>, revision: u64) -> Option<(String, Json)> {
        let (member, name, number) = match (next, self.route) {
            (Some(next), _) => (
                "@odata.nextLink",
                "$skiptoken",
                u64::try_from(next).unwrap_or(u64::MAX),
            ),
            (None, Route::Delta) => ("@odata.deltaLink", "$deltatoken", revision),
            (None, Route::Members) => return None,
        };
        let token = token::encode(&self.token_kind(name), &self.group_id, number);
        let mut query = self.kept.clone();
        query.push(format!("{name}={token}"));
        let url = format!(
            "{base}/{}/groups/{}/{}?{}",
            self.version.as_str(),
            utf8_percent_encode(&self.group_id, PATH_SEGMENT),
            self.route.segment(),
            query.join("&")
        );
        Some((member.to_owned(), Json::from(url)))
    }

    /// What a token is for: the route and the option carrying it.
    fn token_kind(&self, option: &str) -> String {
        format!("{} {option}", self.route.segment())
    }

    /// One member: `@odata.type`, `id`, then the other properties (all, or the selected ones).
    fn item(&self, props: &Map<String, Value>) -> Json {
        let type_name = props.get(TYPE).map_or(Json::Null, Json::from_value);
        let mut members = vec![(TYPE.to_owned(), type_name)];
        let id = props.get_key_value("id");
        let rest = props
            .iter()
            .filter(|(name, _)| *name != TYPE && *name != "id");
        members.extend(
            id.into_iter()
                .chain(rest)
                .map(|(name, value)| (name.clone(), Json::from_value(value))),
        );
        self.selection.project(Json::Object(members), &[TYPE])
    }

    /// 200 with the page, and `Preference-Applied` when `odata.maxpagesize` was asked for.
    fn response(&self, body: &Json) -> Response {
        let mut response = odata::json_response(StatusCode::OK, body);
        let applied = self
            .max_page_size
            .map(|n| HeaderValue::from_str(&format!("odata.maxpagesize={n}")));
        if let Some(Ok(value)) = applied {
            response
                .headers_mut()
                .insert(PREFERENCE_APPLIED.clone(), value);
        }
        response
    }
}

fn parse_top(value: &str) -> Result<usize, GraphError> {
    value
        .trim()
        .parse()
        .ok()
        .filter(|top| (1..=MAX_TOP).contains(top))
        .ok_or_else(|| {
            DIRECTORY.bad_request(format!(
                "Invalid page size specified: '{value}'. Must be between 1 and {MAX_TOP} inclusive."
            ))
        })
}

fn parse_count(value: &str) -> Result<bool, GraphError> {
    match value.trim() {
        text if text.eq_ignore_ascii_case("true") => Ok(true),
        text if text.eq_ignore_ascii_case("false") => Ok(false),
        _ => Err(DIRECTORY.bad_request(format!("'{value}' is not a valid count option."))),
    }
}

/// `ConsistencyLevel: eventual`, which the directory's advanced queries (`$count`) need.
fn eventually_consistent(headers: &HeaderMap) -> bool {
    headers.get_all("consistencylevel").iter().any(|value| {
        value
            .to_str()
            .is_ok_and(|v| v.trim().eq_ignore_ascii_case("eventual"))
    })
}

/// Where the request starts, from its `$skiptoken` or `$deltatoken` (one made for this route and
/// this group, else 400).
fn resume(query: &SystemQuery, route: Route, group_id: &str) -> Result<Resume, GraphError> {
    let read = |name: &str, text: &str| {
        let kind = format!("{} {name}", route.segment());
        token::decode(text, &kind, group_id).ok_or_else(|| {
            DIRECTORY.bad_request(format!("The {name} value '{text}' is not valid."))
        })
    };
    match (query.value("$skiptoken"), query.value("$deltatoken")) {
        (None, None) => Ok(Resume::Start),
        (Some(text), None) => read("$skiptoken", text)
            .map(|offset| Resume::Skip(usize::try_from(offset).unwrap_or(usize::MAX))),
        (None, Some(text)) => read("$deltatoken", text).map(Resume::Since),
        (Some(_), Some(_)) => {
            Err(DIRECTORY
                .bad_request("A request cannot carry both a $skiptoken and a $deltatoken."))
        }
    }
}

/// A member as [`GraphServer::put_members`](crate::GraphServer::put_members) stores it:
/// annotations other than `@odata.type` dropped.
///
/// # Panics
/// If `member` is not a JSON object with a string `@odata.type`.
pub(crate) fn stored_member(member: Value) -> Map<String, Value> {
    let Value::Object(mut props) = member else {
        panic!("put_members expects JSON objects, got {member}");
    };
    assert!(
        props.get(TYPE).is_some_and(Value::is_string),
        "put_members expects every member to have a string `@odata.type`, got {props:?}"
    );
    props.retain(|name, _| name == TYPE || !name.contains('@'));
    props
}

/// Opaque tokens: the hex digits of `kind`, a number and the group id, checked on the way back.
mod token {
    /// The token for `number` in `kind` (route and option) for this group.
    pub(super) fn encode(kind: &str, group_id: &str, number: u64) -> String {
        format!("{kind}\n{number}\n{group_id}")
            .bytes()
            .map(|byte| format!("{byte:02x}"))
            .collect()
    }

    /// The number of a token made by [`encode`] for the same kind and group, else `None`.
    pub(super) fn decode(token: &str, kind: &str, group_id: &str) -> Option<u64> {
        let digits = token.trim().as_bytes();
        if digits.len() % 2 != 0 {
            return None;
        }
        let bytes = digits
            .chunks(2)
            .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok())
            .collect::<Option<Vec<u8>>>()?;
        let text = String::from_utf8(bytes).ok()?;
        let mut parts = text.splitn(3, '\n');
        let (found_kind, number, found_group) = (parts.next()?, parts.next()?, parts.next()?);
        let number = number.parse().ok()?;
        (found_kind == kind && found_group == group_id).then_some(number)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn round_trip_and_refusals() {
            let token = encode("members $skiptoken", "g:1\n", 42);
            assert!(token.bytes().all(|b| b.is_ascii_hexdigit()), "{token}");
            assert_eq!(decode(&token, "members $skiptoken", "g:1\n"), Some(42));
            assert_eq!(decode(&token, "members/delta $skiptoken", "g:1\n"), None);
            assert_eq!(decode(&token, "members $skiptoken", "g:2"), None);
            for bad in ["", "abc", "zz", "42", &token[2..]] {
                assert_eq!(decode(bad, "members $skiptoken", "g:1\n"), None, "{bad}");
            }
        }
    }
}
