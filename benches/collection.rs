//! Collection: a deterministic 10,000-item page `{"@odata.context": …, "value": […]}` read into
//! `{ value: Vec<TeamsAsyncOperation> }` through `odata_resource::from_slice`, against the same
//! page by hand with serde derive and against `serde_json::Value`; `serde_derive_flatten` (keeping
//! undeclared properties, as ours does) and `serde_derive_from_str` (the same page checked for
//! UTF-8 once, then read as text, as ours is) for information. Reports MB/s.
//!
//! `cargo bench --bench collection`; prints `ratio collection ours/serde_derive = …`.

mod support;

use support::{collection_page, discard};
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

    support::bench_readers(
        "collection",
        body,
        &[
            ("ours", &discard(ours)),
            ("serde_derive", &discard(serde_derive)),
            ("serde_json_value", &discard(serde_json_value)),
            ("serde_derive_flatten", &discard(serde_derive_flatten)),
            ("serde_derive_from_str", &discard(serde_derive_from_str)),
        ],
        Some(body.len()),
    );
}
