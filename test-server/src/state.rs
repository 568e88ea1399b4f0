//! The in-memory store: one `teamsAsyncOperation` per team, group links, recorded requests and
//! queued failures, behind one mutex.

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard};

use serde_json::{Map, Value};

use crate::faults::Failure;

/// One request as the server received it (faulted requests included).
#[derive(Debug, Clone)]
pub struct RecordedRequest {
    /// The request method.
    pub method: http::Method,
    /// The request target exactly as on the request line: undecoded, with the query if any.
    pub raw_path: String,
    /// All request headers.
    pub headers: http::HeaderMap,
    /// The request body bytes (empty when the body was over the size limit).
    pub body: Vec<u8>,
}

/// A stored operation and its current ETag.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    pub(crate) props: Map<String, Value>,
    pub(crate) etag: String,
}

/// Everything the server knows.
#[derive(Debug, Default)]
pub(crate) struct State {
    etag_counter: u64,
    pub(crate) operations: HashMap<String, Entity>,
    /// `(invitationsId, groupId)` → teamId.
    pub(crate) links: HashMap<(String, String), String>,
    pub(crate) requests: Vec<RecordedRequest>,
    pub(crate) faults: VecDeque<Failure>,
    /// Failures for the next requests inside a `$batch` (the envelope itself is answered).
    pub(crate) batch_item_faults: VecDeque<Failure>,
}

impl State {
    /// A new weak ETag, never handed out before by this server.
    pub(crate) fn next_etag(&mut self) -> String {
        self.etag_counter += 1;
        format!("W/\"{}\"", self.etag_counter)
    }

    /// The team a target names, if it resolves.
    pub(crate) fn resolve(&self, target: &Target) -> Option<String> {
        match target {
            Target::Team { team_id } => Some(team_id.clone()),
            Target::Invitation {
                invitations_id,
                group_id,
            } => self
                .links
                .get(&(invitations_id.clone(), group_id.clone()))
                .cloned(),
        }
    }

    /// The operation a target names, if the target resolves and the team has one.
    pub(crate) fn entity(&self, target: &Target) -> Option<&Entity> {
        self.operations.get(&self.resolve(target)?)
    }

    /// The same, to change it.
    pub(crate) fn entity_mut(&mut self, target: &Target) -> Option<&mut Entity> {
        let team_id = self.resolve(target)?;
        self.operations.get_mut(&team_id)
    }
}

/// The state shared by the handle and the serving task.
#[derive(Debug, Default)]
pub(crate) struct Shared {
    state: Mutex<State>,
}

impl Shared {
    /// Locks the state (a panic elsewhere while holding the lock does not poison it for tests).
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// What a request path addresses, with path parameters percent-decoded once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// `/teams/{teamsId}/operations`
    Team { team_id: String },
    /// `/invitations/{invitationsId}/invitedUser/joinedGroups/{groupId}/team/operations`
    Invitation {
        invitations_id: String,
        group_id: String,
    },
}

impl Target {
    /// The path inside `@odata.context`, e.g. `teams('ID')/operations`.
    pub(crate) fn context_path(&self) -> String {
        use crate::odata::context_key;
        match self {
            Target::Team { team_id } => format!("teams{}/operations", context_key(team_id)),
            Target::Invitation {
                invitations_id,
                group_id,
            } => format!(
                "invitations{}/invitedUser/joinedGroups{}/team/operations",
                context_key(invitations_id),
                context_key(group_id)
            ),
        }
    }
}
