//! Helpers shared by the integration tests: where `../shared` is, and the seed page's examples.
#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::Value;

/// `../shared` beside the repository (CI lays it there too). Panics with a clear message when it
/// is missing, so no test passes silently without its data.
/// Found from the package's directory upwards, so members below the root (`models/graph-v1`)
/// find it too.
pub fn shared_dir() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let found = manifest
        .ancestors()
        .map(|dir| dir.join("../shared"))
        .find(|dir| dir.join("seed/update-operations.md").is_file());
    found.unwrap_or_else(|| {
        panic!(
            "the shared material is missing: expected ../shared beside the repository above {} (the seed page and corpus live there)",
            manifest.display()
        )
    })
}

/// The seed page's fenced `http` blocks after "### Request" and "### Response": (headers, body).
pub fn seed_example(heading: &str) -> (String, String) {
    let page = std::fs::read_to_string(shared_dir().join("seed/update-operations.md")).unwrap();
    let section = page
        .split(&format!("### {heading}\n"))
        .nth(1)
        .unwrap_or_else(|| panic!("no `### {heading}` in the seed page"));
    let block = section
        .split("``` http\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .unwrap_or_else(|| panic!("no http block under `### {heading}`"));
    let start = block.find("\n{").expect("a JSON body in the block") + 1;
    (block[..start].to_owned(), block[start..].to_owned())
}

/// The seed body as JSON with its `"String"` placeholders replaced by real members.
pub fn seed_json(heading: &str, operation_type: &str, status: &str) -> Value {
    let (_, body) = seed_example(heading);
    let mut json: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        json["operationType"], "String",
        "the seed's placeholder changed"
    );
    json["operationType"] = operation_type.into();
    json["status"] = status.into();
    json
}

/// Strips the `#` of every nested `@odata.type`, so `#microsoft.graph.x` and
/// `microsoft.graph.x` (the seed's spelling in nested values) compare equal.
pub fn without_nested_hash(mut value: Value) -> Value {
    fn walk(value: &mut Value, nested: bool) {
        match value {
            Value::Object(map) => {
                for (key, member) in map.iter_mut() {
                    if nested && key == "@odata.type" {
                        if let Some(text) = member.as_str() {
                            *member = text.trim_start_matches('#').into();
                        }
                    } else {
                        walk(member, true);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| walk(i, true)),
            _ => {}
        }
    }
    walk(&mut value, false);
    value
}

/// Whether `a` and `b` are the same JSON value, numbers compared by kind and bits (`Value`'s
/// `==` takes `0.0` for `-0.0`).
pub fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(a), Value::Number(b)) => {
            (a.as_u64(), a.as_i64()) == (b.as_u64(), b.as_i64())
                && a.is_f64() == b.is_f64()
                && a.as_f64().map(f64::to_bits) == b.as_f64().map(f64::to_bits)
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_json(a, b))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|((ka, va), (kb, vb))| ka == kb && same_json(va, vb))
        }
        _ => a == b,
    }
}
