//! The walk's path against serde_path_to_error's, which tracks the path while serde_json reads:
//! on hand-picked faults of every kind, and on random JSON, cut and mutated, read into types
//! that refuse much of it (numbers, maps, serde-derived structs, tuples, unknown names).

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::path_at;
use crate::test_rng::XorShift;

/// serde_path_to_error's path of the error serde_json meets reading `body` as `T` (steps joined
/// as `from_slice` joins them, a name that was not read left out), and the walk's; `None` when
/// serde_json reads it.
fn both<T: DeserializeOwned>(body: &[u8]) -> Option<(String, String)> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let tracked = match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        // after the value: the top level's (as `from_slice` has it)
        Ok(_) => {
            return deserializer
                .end()
                .err()
                .map(|e| (String::new(), path_at(body, &e, None)))
        }
        Err(tracked) => tracked,
    };
    let mut expected = String::new();
    for segment in tracked.path() {
        use serde_path_to_error::Segment;
        match segment {
            Segment::Seq { index } => expected.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !expected.is_empty() {
                    expected.push('.');
                }
                expected.push_str(key);
            }
            Segment::Unknown => {}
        }
    }
    let error = tracked.into_inner();
    Some((expected, path_at(body, &error, None)))
}

#[track_caller]
fn same<T: DeserializeOwned>(body: &str, path: &str) {
    let (expected, walked) = both::<T>(body.as_bytes()).expect(body);
    assert_eq!(expected, path, "serde_path_to_error's path for {body}");
    assert_eq!(walked, path, "the walk's path for {body}");
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Item {
    id: Option<String>,
    count: Option<i32>,
    tags: Option<Vec<String>>,
    inner: Option<Box<Item>>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Strict {
    id: String,
    items: Vec<Item>,
}

#[test]
fn faults_of_the_grammar_belong_where_serde_path_to_error_puts_them() {
    // between members and items: the object or array around them
    same::<Value>(r#"{"a":1 "b":2}"#, "");
    same::<Value>(r#"{"a":{"b":1 "c":2}}"#, "a");
    same::<Value>(r#"{"a":[1 2]}"#, "a");
    same::<Value>(r#"{"a":[1,]}"#, "a");
    same::<Value>(r#"{"a":[1,"#, "a");
    same::<Value>(r#"{"a":["#, "a");
    same::<Value>(r#"{"a":{"#, "a");
    same::<Value>(r#"{"a":{,}}"#, "a");
    same::<Value>(r#"{"a":{"b",}}"#, "a");
    same::<Value>(r#"{"a":{"b":1,}}"#, "a");
    same::<Value>(r#"{"a":{"b":1"#, "a");
    same::<Value>(r#"{"a":{"b"#, "a");
    same::<Value>(r#"{"a":{"b\q":1}}"#, "a");
    same::<Value>("[", "");
    same::<Value>("", "");
    same::<Value>("  ", "");
    // in a value: the value
    same::<Value>(r#"{"a":{"b":}}"#, "a.b");
    same::<Value>(r#"{"a":{"b":tru}}"#, "a.b");
    same::<Value>(r#"{"a":{"b":nul"#, "a.b");
    same::<Value>(r#"{"a":{"b":"x"#, "a.b");
    same::<Value>(r#"{"a":{"b":"x\q"}}"#, "a.b");
    same::<Value>(r#"{"a":{"b":"x\u12"}}"#, "a.b");
    same::<Value>("{\"a\":{\"b\":\"x\u{1}\"}}", "a.b");
    same::<Value>(r#"{"a":[1,2,-]}"#, "a[2]");
    same::<Value>(r#"{"a":[1,2,01]}"#, "a[2]");
    same::<Value>(r#"{"a":[1,2,1.]}"#, "a[2]");
    same::<Value>(r#"{"a":[1,2,1e+]}"#, "a[2]");
    same::<Value>(r#"{"a":[1,2,x]}"#, "a[2]");
    same::<Value>(r#"{"a":[[],[[]],[x]]}"#, "a[2][0]");
    same::<Value>(r#"{"a":"#, "a");
    same::<Value>("{\"a\":\n  [\n    1,\n    2 3]}", "a");
    same::<Value>(r#"{"a\"b":{"c":x}}"#, "a\"b.c");
    same::<Value>(r#"{"a":1e400}"#, "a");
    // nesting one level beyond serde_json's limit: the value that goes too deep
    let deep = format!("{{\"a\":{}{}}}", "[".repeat(200), "]".repeat(200));
    same::<Value>(&deep, &format!("a{}", "[0]".repeat(126)));
    let deep = format!("[{{\"b\":{}{}}}]", "[".repeat(200), "]".repeat(200));
    same::<Value>(&deep, &format!("[0].b{}", "[0]".repeat(125)));
}

#[test]
fn a_value_refused_by_its_visitor_is_named() {
    same::<BTreeMap<String, i32>>(r#"{"a":1,"b":"x"}"#, "b");
    same::<BTreeMap<String, i32>>(r#"{"a":1,"b":{"c":1}}"#, "b");
    same::<BTreeMap<String, i32>>(r#"{"a":1,"b":[1]}"#, "b");
    same::<BTreeMap<String, i32>>(r#"{"a":1,"b":  [1]}"#, "b");
    same::<BTreeMap<String, i32>>(r#"{"a":1,"b":2147483648}"#, "b");
    same::<BTreeMap<String, i32>>(r#"{"a":1,"b":null}"#, "b");
    same::<BTreeMap<String, i32>>(r#"{"a":1,"b":true}"#, "b");
    same::<BTreeMap<String, i32>>(r#"[1]"#, "");
    same::<Vec<i32>>(r#"[1, 2147483648]"#, "[1]");
    same::<Vec<i32>>(r#"[1, "x"]"#, "[1]");
    same::<Vec<Vec<i32>>>(r#"[[1], [2, {}]]"#, "[1][1]");
    same::<Strict>(r#"{"id":"a","items":[{},{"count":"3"}]}"#, "items[1].count");
    same::<Strict>(
        r#"{"id":"a","items":[{},{"inner":{"tags":[1]}}]}"#,
        "items[1].inner.tags[0]",
    );
    // a missing field: the object
    same::<Strict>(r#"{"items":[]}"#, "");
    same::<Vec<Strict>>(r#"[{"id":"a","items":[]},{"items":[]}]"#, "[1]");
    // an unknown name: the name, which was read
    same::<Strict>(r#"{"id":"a","other":1}"#, "other");
    same::<Strict>("{\"id\":\"a\",\n \"other\" : 1}", "other");
    same::<Strict>(r#"{"id":"a","other"}"#, "other");
    same::<Strict>(r#"{"id":"a","other" ,"#, "other");
    // a name given twice: the object
    same::<Vec<Strict>>(r#"[{"id":"a","id":"b"}]"#, "[0]");
    same::<BTreeMap<u8, i32>>(r#"{"1":1,"x":2}"#, "");
    // a tuple of the wrong length
    same::<Vec<(i32, String)>>(r#"[[1,"a"],[2]]"#, "[1]");
    same::<Option<Vec<(i32, String)>>>(r#"[[1,"a"],[2,"b",3]]"#, "[1]");
    same::<Option<Vec<(i32, String)>>>(r#"[[1,"a"],[2,"b" , {"c":[]}]]"#, "[1]");
    same::<(i32, String)>(r#"[1,"a"] 2"#, "");
}

/// Reads text only, through `deserialize_any`: an array or object is refused by the visitor,
/// after serde_json took its opening bracket.
#[derive(Debug)]
struct OnlyText;

impl<'de> Deserialize<'de> for OnlyText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = OnlyText;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("text")
            }
            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<OnlyText, E> {
                Ok(OnlyText)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[test]
fn an_array_or_object_refused_whole_is_named() {
    same::<BTreeMap<String, OnlyText>>(r#"{"a":"x","b":[1]}"#, "b");
    same::<BTreeMap<String, OnlyText>>(r#"{"a":"x","b":[ "y", 2]}"#, "b");
    same::<BTreeMap<String, OnlyText>>(r#"{"a":"x","b":[]}"#, "b");
    same::<BTreeMap<String, OnlyText>>(r#"{"a":"x","b":{"c":1}}"#, "b");
    same::<BTreeMap<String, OnlyText>>(r#"{"a":"x","b":{}}"#, "b");
    same::<Vec<OnlyText>>(r#"["x",[1]]"#, "[1]");
    same::<Vec<OnlyText>>(r#"["x",{"c":[1]}]"#, "[1]");
    // refused at a glance (an array where a string is due): the value itself
    same::<BTreeMap<String, String>>(r#"{"a":"x","b":[1]}"#, "b");
    same::<Vec<String>>(r#"[[1]]"#, "[0]");
    same::<Vec<String>>(r#"[{"a":1}]"#, "[0]");
}

/// The one place the position cannot tell: an array whose first item is an array or object,
/// refused whole by its visitor, is placed where that item would be refused at a glance. The
/// walk names the item.
#[test]
fn an_array_refused_whole_whose_first_item_is_a_container_names_the_item() {
    let (tracked, walked) = both::<BTreeMap<String, OnlyText>>(br#"{"b":[[1]]}"#).unwrap();
    assert_eq!((tracked.as_str(), walked.as_str()), ("b", "b[0]"));
}

/// serde_path_to_error cannot see inside a value a type skips (an undeclared member); the walk
/// goes on to the fault itself.
#[test]
fn a_fault_inside_a_skipped_value_is_named_where_it_is() {
    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Open {
        id: Option<String>,
    }
    let body = br#"{"id":"a","extra":{"b":[1,2,x]}}"#;
    let (tracked, walked) = both::<Open>(body).unwrap();
    assert_eq!(tracked, "extra");
    assert_eq!(walked, "extra.b[2]");
}

/// Random JSON: the walk's path is serde_path_to_error's for every body serde_json refuses.
#[test]
fn random_bodies_cut_and_mutated_are_located_as_serde_path_to_error_locates_them() {
    let mut rng = XorShift(0x5eed_1234_abcd_0001);
    let mut checked = 0;
    for _ in 0..10_000 {
        let mut body = Vec::new();
        value(&mut rng, &mut body, 0);
        mutate(&mut rng, &mut body);
        for (name, answer) in [
            ("Value", both::<Value>(&body)),
            ("map", both::<BTreeMap<String, Value>>(&body)),
            ("Vec", both::<Vec<Value>>(&body)),
            ("map of Vec<i64>", both::<BTreeMap<String, Vec<i64>>>(&body)),
            (
                "map of maps",
                both::<BTreeMap<String, BTreeMap<String, String>>>(&body),
            ),
            ("Strict", both::<Strict>(&body)),
            ("Vec<Item>", both::<Vec<Item>>(&body)),
            ("Item", both::<Item>(&body)),
        ] {
            if let Some((expected, walked)) = answer {
                checked += 1;
                let text = String::from_utf8_lossy(&body);
                assert_eq!(walked, expected, "{name}: {text}");
            }
        }
    }
    // most bodies are refused by most types
    assert!(checked > 50_000, "{checked}");
}

fn value(rng: &mut XorShift, out: &mut Vec<u8>, depth: usize) {
    const NAMES: &[&str] = &[
        "id", "count", "tags", "inner", "items", "a", "b\\\"c", "other",
    ];
    const SCALARS: &[&str] = &[
        "1",
        "-2",
        "0",
        "3.5",
        "1e3",
        "2147483648",
        "true",
        "false",
        "null",
        "\"x\"",
        "\"\"",
        "\"a\\u00e9b\"",
        "\"\\n\"",
    ];
    let kind = if depth > 4 { 2 } else { rng.below(5) };
    let ws = |rng: &mut XorShift, out: &mut Vec<u8>| {
        if rng.below(6) == 0 {
            out.extend_from_slice([" ", "\n  ", "\t"][rng.below(3)].as_bytes());
        }
    };
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
                ws(rng, out);
                value(rng, out, depth + 1);
            }
            ws(rng, out);
            out.push(b'}');
        }
        3 => {
            out.push(b'[');
            for i in 0..rng.below(4) {
                if i > 0 {
                    out.push(b',');
                }
                ws(rng, out);
                value(rng, out, depth + 1);
            }
            out.push(b']');
        }
        _ => out.extend_from_slice(SCALARS[rng.below(SCALARS.len())].as_bytes()),
    }
}

/// Leaves the body as it is, or cuts it, or replaces, inserts or removes a byte.
fn mutate(rng: &mut XorShift, body: &mut Vec<u8>) {
    const BYTES: &[u8] = b"{}[],:\"\\ 0-.eExtn\x01\xff";
    if body.is_empty() {
        return;
    }
    let at = rng.below(body.len());
    match rng.below(5) {
        0 => {}
        1 => body.truncate(at),
        2 => body[at] = BYTES[rng.below(BYTES.len())],
        3 => body.insert(at, BYTES[rng.below(BYTES.len())]),
        _ => {
            body.remove(at);
        }
    }
}
