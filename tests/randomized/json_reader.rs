//! `odata_resource::from_slice`'s own JSON reader against serde_json (issue #16), on random JSON
//! (random values written compact and with random whitespace) and on mutations of it and of real
//! payloads (bytes cut, repeated, swapped, replaced by JSON's special characters): the reader
//! must accept exactly what serde_json accepts, and give the same values (numbers by kind and
//! bits, `f32` included), into `Value`, into `IgnoredAny`, into a `RawValue`, into the
//! teamsAsyncOperation model and into plain collections.

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::{Map, Number, Value};
use teams_model::TeamsAsyncOperation;

fn config(cases: u32) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(0x0da7_a16e_ad16),
        failure_persistence: None,
        ..Config::default()
    }
}

/// serde_json's answer for `body` as `from_slice` reads it (a BOM skipped); a body that is not
/// UTF-8 is refused, whatever serde_json would make of its bytes (`from_slice`'s rule).
fn serde_json_read<T: DeserializeOwned>(body: &[u8]) -> Option<T> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    match std::str::from_utf8(body) {
        Ok(text) => serde_json::from_str(text).ok(),
        Err(_) => None,
    }
}

/// Reads `body` both ways into `T`: accepted by both with `eq` values, or refused by both.
fn alike<T: DeserializeOwned + std::fmt::Debug>(body: &[u8], eq: impl Fn(&T, &T) -> bool) {
    let ours = odata_resource::from_slice::<T>(body).ok();
    let theirs = serde_json_read::<T>(body);
    let agree = match (&ours, &theirs) {
        (Some(ours), Some(theirs)) => eq(ours, theirs),
        (None, None) => true,
        _ => false,
    };
    assert!(
        agree,
        "{}: ours {ours:?}, serde_json {theirs:?}",
        String::from_utf8_lossy(body)
    );
}

/// Every way `body` is read in this file.
fn all_alike(body: &[u8]) {
    alike::<Value>(body, crate::common::same_json);
    alike::<IgnoredAny>(body, |_, _| true);
    alike::<TeamsAsyncOperation>(body, PartialEq::eq);
    alike::<Vec<Option<i64>>>(body, PartialEq::eq);
    alike::<Vec<f64>>(body, |a, b| {
        a.iter()
            .map(|x| x.to_bits())
            .eq(b.iter().map(|x| x.to_bits()))
    });
    alike::<Vec<f32>>(body, |a, b| {
        a.iter()
            .map(|x| x.to_bits())
            .eq(b.iter().map(|x| x.to_bits()))
    });
    alike::<Box<serde_json::value::RawValue>>(body, |a, b| a.get() == b.get());
    alike::<Option<Vec<String>>>(body, PartialEq::eq);
    alike::<std::collections::BTreeMap<String, Value>>(body, |a, b| {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|((ka, va), (kb, vb))| ka == kb && crate::common::same_json(va, vb))
    });
}

/// Numbers in every form: integers near the type limits, `-0`, fractions, exponents.
fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        any::<u64>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter_map("finite", Number::from_f64)
            .prop_map(Value::Number),
        (-30i32..30).prop_map(Value::from),
    ]
    .boxed()
}

/// Text with escapes, control characters, non-ASCII and the names the model knows.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\/\\u{0}-\\u{1f}\\u{7f}\\u{2028}\\u{fffd}\\u{1f600}a-z]{0,12}",
        Just("@odata.type".to_owned()),
        Just("id".to_owned()),
        Just("status".to_owned()),
        Just("attemptsCount".to_owned()),
        Just("createdDateTime".to_owned()),
        Just("error".to_owned()),
        Just("2016-12-31T23:57:34.9044303+03:00".to_owned()),
        Just("succeeded".to_owned()),
    ]
    .boxed()
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((text(), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// `value` written with JSON whitespace between its tokens, and `\u` escapes for some
/// characters of its strings.
fn spaced(value: &Value, seed: u64) -> String {
    let compact = serde_json::to_string(value).unwrap();
    let mut out = String::with_capacity(compact.len() * 2);
    let mut state = seed | 1;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut in_string = false;
    // characters left of an escape being copied (`\\n`: 1, `\\u00e9`: 5)
    let mut escaped = 0;
    for c in compact.chars() {
        if in_string {
            if escaped > 0 {
                escaped -= 1;
                if c == 'u' && escaped == 0 {
                    escaped = 4;
                }
            } else if c == '\\' {
                escaped = 1;
            } else if c == '"' {
                in_string = false;
            } else if next() % 5 == 0 {
                // the same character as a `\u` escape (a surrogate pair above U+FFFF)
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
                continue;
            }
            out.push(c);
            continue;
        }
        if c == '"' {
            in_string = true;
        }
        if matches!(c, '[' | ']' | '{' | '}' | ',' | ':') || next() % 7 == 0 {
            out.push_str([" ", "", "\n", "\t", "\r\n ", ""][(next() % 6) as usize]);
        }
        out.push(c);
    }
    out
}

/// JSON's special bytes and tokens, to put where they do not belong.
const TOKENS: &[&str] = &[
    "\"", "\\", "\\u", "\\ud800", "\\udc00", "\\u00", "{", "}", "[", "]", ",", ":", "-", "0", "01",
    "1.", ".5", "e", "E+", "-0", "1e400", "null", "nul", "true", "fals", " ", "\n", "\u{0}",
    "\u{1f}", "\u{7f}", "é", "\u{feff}", "\"a\":", "[[[[", "]]]]",
];

/// `text` with a few random edits: a byte range cut, a range repeated, two ranges swapped, a
/// token inserted or a byte replaced.
fn mutated(text: &str, edits: &[(u8, usize, usize)]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for &(kind, a, b) in edits {
        if bytes.is_empty() {
            break;
        }
        let (a, b) = (a % bytes.len(), b % bytes.len());
        let (lo, hi) = (a.min(b), a.max(b));
        match kind % 5 {
            0 => {
                bytes.drain(lo..hi.min(lo + 8));
            }
            1 => {
                let copy = bytes[lo..hi.min(lo + 8)].to_vec();
                bytes.splice(lo..lo, copy);
            }
            2 => bytes.swap(lo, hi),
            3 => {
                let token = TOKENS[b % TOKENS.len()].as_bytes().to_vec();
                bytes.splice(a..a, token);
            }
            _ => bytes[a] = TOKENS[b % TOKENS.len()].as_bytes()[0],
        }
    }
    bytes
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn random_json_reads_as_serde_json_reads_it(value in value(), seed in any::<u64>()) {
        all_alike(serde_json::to_string(&value).unwrap().as_bytes());
        all_alike(spaced(&value, seed).as_bytes());
    }

    #[test]
    fn mutated_json_is_accepted_exactly_when_serde_json_accepts_it(
        value in value(),
        seed in any::<u64>(),
        edits in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>()), 1..4),
    ) {
        all_alike(&mutated(&spaced(&value, seed), &edits));
    }

    #[test]
    fn mutated_operations_are_accepted_exactly_when_serde_json_accepts_them(
        edits in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>()), 1..4),
    ) {
        let seed = r##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","id":"e4e4","operationType":"archiveTeam","createdDateTime":"2016-12-31T23:57:02.5240758+03:00","status":"succeeded","lastActionDateTime":"2016-12-31T23:57:34.9044303Z","attemptsCount":13,"targetResourceId":"T\u00e9","targetResourceLocation":null,"error":{"@odata.type":"microsoft.graph.operationError","code":"c","message":"m"},"values":[1,-0,2.5e-3,{"a":null}]}"##;
        all_alike(&mutated(seed, &edits));
    }

    #[test]
    fn text_with_any_characters_reads_as_serde_json_reads_it(s in any::<String>()) {
        let quoted = format!("\"{s}\"");
        alike::<String>(quoted.as_bytes(), PartialEq::eq);
        alike::<Value>(quoted.as_bytes(), crate::common::same_json);
        alike::<IgnoredAny>(quoted.as_bytes(), |_, _| true);
        alike::<Value>(s.as_bytes(), crate::common::same_json);
    }
}

/// A fixed sequence of pseudo-random numbers below 2^31 from `seed`, for the edits of a test
/// over real payloads (its cases are too large for proptest to shrink usefully).
fn xorshift(mut state: u64) -> impl FnMut() -> usize {
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % (1 << 31)).unwrap()
    }
}

/// The real pages of the corpus, mutated: many edits on real shapes.
#[test]
fn mutated_real_payloads_are_accepted_exactly_when_serde_json_accepts_them() {
    let corpus = crate::common::shared_dir().join("corpus/real-world/pnpcore-graph/cases.jsonl");
    let cases = std::fs::read_to_string(corpus).unwrap();
    let mut next = xorshift(0x9e37_79b9_7f4a_7c15u64);
    for (line, case) in cases.lines().enumerate().step_by(7) {
        let case: Value = serde_json::from_str(case).unwrap();
        let json = case["json"].as_str().unwrap();
        all_alike(json.as_bytes());
        for _ in 0..4 {
            let edits: Vec<_> = (0..1 + next() % 3)
                .map(|_| (u8::try_from(next() % 256).unwrap(), next(), next()))
                .collect();
            let body = mutated(json, &edits);
            let result = std::panic::catch_unwind(|| all_alike(&body));
            assert!(result.is_ok(), "cases.jsonl line {}", line + 1);
        }
    }
}

/// `microsoft.graph.entity`, the base of [`AnyOperation`].
#[derive(odata_resource::Resource, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.entity")]
struct Entity {
    #[odata(read_only)]
    id: Option<String>,
    #[odata(annotations)]
    annotations: odata_resource::Annotations,
    #[odata(additional)]
    additional: Map<String, Value>,
}

#[derive(odata_resource::Polymorphic, Debug, Clone, PartialEq)]
enum AnyOperation {
    #[odata(base)]
    Entity(Entity),
    TeamsAsyncOperation(Box<TeamsAsyncOperation>),
    #[odata(unknown)]
    Unknown(odata_resource::UnknownType),
}

/// Whether some object in `text` (JSON) has a name twice: serde_json's buffer of an object
/// keeps the last, a derived type read as sent refuses the second.
fn names_a_member_twice(text: &str) -> bool {
    struct Twice(bool);
    impl<'de> serde::Deserialize<'de> for Twice {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(TwiceVisitor)
        }
    }
    struct TwiceVisitor;
    impl<'de> serde::de::Visitor<'de> for TwiceVisitor {
        type Value = Twice;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Twice, A::Error> {
            let mut names = std::collections::BTreeSet::new();
            let mut twice = false;
            while let Some(name) = map.next_key::<String>()? {
                twice |= !names.insert(name);
                twice |= map.next_value::<Twice>()?.0;
            }
            Ok(Twice(twice))
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Twice, A::Error> {
            let mut twice = false;
            while let Some(item) = seq.next_element::<Twice>()? {
                twice |= item.0;
            }
            Ok(Twice(twice))
        }
        fn visit_bool<E>(self, _: bool) -> Result<Twice, E> {
            Ok(Twice(false))
        }
        fn visit_i64<E>(self, _: i64) -> Result<Twice, E> {
            Ok(Twice(false))
        }
        fn visit_u64<E>(self, _: u64) -> Result<Twice, E> {
            Ok(Twice(false))
        }
        fn visit_f64<E>(self, _: f64) -> Result<Twice, E> {
            Ok(Twice(false))
        }
        fn visit_str<E>(self, _: &str) -> Result<Twice, E> {
            Ok(Twice(false))
        }
        fn visit_unit<E>(self) -> Result<Twice, E> {
            Ok(Twice(false))
        }
    }
    serde_json::from_str::<Twice>(text).is_ok_and(|twice| twice.0)
}

/// Objects of a `Polymorphic` enum with `@odata.type` first, later, absent or unknown, and a
/// page of them, mutated: our reader (which looks ahead for a type not first) accepts exactly
/// what serde_json (which buffers such an object) accepts, with the same values, wherever
/// no object names a member twice (serde_json's buffer keeps the last; read as sent, the
/// second is an error, as when the type comes first).
#[test]
fn mutated_polymorphic_objects_read_as_serde_json_reads_them() {
    let op = r##""id":"e4","operationType":"archiveTeam","createdDateTime":"2016-12-31T23:57:02.5240758+03:00","status":"succeeded","attemptsCount":13,"error":{"code":"c","message":"m"},"extra":[1,{"a":null}]"##;
    let type_member = r##""@odata.type":"#microsoft.graph.teamsAsyncOperation""##;
    let seeds = [
        format!("{{{type_member},{op}}}"),
        format!("{{{op},{type_member}}}"),
        format!(r#"{{"id":"e4",{type_member},"status":"failed"}}"#),
        r##"{"id":"e4","@type":"microsoft.graph.teamsAsyncOperation","status":"failed"}"##
            .to_owned(),
        format!("{{{op}}}"),
        r##"{"id":"n","nested":{"a":[1]},"@odata.type":"#microsoft.graph.somethingNew"}"##
            .to_owned(),
        format!(r#"{{"value":[{{{op},{type_member}}},{{"id":"b"}},{{{type_member},"id":"c"}}]}}"#),
    ];
    let mut next = xorshift(0x2545_f491_4f6c_dd1du64);
    let (mut accepted, mut compared) = (0, 0);
    for seed in &seeds {
        for round in 0..400 {
            let body = if round == 0 {
                seed.as_bytes().to_vec()
            } else {
                let edits: Vec<_> = (0..1 + next() % 3)
                    .map(|_| (u8::try_from(next() % 256).unwrap(), next(), next()))
                    .collect();
                mutated(seed, &edits)
            };
            if std::str::from_utf8(&body).is_ok_and(names_a_member_twice) {
                continue;
            }
            compared += 1;
            let text = String::from_utf8_lossy(&body);
            let (ours, theirs) = if seed.starts_with(r#"{"value""#) {
                let ours = odata_resource::from_slice::<Page>(&body).ok();
                let theirs = serde_json_read::<Page>(&body);
                assert_eq!(ours, theirs, "{text}");
                (ours.is_some(), theirs.is_some())
            } else {
                let ours = odata_resource::from_slice::<AnyOperation>(&body).ok();
                let theirs = serde_json_read::<AnyOperation>(&body);
                assert_eq!(ours, theirs, "{text}");
                (ours.is_some(), theirs.is_some())
            };
            assert_eq!(ours, theirs);
            accepted += usize::from(ours);
        }
    }
    // the mutations leave enough of both kinds to mean something
    assert!(compared > 2_000, "{compared}");
    assert!(
        accepted > 300 && accepted < compared - 300,
        "{accepted} of {compared}"
    );
}

/// A collection of [`AnyOperation`].
#[derive(odata_resource::ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "test.page", no_type_annotation)]
struct Page {
    value: Vec<AnyOperation>,
}
