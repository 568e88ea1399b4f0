//! The reader against serde_json, as an oracle: for hand-picked texts (one or more for every
//! error serde_json can give on a `&str`) and for random JSON, cut and mutated, read into many
//! types, the reader gives serde_json's value (compared by `Debug`, which tells floats' bits
//! apart but for NaN, which JSON does not have) or serde_json's error, the same text: message,
//! line and column. A read the reader does not trust (`Refused` without an error) is counted,
//! and allowed only where the type says it may happen.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Debug};

use serde::de::{self, DeserializeOwned, IgnoredAny, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::code;
use super::read::read_or_refused;
use crate::test_rng::XorShift;
use crate::types::datetime::DateTimeOffset;
use crate::types::edm::Decimal;

/// What the reader and serde_json said of one text for one type.
#[derive(Default)]
struct Tally {
    /// Texts read to a value by both.
    values: usize,
    /// Texts both refused, with the same error.
    errors: usize,
    /// Texts whose read the reader did not trust.
    untrusted: usize,
    /// serde_json's messages met, without their positions.
    messages: BTreeSet<String>,
    /// Where the reader's answer was not serde_json's.
    differences: Vec<String>,
    /// The texts whose read the reader did not trust.
    untrusted_texts: Vec<String>,
}

/// serde_json's answer for `text` read as `T`, as `from_slice` reads it: the value, then the
/// end of the text.
fn serde_json_answer<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// The reader's answer for `text` read as `T` against serde_json's; a difference is noted.
fn compare<T: DeserializeOwned + Debug>(name: &str, text: &str, tally: &mut Tally) {
    let ours = read_or_refused::<T>(text);
    let theirs = serde_json_answer::<T>(text);
    let difference = match (ours, theirs) {
        (Ok(ours), Ok(theirs)) => {
            tally.values += 1;
            let (ours, theirs) = (format!("{ours:?}"), format!("{theirs:?}"));
            (ours != theirs).then(|| format!("ours {ours}, serde_json's {theirs}"))
        }
        (Err(refused), theirs) => match (refused.error, theirs) {
            (Some(ours), Err(theirs)) => {
                tally.errors += 1;
                tally.messages.insert(super::bail::message_of(&theirs));
                let (ours, theirs) = (ours.to_string(), theirs.to_string());
                (ours != theirs).then(|| format!("ours {ours}, serde_json's {theirs}"))
            }
            (None, _) => {
                tally.untrusted += 1;
                tally.untrusted_texts.push(text.to_owned());
                None
            }
            (Some(ours), Ok(theirs)) => Some(format!("ours {ours}, serde_json's {theirs:?}")),
        },
        (Ok(ours), Err(theirs)) => Some(format!("ours {ours:?}, serde_json's {theirs}")),
    };
    if let Some(difference) = difference {
        tally
            .differences
            .push(format!("{name}: {text:?}: {difference}"));
    }
}

/// A struct as serde derives it (`Option`s, a `Vec`, a nested struct, enums, no other names).
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Record {
    id: Option<String>,
    count: Option<i32>,
    tags: Option<Vec<String>>,
    inner: Option<Inner>,
    kind: Option<Kind>,
    shape: Option<Shape>,
}

#[derive(Deserialize, Debug)]
#[allow(dead_code)]
struct Inner {
    a: Option<f64>,
    b: bool,
}

/// Unit variants only.
#[derive(Deserialize, Debug)]
#[allow(dead_code)]
enum Kind {
    Alpha,
    Beta,
}

/// Externally tagged, with a newtype, a struct and a unit variant.
#[derive(Deserialize, Debug)]
#[allow(dead_code)]
enum Shape {
    Circle(f64),
    Rect { w: u32, h: u32 },
    Unit,
    Pair(u8, u8),
}

/// Bytes, as `serde_bytes` reads them: `deserialize_byte_buf`, from a string's bytes or an
/// array of numbers.
#[derive(Debug)]
#[allow(dead_code)]
struct Bytes(Vec<u8>);

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BytesVisitor;
        impl<'de> Visitor<'de> for BytesVisitor {
            type Value = Bytes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.to_vec()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Bytes, A::Error> {
                let mut bytes = Vec::new();
                while let Some(byte) = seq.next_element::<u8>()? {
                    bytes.push(byte);
                }
                Ok(Bytes(bytes))
            }
        }
        deserializer.deserialize_byte_buf(BytesVisitor)
    }
}

/// The members' names a derived type of this crate is given (`read::de::next_key` with
/// declared names, which this reader finds where they are).
#[derive(Debug)]
#[allow(dead_code)]
struct Names(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Names {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NamesVisitor;
        impl<'de> Visitor<'de> for NamesVisitor {
            type Value = Names;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Names, A::Error> {
                let mut names = Vec::new();
                while let Some(key) =
                    crate::read::de::next_key(&mut map, &["id", "count", "a", "tags", "inner"])?
                {
                    names.push((key.as_str().to_owned(), map.next_value()?));
                }
                Ok(Names(names))
            }
        }
        deserializer.deserialize_map(NamesVisitor)
    }
}

/// One tally per type.
struct Tallies(BTreeMap<&'static str, Tally>);

impl Tallies {
    /// Compares every type on `text`.
    fn all(&mut self, text: &str) {
        macro_rules! each {
            ($($name:literal: $type:ty,)*) => {$(
                compare::<$type>($name, text, self.0.entry($name).or_default());
            )*};
        }
        each!(
            "Value": Value,
            "IgnoredAny": IgnoredAny,
            "Vec<i32>": Vec<i32>,
            "Option<String>": Option<String>,
            "u8": u8,
            "f32": f32,
            "Vec<f32>": Vec<f32>,
            "i128": i128,
            "u128": u128,
            "Record": Record,
            "Vec<Record>": Vec<Record>,
            "Kind": Kind,
            "Shape": Shape,
            "Vec<Shape>": Vec<Shape>,
            "Bytes": Bytes,
            "BTreeMap<i32, String>": BTreeMap<i32, String>,
            "BTreeMap<bool, i32>": BTreeMap<bool, i32>,
            "BTreeMap<String, Value>": BTreeMap<String, Value>,
            "Box<RawValue>": Box<RawValue>,
            "BTreeMap<String, Box<RawValue>>": BTreeMap<String, Box<RawValue>>,
            "Decimal": Decimal,
            "Vec<Decimal>": Vec<Decimal>,
            "DateTimeOffset": DateTimeOffset,
            "Vec<Option<DateTimeOffset>>": Vec<Option<DateTimeOffset>>,
            "Names": Names,
            "Vec<Names>": Vec<Names>,
        );
    }

    /// The reader's answers were serde_json's, and it trusted every one of them.
    fn all_trusted_and_the_same(&self) {
        let differences: Vec<&String> = self
            .0
            .values()
            .flat_map(|tally| &tally.differences)
            .collect();
        assert!(
            differences.is_empty(),
            "{} differences:\n{}",
            differences.len(),
            differences
                .iter()
                .take(40)
                .map(|d| d.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
        for (name, tally) in &self.0 {
            assert_eq!(tally.untrusted, 0, "{name}: {:?}", tally.untrusted_texts);
        }
    }
}

/// A hand-picked text for every error serde_json gives on a `&str` (every `ErrorCode` but `Io`,
/// `InvalidUnicodeCodePoint`, which only bytes that are not UTF-8 give, and
/// `FloatKeyMustBeFinite`, which only writing gives),
/// and for the errors visitors give (invalid types and values, missing, unknown and duplicate
/// fields, unknown variants, invalid lengths), each at the start, in the middle and at the end
/// of a text, on more than one line.
const HAND_PICKED: &[&str] = &[
    // EOF while parsing a list / an object / a string / a value
    "[1",
    "[",
    "[1,",
    "{\"a\":1",
    "{\"a\"",
    "{\"a\":",
    "{",
    "{\"a\":1,",
    "\"abc",
    "\"ab\\",
    "\"ab\\u00",
    "",
    "   ",
    "\n\n",
    // expected `:`, `,` or `]`, `,` or `}`, ident, value, `"`
    "{\"a\" 1}",
    "{\"a\"\n\n 1}",
    "[1 2]",
    "[1\n,2 3]",
    "{\"a\":1 \"b\":2}",
    "nul",
    "nulx",
    "tru",
    "fals",
    "[true, trux]",
    "{\"id\": nulL}",
    "x",
    "[x]",
    "]",
    "}",
    ",",
    "[,1]",
    "{\"1x\":\"a\"}",
    "{\"1\" :\"a\"}",
    "{\"-\":\"a\"}",
    // escapes, numbers, code points, control characters
    "\"\\x\"",
    "\"a\\u12g4\"",
    "\"\\u12\"",
    "01",
    "-01",
    "-",
    "-x",
    "1.",
    "1.e5",
    "1e",
    "1e+",
    "[1.5.3]",
    "1e400",
    "-1e400",
    "1e39",
    "3.4028236e38",
    "1e99999999999999999999",
    "0e99999999999999999999",
    "1e-99999999999999999999",
    "18446744073709551616",
    "-9223372036854775809",
    "340282366920938463463374607431768211456",
    "170141183460469231731687303715884105728",
    "-170141183460469231731687303715884105729",
    "-1",
    "256",
    "255",
    "1.5",
    "\"\\ud800\"",
    "\"\\ud800\\u0041\"",
    "\"\\ud800x\"",
    "\"\\udc00\"",
    "\"\\ud83d\\ude00\"",
    "\"a\u{1}\"",
    "\"a\nb\"",
    "[\"\\ud800\"]",
    "{\"a\":\"\\ud800\"}",
    "{\"\\ud800\":1}",
    // keys
    "{1:2}",
    "{\"a\":1,2:3}",
    "{\"a\":1,}",
    "[1,]",
    "[1,\n]",
    "{\"a\":1,,\"b\":2}",
    "{\"1\":\"a\",\"-2\":\"b\"}",
    "{\"true\":1,\"false\":2}",
    "{\"yes\":1}",
    "{\"\":1}",
    "{\"tru\":1}",
    "{\"truex\":1}",
    "{\"1.5\":\"a\"}",
    "{\"99999999999\":\"a\"}",
    // trailing characters
    "1 2",
    "[] x",
    "{} {}",
    "\"a\" \"b\"",
    "null,",
    "\u{feff}{}",
    // what visitors refuse
    "null",
    "true",
    "\"2016-12-31T23:57:34.5Z\"",
    "\"2016-12-31T23:57:34Z\"",
    "\"2016-12-31T23:57:34.5Zx\"",
    "\"2016-13-31T23:57:34.5Z\"",
    "[\"2016-12-31T23:57:34.5Z\",null,\"2016-12-31T23:57Z\",-1234]",
    "[\"2016-12-31T23:57Z\",-1234,\"2016-12-31T23:57:34.5Z\"]",
    "\"2016-12-31T23:57:34\\u002e5Z\"",
    "[1, \"2\", 3]",
    "[1,\n  2147483648]",
    "{\"id\":\"a\",\"count\":\"3\"}",
    "{\"id\":\"a\",\"other\":1}",
    "{\"id\":\"a\",\"id\":\"b\"}",
    "{\"inner\":{\"a\":1.5}}",
    "{\"inner\":{\"b\":true,\"c\":1}}",
    "{\"inner\":[1.5, true]}",
    "{\"inner\":[1.5]}",
    "{\"inner\":[1.5, true, 3]}",
    "{\"kind\":\"Gamma\"}",
    "{\"kind\":\"Alpha\",\"shape\":{\"Rect\":{\"w\":1,\"h\":2}}}",
    "{\"shape\":{\"Circle\":2.5}}",
    "{\"shape\":{\"Circle\":2.5,\"x\":1}}",
    "{\"shape\":{\"Circle\":2.5 ",
    "{\"shape\":{\"Circle\" 2.5}}",
    "{\"shape\":{}}",
    "{\"shape\":{1:2}}",
    "{\"shape\":{\"Square\":1}}",
    "{\"shape\":\"Unit\"}",
    "{\"shape\":\"Circle\"}",
    "{\"shape\":{\"Unit\":null}}",
    "{\"shape\":{\"Unit\":1}}",
    "{\"shape\":{\"Pair\":[1,2]}}",
    "{\"shape\":{\"Pair\":[1]}}",
    "{\"shape\":[1]}",
    "{\"shape\":1}",
    "\"Alpha\"",
    "\"Beta\"",
    "\"Gamma\"",
    "{\"Alpha\":null}",
    "{\"Circle\":1e400}",
    "{\"Rect\":[1,2]}",
    "{\"Rect\":{\"w\":1}}",
    "[{\"id\":\"a\"},{\"id\":1}]",
    "[{\"id\":\"a\"},{\"tags\":[\"x\",2]}]",
    "\"aGVsbG8=\"",
    "\"a\\nb\"",
    "[104,105]",
    "[104,256]",
    "{\"price\":19.990,\"n\":null}",
    "{\"price\":\"19.990\"}",
    "19.990",
    "[1.5,\"x\"]",
    "[1.5,[1]]",
    "{\"a\":1.5,\"b\":{\"c\":[1,\"x\"]}}",
    "{\"@odata.type\":\"#x\",\"id\":1,\"count\":[1,2,{\"a\":[]}],\"other\":{\"x\":[1,2]}}",
    "{\"id\":1,\"count\":2,\"a\":3,\"tags\":4,\"inner\":5,\"x\":6,\"id\":7}",
];

/// serde_json's messages for the errors of its grammar on a `&str`, and those of the reading of
/// a value in well-formed text: the hand-picked texts meet every one of them.
fn grammar_messages() -> impl Iterator<Item = &'static str> {
    code::GRAMMAR.iter().copied().chain([
        code::NUMBER_OUT_OF_RANGE,
        code::EXPECTED_NUMERIC_KEY,
        code::LONE_LEADING_SURROGATE,
        code::RECURSION_LIMIT_EXCEEDED,
    ])
}

#[test]
fn hand_picked_texts_read_and_fail_as_with_serde_json() {
    let mut tallies = Tallies(BTreeMap::new());
    let deep = |n: usize, open: &str, close: &str| format!("{}{}", open.repeat(n), close.repeat(n));
    let mut texts: Vec<String> = HAND_PICKED.iter().map(|&t| t.to_owned()).collect();
    for n in [126, 127, 128, 129, 300] {
        texts.push(deep(n, "[", "]"));
        texts.push(deep(n, "{\"a\":", "}").replace("{\"a\":}", "{\"a\":1}"));
        // skipped: no limit in serde_json
        texts.push(format!("{{\"other\":{}}}", deep(n, "[", "]")));
        texts.push(format!("{{\"x\":{}}}", deep(n, "[", "]")));
        texts.push(deep(n, "[", ""));
    }
    for text in &texts {
        tallies.all(text);
        // the same inside an array, after a member, and on a later line
        tallies.all(&format!("[{text}]"));
        tallies.all(&format!("{{\"id\":\"a\",\n \"inner\": {text}}}"));
        tallies.all(&format!("\n  {text}"));
    }
    tallies.all_trusted_and_the_same();
    let messages: BTreeSet<&str> = tallies
        .0
        .values()
        .flat_map(|tally| tally.messages.iter().map(String::as_str))
        .collect();
    for message in grammar_messages() {
        assert!(messages.contains(message), "not met: {message}");
    }
    for visitor in [
        "invalid type",
        "invalid value",
        "invalid length",
        "missing field",
        "unknown field",
        "duplicate field",
        "unknown variant",
    ] {
        assert!(
            messages.iter().any(|m| m.starts_with(visitor)),
            "not met: {visitor}"
        );
    }
    for (name, tally) in &tallies.0 {
        assert!(
            tally.errors > 0 && tally.values > 0,
            "{name}: nothing compared"
        );
    }
}

/// Random JSON, cut and mutated: 12,000 texts, each read as every type.
#[test]
fn random_texts_read_and_fail_as_with_serde_json() {
    let mut rng = XorShift(0x0da7_a0e1_2345_6789);
    let mut tallies = Tallies(BTreeMap::new());
    let mut texts = 0;
    while texts < 12_000 {
        let mut body = Vec::new();
        value(&mut rng, &mut body, 0);
        for _ in 0..rng.below(3) {
            mutate(&mut rng, &mut body);
        }
        // a mutation may split a character: those bytes are not a `&str`
        let Ok(text) = std::str::from_utf8(&body) else {
            continue;
        };
        tallies.all(text);
        texts += 1;
    }
    tallies.all_trusted_and_the_same();
    for (name, tally) in &tallies.0 {
        // every type read some texts and refused others
        eprintln!(
            "{name}: {} values, {} errors, {} not trusted",
            tally.values, tally.errors, tally.untrusted
        );
        assert!(tally.values > 20 && tally.errors > 1_000, "{name}");
    }
}

/// A random JSON text of the shapes the test types read.
fn value(rng: &mut XorShift, out: &mut Vec<u8>, depth: usize) {
    const NAMES: &[&str] = &[
        "id",
        "count",
        "tags",
        "inner",
        "kind",
        "shape",
        "a",
        "b",
        "Circle",
        "Rect",
        "Unit",
        "Pair",
        "w",
        "h",
        "1",
        "-2",
        "true",
        "false",
        "x\\u00e9",
        "",
        "@odata.type",
        "price",
    ];
    const SCALARS: &[&str] = &[
        "1",
        "-2",
        "0",
        "-0",
        "255",
        "256",
        "3.5",
        "-0.0",
        "1e3",
        "2.5E-3",
        "1e400",
        "1e39",
        "3.4028235e38",
        "0.1",
        "2147483648",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775809",
        "170141183460469231731687303715884105728",
        "123456789012345678901234567890.5",
        "true",
        "false",
        "null",
        "\"x\"",
        "\"\"",
        "\"a\\u00e9b\"",
        "\"\\n\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud800\"",
        "\"é€😀\"",
        "\"Alpha\"",
        "\"Gamma\"",
        "\"Unit\"",
        "\"2016-12-31T23:57:34.5240758Z\"",
        "\"2016-12-31T23:57:34+03:00\"",
        "\"19.990\"",
        "\"aGVsbG8=\"",
    ];
    let kind = if depth > 4 { 4 } else { rng.below(6) };
    let ws = |rng: &mut XorShift, out: &mut Vec<u8>| {
        if rng.below(6) == 0 {
            out.extend_from_slice([" ", "\n  ", "\t", "\r\n"][rng.below(4)].as_bytes());
        }
    };
    ws(rng, out);
    match kind {
        0 | 1 => {
            out.push(b'{');
            for i in 0..rng.below(4) {
                if i > 0 {
                    out.push(b',');
                }
                ws(rng, out);
                out.push(b'"');
                out.extend_from_slice(NAMES[rng.below(NAMES.len())].as_bytes());
                out.push(b'"');
                ws(rng, out);
                out.push(b':');
                value(rng, out, depth + 1);
            }
            ws(rng, out);
            out.push(b'}');
        }
        2 | 3 => {
            out.push(b'[');
            for i in 0..rng.below(4) {
                if i > 0 {
                    out.push(b',');
                }
                value(rng, out, depth + 1);
            }
            ws(rng, out);
            out.push(b']');
        }
        _ => out.extend_from_slice(SCALARS[rng.below(SCALARS.len())].as_bytes()),
    }
    ws(rng, out);
}

/// Cuts the text, or replaces, inserts or removes a byte (or leaves it as it is).
fn mutate(rng: &mut XorShift, body: &mut Vec<u8>) {
    const BYTES: &[u8] = b"{}[],:\"\\ 0123-+.eExtnu\x01\n";
    if body.is_empty() {
        return;
    }
    let at = rng.below(body.len());
    match rng.below(6) {
        0 => {}
        1 => body.truncate(at),
        2 => body[at] = BYTES[rng.below(BYTES.len())],
        3 | 4 => body.insert(at, BYTES[rng.below(BYTES.len())]),
        _ => {
            body.remove(at);
        }
    }
}

/// A message with a trailing position (as an error's `Display` writes it, wrapped in a message
/// of its own) keeps that position, and one with anything else after it keeps its text whole,
/// as in serde_json; a position given later replaces only a missing one.
#[test]
fn custom_messages_keep_their_positions_as_in_serde_json() {
    use super::bail::Bail;
    use de::Error as _;
    for message in [
        "a at line 2 column 5",
        "path: invalid type: null, expected a string at line 12 column 0",
        "a at line  column 5",
        "a at line 2 column ",
        "a at line 2 column 5x",
        "a at line 2 column 5 at line 3 column 6",
        "a at line 0 column 3",
        "at line 1 column 1",
        " at line 1 column 1",
        "a at line 99999999999999999999999 column 1",
        "a at line 1 column -1",
        "no position",
        "",
    ] {
        let ours = Bail::custom(message);
        let theirs = serde_json::Error::custom(message);
        assert_eq!(ours.to_string(), theirs.to_string(), "{message:?}");
        // what a `deserialize_*` method does to it: a position where it has none
        assert_eq!(
            ours.unplaced(),
            theirs.line() == 0,
            "{message:?}: placed or not"
        );
    }
}

/// An error of the reader's that a visitor swallowed makes the read untrusted (where the reader
/// stands after an error is not always where serde_json stands), whether the read then
/// succeeds or fails; a visitor's own error, swallowed, does not.
#[test]
fn a_swallowed_error_of_the_readers_is_not_trusted() {
    /// Reads a string, or nothing where that fails (compared by `Debug`).
    #[derive(Debug)]
    #[allow(dead_code)]
    struct Lenient(Option<DateTimeOffset>);
    impl<'de> Deserialize<'de> for Lenient {
        fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            Ok(Lenient(DateTimeOffset::deserialize(deserializer).ok()))
        }
    }
    // the reader's invalid type (a number for a string), swallowed: then a value, then an error
    for text in ["[5]", "[5,x]", "[5] x"] {
        let refused = read_or_refused::<Vec<Lenient>>(text).unwrap_err();
        assert!(refused.error.is_none(), "{text}");
    }
    // the parser's error (a visitor's), swallowed: trusted, and serde_json's
    let mut tally = Tally::default();
    for text in ["[\"x\"]", "[\"x\",", "[\"2016-12-31T23:57:34Z\",\"x\"] x"] {
        compare::<Vec<Lenient>>("Vec<Lenient>", text, &mut tally);
    }
    assert!(tally.differences.is_empty(), "{:?}", tally.differences);
    assert_eq!((tally.values, tally.errors, tally.untrusted), (1, 2, 0));
}
