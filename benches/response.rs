//! Response: read the seed page's 200 body (real members in place of its `"String"`
//! placeholders) into `TeamsAsyncOperation` through `odata_resource::from_slice`, against the
//! same struct written by hand with serde derive (serde enums, `time::OffsetDateTime` through
//! `time`'s RFC 3339 serde support) and against `serde_json::Value`. `serde_derive_flatten`
//! (the same struct keeping undeclared properties through `#[serde(flatten)]`, as ours does) is
//! shown for information, and so is `serde_derive_from_str` (the body checked for UTF-8 once,
//! then read as text, as ours is).
//!
//! `cargo bench --bench response`; prints `ratio response ours/serde_derive = …`.

mod support;

use support::SEED_RESPONSE;
use teams_model::{TeamsAsyncOperation, TeamsAsyncOperationStatus};

fn main() {
    let body = SEED_RESPONSE.as_bytes();
    let read = support::read_ours::<TeamsAsyncOperation>(body);
    assert_eq!(read.status, Some(TeamsAsyncOperationStatus::Succeeded));
    assert_eq!(
        support::read_serde::<support::Operation>(body).status,
        Some(support::OperationStatus::Succeeded)
    );

    support::bench_readers::<TeamsAsyncOperation, support::Operation, support::OpenOperation>(
        "response", body,
    );
}
