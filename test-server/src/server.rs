//! The public handle, the accept loop (hyper HTTP/1.1 connections serving the axum router), and
//! the per-request wrapper that records requests, applies queued failures and adds Graph's
//! common headers.

use std::convert::Infallible;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::response::Response;
use axum::Router;
use http::{Request, StatusCode};
use http_body_util::BodyExt;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tower::ServiceExt;

use crate::faults::{self, Failure, FaultRates, RandomFaults};
use crate::members;
use crate::odata::{self, GraphError, RequestIds};
use crate::rules;
use crate::state::{Entity, RecordedRequest, Shared};

/// Request bodies larger than this get `413` (and are recorded with an empty body).
const MAX_BODY_BYTES: usize = 1 << 20;
/// Bodies are read (and discarded) up to this size so the client can read the `413` before the
/// connection closes; past it the connection is dropped.
const DRAIN_LIMIT_BYTES: usize = 64 << 20;
/// How long shutdown waits for open connections to finish their current request.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// A Graph-like OData server on `127.0.0.1`, serving `teamsAsyncOperation` and the members of
/// groups under `/beta` and `/v1.0`.
///
/// State lives in memory; everything is configured through this handle. Dropping it stops the
/// server: the listener closes at once, open connections are shut down gracefully, and for
/// [`GraphServer::start_on_thread`] the server thread is joined.
#[derive(Debug)]
pub struct GraphServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl GraphServer {
    /// Binds `127.0.0.1:0` and serves on the current tokio runtime, in a spawned task.
    ///
    /// # Panics
    /// If called outside a tokio runtime.
    pub async fn start() -> io::Result<GraphServer> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::for_addr(addr));
        let (shutdown, stopped) = oneshot::channel();
        tokio::spawn(serve(listener, Arc::clone(&shared), stopped));
        Ok(GraphServer {
            addr,
            shared,
            shutdown: Some(shutdown),
            thread: None,
        })
    }

    /// Binds `127.0.0.1:0` and serves on a thread of its own with its own single-threaded
    /// runtime, for callers that are not async. Dropping the handle stops and joins the thread.
    pub fn start_on_thread() -> io::Result<GraphServer> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let std_listener = std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
        std_listener.set_nonblocking(true)?;
        let addr = std_listener.local_addr()?;
        let listener = {
            let _entered = runtime.enter();
            TcpListener::from_std(std_listener)?
        };
        let shared = Arc::new(Shared::for_addr(addr));
        let (shutdown, stopped) = oneshot::channel();
        let serving = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name(format!("graph-test-server-{}", addr.port()))
            .spawn(move || runtime.block_on(serve(listener, serving, stopped)))?;
        Ok(GraphServer {
            addr,
            shared,
            shutdown: Some(shutdown),
            thread: Some(thread),
        })
    }

    /// The address the server listens on (`127.0.0.1:PORT`).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The service root for the beta version: `http://127.0.0.1:PORT/beta`
    /// (`/v1.0` is served too).
    pub fn service_root(&self) -> String {
        format!("http://{}/beta", self.addr)
    }

    /// Stores (replaces) the team's `teamsAsyncOperation` and returns its new ETag (`W/"<n>"`).
    ///
    /// Annotation members (names containing `@`) are dropped, at the top level and inside `error`.
    /// Nothing else is validated: tests may store anything, including post-sentinel enum members.
    ///
    /// # Panics
    /// If `operation` is not a JSON object.
    pub fn put_operation(&self, team_id: &str, operation: Value) -> String {
        let Value::Object(mut props) = operation else {
            panic!("put_operation expects a JSON object, got {operation}");
        };
        rules::strip_annotations(&mut props);
        let mut state = self.shared.lock();
        let etag = state.next_etag();
        state.operations.insert(
            team_id.to_owned(),
            Entity {
                props,
                etag: etag.clone(),
                updates: 0,
            },
        );
        etag
    }

    /// The team's stored operation (properties only: no annotations), if it has one.
    pub fn operation(&self, team_id: &str) -> Option<Value> {
        let state = self.shared.lock();
        let entity = state.operations.get(team_id)?;
        Some(Value::Object(entity.props.clone()))
    }

    /// The current ETag of the team's operation, if it has one.
    pub fn etag(&self, team_id: &str) -> Option<String> {
        let state = self.shared.lock();
        Some(state.operations.get(team_id)?.etag.clone())
    }

    /// Makes `/invitations/{invitations_id}/invitedUser/joinedGroups/{group_id}/team/operations`
    /// address the operation of `team_id` (ids as they are after percent-decoding).
    pub fn link_group(&self, invitations_id: &str, group_id: &str, team_id: &str) {
        self.shared.lock().links.insert(
            (invitations_id.to_owned(), group_id.to_owned()),
            team_id.to_owned(),
        );
    }

    /// Every request received so far (including faulted ones), oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().requests.clone()
    }

    /// Forgets the recorded requests.
    pub fn clear_requests(&self) {
        self.shared.lock().requests.clear();
    }

    /// How many PATCHes were applied to the team's operation since it was stored (`None`: no
    /// such team): a load test's proof that no request was applied twice.
    pub fn updates(&self, team_id: &str) -> Option<u64> {
        self.shared
            .lock()
            .operations
            .get(team_id)
            .map(|entity| entity.updates)
    }

    /// Fails requests at random, at these rates, drawn from a generator seeded with
    /// `rates.seed` (the same seed, the same sequence); `None` stops it. Queued failures
    /// ([`GraphServer::fail_next`]) come first.
    pub fn set_fault_rates(&self, rates: Option<FaultRates>) {
        self.shared.lock().random_faults = rates.map(RandomFaults::new);
    }

    /// Makes the next `n` requests (any route, before any other rule) fail with `failure`.
    /// Calls append to the queue: `fail_next(1, A); fail_next(2, B)` fails with A, B, B.
    pub fn fail_next(&self, n: usize, failure: Failure) {
        let mut state = self.shared.lock();
        state.faults.extend(std::iter::repeat_n(failure, n));
    }
}

impl GraphServer {
    /// Makes the next `n` requests inside `$batch` envelopes fail with `failure` (the envelope
    /// itself is answered 200, with the failure as those requests' answers, as Graph throttles
    /// each request of a batch on its own). `DropConnection` answers 502 for a batch item.
    pub fn fail_next_in_batch(&self, n: usize, failure: Failure) {
        let mut state = self.shared.lock();
        state
            .batch_item_faults
            .extend(std::iter::repeat_n(failure, n));
    }
}

/// Collections: group members and paging.
impl GraphServer {
    /// Stores (replaces) the members of a group, served in this order, page by page, at
    /// `/{version}/groups/{group_id}/members` and `/{version}/groups/{group_id}/members/delta`
    /// (`group_id` as it is after percent-decoding). An empty list makes a group without members
    /// (200 with `value: []`); a group never given members is 404.
    ///
    /// Each member is a directoryObject: a JSON object with its `@odata.type`
    /// (`#microsoft.graph.user`, `#microsoft.graph.group`, `#microsoft.graph.servicePrincipal`…)
    /// and usually an `id`. Pages show `@odata.type` first, then `id`, then the other properties in
    /// name order. Other annotation members are dropped. Replacing the members ends every delta
    /// round: a `$deltatoken` handed out before lists the members again.
    ///
    /// # Panics
    /// If a member is not a JSON object with a string `@odata.type`.
    pub fn put_members(&self, group_id: &str, members: Vec<Value>) {
        let items = members.into_iter().map(members::stored_member).collect();
        let mut state = self.shared.lock();
        let group = state.groups.entry(group_id.to_owned()).or_default();
        group.items = items;
        group.revision += 1;
    }

    /// Sets how many items a page of a collection holds at most when the request does not ask
    /// for fewer (with `$top` or `Prefer: odata.maxpagesize`); 100 until changed.
    ///
    /// # Panics
    /// If `n` is 0.
    pub fn set_page_size(&self, n: usize) {
        assert!(n > 0, "a page holds at least one item");
        self.shared.lock().page_size = Some(n);
    }

    /// Makes `@odata.nextLink` and `@odata.deltaLink` start with `base` (e.g.
    /// `https://evil.example`, a trailing `/` is dropped) instead of this server's own
    /// `http://127.0.0.1:PORT`, so that a client's refusal to follow a link to another host can
    /// be tested; `None` restores the server's address. The path and query that follow are the same.
    pub fn set_next_link_base(&self, base: Option<String>) {
        let base = base.map(|base| base.trim_end_matches('/').to_owned());
        self.shared.lock().link_base = base;
    }
}

impl Drop for GraphServer {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            // The serving task may be gone already (its runtime shut down); nothing to do then.
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Accepts connections until `stopped` fires (or its sender is dropped), then shuts down gracefully.
async fn serve(listener: TcpListener, shared: Arc<Shared>, mut stopped: oneshot::Receiver<()>) {
    let router = crate::routes::router(Arc::clone(&shared));
    let graceful = GracefulShutdown::new();
    loop {
        let accepted = tokio::select! {
            biased;
            _ = &mut stopped => break,
            accepted = listener.accept() => accepted,
        };
        let stream = match accepted {
            Ok((stream, _peer)) => stream,
            // e.g. out of file descriptors: back off briefly instead of spinning.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(5)).await;
                continue;
            }
        };
        let shared = Arc::clone(&shared);
        let router = router.clone();
        let service = hyper::service::service_fn(move |request| {
            dispatch(Arc::clone(&shared), router.clone(), request)
        });
        let connection = http1::Builder::new()
            .timer(TokioTimer::new())
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // Errors are per connection (client went away, or a DropConnection fault).
            let _ = connection.await;
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await;
}

/// The error a request's service call returns to make hyper close the connection unanswered.
#[derive(Debug)]
struct ConnectionDropped;

impl std::fmt::Display for ConnectionDropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped on purpose")
    }
}

impl std::error::Error for ConnectionDropped {}

/// Reads the body: `(bytes, false)`, or `(empty, true)` when it is over [`MAX_BODY_BYTES`].
async fn read_body(mut body: Incoming) -> Result<(Bytes, bool), ConnectionDropped> {
    let mut kept = Vec::new();
    let mut total = 0usize;
    while let Some(frame) = body.frame().await {
        // An error here means the client went away mid-body: nobody to answer.
        let frame = frame.map_err(|_| ConnectionDropped)?;
        if let Ok(data) = frame.into_data() {
            total = total.saturating_add(data.len());
            if total > DRAIN_LIMIT_BYTES {
                return Err(ConnectionDropped);
            }
            if total <= MAX_BODY_BYTES {
                kept.extend_from_slice(&data);
            }
        }
    }
    if total > MAX_BODY_BYTES {
        Ok((Bytes::new(), true))
    } else {
        Ok((Bytes::from(kept), false))
    }
}

/// Reads and records the request, applies a queued failure if any, else routes it; then adds
/// the headers every Graph response carries.
async fn dispatch(
    shared: Arc<Shared>,
    router: Router,
    request: Request<Incoming>,
) -> Result<Response, ConnectionDropped> {
    let (mut parts, body) = request.into_parts();
    let ids = RequestIds::for_request(&parts.headers);
    let (body, too_large) = read_body(body).await?;
    let failure = {
        let mut state = shared.lock();
        state.requests.push(RecordedRequest {
            method: parts.method.clone(),
            raw_path: parts.uri.to_string(),
            headers: parts.headers.clone(),
            body: body.to_vec(),
        });
        let queued = state.faults.pop_front();
        queued.or_else(|| state.random_faults.as_mut().and_then(RandomFaults::draw))
    };
    let mut response = match failure {
        Some(failure) => faults::response(&failure, &ids).ok_or(ConnectionDropped)?,
        None if too_large => GraphError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "RequestEntityTooLarge",
            format!("The request body is larger than {MAX_BODY_BYTES} bytes."),
        )
        .into_response(&ids),
        None => {
            parts.extensions.insert(ids.clone());
            let routed: Result<Response, Infallible> = router
                .oneshot(Request::from_parts(parts, Body::from(body)))
                .await;
            match routed {
                Ok(response) => response,
                Err(never) => match never {},
            }
        }
    };
    odata::finish(&mut response, &ids);
    Ok(response)
}
