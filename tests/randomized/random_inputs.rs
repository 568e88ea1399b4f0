//! The fuzz targets' entry points (`fuzz/entry_points.rs`), driven on stable by a bounded,
//! deterministic random-input test: a xorshift generator with a fixed seed mutates real payloads
//! from `../shared/corpus/real-world`, the seed page's response and a few date and request texts.
//! Every input must be handled without a panic, and whatever reads must write back stably (the
//! entry points assert that). A failure prints the iteration and the input, to replay it or to
//! add it to the catalogue in `tests/hostile.rs`.
//!
//! On a machine with a nightly toolchain, `cargo fuzz run parse_response` (see `fuzz/README.md`)
//! explores the same entry points with coverage guidance and no bound.

#[path = "../../fuzz/entry_points.rs"]
mod entry_points;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// Iterations per entry point: enough to reach every mutation many times, few enough to keep
/// the test well under two seconds in a debug build.
const RESPONSE_ITERATIONS: u32 = 4_000;
const DATE_ITERATIONS: u32 = 20_000;
const REQUEST_ITERATIONS: u32 = 8_000;

/// xorshift64 (Marsaglia): deterministic, tiny, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap()
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Byte strings that tend to break JSON readers and OData rules.
const JSON_TOKENS: &[&str] = &[
    "null",
    "true",
    "0",
    "-0",
    "1e400",
    "-1e400",
    "2147483648",
    "-2147483649",
    "1.5",
    "\"\"",
    "\"",
    "\\",
    "\\u",
    "\\uZZZZ",
    "\\ud800",
    "\\udc00",
    "\\u0000",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "[[[[[[[[[[[[[[[[",
    "]]]]",
    "{}",
    "[]",
    "{\"a\":",
    "\"@odata.type\":",
    "\"@odata.type\":5,",
    "\"@type\":{},",
    "\"id\":\"dup\",",
    "\"x@odata.type\":1,",
    "\"#op\":[],",
    "\u{feff}",
    "\u{2028}",
    "é",
    "日本",
    "\"cloneTeam\"",
    "\"CloneTeam\"",
    "\"unknownFutureValue\"",
    "\"2016-12-31T23:59:60Z\"",
    "\"0000-01-01T00:00:00z\"",
    "\"2020-01-01T00:00:00+24:00\"",
    "\"2021-05-27T21:23:41.9085453123456Z\"",
    "\"innerError\":{\"code\":1},",
    "\"error\":",
];

/// Characters a date parser must get right: all its separators in both cases, digits, and
/// multi-byte characters at byte positions the parser computes.
const DATE_TOKENS: &[&str] = &[
    "0",
    "1",
    "2",
    "5",
    "9",
    "60",
    "24",
    "99",
    "-",
    ":",
    "T",
    "t",
    "Z",
    "z",
    "+",
    ".",
    ",",
    " ",
    "\u{feff}",
    "é",
    "日",
    "\u{0}",
    "-0000",
    "0000",
    "10000",
    "+23:59",
    "-00:00",
    "+24:00",
    "123456789012",
    "1234567890123",
    "02-29",
    "02-30",
    "\n",
];

const DATE_SEEDS: &[&str] = &[
    "2021-05-27T21:23:41.9085453Z",
    "2016-12-31T23:57:34.9044303+03:00",
    "1969-07-20T20:17Z",
    "2020-01-01T00:00:00.123456789012-05:30",
    "-0752-03-01t00:00:00z",
    "0000-01-01T00:00:00-00:00",
    "2016-02-29T23:59:59.9999999+23:59",
    "9999-12-31T23:59:59Z",
];

/// `|`-separated: invitation id, group id, ETag, custom header value, property value.
const REQUEST_SEEDS: &[&str] = &[
    "inv-1|group-1|W/\"1\"|abc|value",
    "a/b?c#d|%2e%2e|*|x\r\ny|\"quoted\"",
    ".|..|W/\"2\"|ok|v",
    "$count|microsoft.graph.delta|e|h|v",
    "19:abc@thread.v2|g|W/\"datetime'2024'\"|\u{e9}|\u{0}",
];

const REQUEST_TOKENS: &[&str] = &[
    "|",
    "/",
    ".",
    "..",
    "$",
    "%",
    "%2e",
    "?",
    "#",
    "\r",
    "\n",
    "\t",
    "\u{0}",
    "\u{7f}",
    " ",
    "microsoft.graph.x",
    "a.b",
    "_",
    "é",
    "\u{feff}",
    "\\",
];

/// Applies one to four random mutations to `input`, with `tokens` as insertions and `others` as
/// material to splice in.
fn mutate(rng: &mut Rng, input: &[u8], tokens: &[&str], others: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(11) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = *rng.pick(b"\"{}[],:\\u0-e.\x00\xff\xc3\xef @#");
            }
            2 => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            3 => {
                let end = (at + 1 + rng.below(32)).min(out.len());
                let copy = out[at.min(end)..end].to_vec();
                let to = rng.below(out.len() + 1);
                out.splice(to..to, copy);
            }
            4 => out.truncate(at),
            5 if !others.is_empty() => {
                let other = rng.pick(others);
                let from = rng.below(other.len() + 1);
                let end = (from + rng.below(64)).min(other.len());
                let keep = (at + rng.below(32)).min(out.len());
                out.splice(at..keep, other[from..end].iter().copied());
            }
            6 if out.len() > 1 => {
                let (i, j) = (rng.below(out.len()), rng.below(out.len()));
                out.swap(i, j);
            }
            7 | 8 => {
                // another digit in place of a digit: keeps the shape of numbers and dates, and
                // walks their ranges (months, days, hours, offsets, Int32 bounds)
                let digits: Vec<usize> = (0..out.len())
                    .filter(|&i| out[i].is_ascii_digit())
                    .collect();
                if !digits.is_empty() {
                    let i = *rng.pick(&digits);
                    out[i] = b'0' + u8::try_from(rng.below(10)).unwrap();
                }
            }
            _ => {
                let token = rng.pick(tokens).as_bytes();
                out.splice(at..at, token.iter().copied());
            }
        }
    }
    out
}

/// Runs `entry` on each seed and on `iterations` mutations of them; on a panic, fails naming
/// the iteration and showing the input. Returns how many mutated inputs `entry` accepted (read,
/// parsed or built), so a test can check that both outcomes stay well exercised.
fn drive(
    name: &str,
    entry: fn(&[u8]) -> bool,
    seeds: &[Vec<u8>],
    tokens: &[&str],
    iterations: u32,
    seed: u64,
) -> u32 {
    let mut rng = Rng(seed);
    let run = |iteration: Option<u32>, input: &[u8]| match catch_unwind(AssertUnwindSafe(|| {
        entry(input)
    })) {
        Ok(accepted) => accepted,
        Err(_) => panic!(
            "{name} panicked on {} (see the message above)\ninput: {:?}\nbytes: {input:?}",
            iteration.map_or("a seed".to_owned(), |i| format!("iteration {i}")),
            String::from_utf8_lossy(input),
        ),
    };
    for seed in seeds {
        run(None, seed);
    }
    let mut accepted = 0;
    for i in 0..iterations {
        let base = rng.pick(seeds);
        let input = mutate(&mut rng, base, tokens, seeds);
        accepted += u32::from(run(Some(i), &input));
    }
    accepted
}

/// Both outcomes are exercised: at least a twentieth of the inputs are accepted and a twentieth
/// refused.
fn assert_mixed(name: &str, accepted: u32, iterations: u32) {
    println!("{name}: {accepted} of {iterations} mutated inputs accepted");
    assert!(
        accepted >= iterations / 20 && iterations - accepted >= iterations / 20,
        "{name}: {accepted} of {iterations} mutated inputs accepted; the mutations no longer \
         exercise both outcomes"
    );
}

/// `../shared/corpus`, with a clear failure when it is missing.
fn corpus_dir() -> PathBuf {
    let dir = crate::common::shared_dir().join("corpus/real-world");
    assert!(
        dir.is_dir(),
        "the corpus is missing: expected {} (../shared/corpus beside the repository)",
        dir.display()
    );
    dir
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// Real payloads: every JSON file under `real-world/` (PnP Core recordings, CLI for Microsoft 365
/// mocks, error bodies from issues), the seed page's response, and a Graph error body.
fn response_seeds() -> Vec<Vec<u8>> {
    let mut files = Vec::new();
    json_files(&corpus_dir(), &mut files);
    files.sort();
    let pnp = files
        .iter()
        .filter(|f| {
            f.to_string_lossy().contains("pnpcore")
                && f.to_string_lossy().ends_with(".response.json")
        })
        .count();
    assert!(pnp > 0, "no pnpcore/*.response.json in the corpus");
    let mut seeds: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    seeds.push(crate::common::seed_example("Response").1.into_bytes());
    seeds.push(
        br#"{"error":{"code":"TooManyRequests","innerError":{"code":"429","date":"2020-08-18T12:51:51","request-id":"r","client-request-id":"c"},"message":"Please retry again later.","details":[{"code":"d","message":"m","target":"t"}]}}"#
            .to_vec(),
    );
    seeds
}

fn text_seeds(texts: &[&str]) -> Vec<Vec<u8>> {
    texts.iter().map(|t| t.as_bytes().to_vec()).collect()
}

#[test]
fn response_parsing_survives_mutated_real_payloads() {
    let seeds = response_seeds();
    let read = drive(
        "response",
        entry_points::response,
        &seeds,
        JSON_TOKENS,
        RESPONSE_ITERATIONS,
        0x9e37_79b9_7f4a_7c15,
    );
    assert_mixed("response", read, RESPONSE_ITERATIONS);
}

#[test]
fn date_parsing_survives_mutated_dates() {
    let parsed = drive(
        "date_time",
        entry_points::date_time,
        &text_seeds(DATE_SEEDS),
        DATE_TOKENS,
        DATE_ITERATIONS,
        0xd1b5_4a32_d192_ed03,
    );
    assert_mixed("date_time", parsed, DATE_ITERATIONS);
}

#[test]
fn request_building_survives_mutated_values() {
    let built = drive(
        "build_request",
        entry_points::build_request,
        &text_seeds(REQUEST_SEEDS),
        REQUEST_TOKENS,
        REQUEST_ITERATIONS,
        0x2545_f491_4f6c_dd1d,
    );
    assert_mixed("build_request", built, REQUEST_ITERATIONS);
}

#[test]
fn the_mutator_is_deterministic_and_varied() {
    let seeds = text_seeds(DATE_SEEDS);
    let run = || {
        let mut rng = Rng(7);
        (0..200)
            .map(|_| mutate(&mut rng, &seeds[0], DATE_TOKENS, &seeds))
            .collect::<Vec<_>>()
    };
    let (a, b) = (run(), run());
    assert_eq!(a, b);
    let distinct: std::collections::BTreeSet<_> = a.iter().collect();
    assert!(
        distinct.len() > 150,
        "{} distinct inputs of 200",
        distinct.len()
    );
}
