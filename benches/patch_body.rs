//! PATCH body: build the seed page's request with the generated builder and write its body,
//! against (a) a hand-written `#[derive(Serialize)]` struct with `skip_serializing_if` through
//! `serde_json::to_vec` (same bytes, asserted before measuring) and (b) `serde_json::json!` +
//! `to_vec`. Ours is the whole `build()`: body, path and headers; the baselines write the body
//! only. `ours_empty` (a PATCH with no property set: path, headers and `{"@odata.type":…}`) is
//! measured too, so `ours - ours_empty` shows what writing the seed's properties costs.
//!
//! `cargo bench --bench patch_body`; prints `ratio patch_body ours/serde_derive = …`. With a
//! filter that matches no bench (`cargo bench --bench patch_body -- side-by-side-only`) only the
//! side-by-side ratios run; `benches/layouts.sh` prints them for several code layouts.

mod support;

use std::hint::black_box;

use criterion::Criterion;
use odata_resource::DateTimeOffset;
use support::{consume, print_ratios, Contender, OperationStatus, OperationType};
use teams_model::TeamsAsyncOperation;
use time::OffsetDateTime;

const LAST_ACTION: &str = teams_model::SEED_LAST_ACTION;

/// The seed request, as a user writes it (`teams_model::seed_patch`: the setters of the seed's
/// properties, then `build()`).
fn ours(last_action: DateTimeOffset) -> odata_resource::PatchRequest<TeamsAsyncOperation> {
    teams_model::seed_patch(black_box("{teamsId}"), last_action)
        .build()
        .unwrap()
}

/// The request envelope alone: path, headers and an empty body.
fn ours_empty() -> odata_resource::PatchRequest<TeamsAsyncOperation> {
    TeamsAsyncOperation::patch_team(black_box("{teamsId}"))
        .build()
        .unwrap()
}

/// The same body through a hand-written serde struct.
fn serde_derive(last_action: OffsetDateTime) -> Vec<u8> {
    let body = support::PatchOperation {
        odata_type: "#microsoft.graph.teamsAsyncOperation",
        operation_type: Some(OperationType::CloneTeam),
        status: Some(OperationStatus::InProgress),
        last_action_date_time: Some(last_action),
        attempts_count: Some(13),
        target_resource_id: Some(Some("Target Resource Id value".into())),
        target_resource_location: Some(Some("Target Resource Location value".into())),
        error: Some(Some(support::PatchError {
            odata_type: "#microsoft.graph.operationError",
            code: Some(Some("Code value".into())),
            message: Some(Some("Message value".into())),
        })),
    };
    serde_json::to_vec(&body).unwrap()
}

/// The same members through `json!` (a map: the keys come out sorted).
fn serde_json_value(last_action: &str) -> Vec<u8> {
    let body = serde_json::json!({
        "@odata.type": "#microsoft.graph.teamsAsyncOperation",
        "operationType": "cloneTeam",
        "status": "inProgress",
        "lastActionDateTime": last_action,
        "attemptsCount": 13,
        "targetResourceId": "Target Resource Id value",
        "targetResourceLocation": "Target Resource Location value",
        "error": {
            "@odata.type": "#microsoft.graph.operationError",
            "code": "Code value",
            "message": "Message value",
        },
    });
    serde_json::to_vec(&body).unwrap()
}

fn main() {
    let ours_date: DateTimeOffset = LAST_ACTION.parse().unwrap();
    let serde_date =
        OffsetDateTime::parse(LAST_ACTION, &time::format_description::well_known::Rfc3339).unwrap();
    assert_eq!(
        String::from_utf8(ours(ours_date).body().to_vec()).unwrap(),
        String::from_utf8(serde_derive(serde_date)).unwrap(),
        "ours and the serde baseline must write the same bytes"
    );

    let mut c = Criterion::default().configure_from_args();
    c.bench_function("patch_body/ours", |b| {
        b.iter(|| ours(black_box(ours_date)));
    });
    c.bench_function("patch_body/ours_empty", |b| b.iter(ours_empty));
    c.bench_function("patch_body/serde_derive", |b| {
        b.iter(|| serde_derive(black_box(serde_date)));
    });
    c.bench_function("patch_body/serde_json_value", |b| {
        b.iter(|| serde_json_value(black_box(LAST_ACTION)));
    });
    c.final_summary();

    let times = print_ratios(
        "patch_body",
        &mut [
            Contender::new("ours", || consume(ours(black_box(ours_date)))),
            Contender::new("serde_derive", || {
                consume(serde_derive(black_box(serde_date)));
            }),
            Contender::new("serde_json_value", || {
                consume(serde_json_value(black_box(LAST_ACTION)));
            }),
            Contender::new("ours_empty", || consume(ours_empty())),
        ],
        &["serde_derive", "serde_json_value"],
        None,
    );
    if let Some([ours, serde_derive, _, empty]) = times.as_deref() {
        println!(
            "ratio patch_body_properties (ours-ours_empty)/serde_derive = {:.2}",
            (ours - empty) / serde_derive
        );
    }
}
