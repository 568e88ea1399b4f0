//! The client under load, with faults: `cargo run --release --example load`.
//!
//! 1. 10,000 PATCHes from 16 concurrent tasks through `Client` to the loopback Graph-like
//!    server, which answers 10% with 429 and 5% with 503 (`Retry-After` 3 ms) and drops 1% of
//!    connections: requests/s, p50/p99 latency, retries, errors by kind, and the proof that
//!    nothing was lost or applied twice. Run three times in one process: peak memory, and whether it grows.
//! 2. Client overhead: the same requests without faults through `Client` and through plain
//!    reqwest sending the same pre-built bytes, alternately; the median ratio.
//! 3. A server that never answers: every request ends with `Error::Timeout` within its deadline.
//!
//! `--requests N` changes the count (default 10,000).

use std::error::Error;
use std::time::{Duration, Instant};

use graph_test_server::GraphServer;
use teams_model::TeamsAsyncOperation;

#[path = "../tests/support/load.rs"]
mod driver;

const TASKS: usize = 16;

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let requests = requests_arg()?;
    let server = GraphServer::start_on_thread()?;
    println!("# {requests} PATCHes, {TASKS} tasks, faults: 10% 429, 5% 503 (Retry-After 3 ms), 1% dropped\n");
    let mut rss_after = Vec::new();
    for round in 1..=3 {
        with_faults(&server, requests, round).await?;
        let (peak, now) = driver::memory_kib();
        println!("memory after run {round}: peak {peak} KiB, resident {now} KiB\n");
        rss_after.push(now);
    }
    let growth = |from: usize| i128::from(rss_after[from + 1]) - i128::from(rss_after[from]);
    println!(
        "resident memory from run 1 to run 2: {:+} KiB; from run 2 to run 3: {:+} KiB (the \
         loopback server runs in this process and keeps its state)\n",
        growth(0),
        growth(1)
    );

    overhead(&server, requests).await?;
    timeouts().await?;
    Ok(())
}

/// Part 1: one run with faults, its figures and its invariants.
async fn with_faults(
    server: &GraphServer,
    requests: usize,
    round: u64,
) -> Result<(), Box<dyn Error>> {
    driver::prepare(server, requests);
    server.set_fault_rates(Some(driver::faults(round)));
    let client = driver::client(server);
    let report = driver::run(server, &client, requests, TASKS).await;
    server.set_fault_rates(None);
    #[allow(clippy::cast_precision_loss)]
    let per_second = requests as f64 / report.elapsed.as_secs_f64();
    println!(
        "run {round}: {per_second:.0} requests/s, p50 {:?}, p99 {:?}",
        report.latency(0.5),
        report.latency(0.99)
    );
    println!(
        "  {} succeeded; {} attempts reached the server ({} retries after 429/503; dropped connections are not retried)",
        report.succeeded(),
        report.received,
        report.received - requests
    );
    println!("  typed errors: {:?}", report.errors());
    driver::check(server, &report)?;
    println!(
        "  nothing lost: each of the {requests} requests ended exactly once; the server holds exactly \
         the {} successes, each applied once (PATCH is idempotent: a retry after 429/503 never \
         applied twice, since those answers come before the PATCH is applied)",
        report.succeeded()
    );
    server.clear_requests();
    Ok(())
}

/// Part 2: `Client` against plain reqwest sending the same bytes, no faults; alternating rounds,
/// the median of per-round ratios.
async fn overhead(server: &GraphServer, requests: usize) -> Result<(), Box<dyn Error>> {
    driver::prepare(server, requests);
    let client = driver::client(server);
    let plain = reqwest::Client::new();
    let root = server.service_root();
    let built: Vec<_> = (0..requests)
        .map(|i| {
            TeamsAsyncOperation::patch_team(driver::team(i))
                .attempts_count(7)
                .header("Prefer", "return=minimal")
                // the baseline sends what `Client` adds too, so both ask the server for the same work
                .header("Authorization", "Bearer load-token")
                .header("client-request-id", "6f1c8a0e-4d2b-4b7e-9a51-3c2f0d7e8b91")
                .build()
        })
        .collect::<Result<Vec<_>, _>>()?;
    let built = std::sync::Arc::new(built);
    let root = std::sync::Arc::new(root);
    let mut ratios = Vec::new();
    for _ in 0..5 {
        let (client, built_ours) = (client.clone(), built.clone());
        let (plain, built_theirs, root) = (plain.clone(), built.clone(), root.clone());
        let ours = timed(
            move |i| {
                let (client, request) = (client.clone(), built_ours[i].clone());
                async move {
                    client
                        .send_raw(&request)
                        .await
                        .map(|r| r.status().as_u16())
                        .map_err(|e| e.to_string())
                }
            },
            requests,
        )
        .await?;
        let theirs = timed(
            move |i| {
                let plain = plain.clone();
                let http = built_theirs[i].to_http(&root).expect("a valid root");
                async move {
                    let request = reqwest::Request::try_from(http.map(reqwest::Body::from))
                        .map_err(|e| e.to_string())?;
                    let response = plain.execute(request).await.map_err(|e| e.to_string())?;
                    let status = response.status().as_u16();
                    response.bytes().await.map_err(|e| e.to_string())?;
                    Ok(status)
                }
            },
            requests,
        )
        .await?;
        ratios.push(ours.as_secs_f64() / theirs.as_secs_f64());
        server.clear_requests();
    }
    ratios.sort_by(f64::total_cmp);
    println!("ratio client-overhead ours/plain-reqwest = {:.2} (median of 5 alternating rounds, {requests} requests, {TASKS} tasks, no faults)\n", ratios[2]);
    Ok(())
}

/// Sends `requests` with `TASKS` tasks; every answer must be 204.
async fn timed<F, Fut>(send: F, requests: usize) -> Result<Duration, Box<dyn Error>>
where
    F: Fn(usize) -> Fut + Send + Sync + 'static + Clone,
    Fut: std::future::Future<Output = Result<u16, String>> + Send + 'static,
{
    let next = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| {
            let (send, next) = (send.clone(), next.clone());
            tokio::spawn(async move {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= requests {
                        return Ok::<(), String>(());
                    }
                    let status = send(i).await?;
                    if status != 204 {
                        return Err(format!("request {i}: status {status}"));
                    }
                }
            })
        })
        .collect();
    for task in tasks {
        task.await??;
    }
    Ok(started.elapsed())
}

/// Part 3: a server that never answers.
async fn timeouts() -> Result<(), Box<dyn Error>> {
    let timeout = Duration::from_millis(200);
    let slowest = driver::all_time_out(100, timeout).await?;
    println!("a server that never answers: 100 requests, each ended with Error::Timeout; the slowest after {slowest:?} (timeout {timeout:?})");
    Ok(())
}

fn requests_arg() -> Result<usize, Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    match (args.next().as_deref(), args.next()) {
        (None, _) => Ok(10_000),
        (Some("--requests"), Some(n)) => Ok(n.parse()?),
        _ => Err("usage: load [--requests N]".into()),
    }
}
