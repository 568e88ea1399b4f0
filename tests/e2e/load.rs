//! The client under load with faults, CI-sized: 1,000 PATCHes from 16 tasks while the server
//! answers 10% with 429, 5% with 503 and drops 1% of connections. Asserts the invariants only
//! (every request ends once, as a success or a typed error; the server holds exactly the
//! successes, none applied twice), never timings: `cargo run --release --example load` prints
//! the figures.

use std::time::Duration;

// the example uses what this test does not (figures, memory)
#[allow(dead_code)]
#[path = "../support/load.rs"]
mod driver;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_is_lost_or_applied_twice_under_faults() {
    let server = graph_test_server::GraphServer::start_on_thread().unwrap();
    driver::prepare(&server, 1_000);
    server.set_fault_rates(Some(driver::faults(7)));
    let client = driver::client(&server);
    let report = tokio::time::timeout(
        Duration::from_secs(120),
        driver::run(&server, &client, 1_000, 16),
    )
    .await
    .expect("the run hung");
    driver::check(&server, &report).unwrap();
    let errors = report.errors();
    // the faults did happen, and the retries absorbed the throttling
    assert!(
        report.received > 1_000,
        "{} requests received",
        report.received
    );
    assert!(
        report.succeeded() > 950,
        "{} succeeded, errors {errors:?}",
        report.succeeded()
    );
    assert!(
        errors
            .keys()
            .all(|kind| kind.starts_with("connection dropped") || kind.ends_with("retry")),
        "{errors:?}"
    );
}

#[tokio::test]
async fn a_server_that_never_answers_ends_every_request_with_a_timeout() {
    driver::all_time_out(20, Duration::from_millis(150))
        .await
        .unwrap();
}
