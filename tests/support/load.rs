//! The load run shared by `examples/load.rs` (10,000 PATCHes, with figures) and the CI-sized
//! test in `tests/e2e/load.rs` (1,000, invariants only): PATCHes from concurrent tasks through
//! `Client` to the loopback Graph-like server while it answers some with 429 and 503 and drops
//! some connections, and the proof that nothing was lost or applied twice.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use graph_test_server::{FaultRates, GraphServer};
use odata_resource::{Client, Error, RetryPolicy};
use serde_json::json;
use teams_model::TeamsAsyncOperation;

/// What happened to each request and how long it took.
pub struct Report {
    /// One outcome per request, by index: `Ok` or the kind of its typed error.
    pub outcomes: Vec<Result<(), &'static str>>,
    /// Each request's time from the first attempt to its outcome, sorted.
    pub latencies: Vec<Duration>,
    /// The wall time of the whole run.
    pub elapsed: Duration,
    /// Requests the server received (attempts, dropped ones included).
    pub received: usize,
}

impl Report {
    /// Requests that succeeded.
    pub fn succeeded(&self) -> usize {
        self.outcomes.iter().filter(|o| o.is_ok()).count()
    }

    /// Typed errors by kind.
    pub fn errors(&self) -> BTreeMap<&'static str, usize> {
        let mut kinds = BTreeMap::new();
        for kind in self.outcomes.iter().filter_map(|o| o.err()) {
            *kinds.entry(kind).or_insert(0) += 1;
        }
        kinds
    }

    /// The latency at `quantile` (0.5 = median).
    pub fn latency(&self, quantile: f64) -> Duration {
        let last = self.latencies.len().saturating_sub(1);
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let at = ((last as f64) * quantile).round() as usize;
        self.latencies.get(at).copied().unwrap_or_default()
    }
}

/// The faults of the issue: 10% 429 and 5% 503 with a `Retry-After` of a few milliseconds, 1%
/// of connections dropped.
pub fn faults(seed: u64) -> FaultRates {
    FaultRates {
        too_many_requests: 0.10,
        service_unavailable: 0.05,
        drop_connection: 0.01,
        retry_after: Some("0.003".to_owned()),
        seed,
    }
}

/// A client for the run: retries 429/503 (up to 6 attempts), short waits.
pub fn client(server: &GraphServer) -> Client {
    let policy = RetryPolicy::default()
        .max_attempts(6)
        .base_delay(Duration::from_millis(2))
        .max_delay(Duration::from_millis(20))
        .max_total_wait(Duration::from_secs(5));
    Client::with_token(server.service_root(), "load-token")
        .retry_policy(policy)
        .timeout(Duration::from_secs(10))
}

/// The team request `i` writes to.
pub fn team(i: usize) -> String {
    format!("load-{i}")
}

/// Stores one operation per request, `attemptsCount` 0.
pub fn prepare(server: &GraphServer, requests: usize) {
    for i in 0..requests {
        server.put_operation(
            &team(i),
            json!({"id": format!("op-{i}"), "attemptsCount": 0}),
        );
    }
    server.clear_requests();
}

/// Sends `requests` PATCHes from `tasks` concurrent tasks: request `i` sets team `i`'s
/// `attemptsCount` to `i + 1`.
pub async fn run(server: &GraphServer, client: &Client, requests: usize, tasks: usize) -> Report {
    let next = Arc::new(AtomicUsize::new(0));
    let results = Arc::new(Mutex::new(vec![None; requests]));
    let started = Instant::now();
    let workers: Vec<_> = (0..tasks)
        .map(|_| {
            let (client, next, results) = (client.clone(), Arc::clone(&next), Arc::clone(&results));
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= requests {
                        break;
                    }
                    let began = Instant::now();
                    let outcome = send(&client, i).await;
                    let mut results = results.lock().unwrap();
                    assert!(results[i].is_none(), "request {i} ended twice");
                    results[i] = Some((outcome, began.elapsed()));
                }
            })
        })
        .collect();
    for worker in workers {
        worker.await.expect("a load task panicked");
    }
    let elapsed = started.elapsed();
    let results = std::mem::take(&mut *results.lock().unwrap());
    let (outcomes, mut latencies): (Vec<_>, Vec<_>) = results
        .into_iter()
        .enumerate()
        .map(|(i, r)| r.unwrap_or_else(|| panic!("request {i} never ended")))
        .unzip();
    latencies.sort_unstable();
    Report {
        outcomes,
        latencies,
        elapsed,
        received: server.requests().len(),
    }
}

/// One PATCH; its typed error's kind.
async fn send(client: &Client, i: usize) -> Result<(), &'static str> {
    let count = i32::try_from(i + 1).expect("fewer requests than i32::MAX");
    let request = TeamsAsyncOperation::patch_team(team(i))
        .attempts_count(count)
        .header("Prefer", "return=minimal")
        .build()
        .map_err(|_| "build")?;
    match client.send(&request).await {
        Ok(_) => Ok(()),
        Err(error) => Err(kind(&error)),
    }
}

/// A typed error's kind, for counting.
pub fn kind(error: &Error) -> &'static str {
    match error {
        Error::Service(service) if service.status == 429 => "429 after the last retry",
        Error::Service(service) if service.status == 503 => "503 after the last retry",
        Error::Service(_) => "other status",
        Error::Transport(_) => "connection dropped (not retried)",
        Error::Timeout { .. } => "timeout",
        _ => "other",
    }
}

/// Nothing lost, nothing applied twice: a request that succeeded was applied exactly once (the
/// server counted one update and holds its value); one that failed was not applied at all.
///
/// # Errors
/// The first request that breaks it.
pub fn check(server: &GraphServer, report: &Report) -> Result<(), String> {
    for (i, outcome) in report.outcomes.iter().enumerate() {
        let team = team(i);
        let updates = server.updates(&team).ok_or(format!("{team} is gone"))?;
        let stored =
            server.operation(&team).ok_or(format!("{team} is gone"))?["attemptsCount"].clone();
        let (want_updates, want_count) = match outcome {
            Ok(()) => (1, json!(i + 1)),
            Err(_) => (0, json!(0)),
        };
        if updates != want_updates || stored != want_count {
            return Err(format!(
                "request {i} ended {outcome:?} but the server applied it {updates} times and holds attemptsCount {stored}"
            ));
        }
    }
    Ok(())
}

/// Peak and current resident memory of this process, in KiB (`/proc/self/status`; zeros where
/// there is none).
pub fn memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kib| kib.parse().ok())
            .unwrap_or(0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// A server that accepts connections and never answers; its address.
pub async fn silent_server() -> std::net::SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    addr
}

/// `requests` PATCHes to a server that never answers, each with `timeout`: every one must end
/// with `Error::Timeout`; the slowest one's time.
///
/// # Errors
/// A request that ended otherwise.
pub async fn all_time_out(requests: usize, timeout: Duration) -> Result<Duration, String> {
    let addr = silent_server().await;
    let client = Client::with_token(format!("http://{addr}/beta"), "t")
        .retry_policy(RetryPolicy::none())
        .timeout(timeout);
    let tasks: Vec<_> = (0..requests)
        .map(|i| {
            let client = client.clone();
            tokio::spawn(async move {
                let began = Instant::now();
                let request = TeamsAsyncOperation::patch_team(team(i))
                    .attempts_count(1)
                    .build();
                let outcome = client.send(&request.unwrap()).await;
                (outcome, began.elapsed())
            })
        })
        .collect();
    let mut slowest = Duration::ZERO;
    for task in tasks {
        let (outcome, took) = task.await.map_err(|e| e.to_string())?;
        match outcome {
            Err(Error::Timeout { after }) if after == timeout => slowest = slowest.max(took),
            other => return Err(format!("expected a timeout, got {other:?}")),
        }
    }
    Ok(slowest)
}
