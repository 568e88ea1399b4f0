//! Response: read the seed page's 200 body (real members in place of its `"String"`
//! placeholders) into `TeamsAsyncOperation` through `odata_resource::from_slice`, against the
//! same struct written by hand with serde derive (serde enums, `time::OffsetDateTime` through
//! `time`'s RFC 3339 serde support) and against `serde_json::Value`. `serde_derive_flatten`
//! (the same struct keeping undeclared properties through `#[serde(flatten)]`, as ours does) is
//! shown for information.
//!
//! `cargo bench --bench response`; prints `ratio response ours/serde_derive = …`.

mod support;

use std::hint::black_box;

use criterion::Criterion;
use support::{consume, print_ratios, Contender, SEED_RESPONSE};
use teams_model::{TeamsAsyncOperation, TeamsAsyncOperationStatus};

fn main() {
    // the contenders: one reader each, the same input
    let ours = support::read_ours::<TeamsAsyncOperation>;
    let serde_derive = support::read_serde::<support::Operation>;
    let serde_derive_flatten = support::read_serde::<support::OpenOperation>;
    let serde_json_value = support::read_serde::<serde_json::Value>;
    let serde_derive_from_str = support::read_serde_str::<support::Operation>;
    let body = SEED_RESPONSE.as_bytes();
    let read = ours(body);
    assert_eq!(read.status, Some(TeamsAsyncOperationStatus::Succeeded));
    assert_eq!(
        serde_derive(body).status,
        Some(support::OperationStatus::Succeeded)
    );

    let mut c = Criterion::default().configure_from_args();
    c.bench_function("response/ours", |b| b.iter(|| ours(black_box(body))));
    c.bench_function("response/serde_derive", |b| {
        b.iter(|| serde_derive(black_box(body)));
    });
    c.bench_function("response/serde_json_value", |b| {
        b.iter(|| serde_json_value(black_box(body)));
    });
    c.bench_function("response/serde_derive_flatten", |b| {
        b.iter(|| serde_derive_flatten(black_box(body)));
    });
    c.bench_function("response/serde_derive_from_str", |b| {
        b.iter(|| serde_derive_from_str(black_box(body)));
    });
    c.final_summary();

    print_ratios(
        "response",
        &mut [
            Contender::new("ours", || consume(ours(black_box(body)))),
            Contender::new("serde_derive", || consume(serde_derive(black_box(body)))),
            Contender::new("serde_json_value", || {
                consume(serde_json_value(black_box(body)));
            }),
            Contender::new("serde_derive_flatten", || {
                consume(serde_derive_flatten(black_box(body)));
            }),
            Contender::new("serde_derive_from_str", || {
                consume(serde_derive_from_str(black_box(body)));
            }),
        ],
        &[
            "serde_derive",
            "serde_json_value",
            "serde_derive_flatten",
            "serde_derive_from_str",
        ],
        None,
    );
}
