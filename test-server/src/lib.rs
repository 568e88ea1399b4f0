//! A Graph-like OData server on loopback, for odata-resource's end-to-end tests and example.
//!
//! [`GraphServer`] serves `teamsAsyncOperation` (GET and PATCH) at
//! `/{beta|v1.0}/teams/{teamsId}/operations` and
//! `/{beta|v1.0}/invitations/{invitationsId}/invitedUser/joinedGroups/{groupId}/team/operations`,
//! applying Microsoft Graph's rules in Graph's order:
//!
//! 1. `Authorization: Bearer <token>` is required (401 `InvalidAuthenticationToken`).
//! 2. An unknown team or group link is 404 `NotFound` (for a GET, after the query rules).
//! 3. A PATCH must be `application/json` (415) holding one JSON object that Graph's OData reader
//!    would accept (400 `BadRequest`): no duplicate names, `@odata.type` only first and only
//!    `#microsoft.graph.teamsAsyncOperation`, no other annotations, no read-only `id` /
//!    `createdDateTime`, no `null` for non-nullable properties, values of the declared types,
//!    post-`unknownFutureValue` enum members only with `Prefer: include-unknown-enum-members`.
//! 4. `If-Match`, when present, must be the current ETag or `*` (412 `PreconditionFailed`).
//! 5. The PATCH merges: absent = unchanged, `null` = cleared, a value replaces, `error` merges.
//! 6. 200 with the full representation and an `ETag`, or 204 for `Prefer: return=minimal`. Every
//!    successful update (PATCH, also inside `$batch`, and [`GraphServer::put_operation`]) hands
//!    out a new ETag.
//!
//! A GET takes `$select` (declared properties, comma-separated; the answer keeps
//! `@odata.context`, which names the selection, and `@odata.etag`); `$expand` and other system
//! query options are 400. It always carries the `ETag` header, and is `304 Not Modified` without
//! a body when `If-None-Match` is `*` or (weakly) the current ETag.
//!
//! `/{beta|v1.0}/groups/{groupId}/members` (and `…/members/delta`) serve the directoryObjects
//! stored by [`GraphServer::put_members`], paged as Graph pages them: `$top`,
//! `Prefer: odata.maxpagesize` and [`GraphServer::set_page_size`] bound a page; an absolute
//! `@odata.nextLink` with an opaque `$skiptoken` leads to the next one (its host can be changed
//! with [`GraphServer::set_next_link_base`]); the last delta page has an `@odata.deltaLink`;
//! `$select` projects items; `$count=true` needs `ConsistencyLevel: eventual`.
//!
//! `POST /{version}/$batch` runs Graph's JSON batching over the same routes (answers in
//! reverse order, 424 for a failed dependency, per-item failures through
//! [`GraphServer::fail_next_in_batch`]).
//!
//! Queued failures ([`GraphServer::fail_next`]) come before all of these, and every request is
//! recorded ([`GraphServer::requests`]).
//!
//! ```no_run
//! use graph_test_server::GraphServer;
//!
//! let server = GraphServer::start_on_thread().expect("server starts");
//! let etag = server.put_operation("team-1", serde_json::json!({"id": "op-1", "status": "inProgress"}));
//! let url = format!("{}/teams/team-1/operations", server.service_root());
//! server.put_members("group-1", vec![
//!     serde_json::json!({"@odata.type": "#microsoft.graph.user", "id": "u-1"}),
//!     serde_json::json!({"@odata.type": "#microsoft.graph.group", "id": "g-2"}),
//! ]);
//! server.set_page_size(1); // two pages: the first one links to the second
//! # let _ = (etag, url);
//! ```

mod batch;
mod faults;
mod json;
mod members;
mod model;
mod odata;
mod query;
mod routes;
mod rules;
mod server;
mod state;

pub use faults::{Failure, FaultRates};
pub use server::GraphServer;
pub use state::RecordedRequest;
