//! Real data: every teamsAsyncOperation payload of `../shared/corpus` that is not a doc-stub
//! placeholder parses, and serializes back with every property identical.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;
use teams_model::TeamsAsyncOperation;

/// Directories of auto-generated doc stubs: placeholders such as `"String"`, not payloads.
const STUB_DIRS: &[&str] = &["doc-stubs", "docstubs", "docstubs-beta", "docstubs-v1.0"];

/// Files the corpus README flags as placeholders or as not JSON.
fn flagged(corpus: &Path) -> BTreeSet<String> {
    let readme = std::fs::read_to_string(corpus.join("README.md")).unwrap();
    readme
        .lines()
        .filter(|l| l.contains("type-placeholder values") || l.contains("**invalid JSON**"))
        .filter_map(|l| l.split('|').nth(1).map(|f| f.trim().to_owned()))
        .collect()
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

/// teamsAsyncOperation objects in a payload: the object itself, a collection's `value` items,
/// or a recording's `Response` string.
fn operations(value: &Value, out: &mut Vec<Value>) {
    match value {
        Value::Object(map) => {
            let typed_other = map
                .get("@odata.type")
                .and_then(Value::as_str)
                .is_some_and(|t| !t.ends_with("teamsAsyncOperation"));
            if map.contains_key("operationType")
                && map.contains_key("attemptsCount")
                && !typed_other
            {
                out.push(value.clone());
            }
            if let Some(Value::Array(items)) = map.get("value") {
                items.iter().for_each(|item| operations(item, out));
            }
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
fn every_real_payload_round_trips() {
    let corpus = crate::common::shared_dir().join("corpus");
    let flagged = flagged(&corpus);
    let mut files = Vec::new();
    json_files(&corpus, &mut files);
    files.sort();
    let mut checked = 0;
    let mut with_additional = 0;
    for file in files {
        let relative = file
            .strip_prefix(&corpus)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if flagged.contains(&relative)
            || STUB_DIRS
                .iter()
                .any(|d| relative.starts_with(&format!("graph-docs/{d}/")))
        {
            continue;
        }
        let Ok(payload) = serde_json::from_slice::<Value>(&std::fs::read(&file).unwrap()) else {
            continue;
        };
        let mut found = Vec::new();
        operations(&payload, &mut found);
        for input in found {
            let bytes = serde_json::to_vec(&input).unwrap();
            let parsed: TeamsAsyncOperation =
                odata_resource::from_slice(&bytes).unwrap_or_else(|e| panic!("{relative}: {e}"));
            let output = serde_json::to_value(&parsed).unwrap();
            let (Value::Object(input), Value::Object(output)) = (&input, &output) else {
                unreachable!()
            };
            for (key, value) in input {
                match output.get(key) {
                    Some(written) => assert_eq!(written, value, "{relative}: `{key}` changed"),
                    // `null` and absent both read as `None`, which is written as absent
                    None => assert!(value.is_null(), "{relative}: `{key}` went missing"),
                }
            }
            for key in output.keys() {
                // what a resource with annotations adds: its type, never a `null` it did not get
                assert!(
                    key == "@odata.type" || input.contains_key(key),
                    "{relative}: added `{key}`"
                );
            }
            let mut reparsed: TeamsAsyncOperation =
                odata_resource::from_slice(&serde_json::to_vec(&output).unwrap()).unwrap();
            // reading it back receives the @odata.type that writing added
            assert_eq!(
                reparsed.annotations.type_name(),
                Some(
                    parsed
                        .annotations
                        .type_name()
                        .unwrap_or("microsoft.graph.teamsAsyncOperation")
                )
            );
            reparsed.annotations = parsed.annotations.clone();
            assert_eq!(reparsed, parsed, "{relative}");
            with_additional += usize::from(!parsed.additional.is_empty());
            checked += 1;
        }
    }
    println!("{checked} teamsAsyncOperation payloads round-tripped ({with_additional} with undeclared properties)");
    assert!(
        checked >= 30,
        "only {checked} payloads found: is the corpus complete?"
    );
    assert!(
        with_additional >= 10,
        "the undeclared `Value`/`values` payloads went missing"
    );
}

/// A `$select` response holds only what was asked for: an absent property is "not requested",
/// not `null`. Written back (to a cache, a queue), it must not claim `null` for the rest.
#[test]
fn a_projected_response_is_written_back_without_invented_nulls() {
    let received = serde_json::json!({
        "@odata.context": "https://graph.microsoft.com/beta/$metadata#teams('t')/operations(status,attemptsCount)/$entity",
        "status": "succeeded",
        "attemptsCount": 3
    });
    let operation: TeamsAsyncOperation =
        odata_resource::from_slice(&serde_json::to_vec(&received).unwrap()).unwrap();
    let mut expected = received;
    expected["@odata.type"] = "#microsoft.graph.teamsAsyncOperation".into();
    assert_eq!(serde_json::to_value(&operation).unwrap(), expected);
}
