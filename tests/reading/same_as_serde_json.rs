//! `odata_resource::from_slice` reads with its own JSON reader: every payload of
//! `../shared/corpus` (every `.json` file, and every `json` text of the recorded Graph cases in
//! `real-world/pnpcore-graph/cases.jsonl`) must read exactly as serde_json reads it, into
//! `serde_json::Value` (numbers included: `1`, `1.0` and `-0` stay apart, floats bit for bit)
//! and into the teamsAsyncOperation model, and fail where serde_json fails, with its message.

use std::path::{Path, PathBuf};

use odata_resource::Error;
use serde::de::DeserializeOwned;
use serde_json::Value;
use teams_model::TeamsAsyncOperation;

/// What `from_slice` gave before it had a reader of its own: serde_json's answer, an error's
/// message being serde_json's (the corpus is UTF-8; a body that is not is refused by
/// `from_slice`'s own rule, tested in `randomized`).
fn serde_json_read<T: DeserializeOwned>(body: &[u8]) -> Result<T, String> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let text = std::str::from_utf8(body).expect("the corpus is UTF-8");
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Reads `body` both ways into `T`; `Ok` values are compared by `eq`, errors by message (ours
/// says `path: message`; the message is serde_json's, or ends with serde_json's when a derived
/// impl put the path at its start).
fn check<T: DeserializeOwned + std::fmt::Debug>(
    what: &str,
    body: &[u8],
    eq: impl Fn(&T, &T) -> bool,
) -> bool {
    let ours = odata_resource::from_slice::<T>(body);
    match (ours, serde_json_read::<T>(body)) {
        (Ok(ours), Ok(theirs)) => {
            assert!(eq(&ours, &theirs), "{what}: {ours:?} != {theirs:?}");
            true
        }
        (Err(Error::Json { message, .. }), Err(theirs)) => {
            assert!(
                theirs.ends_with(&message) || message.ends_with(&theirs),
                "{what}: our error `{message}`, serde_json's `{theirs}`"
            );
            false
        }
        (ours, theirs) => panic!("{what}: ours {ours:?}, serde_json {theirs:?}"),
    }
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

/// Every payload text of the corpus: its `.json` files, and each recorded case's `json`.
fn payloads() -> Vec<(String, Vec<u8>)> {
    let corpus = crate::common::shared_dir().join("corpus");
    let mut files = Vec::new();
    json_files(&corpus, &mut files);
    files.sort();
    let mut payloads: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|file| {
            let name = file.strip_prefix(&corpus).unwrap().display().to_string();
            (name, std::fs::read(file).unwrap())
        })
        .collect();
    let cases = corpus.join("real-world/pnpcore-graph/cases.jsonl");
    let cases = std::fs::read_to_string(cases).unwrap();
    for (line, case) in cases.lines().enumerate() {
        let case: Value = serde_json::from_str(case).unwrap();
        let json = case["json"].as_str().expect("each case's `json` is a text");
        payloads.push((
            format!("cases.jsonl:{}", line + 1),
            json.as_bytes().to_vec(),
        ));
    }
    payloads
}

/// teamsAsyncOperation objects in a payload (a collection's items, a recording's `Response`).
fn operations(value: &Value, out: &mut Vec<Vec<u8>>) {
    match value {
        Value::Object(map) => {
            if map.contains_key("operationType") || map.contains_key("attemptsCount") {
                out.push(serde_json::to_vec(value).unwrap());
            }
            map.values().for_each(|member| operations(member, out));
            if let Some(Value::String(text)) = map.get("Response") {
                if let Ok(inner) = serde_json::from_str(text) {
                    operations(&inner, out);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| operations(item, out)),
        _ => {}
    }
}

#[test]
fn every_corpus_payload_reads_as_serde_json_reads_it() {
    let payloads = payloads();
    let (mut values, mut refused, mut operations_read) = (0, 0, 0);
    for (name, body) in &payloads {
        if check::<Value>(name, body, crate::common::same_json) {
            values += 1;
        } else {
            refused += 1;
        }
        // the whole payload as an operation: mostly errors (other types, `value` pages)
        check::<TeamsAsyncOperation>(name, body, PartialEq::eq);
        let Ok(value) = serde_json::from_slice::<Value>(body) else {
            continue;
        };
        let mut found = Vec::new();
        operations(&value, &mut found);
        for operation in found {
            let what = format!("{name} (an operation)");
            operations_read += usize::from(check::<TeamsAsyncOperation>(
                &what,
                &operation,
                PartialEq::eq,
            ));
        }
    }
    println!("{values} payloads read alike, {refused} refused alike, {operations_read} operations");
    assert!(
        values > 3_000,
        "only {values} payloads: is the corpus complete?"
    );
    assert!(operations_read >= 30, "only {operations_read} operations");
}

/// Texts around what a reader is most tempted to take shortcuts on.
#[test]
fn edge_texts_read_as_serde_json_reads_them() {
    let texts = [
        "0",
        "-0",
        "-0.0",
        "1",
        "-1",
        "1.0",
        "1e3",
        "1E+3",
        "1e-3",
        "0.1",
        "-1.5e-300",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "9999999999999999999",
        "99999999999999999999",
        "1e400",
        "01",
        "-",
        "1.",
        ".5",
        "1e",
        "+1",
        "0x1",
        "[1,]",
        "[,1]",
        "{\"a\":1,}",
        "{,}",
        "{\"a\" 1}",
        "{\"a\":1 \"b\":2}",
        "[1 2]",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud83d\\u0041\"",
        "\"\\u00e9\\n\\t\\\"\\\\\\/\\b\\f\\r\"",
        "\"\\x\"",
        "\"\\u12\"",
        "\"a\u{1}b\"",
        "\"tab\there\"",
        " \t\r\n[ 1 , { \"a\" : [ ] } ] \n",
        "[] x",
        "nul",
        "nulll",
        "tru",
        "falsey",
        "\"unterminated",
        "",
        "   ",
        "{\"a\":1,\"a\":2}",
        "\u{feff}{}",
        "\u{feff}\u{feff}{}",
        "{\"\\u0061\":\"\\u0062\"}",
        "[[[[]]]]",
    ];
    for text in texts {
        check::<Value>(text, text.as_bytes(), crate::common::same_json);
        check::<Vec<i32>>(text, text.as_bytes(), PartialEq::eq);
        check::<Option<f64>>(text, text.as_bytes(), |a, b| {
            a.map(f64::to_bits) == b.map(f64::to_bits)
        });
        check::<Option<f32>>(text, text.as_bytes(), |a, b| {
            a.map(f32::to_bits) == b.map(f32::to_bits)
        });
        check::<String>(text, text.as_bytes(), PartialEq::eq);
        check::<Box<serde_json::value::RawValue>>(text, text.as_bytes(), |a, b| a.get() == b.get());
        check::<Option<odata_resource::Decimal>>(text, text.as_bytes(), PartialEq::eq);
        check::<TeamsAsyncOperation>(text, text.as_bytes(), PartialEq::eq);
        check::<serde::de::IgnoredAny>(text, text.as_bytes(), |_, _| true);
    }
    // nesting: serde_json's limit is 128 levels, for values built and for values skipped
    for depth in [126, 127, 128, 129, 300] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        check::<Value>(&text, text.as_bytes(), crate::common::same_json);
        let skipped = format!("{{\"x\":{text},\"id\":\"i\"}}");
        check::<TeamsAsyncOperation>(&skipped, skipped.as_bytes(), PartialEq::eq);
    }
}

/// The derived impls find member names among their declared ones when our reader asks (a hint
/// only it gives); through serde's buffering (`flatten`, untagged enums) and `Value` they read
/// names as before.
#[test]
fn declared_names_read_alike_through_every_deserializer() {
    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Flattened {
        #[serde(flatten)]
        operation: TeamsAsyncOperation,
    }
    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(untagged)]
    enum Either {
        Number(i64),
        Operation(Box<TeamsAsyncOperation>),
    }
    let body = br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","status":"failed","id":"i","attemptsCount":2,"\u0069d2":"escaped name","createdDateTime":"2016-12-31T23:57:02Z","targetResourceId":null,"error":{"message":"m","code":"c","extra":[1,{"a":"b"}]},"id@x.note":"n"}"##;
    let read: TeamsAsyncOperation = odata_resource::from_slice(body).unwrap();
    assert_eq!(read.id.as_deref(), Some("i"));
    assert_eq!(
        read.additional.get("id2"),
        Some(&Value::from("escaped name"))
    );
    check::<TeamsAsyncOperation>("direct", body, PartialEq::eq);
    check::<Flattened>("flatten", body, PartialEq::eq);
    check::<Either>("untagged", body, PartialEq::eq);
    let value: Value = serde_json::from_slice(body).unwrap();
    assert_eq!(
        serde_json::from_value::<TeamsAsyncOperation>(value).unwrap(),
        read
    );
    // a name that is a declared one's prefix, or continues past it, is not taken for it
    for body in [
        r#"{"i":"x","idd":"y","id":"z"}"#,
        r#"{"statu":"x","statuss":"y"}"#,
    ] {
        check::<TeamsAsyncOperation>(body, body.as_bytes(), PartialEq::eq);
    }
}
