//! The derived `Deserialize` names the property path at the start of its error messages, for
//! every way of reading (issue #12): `serde_json::from_str`, `from_slice`, `from_value`,
//! `from_reader`, and our `from_slice` (whose `Error::Json` keeps the path apart and does not say
//! it twice). After the path, the message is serde_json's own text and position.

use odata_resource::{Annotations, ComplexType, Error, Resource};
use serde_json::Value;
use teams_model::{OperationError, TeamsAsyncOperation};

/// A collection page as a user writes one: `value` is read item by item, so an error names the
/// item's index.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "test.operationPage")]
struct OperationPage {
    #[odata(annotations)]
    annotations: Annotations,
    value: Vec<TeamsAsyncOperation>,
}

/// The same with a nullable collection.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "test.optionalPage")]
struct OptionalPage {
    value: Option<Vec<TeamsAsyncOperation>>,
}

/// Three levels: `a.b.c`.
#[derive(Resource, Debug, Clone, PartialEq, Default)]
#[odata(type = "test.outer")]
struct Outer {
    a: Option<Middle>,
    page: Option<OperationPage>,
}

#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "test.middle")]
struct Middle {
    b: Option<Inner>,
}

#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "test.inner")]
struct Inner {
    c: Option<i32>,
    errors: Option<Vec<OperationError>>,
}

/// One way of reading text into a type, giving the error's message and position.
type Reader<T> = fn(&str) -> Result<T, serde_json::Error>;

fn from_str<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_str(text)
}

fn from_slice<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_slice(text.as_bytes())
}

fn from_reader<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_reader(std::io::Cursor::new(text.as_bytes().to_vec()))
}

fn from_value<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_value(serde_json::from_str::<Value>(text).expect("valid JSON"))
}

/// A failing input and the message it gives: `path: serde_json's text`, then ` at line 1 column C`
/// with `C` as `from_str` and `from_slice` count it (`at`) and as `from_reader` counts it
/// (`reader_at`: serde_json's reader counts a number's or a key's next byte, which it has
/// already taken from the reader). `from_value` gives no position.
struct Case {
    input: &'static str,
    message: &'static str,
    at: usize,
    reader_at: usize,
}

const fn case(input: &'static str, message: &'static str, at: usize, reader_at: usize) -> Case {
    Case {
        input,
        message,
        at,
        reader_at,
    }
}

/// Read as a `TeamsAsyncOperation`.
const OPERATION_CASES: &[Case] = &[
    case(
        r#"{"attemptsCount":"13"}"#,
        r#"attemptsCount: invalid type: string "13", expected i32"#,
        21,
        21,
    ),
    case(
        r#"{"id":"a","error":{"code":5}}"#,
        "error.code: invalid type: integer `5`, expected a string",
        27,
        28,
    ),
    case(
        r#"{"attemptsCount":2147483648}"#,
        "attemptsCount: invalid value: integer `2147483648`, expected i32",
        27,
        28,
    ),
    // errors of our own get the path too (a `Value` cannot hold a duplicate: see `check`)
    case(
        r#"{"id":"a","id":"b"}"#,
        "id: duplicate property `id`",
        15,
        16,
    ),
    case(
        r#"{"error":{"code":"a","code":"b"}}"#,
        "error.code: duplicate property `code`",
        28,
        29,
    ),
    // a first `null` counts as an occurrence: the value is filled in place, and a bit per
    // property (not the field's `None`) says it was seen
    case(
        r#"{"id":null,"id":"b"}"#,
        "id: duplicate property `id`",
        16,
        17,
    ),
    case(
        r#"{"error":{"code":null,"code":"b"}}"#,
        "error.code: duplicate property `code`",
        29,
        30,
    ),
    case(
        r#"{"@odata.type":5}"#,
        "@odata.type: invalid type: integer `5`, expected a string",
        16,
        17,
    ),
    case(
        r#"{"error":{"@odata.type":[]}}"#,
        "error.@odata.type: invalid type: sequence, expected a string",
        24,
        25,
    ),
];

/// Read as an `Outer`: three levels, collections inside, and a missing property inside.
const NESTED_CASES: &[Case] = &[
    case(
        r#"{"a":{"b":{"c":"x"}}}"#,
        r#"a.b.c: invalid type: string "x", expected i32"#,
        18,
        18,
    ),
    case(
        r#"{"a":{"b":{"errors":[{},{"code":1}]}}}"#,
        "a.b.errors[1].code: invalid type: integer `1`, expected a string",
        33,
        34,
    ),
    case(
        r#"{"page":{"value":[{},{},{},{"status":1}]}}"#,
        "page.value[3].status: invalid type: integer `1`, expected a TeamsAsyncOperationStatus member name",
        38,
        39,
    ),
    // "missing property" belongs to the object: the object's path
    case(
        r#"{"page":{}}"#,
        "page: missing property `value`",
        10,
        10,
    ),
];

/// Read as an `OperationPage` (`value: Vec<TeamsAsyncOperation>`).
const PAGE_CASES: &[Case] = &[
    case(
        r#"{"value":[{},{},{},{"status":1}]}"#,
        "value[3].status: invalid type: integer `1`, expected a TeamsAsyncOperationStatus member name",
        30,
        31,
    ),
    case(
        r#"{"value":[{"id":"a"},{"error":{"message":false}}]}"#,
        "value[1].error.message: invalid type: boolean `false`, expected a string",
        46,
        46,
    ),
    case(
        r#"{"value":{}}"#,
        "value: invalid type: map, expected a sequence",
        9,
        10,
    ),
    case(
        r#"{"@odata.nextLink":"n"}"#,
        "missing property `value`",
        23,
        23,
    ),
];

/// Read as an `OptionalPage` (`value: Option<Vec<TeamsAsyncOperation>>`).
const OPTIONAL_PAGE_CASES: &[Case] = &[case(
    r#"{"value":[{},{},{},{"status":1}]}"#,
    "value[3].status: invalid type: integer `1`, expected a TeamsAsyncOperationStatus member name",
    30,
    31,
)];

/// Which position an entry point gives.
#[derive(Clone, Copy, PartialEq)]
enum Position {
    Text,
    Reader,
    None,
}

fn check<T: serde::de::DeserializeOwned + std::fmt::Debug>(
    read: Reader<T>,
    cases: &[Case],
    position: Position,
) {
    for case in cases {
        if position == Position::None && case.message.contains("duplicate") {
            continue;
        }
        let error = read(case.input).expect_err(case.input);
        let expected = match position {
            Position::Text => format!("{} at line 1 column {}", case.message, case.at),
            Position::Reader => format!("{} at line 1 column {}", case.message, case.reader_at),
            Position::None => case.message.to_owned(),
        };
        assert_eq!(error.to_string(), expected, "{}", case.input);
    }
}

macro_rules! entry_point_test {
    ($name:ident, $read:ident, $position:expr) => {
        #[test]
        fn $name() {
            check::<TeamsAsyncOperation>($read, OPERATION_CASES, $position);
            check::<Outer>($read, NESTED_CASES, $position);
            check::<OperationPage>($read, PAGE_CASES, $position);
            check::<OptionalPage>($read, OPTIONAL_PAGE_CASES, $position);
        }
    };
}

entry_point_test!(serde_json_from_str_names_the_path, from_str, Position::Text);
entry_point_test!(
    serde_json_from_slice_names_the_path,
    from_slice,
    Position::Text
);
entry_point_test!(
    serde_json_from_reader_names_the_path,
    from_reader,
    Position::Reader
);
entry_point_test!(
    serde_json_from_value_names_the_path,
    from_value,
    Position::None
);

/// After the path: serde_json's own text and position, as it reads the same input into plain
/// serde-derived structs (which name no path), by every text reader.
#[test]
fn after_the_path_the_message_and_position_are_serde_jsons() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct PlainOperation {
        #[serde(rename = "attemptsCount")]
        attempts_count: Option<i32>,
        error: Option<PlainError>,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct PlainError {
        #[serde(rename = "@odata.type")]
        odata_type: Option<String>,
        code: Option<String>,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct PlainPage {
        value: Vec<PlainOperation>,
    }
    fn compare<Ours, Plain>(read: (Reader<Ours>, Reader<Plain>), input: &str, path: &str)
    where
        Ours: std::fmt::Debug,
        Plain: std::fmt::Debug,
    {
        let plain = read.1(input).unwrap_err();
        let ours = read.0(input).unwrap_err();
        assert_eq!(ours.to_string(), format!("{path}: {plain}"), "{input}");
        assert_eq!(
            (ours.line(), ours.column()),
            (plain.line(), plain.column()),
            "{input}"
        );
    }
    let operation_cases = [
        (r#"{"attemptsCount":"13"}"#, "attemptsCount"),
        (r#"{"attemptsCount":-2147483649}"#, "attemptsCount"),
        ("{\n  \"error\": {\n    \"code\": 5\n  }\n}", "error.code"),
        (r#"{"error":{"code":"x"#, "error.code"),
        (r#"{"error":{"code":"\u12"}}"#, "error.code"),
        (r#"{"error":{"code":"x" "message":"y"}}"#, "error"),
    ];
    let page_cases = [
        (
            r#"{"value":[{},{},{},{"attemptsCount":"x"}]}"#,
            "value[3].attemptsCount",
        ),
        (
            "{\"value\":[{},\n{\"error\":{\"code\":[]}}]}",
            "value[1].error.code",
        ),
        (
            "{\"value\":[{},\n{\"error\":{\"@odata.type\":[1]}}]}",
            "value[1].error.@odata.type",
        ),
        (
            "{\"value\":[{\"error\":{\"@odata.type\":{}}}]}",
            "value[0].error.@odata.type",
        ),
    ];
    for (input, path) in operation_cases {
        compare::<TeamsAsyncOperation, PlainOperation>((from_str, from_str), input, path);
        compare::<TeamsAsyncOperation, PlainOperation>((from_slice, from_slice), input, path);
        compare::<TeamsAsyncOperation, PlainOperation>((from_reader, from_reader), input, path);
    }
    for (input, path) in page_cases {
        compare::<OperationPage, PlainPage>((from_str, from_str), input, path);
        compare::<OperationPage, PlainPage>((from_slice, from_slice), input, path);
        compare::<OperationPage, PlainPage>((from_reader, from_reader), input, path);
    }
}

/// A top-level `Vec<T>` is read by serde's own `Vec` impl, which does not say the index: the
/// message starts with the item's path. Our `from_slice` has the index from its second reading.
#[test]
fn a_top_level_vec_names_the_items_path_without_its_index() {
    let input = r#"[{},{"status":1}]"#;
    let error = serde_json::from_str::<Vec<TeamsAsyncOperation>>(input).unwrap_err();
    assert_eq!(
        error.to_string(),
        "status: invalid type: integer `1`, expected a TeamsAsyncOperationStatus member name at line 1 column 15"
    );
    match odata_resource::from_slice::<Vec<TeamsAsyncOperation>>(input.as_bytes()) {
        Err(Error::Json { path, message }) => {
            assert_eq!(path, "[1].status");
            assert_eq!(
                message,
                "invalid type: integer `1`, expected a TeamsAsyncOperationStatus member name at line 1 column 15"
            );
        }
        other => panic!("{other:?}"),
    }
}

/// Inside a value that serde's own impls read (a kept undeclared property, a `Value`), the
/// message names the property; our `from_slice` has the whole path from its second reading.
#[test]
fn inside_a_value_serde_reads_the_message_names_the_property() {
    let input = r#"{"id":"a","extra":{"list":[1,{"x":}]}}"#;
    let error = serde_json::from_str::<TeamsAsyncOperation>(input).unwrap_err();
    assert_eq!(
        error.to_string(),
        "extra: expected value at line 1 column 35"
    );
    match odata_resource::from_slice::<TeamsAsyncOperation>(input.as_bytes()) {
        Err(Error::Json { path, message }) => {
            assert_eq!(path, "extra.list[1].x");
            assert_eq!(message, "expected value at line 1 column 35");
        }
        other => panic!("{other:?}"),
    }
    // names are compared by whole steps, in any script
    let input = r#"{"名前":{"é":[1,]}}"#;
    match odata_resource::from_slice::<TeamsAsyncOperation>(input.as_bytes()) {
        Err(Error::Json { path, message }) => {
            assert_eq!(path, "名前.é");
            assert_eq!(message, "trailing comma at line 1 column 20");
        }
        other => panic!("{other:?}"),
    }
}

/// Our `from_slice`: the path in `path`, the message without it, `Display` saying it once.
#[test]
fn odata_resource_from_slice_keeps_the_path_apart() {
    for (input, path, message) in [
        (
            r#"{"attemptsCount":"13"}"#,
            "attemptsCount",
            r#"invalid type: string "13", expected i32 at line 1 column 21"#,
        ),
        (
            r#"{"id":"a","error":{"code":5}}"#,
            "error.code",
            "invalid type: integer `5`, expected a string at line 1 column 27",
        ),
        (
            r#"{"error":{"code":"a","code":"b"}}"#,
            "error.code",
            "duplicate property `code` at line 1 column 28",
        ),
        (
            r#"{"@odata.type":5}"#,
            "@odata.type",
            "invalid type: integer `5`, expected a string at line 1 column 16",
        ),
        (
            r#"{"error":{"@odata.type":[]}}"#,
            "error.@odata.type",
            "invalid type: sequence, expected a string at line 1 column 24",
        ),
    ] {
        match odata_resource::from_slice::<TeamsAsyncOperation>(input.as_bytes()) {
            Err(error @ Error::Json { .. }) => {
                let Error::Json {
                    path: p,
                    message: m,
                } = &error
                else {
                    unreachable!()
                };
                assert_eq!((p.as_str(), m.as_str()), (path, message), "{input}");
                assert_eq!(
                    error.to_string(),
                    format!("invalid JSON at `{path}`: {message}")
                );
            }
            other => panic!("{input}: {other:?}"),
        }
    }
    for (input, path, message) in [
        (
            r#"{"page":{"value":[{},{},{},{"status":1}]}}"#,
            "page.value[3].status",
            "invalid type: integer `1`, expected a TeamsAsyncOperationStatus member name at line 1 column 38",
        ),
        (
            r#"{"a":{"b":{"c":"x"}}}"#,
            "a.b.c",
            r#"invalid type: string "x", expected i32 at line 1 column 18"#,
        ),
        (
            r#"{"page":{}}"#,
            "page",
            "missing property `value` at line 1 column 10",
        ),
    ] {
        match odata_resource::from_slice::<Outer>(input.as_bytes()) {
            Err(Error::Json { path: p, message: m }) => {
                assert_eq!((p.as_str(), m.as_str()), (path, message), "{input}");
            }
            other => panic!("{input}: {other:?}"),
        }
    }
}

/// A successful read is unchanged: the collections read as serde reads a `Vec`.
#[test]
fn collections_read_as_before() {
    let page: OperationPage = serde_json::from_str(
        r#"{"@odata.nextLink":"n","value":[{"id":"a"},{"id":"b","error":{"code":"c"}}]}"#,
    )
    .unwrap();
    assert_eq!(
        page.annotations.get("@odata.nextLink"),
        Some(&Value::from("n"))
    );
    assert_eq!(page.value.len(), 2);
    assert_eq!(
        page.value[1].error.as_ref().unwrap().code.as_deref(),
        Some("c")
    );
    for (input, expected) in [
        (r#"{"value":null}"#, None),
        (r#"{}"#, None),
        (r#"{"value":[]}"#, Some(0)),
        (r#"{"value":[{},{}]}"#, Some(2)),
    ] {
        let page: OptionalPage = serde_json::from_str(input).unwrap();
        assert_eq!(page.value.map(|v| v.len()), expected, "{input}");
    }
}
