//! Collection: a deterministic 10,000-item page `{"@odata.context": …, "value": […]}` read into
//! `{ value: Vec<TeamsAsyncOperation> }` through `odata_resource::from_slice`, against the same
//! page by hand with serde derive and against `serde_json::Value`; `serde_derive_flatten` (keeping
//! undeclared properties, as ours does) and `serde_derive_from_str` (the same page checked for
//! UTF-8 once, then read as text, as ours is) for information. Reports MB/s.
//!
//! `cargo bench --bench collection`; prints `ratio collection ours/serde_derive = …`.

mod support;

use support::collection_page;
use teams_model::TeamsAsyncOperation;

const ITEMS: usize = 10_000;

/// The page wrapper as a user writes it: plain serde derive around the generated impls.
#[derive(serde::Deserialize)]
struct Page {
    value: Vec<TeamsAsyncOperation>,
}

fn main() {
    let body = collection_page(ITEMS);
    let body = body.as_slice();
    assert_eq!(support::read_ours::<Page>(body).value.len(), ITEMS);
    assert_eq!(
        support::read_serde::<support::OperationPage>(body)
            .value
            .len(),
        ITEMS
    );
    println!(
        "collection page: {ITEMS} items, {:.2} MB",
        body.len() as f64 / 1e6
    );

    support::bench_readers::<Page, support::OperationPage, support::OpenOperationPage>(
        "collection",
        body,
    );
}
