//! Plain path: what the derived impls' time through `serde_json::from_slice` is made of, on the
//! seed's 200 body. serde derive is given, one step at a time, what DESIGN.md puts in our type:
//!
//! - `serde_derive`: the response bench's baseline ([`support::Operation`]);
//! - `serde_derive_fields`: the same struct with the two fields every derived resource carries,
//!   `annotations: Annotations` and `additional: Map<String, Value>`, both `#[serde(skip)]`: made
//!   empty and dropped, never read;
//! - `serde_derive_our_types`: that, with our property types as well (`DateTimeOffset`, the
//!   model's evolvable enums with their `Other(String)`, the model's `OperationError`);
//! - `ours_serde_json`: `TeamsAsyncOperation` through the same entry point, which also keeps
//!   `@odata.type` and undeclared properties in those fields;
//! - `ours_lean`: our derive on the same properties without those two fields, to show what
//!   carrying them costs our impls.
//!
//! `cargo bench --bench plain_path`; prints `ratio plain_path ours_serde_json/<each> = …` and
//! what each step costs serde derive (`ratio plain_path <step>/serde_derive = …`). The same
//! probe mode as the reading benches (`ODATA_PROBE=plain_path/<reader>/<n>`) for callgrind.

mod support;

use std::hint::black_box;

use odata_resource::{Annotations, DateTimeOffset};
use serde::Deserialize;
use serde_json::{Map, Value};
use support::{Contender, OperationError, OperationStatus, OperationType, SEED_RESPONSE};
use teams_model::{TeamsAsyncOperation, TeamsAsyncOperationStatus, TeamsAsyncOperationType};
use time::OffsetDateTime;

/// [`support::Operation`] with the two fields a derived resource carries, never read.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // read to be timed, never looked at
struct WithFields {
    #[serde(rename = "@odata.type")]
    odata_type: Option<String>,
    id: Option<String>,
    operation_type: Option<OperationType>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    created_date_time: Option<OffsetDateTime>,
    status: Option<OperationStatus>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    last_action_date_time: Option<OffsetDateTime>,
    attempts_count: Option<i32>,
    target_resource_id: Option<String>,
    target_resource_location: Option<String>,
    error: Option<OperationError>,
    #[serde(skip)]
    annotations: Annotations,
    #[serde(skip)]
    additional: Map<String, Value>,
}

/// [`WithFields`] with our property types.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // read to be timed; three fields are compared with ours once
struct WithOurTypes {
    #[serde(rename = "@odata.type")]
    odata_type: Option<String>,
    id: Option<String>,
    operation_type: Option<TeamsAsyncOperationType>,
    created_date_time: Option<DateTimeOffset>,
    status: Option<TeamsAsyncOperationStatus>,
    last_action_date_time: Option<DateTimeOffset>,
    attempts_count: Option<i32>,
    target_resource_id: Option<String>,
    target_resource_location: Option<String>,
    error: Option<teams_model::OperationError>,
    #[serde(skip)]
    annotations: Annotations,
    #[serde(skip)]
    additional: Map<String, Value>,
}

/// `TeamsAsyncOperation` derived without its two fields: `@odata.type` is checked and
/// undeclared properties are skipped instead of kept.
#[derive(odata_resource::Resource, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.teamsAsyncOperation")]
#[allow(dead_code)] // read to be timed, never looked at
struct Lean {
    id: Option<String>,
    operation_type: Option<TeamsAsyncOperationType>,
    created_date_time: Option<DateTimeOffset>,
    status: Option<TeamsAsyncOperationStatus>,
    last_action_date_time: Option<DateTimeOffset>,
    attempts_count: Option<i32>,
    target_resource_id: Option<String>,
    target_resource_location: Option<String>,
    error: Option<teams_model::OperationError>,
}

fn main() {
    let body = SEED_RESPONSE.as_bytes();
    let ours = support::read_serde::<TeamsAsyncOperation>(body);
    let mine = support::read_serde::<WithOurTypes>(body);
    assert_eq!(ours.status, mine.status);
    assert_eq!(ours.created_date_time, mine.created_date_time);
    assert_eq!(ours.error, mine.error);

    let readers: [support::Reader<'_>; 5] = [
        (
            "ours_serde_json",
            &support::discard(support::read_serde::<TeamsAsyncOperation>),
        ),
        (
            "serde_derive",
            &support::discard(support::read_serde::<support::Operation>),
        ),
        (
            "serde_derive_fields",
            &support::discard(support::read_serde::<WithFields>),
        ),
        (
            "serde_derive_our_types",
            &support::discard(support::read_serde::<WithOurTypes>),
        ),
        ("ours_lean", &support::discard(support::read_serde::<Lean>)),
    ];
    if support::probe("plain_path", body, &readers) {
        return;
    }
    println!(
        "size of the value (bytes): ours_serde_json {}, serde_derive {}, serde_derive_fields {}, serde_derive_our_types {}",
        std::mem::size_of::<TeamsAsyncOperation>(),
        std::mem::size_of::<support::Operation>(),
        std::mem::size_of::<WithFields>(),
        std::mem::size_of::<WithOurTypes>(),
    );
    let mut contenders: Vec<_> = readers
        .iter()
        .map(|&(name, read)| Contender::new(name, move || read(black_box(body))))
        .collect();
    let baselines: Vec<&str> = readers.iter().skip(1).map(|&(name, _)| name).collect();
    let Some(samples) =
        support::print_ratio_samples("plain_path", &mut contenders, &baselines, Some(body.len()))
    else {
        return;
    };
    for (step, name) in readers.iter().enumerate().skip(2).map(|(i, r)| (i, r.0)) {
        let ratios = samples[step]
            .iter()
            .zip(&samples[1])
            .map(|(step, serde)| step / serde)
            .collect();
        println!(
            "ratio plain_path {name}/serde_derive = {:.2}",
            support::median(ratios)
        );
    }
}
