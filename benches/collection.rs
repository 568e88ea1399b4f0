//! Collection: a deterministic 10,000-item page `{"@odata.context": …, "value": […]}` read into
//! `{ value: Vec<TeamsAsyncOperation> }` through `odata_resource::from_slice`, against the same
//! page by hand with serde derive and against `serde_json::Value`; `serde_derive_flatten` (keeping
//! undeclared properties, as ours does) for information. Reports MB/s.
//!
//! `cargo bench --bench collection`; prints `ratio collection ours/serde_derive = …`.

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use support::{collection_page, consume, print_ratios, Contender};
use teams_model::TeamsAsyncOperation;

const ITEMS: usize = 10_000;

/// The page wrapper as a user writes it: plain serde derive around the generated impls.
#[derive(serde::Deserialize)]
struct Page {
    value: Vec<TeamsAsyncOperation>,
}

fn main() {
    // the contenders: one reader each, the same input
    let ours = support::read_ours::<Page>;
    let serde_derive = support::read_serde::<support::OperationPage>;
    let serde_derive_flatten = support::read_serde::<support::OpenOperationPage>;
    let serde_json_value = support::read_serde::<serde_json::Value>;
    let serde_derive_from_str = support::read_serde_str::<support::OperationPage>;
    let body = collection_page(ITEMS);
    let body = body.as_slice();
    assert_eq!(ours(body).value.len(), ITEMS);
    assert_eq!(serde_derive(body).value.len(), ITEMS);
    println!(
        "collection page: {ITEMS} items, {:.2} MB",
        body.len() as f64 / 1e6
    );

    let mut c = Criterion::default().configure_from_args();
    {
        let mut group = c.benchmark_group("collection");
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.sample_size(20);
        group.bench_function("ours", |b| b.iter(|| ours(black_box(body))));
        group.bench_function("serde_derive", |b| {
            b.iter(|| serde_derive(black_box(body)));
        });
        group.bench_function("serde_json_value", |b| {
            b.iter(|| serde_json_value(black_box(body)));
        });
        group.bench_function("serde_derive_flatten", |b| {
            b.iter(|| serde_derive_flatten(black_box(body)));
        });
        group.bench_function("serde_derive_from_str", |b| {
            b.iter(|| serde_derive_from_str(black_box(body)));
        });
        group.finish();
    }
    c.final_summary();

    print_ratios(
        "collection",
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
        Some(body.len()),
    );
}
