//! What the benches share: the hand-written serde baseline of teamsAsyncOperation, the bench
//! inputs, and the side-by-side timing that prints each ratio.
//!
//! The baseline is what a careful engineer writes by hand with serde: derive, `camelCase`
//! renames, `skip_serializing_if` for absent PATCH members (`Option<Option<T>>` for the nullable
//! ones, so `null` can be sent like ours can), unit enums, and `time::OffsetDateTime` through
//! `time`'s RFC 3339 serde support (the same parsing and formatting work as our
//! `DateTimeOffset`).
#![allow(dead_code)] // each bench uses a part

pub mod real_pages;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// `microsoft.graph.teamsAsyncOperationType` by hand.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub enum OperationType {
    Invalid,
    CloneTeam,
    ArchiveTeam,
    UnarchiveTeam,
    CreateTeam,
    UnknownFutureValue,
    TeamifyGroup,
    CreateChannel,
    ArchiveChannel,
    UnarchiveChannel,
    #[serde(other)]
    Other,
}

/// `microsoft.graph.teamsAsyncOperationStatus` by hand.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub enum OperationStatus {
    Invalid,
    NotStarted,
    InProgress,
    Succeeded,
    Failed,
    UnknownFutureValue,
    #[serde(other)]
    Other,
}

/// `microsoft.graph.operationError` by hand, as written into a PATCH body.
#[derive(Serialize, Debug, Clone)]
pub struct PatchError {
    #[serde(rename = "@odata.type")]
    pub odata_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Option<String>>,
}

/// The PATCH body of `microsoft.graph.teamsAsyncOperation` by hand: each member absent (`None`),
/// `null` (`Some(None)`, for the nullable ones) or a value.
#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct PatchOperation {
    #[serde(rename = "@odata.type")]
    pub odata_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation_type: Option<OperationType>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<OperationStatus>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "time::serde::rfc3339::option"
    )]
    pub last_action_date_time: Option<OffsetDateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attempts_count: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_resource_id: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_resource_location: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<Option<PatchError>>,
}

/// `microsoft.graph.operationError` by hand, as read from a response.
#[derive(Deserialize, Debug, Clone, PartialEq)]
pub struct OperationError {
    #[serde(rename = "@odata.type")]
    pub odata_type: Option<String>,
    pub code: Option<String>,
    pub message: Option<String>,
}

/// `microsoft.graph.teamsAsyncOperation` by hand, as read from a response (unknown members are
/// skipped, as serde does by default).
#[derive(Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Operation {
    #[serde(rename = "@odata.type")]
    pub odata_type: Option<String>,
    pub id: Option<String>,
    pub operation_type: Option<OperationType>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub created_date_time: Option<OffsetDateTime>,
    pub status: Option<OperationStatus>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub last_action_date_time: Option<OffsetDateTime>,
    pub attempts_count: Option<i32>,
    pub target_resource_id: Option<String>,
    pub target_resource_location: Option<String>,
    pub error: Option<OperationError>,
}

/// A collection page by hand: `@odata.context` and `@odata.nextLink` are skipped.
#[derive(Deserialize, Debug)]
pub struct OperationPage {
    pub value: Vec<Operation>,
}

/// [`Operation`] with what ours also does: undeclared properties kept (serde's `flatten`, which
/// buffers every member), for information beside the leaner headline baseline.
#[derive(Deserialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct OpenOperation {
    #[serde(rename = "@odata.type")]
    pub odata_type: Option<String>,
    pub id: Option<String>,
    pub operation_type: Option<OperationType>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub created_date_time: Option<OffsetDateTime>,
    pub status: Option<OperationStatus>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub last_action_date_time: Option<OffsetDateTime>,
    pub attempts_count: Option<i32>,
    pub target_resource_id: Option<String>,
    pub target_resource_location: Option<String>,
    pub error: Option<OperationError>,
    #[serde(flatten)]
    pub additional: serde_json::Map<String, serde_json::Value>,
}

/// A collection page of [`OpenOperation`].
#[derive(Deserialize, Debug)]
pub struct OpenOperationPage {
    pub value: Vec<OpenOperation>,
}

/// Reads a body with odata-resource, as users do.
pub fn read_ours<T: serde::de::DeserializeOwned>(body: &[u8]) -> T {
    odata_resource::from_slice(body).unwrap()
}

/// Reads a body with `serde_json` directly: the hand-written baselines.
pub fn read_serde<T: serde::de::DeserializeOwned>(body: &[u8]) -> T {
    serde_json::from_slice(body).unwrap()
}

/// What `odata_resource::from_slice` did before it had a reader of its own: the body's UTF-8
/// checked once, then `serde_json::from_str` into the derived impls. Shown for information, as
/// the before of the same run.
pub fn read_ours_before<T: serde::de::DeserializeOwned>(body: &[u8]) -> T {
    serde_json::from_str(std::str::from_utf8(body).unwrap()).unwrap()
}

/// Reads a body with `serde_json` after checking its UTF-8 once (`str::from_utf8`, then
/// `serde_json::from_str`), which is what `odata_resource::from_slice` does: shown for
/// information, so that what the one UTF-8 pass buys is not counted as the derive's merit.
pub fn read_serde_str<T: serde::de::DeserializeOwned>(body: &[u8]) -> T {
    serde_json::from_str(std::str::from_utf8(body).unwrap()).unwrap()
}

/// The seed page's 200 response body, byte for byte, with real members in place of its
/// `"String"` placeholders.
pub const SEED_RESPONSE: &str = r##"{
  "@odata.type": "#microsoft.graph.teamsAsyncOperation",
  "id": "e4e4eb3f-eb3f-e4e4-3feb-e4e43febe4e4",
  "operationType": "archiveTeam",
  "createdDateTime": "2016-12-31T23:57:02.5240758+03:00",
  "status": "succeeded",
  "lastActionDateTime": "2016-12-31T23:57:34.9044303+03:00",
  "attemptsCount": 13,
  "targetResourceId": "Target Resource Id value",
  "targetResourceLocation": "Target Resource Location value",
  "error": {
    "@odata.type": "microsoft.graph.operationError",
    "code": "Code value",
    "message": "Message value"
  }
}"##;

const TYPES: [&str; 10] = [
    "invalid",
    "cloneTeam",
    "archiveTeam",
    "unarchiveTeam",
    "createTeam",
    "unknownFutureValue",
    "teamifyGroup",
    "createChannel",
    "archiveChannel",
    "createChat", // a member neither side knows: our `Other(String)`, serde's `Other`
];
const STATUSES: [&str; 6] = [
    "invalid",
    "notStarted",
    "inProgress",
    "succeeded",
    "failed",
    "unknownFutureValue",
];

/// A deterministic collection page of `items` operations, compact as Graph sends it: varied
/// ids, members, dates (0, 3 and 7 fraction digits; `Z` and offsets), counts, and every third
/// one with an `error` (the others `null`).
pub fn collection_page(items: usize) -> Vec<u8> {
    let mut page = String::from(
        r#"{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#teams('e4e4eb3f')/operations","value":["#,
    );
    for i in 0..items {
        if i > 0 {
            page.push(',');
        }
        page.push_str(&operation_json(i));
    }
    page.push_str("]}");
    page.into_bytes()
}

fn operation_json(i: usize) -> String {
    let fractions = ["", ".524", ".5240758"];
    let offsets = ["Z", "+03:00", "-08:00"];
    let (day, hour, minute, second) = (1 + i % 28, i % 24, (i / 24) % 60, (i * 7) % 60);
    let date = |f: usize| {
        format!(
            "2016-12-{day:02}T{hour:02}:{minute:02}:{second:02}{}{}",
            fractions[f % 3],
            offsets[(f + i) % 3]
        )
    };
    let error = if i % 3 == 0 {
        format!(
            r#"{{"@odata.type":"microsoft.graph.operationError","code":"Code {i}","message":"Message value {i}"}}"#
        )
    } else {
        "null".to_owned()
    };
    format!(
        concat!(
            r##"{{"@odata.type":"#microsoft.graph.teamsAsyncOperation","id":"{:08x}-eb3f-e4e4-3feb-{:012x}","##,
            r#""operationType":"{}","createdDateTime":"{}","status":"{}","lastActionDateTime":"{}","#,
            r#""attemptsCount":{},"targetResourceId":"{:08x}-0000-4000-8000-{:012x}","#,
            r#""targetResourceLocation":"/teams('{:08x}')","error":{}}}"#
        ),
        i,
        i * 7919,
        TYPES[i % TYPES.len()],
        date(i),
        STATUSES[i % STATUSES.len()],
        date(i + 1),
        i % 17,
        i * 31,
        i,
        i * 31,
        error
    )
}

/// One contender of a side-by-side measurement: a name and one run of its work.
pub struct Contender<'a> {
    name: &'static str,
    run: Box<dyn FnMut() + 'a>,
}

impl<'a> Contender<'a> {
    /// `run` does the measured work once; make it `black_box` its result.
    pub fn new(name: &'static str, run: impl FnMut() + 'a) -> Self {
        Contender {
            name,
            run: Box::new(run),
        }
    }
}

/// Time of one run of each contender in each round (ns): measured interleaved, round after
/// round, each contender one batch per round, so that noise from other processes on the machine
/// hits all of them alike. Batches last about `batch` each; `rounds` batches per contender.
pub fn side_by_side(
    contenders: &mut [Contender<'_>],
    batch: Duration,
    rounds: usize,
) -> Vec<Vec<f64>> {
    let iters: Vec<u64> = contenders
        .iter_mut()
        .map(|c| calibrate(&mut c.run, batch))
        .collect();
    let mut samples = vec![Vec::with_capacity(rounds); contenders.len()];
    for _ in 0..rounds {
        for ((contender, &n), samples) in contenders.iter_mut().zip(&iters).zip(&mut samples) {
            let start = Instant::now();
            for _ in 0..n {
                (contender.run)();
            }
            samples.push(start.elapsed().as_secs_f64() * 1e9 / n as f64);
        }
    }
    samples
}

/// How many runs fill about `batch`.
fn calibrate(run: &mut dyn FnMut(), batch: Duration) -> u64 {
    let mut n = 1u64;
    loop {
        let start = Instant::now();
        for _ in 0..n {
            run();
        }
        let elapsed = start.elapsed();
        if elapsed >= batch / 4 || n >= 1 << 30 {
            let per_run = elapsed.as_secs_f64() / n as f64;
            return ((batch.as_secs_f64() / per_run) as u64).max(1);
        }
        n *= 4;
    }
}

pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Measures `contenders` side by side (the first is ours) and prints, for the bench `bench`,
/// each one's median time and `ratio <bench> ours/<baseline> = x.xx` for every baseline named in
/// `baselines` (the other contenders are shown for information). A ratio is the median of the
/// per-round ratios: each compares batches run one right after the other, so a slow spell of the
/// machine cancels out instead of landing on one side. `bytes` (the input size) adds MB/s.
/// Returns the median times in ns, or `None` when skipped: under `--test` (a smoke run) and
/// `--profile-time` (a profiler run of one function).
pub fn print_ratios(
    bench: &str,
    contenders: &mut [Contender<'_>],
    baselines: &[&str],
    bytes: Option<usize>,
) -> Option<Vec<f64>> {
    let samples = print_ratio_samples(bench, contenders, baselines, bytes)?;
    Some(samples.into_iter().map(median).collect())
}

/// [`print_ratios`], returning each contender's per-round times (ns) instead of their medians.
pub fn print_ratio_samples(
    bench: &str,
    contenders: &mut [Contender<'_>],
    baselines: &[&str],
    bytes: Option<usize>,
) -> Option<Vec<Vec<f64>>> {
    if std::env::args().any(|a| matches!(a.as_str(), "--test" | "--list" | "--profile-time")) {
        return None;
    }
    // big inputs in longer batches, so that each holds many reads
    let large = bytes.is_some_and(|bytes| bytes > 100_000);
    let batch = Duration::from_millis(if large { 40 } else { 10 });
    let rounds = 41;
    let samples = side_by_side(contenders, batch, rounds);
    let times: Vec<f64> = samples.iter().cloned().map(median).collect();
    println!();
    println!("side by side ({bench}, {rounds} interleaved rounds; medians):");
    for (contender, ns) in contenders.iter().zip(&times) {
        match bytes {
            Some(bytes) if *ns >= 1e5 => println!(
                "time {bench} {} = {:.3} ms ({:.0} MB/s)",
                contender.name,
                ns / 1e6,
                bytes as f64 / ns * 1e3
            ),
            Some(bytes) => println!(
                "time {bench} {} = {:.0} ns ({:.0} MB/s)",
                contender.name,
                ns,
                bytes as f64 / ns * 1e3
            ),
            None => println!("time {bench} {} = {:.0} ns", contender.name, ns),
        }
    }
    for (contender, theirs) in contenders.iter().zip(&samples).skip(1) {
        if baselines.contains(&contender.name) {
            let ratios = samples[0]
                .iter()
                .zip(theirs)
                .map(|(ours, theirs)| ours / theirs);
            println!(
                "ratio {bench} {}/{} = {:.2}",
                contenders[0].name,
                contender.name,
                median(ratios.collect())
            );
        }
    }
    Some(samples)
}

/// A named reader of a bench's input.
pub type Reader<'a> = (&'static str, &'a dyn Fn(&[u8]));

/// A reader that drops what it read (inside the timing, the same for every contender).
pub fn discard<T>(read: impl Fn(&[u8]) -> T) -> impl Fn(&[u8]) {
    move |body| consume(read(body))
}

/// Runs the reading bench `bench` (`response`, `collection`) on `body` with the same seven
/// contenders: `Ours` through `odata_resource::from_slice`, through `serde_json::from_slice`
/// (`ours_serde_json`: the derived impls through the plain serde entry point) and as
/// `from_slice` read before it had a reader of its own (`ours_before`, [`read_ours_before`]),
/// and through
/// `serde_json` the hand-written `Plain` (the baseline), `serde_json::Value`, `Open` (`Plain`
/// keeping undeclared properties through `#[serde(flatten)]`) and `Plain` read validate-once
/// ([`read_serde_str`]). See [`run_readers`].
pub fn bench_readers<Ours, Plain, Open>(bench: &str, body: &[u8])
where
    Ours: serde::de::DeserializeOwned,
    Plain: serde::de::DeserializeOwned,
    Open: serde::de::DeserializeOwned,
{
    let readers: [Reader<'_>; 7] = [
        ("ours", &discard(read_ours::<Ours>)),
        ("serde_derive", &discard(read_serde::<Plain>)),
        ("ours_serde_json", &discard(read_serde::<Ours>)),
        ("ours_before", &discard(read_ours_before::<Ours>)),
        (
            "serde_json_value",
            &discard(read_serde::<serde_json::Value>),
        ),
        ("serde_derive_flatten", &discard(read_serde::<Open>)),
        ("serde_derive_from_str", &discard(read_serde_str::<Plain>)),
    ];
    run_readers(bench, body, &readers);
}

/// [`bench_readers`] for a page of real values ([`real_pages`]): `Ours` the three ways,
/// `Plain` (the baseline), `serde_json::Value`, and `Plain` read validate-once.
pub fn bench_page_readers<Ours, Plain>(bench: &str, body: &[u8])
where
    Ours: serde::de::DeserializeOwned,
    Plain: serde::de::DeserializeOwned,
{
    let readers: [Reader<'_>; 6] = [
        ("ours", &discard(read_ours::<Ours>)),
        ("serde_derive", &discard(read_serde::<Plain>)),
        ("ours_serde_json", &discard(read_serde::<Ours>)),
        ("ours_before", &discard(read_ours_before::<Ours>)),
        (
            "serde_json_value",
            &discard(read_serde::<serde_json::Value>),
        ),
        ("serde_derive_from_str", &discard(read_serde_str::<Plain>)),
    ];
    run_readers(bench, body, &readers);
}

/// Criterion's run of each reader (MB/s), then [`print_ratios`] with the first reader (ours)
/// against each of the others, `ours_serde_json` and `ours_before` against `serde_derive`
/// (the derived impls through the plain serde entry point, and the former `from_slice`), and
/// `ours_before` against `serde_derive_from_str`: both read through `serde_json::from_str` after
/// one UTF-8 check of the body, the derived impls against serde derive through that entry point.
pub fn run_readers(bench: &str, body: &[u8], readers: &[Reader<'_>]) {
    if probe(bench, body, readers) {
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    {
        let mut group = c.benchmark_group(bench);
        group.throughput(Throughput::Bytes(body.len() as u64));
        if body.len() > 100_000 {
            group.sample_size(20);
        }
        for &(name, read) in readers {
            group.bench_function(name, |b| b.iter(|| read(black_box(body))));
        }
        group.finish();
    }
    c.final_summary();

    let mut contenders: Vec<_> = readers
        .iter()
        .map(|&(name, read)| Contender::new(name, move || read(black_box(body))))
        .collect();
    let baselines: Vec<&str> = readers.iter().skip(1).map(|&(name, _)| name).collect();
    let Some(samples) = print_ratio_samples(bench, &mut contenders, &baselines, Some(body.len()))
    else {
        return;
    };
    let at = |name: &str| readers.iter().position(|&(n, _)| n == name);
    for (other, baseline) in [
        ("ours_serde_json", "serde_derive"),
        ("ours_before", "serde_derive"),
        ("ours_before", "serde_derive_from_str"),
    ] {
        if let (Some(ours), Some(serde)) = (at(other), at(baseline)) {
            let ratios = samples[ours]
                .iter()
                .zip(&samples[serde])
                .map(|(ours, theirs)| ours / theirs)
                .collect();
            println!("ratio {bench} {other}/{baseline} = {:.2}", median(ratios));
        }
    }
}

/// `black_box` for a value made in a closure (drop included in the timing).
pub fn consume<T>(value: T) {
    drop(black_box(value));
}

/// An instruction-count probe instead of the bench: with `ODATA_PROBE=<bench>/<reader>/<n>` set
/// (`response/ours_serde_json/1000`), the reader `reader` of the bench `bench` reads the body
/// `n` times and nothing else is run (another bench's readers are skipped). Run it under
/// `valgrind --tool=callgrind` with two values of `n`: the difference of the totals, divided by
/// the difference of the `n`s, is the instructions per read, setup excluded. Returns whether a
/// probe was asked for.
pub fn probe(bench: &str, body: &[u8], readers: &[Reader<'_>]) -> bool {
    let Ok(spec) = std::env::var("ODATA_PROBE") else {
        return false;
    };
    let mut parts = spec.splitn(3, '/');
    let (Some(which), Some(name), Some(n)) = (parts.next(), parts.next(), parts.next()) else {
        panic!("ODATA_PROBE={spec}: expected <bench>/<reader>/<n>");
    };
    if which == bench {
        let n: u64 = n.parse().expect("ODATA_PROBE: <n> is a count");
        let &(_, read) = readers
            .iter()
            .find(|&&(reader, _)| reader == name)
            .unwrap_or_else(|| panic!("ODATA_PROBE: no reader `{name}` in `{bench}`"));
        for _ in 0..n {
            read(black_box(body));
        }
    }
    true
}
