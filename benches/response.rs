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

use support::{discard, SEED_RESPONSE};
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

    support::bench_readers(
        "response",
        body,
        &[
            ("ours", &discard(ours)),
            ("serde_derive", &discard(serde_derive)),
            ("serde_json_value", &discard(serde_json_value)),
            ("serde_derive_flatten", &discard(serde_derive_flatten)),
            ("serde_derive_from_str", &discard(serde_derive_from_str)),
        ],
        None,
    );
}
