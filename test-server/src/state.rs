//! The in-memory store: one `teamsAsyncOperation` per team, group links, the members of groups,
//! paging settings, recorded requests and queued failures, behind one mutex.

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Mutex, MutexGuard};

use serde_json::{Map, Value};

use crate::faults::{Failure, RandomFaults};

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
    /// How many PATCHes were applied to it (PATCHes inside `$batch` included).
    pub(crate) updates: u64,
}

/// A group's members (directoryObjects) and how often they were replaced.
#[derive(Debug, Clone, Default)]
pub(crate) struct Members {
    pub(crate) items: Vec<Map<String, Value>>,
    /// Counts the replacements; a `$deltatoken` names the revision it was handed out at.
    pub(crate) revision: u64,
}

/// Everything the server knows.
#[derive(Debug, Default)]
pub(crate) struct State {
    etag_counter: u64,
    pub(crate) operations: HashMap<String, Entity>,
    /// `(invitationsId, groupId)` → teamId.
    pub(crate) links: HashMap<(String, String), String>,
    /// groupId → its members.
    pub(crate) groups: HashMap<String, Members>,
    /// The page size collections use unless a request asks for less (`None`: the default).
    pub(crate) page_size: Option<usize>,
    /// What `@odata.nextLink` / `@odata.deltaLink` start with instead of `own_base`.
    pub(crate) link_base: Option<String>,
    /// `http://127.0.0.1:PORT`.
    own_base: String,
    pub(crate) requests: Vec<RecordedRequest>,
    pub(crate) faults: VecDeque<Failure>,
    /// Random failures drawn for requests the queue does not fail.
    pub(crate) random_faults: Option<RandomFaults>,
    /// Failures for the next requests inside a `$batch` (the envelope itself is answered).
    pub(crate) batch_item_faults: VecDeque<Failure>,
}

impl State {
    /// A new weak ETag, never handed out before by this server.
    pub(crate) fn next_etag(&mut self) -> String {
        self.etag_counter += 1;
        format!("W/\"{}\"", self.etag_counter)
    }

    /// What links back to this server start with (`http://127.0.0.1:PORT`, or the override).
    pub(crate) fn link_base(&self) -> &str {
        self.link_base.as_deref().unwrap_or(&self.own_base)
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
#[derive(Debug)]
pub(crate) struct Shared {
    state: Mutex<State>,
}

impl Shared {
    /// The state of a server listening on `addr`.
    pub(crate) fn for_addr(addr: SocketAddr) -> Shared {
        let state = State {
            own_base: format!("http://{addr}"),
            ..State::default()
        };
        Shared {
            state: Mutex::new(state),
        }
    }

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
