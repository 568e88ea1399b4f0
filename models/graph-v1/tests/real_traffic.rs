//! Recorded tenant traffic (`../shared/corpus/real-world/pnpcore-graph/cases.jsonl`: values from
//! real Graph v1.0 responses, recorded by the PnP Core SDK's tests, each with the CSDL type it
//! was read as) read into the generated model and written back.
//!
//! Every case must read, and its value written back through `Serialize` must equal what was
//! received, except for differences of representation that the model decides on purpose (each
//! counted and printed):
//! - a member received as `null` is written back absent: the model holds both as `None`, and a
//!   `None` is never written (the merge rule for PATCH bodies, issue #12);
//! - numbers compare as numbers: `1` received for an `Edm.Double` is written `1.0`;
//! - an `Edm.Int64` received as a string (`IEEE754Compatible=true`) is written as a number;
//! - a value received without `@odata.type` is written with its declared type's (a type with an
//!   annotations field vouches for the type it was read as: without `@odata.type` a value is
//!   of the declared type, OData JSON §4.5.3); a received `@odata.type` is written back as
//!   received, and that is compared.
//!
//! Anything else is a failure, grouped by cause in the output.

use std::collections::BTreeMap;

use graph_v1::microsoft::graph;
use odata_resource::serde::de::DeserializeOwned;
use odata_resource::serde::Serialize;
use odata_resource::Value;

/// What the comparison forgave in one case.
#[derive(Default)]
struct Forgiven {
    nulls: usize,
    numbers: usize,
    int64_strings: usize,
    declared_types: usize,
}

fn read_write<T: DeserializeOwned + Serialize>(json: &str) -> Result<Value, String> {
    let value: T = odata_resource::from_slice(json.as_bytes()).map_err(|e| format!("read: {e}"))?;
    serde_json::to_value(&value).map_err(|e| format!("write: {e}"))
}

/// Reads `json` as the Rust type of `csdl_type` and writes it back.
fn round_trip(csdl_type: &str, json: &str) -> Result<Value, String> {
    macro_rules! types {
        ($($name:literal => $ty:ty,)*) => {
            match csdl_type {
                $($name => read_write::<$ty>(json),)*
                other => Err(format!("no Rust type listed for `{other}` in this test")),
            }
        };
    }
    types! {
        "microsoft.graph.application" => graph::Application,
        "microsoft.graph.channel" => graph::Channel,
        "microsoft.graph.chat" => graph::Chat,
        "microsoft.graph.chatMessage" => graph::ChatMessage,
        "microsoft.graph.columnDefinition" => graph::ColumnDefinition,
        "microsoft.graph.contentType" => graph::ContentType,
        "microsoft.graph.directoryRole" => graph::DirectoryRole,
        "microsoft.graph.driveItem" => graph::DriveItem,
        "microsoft.graph.event" => graph::Event,
        "microsoft.graph.group" => graph::Group,
        "microsoft.graph.itemActivityStat" => graph::ItemActivityStat,
        "microsoft.graph.itemPreviewInfo" => graph::ItemPreviewInfo,
        "microsoft.graph.list" => graph::List,
        "microsoft.graph.listItem" => graph::ListItem,
        "microsoft.graph.searchResponse" => graph::SearchResponse,
        "microsoft.graph.servicePrincipal" => graph::ServicePrincipal,
        "microsoft.graph.site" => graph::Site,
        "microsoft.graph.team" => graph::Team,
        "microsoft.graph.teamsAsyncOperation" => graph::TeamsAsyncOperation,
        "microsoft.graph.teamsTab" => graph::TeamsTab,
        "microsoft.graph.termStore.group" => graph::term_store::Group,
        "microsoft.graph.termStore.set" => graph::term_store::Set,
        "microsoft.graph.termStore.store" => graph::term_store::Store,
        "microsoft.graph.termStore.term" => graph::term_store::Term,
        "microsoft.graph.thumbnailSet" => graph::ThumbnailSet,
        "microsoft.graph.user" => graph::User,
    }
}

/// Compares what was received with what was written; the first difference that is not
/// forgiven, with its path.
fn compare(
    path: &str,
    received: &Value,
    written: &Value,
    forgiven: &mut Forgiven,
) -> Result<(), String> {
    match (received, written) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                let at = format!("{path}/{key}");
                match b.get(key) {
                    Some(other) => compare(&at, value, other, forgiven)?,
                    None if value.is_null() => forgiven.nulls += 1,
                    None => return Err(format!("lost {at}")),
                }
            }
            for (key, value) in b {
                if a.contains_key(key) {
                    continue;
                }
                match value.as_str() {
                    Some(name) if key == "@odata.type" && name.starts_with('#') => {
                        forgiven.declared_types += 1;
                    }
                    _ => return Err(format!("added {path}/{key}")),
                }
            }
            Ok(())
        }
        (Value::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Err(format!(
                    "{path}: {} items received, {} written",
                    a.len(),
                    b.len()
                ));
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                compare(&format!("{path}[{i}]"), x, y, forgiven)?;
            }
            Ok(())
        }
        (Value::Number(a), Value::Number(b)) if a != b => {
            if a.as_f64() == b.as_f64() {
                forgiven.numbers += 1;
                Ok(())
            } else {
                Err(format!("{path}: number {a} written as {b}"))
            }
        }
        (Value::String(s), Value::Number(n))
            if n.is_i64() && s.parse::<i64>().ok() == n.as_i64() =>
        {
            forgiven.int64_strings += 1;
            Ok(())
        }
        (a, b) if a == b => Ok(()),
        (a, b) => Err(format!("{path}: {a} written as {b}")),
    }
}

/// `read: attemptsCount: invalid type …` → its cause without the case's own values.
fn cause(failure: &str) -> String {
    let mut cause: String = failure
        .split(" at line ")
        .next()
        .unwrap_or(failure)
        .to_owned();
    if let Some(quote) = cause.find('"') {
        cause.truncate(quote);
    }
    // numbered paths group together
    let mut out = String::with_capacity(cause.len());
    let mut in_index = false;
    for c in cause.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[…]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn recorded_tenant_values_read_and_write_back_unchanged() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/real-world/pnpcore-graph/cases.jsonl"
    );
    let text = std::fs::read_to_string(path).expect("the corpus beside the repository");
    let mut total = 0;
    let mut passed = 0;
    let mut failures: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut forgiven = Forgiven::default();
    let mut per_type: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("a case is JSON");
        let csdl_type = case["type"].as_str().expect("type");
        let json = case["json"].as_str().expect("json");
        let src = case["src"].as_str().unwrap_or("?");
        total += 1;
        let counts = per_type.entry(csdl_type.to_owned()).or_default();
        counts.0 += 1;
        let received: Value = serde_json::from_str(json).expect("the value is JSON");
        let outcome = round_trip(csdl_type, json)
            .and_then(|written| compare("", &received, &written, &mut forgiven));
        match outcome {
            Ok(()) => {
                passed += 1;
                counts.1 += 1;
            }
            Err(failure) => failures
                .entry(format!("{csdl_type}: {}", cause(&failure)))
                .or_default()
                .push(format!("{src}: {failure}")),
        }
    }
    println!(
        "real traffic: {passed} of {total} recorded values round-trip ({:.2}%)",
        100.0 * passed as f64 / total as f64
    );
    for (ty, (n, ok)) in &per_type {
        println!("  {ty}: {ok}/{n}");
    }
    println!(
        "forgiven: {} null members written absent, {} numbers in another notation, {} Int64 strings written as numbers, {} declared @odata.type written",
        forgiven.nulls, forgiven.numbers, forgiven.int64_strings, forgiven.declared_types
    );
    for (cause, cases) in &failures {
        println!("FAILED ({}) {cause}", cases.len());
        for case in cases.iter().take(3) {
            println!("    {case}");
        }
    }
    assert!(total >= 3_900, "the corpus holds 3,970 cases; read {total}");
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed (see above)",
        total - passed
    );
}
