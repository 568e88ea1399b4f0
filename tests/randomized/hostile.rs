//! The catalogue of broken and hostile payloads (issue #6). Every case is one line of a table:
//! a name, the input, and the exact outcome: a typed error naming the property path
//! ([`Error::Json`] with its `path` and a fragment of its message), or a documented lenient value
//! that the case asserts. None may panic: each case runs under `catch_unwind`, and all mismatches
//! are reported together, by name.
//!
//! Policies the catalogue pins down:
//! - a declared property twice, or an undeclared property twice in a type that keeps them
//!   (`#[odata(additional)]`), is the error "duplicate property `x`" with the path of the second
//!   occurrence; a type that skips undeclared properties skips their duplicates too;
//! - an annotation twice: the last one wins (`@odata.type` and `@type` are one annotation);
//! - a leading UTF-8 byte-order mark before the body is skipped (RFC 8259 §8.1); one inside a
//!   date string is an error;
//! - an enum text that names no member (`"CloneTeam"`, `""`) is kept by the `other` variant;
//! - lower-case `t` and `z` in a date are read and written back upper case; year `0000` is valid;
//! - `-0`, `1.0` and `1e2` are not Int32 values (serde_json reads them as floating point).
//!
//! ODataError bodies go through [`ODataError::from_body`], which never fails, and through
//! `parse_response` with an error status, which must give the same [`ODataError`].

use std::fmt::Debug;
use std::panic::{catch_unwind, AssertUnwindSafe};

use odata_resource::{
    from_slice, http, DateTimeOffset, Error, ODataError, PatchRequest, RetryAfter,
};
use serde_json::{json, Value};
use teams_model::{
    OperationError, TeamsAsyncOperation, TeamsAsyncOperationStatus, TeamsAsyncOperationType,
};

// ---------------------------------------------------------------------------------------------
// The table's vocabulary

/// A case's input: literal text, or bytes made by a function (large or non-UTF-8 inputs).
enum Input {
    Text(&'static str),
    Made(fn() -> Vec<u8>),
}

use Input::{Made, Text};

impl Input {
    fn bytes(&self) -> Vec<u8> {
        match self {
            Text(text) => text.as_bytes().to_vec(),
            Made(make) => make(),
        }
    }
}

/// What reading a case must give.
enum Expect<T> {
    /// `Error::Json` with exactly this path and a message containing the fragment.
    Fails {
        path: String,
        fragment: &'static str,
    },
    /// A lenient read; the function asserts the exact value.
    Reads(fn(&T)),
}

fn fails<T>(path: impl Into<String>, fragment: &'static str) -> Expect<T> {
    Expect::Fails {
        path: path.into(),
        fragment,
    }
}

fn reads<T>(check: fn(&T)) -> Expect<T> {
    Expect::Reads(check)
}

type Case<T> = (&'static str, Input, Expect<T>);

/// Runs every case through `read` (under `catch_unwind`), and for lenient reads checks that
/// writing the value and reading it again is a fixed point (`write(read(write(v))) == write(v)`).
/// Returns one line per mismatch.
fn run<T: Debug>(
    cases: &[Case<T>],
    read: &dyn Fn(&[u8]) -> Result<T, Error>,
    write: fn(&T) -> Vec<u8>,
) -> Vec<String> {
    let mut failures = Vec::new();
    for (name, input, expect) in cases {
        let bytes = input.bytes();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let result = read(&bytes);
            match (expect, &result) {
                (Expect::Fails { path, fragment }, Err(Error::Json { path: p, message })) => {
                    if p != path || !message.contains(fragment) {
                        return Err(format!(
                            "expected path `{path}` and `{fragment}`, got path `{p}`: {message}"
                        ));
                    }
                    Ok(())
                }
                (Expect::Reads(check), Ok(value)) => {
                    check(value);
                    let written = write(value);
                    let again = read(&written)
                        .map_err(|e| format!("its own output does not read back: {e}"))?;
                    if write(&again) != written {
                        return Err("writing, reading and writing again differs".to_owned());
                    }
                    Ok(())
                }
                (_, other) => Err(format!("unexpected outcome {:.300}", format!("{other:?}"))),
            }
        }));
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(why)) => failures.push(format!("{name}: {why}")),
            Err(panic) => failures.push(format!("{name}: PANICKED {}", panic_text(&*panic))),
        }
    }
    failures
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default()
}

fn assert_none_failed(kind: &str, total: usize, failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} of {total} {kind} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// Generated inputs

const MB: usize = 1 << 20;

fn mb_string() -> String {
    "x".repeat(MB)
}

/// `{"<member>":` + 200 `[` + 200 `]` + `}`: deeper than serde_json's recursion limit (128).
fn nested(member: &str, depth: usize) -> Vec<u8> {
    let mut out = format!("{{\"{member}\":").into_bytes();
    out.extend(std::iter::repeat_n(b'[', depth));
    out.extend(std::iter::repeat_n(b']', depth));
    out.push(b'}');
    out
}

/// The path where serde_json's recursion limit (128) stops the reading, below `member`.
fn nested_path(member: &str) -> String {
    format!("{member}{}", "[0]".repeat(126))
}

fn with_bom(text: &str) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    out.extend_from_slice(text.as_bytes());
    out
}

fn date(text: &str) -> DateTimeOffset {
    text.parse().unwrap()
}

// ---------------------------------------------------------------------------------------------
// TeamsAsyncOperation

use TeamsAsyncOperationType as OpType;

#[rustfmt::skip]
fn operation_cases() -> Vec<Case<TeamsAsyncOperation>> {
    vec![
        // structure
        ("empty body", Text(""), fails("", "EOF while parsing a value")),
        ("whitespace only", Text(" \n\t "), fails("", "EOF while parsing a value")),
        ("truncated after a member", Text(r#"{"id":"a""#), fails("", "EOF while parsing an object")),
        ("truncated after a colon", Text(r#"{"id":"#), fails("id", "EOF while parsing a value")),
        ("truncated inside a string", Text(r#"{"id":"ab"#), fails("id", "EOF while parsing a string")),
        ("truncated inside a nested object", Text(r#"{"error":{"code":"c""#), fails("error", "EOF while parsing an object")),
        ("truncated inside a name", Text(r#"{"attem"#), fails("", "EOF while parsing a string")),
        ("trailing garbage", Text(r#"{"id":"a"} x"#), fails("", "trailing characters")),
        ("two objects", Text(r#"{"id":"a"}{"id":"b"}"#), fails("", "trailing characters")),
        ("trailing comma", Text(r#"{"id":"a",}"#), fails("", "trailing comma")),
        ("single quotes", Text("{'id':'a'}"), fails("", "key must be a string")),
        ("a name that is not a string", Text(r#"{1:"a"}"#), fails("", "key must be a string")),
        ("top-level null", Text("null"), fails("", "invalid type: null, expected a microsoft.graph.teamsAsyncOperation object")),
        ("top-level array", Text(r#"[{"id":"a"}]"#), fails("", "invalid type: sequence, expected a microsoft.graph.teamsAsyncOperation object")),
        ("top-level string", Text(r#""id""#), fails("", "invalid type: string")),
        ("top-level number", Text("5"), fails("", "invalid type: integer `5`")),
        ("surrounding whitespace", Text(" \r\n{\"id\":\"a\"}\n "), reads(|op| assert_eq!(op.id.as_deref(), Some("a")))),
        ("byte-order mark before the body", Made(|| with_bom(r#"{"id":"a"}"#)), reads(|op| assert_eq!(op.id.as_deref(), Some("a")))),
        ("byte-order mark inside the body", Made(|| b"{\xEF\xBB\xBF\"id\":\"a\"}".to_vec()), fails("", "key must be a string")),
        // each property with the wrong JSON type
        ("id as a number", Text(r#"{"id":1}"#), fails("id", "invalid type: integer `1`, expected a string")),
        ("id as a boolean", Text(r#"{"id":true}"#), fails("id", "invalid type: boolean `true`, expected a string")),
        ("id as an object", Text(r#"{"id":{"a":1}}"#), fails("id", "invalid type: map, expected a string")),
        ("operationType as a number", Text(r#"{"operationType":1}"#), fails("operationType", "expected a TeamsAsyncOperationType member name")),
        ("operationType as an array", Text(r#"{"operationType":["cloneTeam"]}"#), fails("operationType", "invalid type: sequence")),
        ("status as a boolean", Text(r#"{"status":false}"#), fails("status", "expected a TeamsAsyncOperationStatus member name")),
        ("createdDateTime as a number", Text(r#"{"createdDateTime":1622150621}"#), fails("createdDateTime", "expected an Edm.DateTimeOffset string")),
        ("lastActionDateTime as an object", Text(r#"{"lastActionDateTime":{}}"#), fails("lastActionDateTime", "invalid type: map")),
        ("attemptsCount as a string", Text(r#"{"attemptsCount":"13"}"#), fails("attemptsCount", "invalid type: string \"13\", expected i32")),
        ("attemptsCount as a boolean", Text(r#"{"attemptsCount":true}"#), fails("attemptsCount", "invalid type: boolean `true`, expected i32")),
        ("targetResourceId as an array", Text(r#"{"targetResourceId":[]}"#), fails("targetResourceId", "invalid type: sequence, expected a string")),
        ("targetResourceLocation as a number", Text(r#"{"targetResourceLocation":0}"#), fails("targetResourceLocation", "invalid type: integer `0`, expected a string")),
        ("error as a string", Text(r#"{"error":"TeamUnavailable"}"#), fails("error", "expected a microsoft.graph.operationError object")),
        ("error as an array", Text(r#"{"error":[]}"#), fails("error", "invalid type: sequence, expected a microsoft.graph.operationError object")),
        ("error.code as a number", Text(r#"{"error":{"code":5}}"#), fails("error.code", "invalid type: integer `5`, expected a string")),
        ("error.message as an object", Text(r#"{"error":{"message":{}}}"#), fails("error.message", "invalid type: map, expected a string")),
        // nulls everywhere
        ("every property null", Text(r#"{"id":null,"operationType":null,"createdDateTime":null,"status":null,"lastActionDateTime":null,"attemptsCount":null,"targetResourceId":null,"targetResourceLocation":null,"error":null}"#), reads(|op| assert_eq!(op, &TeamsAsyncOperation::default()))),
        ("null inside error", Text(r#"{"error":{"code":null,"message":null}}"#), reads(|op| assert_eq!(op.error, Some(OperationError::default())))),
        ("null control information", Text(r#"{"@odata.type":null,"@odata.etag":null,"@odata.context":null,"@odata.id":null}"#), reads(|op| assert!(op.annotations.is_empty()))),
        ("null undeclared property is kept", Text(r#"{"values":null}"#), reads(|op| assert_eq!(op.additional["values"], Value::Null))),
        // duplicate names
        ("declared property twice", Text(r#"{"id":"a","id":"b"}"#), fails("id", "duplicate property `id`")),
        ("declared property null then set", Text(r#"{"id":null,"id":"b"}"#), fails("id", "duplicate property `id`")),
        ("nested declared property twice", Text(r#"{"error":{"code":"a","code":"b"}}"#), fails("error.code", "duplicate property `code`")),
        ("undeclared property twice", Text(r#"{"values":"1","values":"2"}"#), fails("values", "duplicate property `values`")),
        ("escaped name duplicates a plain one", Text(r#"{"id":"a","\u0069d":"b"}"#), fails("id", "duplicate property `id`")),
        ("annotation twice: last wins", Text(r#"{"@odata.etag":"W/\"1\"","@odata.etag":"W/\"2\""}"#), reads(|op| assert_eq!(op.annotations.etag(), Some("W/\"2\"")))),
        ("@odata.type then @type: last wins", Text(r##"{"@odata.type":"#a.b","@type":"#c.d"}"##), reads(|op| assert_eq!(op.annotations.type_name(), Some("c.d")))),
        ("custom annotation twice: last wins", Text(r#"{"@x.y":1,"@x.y":[2]}"#), reads(|op| assert_eq!(op.annotations.get("@x.y"), Some(&json!([2]))))),
        // names
        ("escaped name reads as the property", Text(r#"{"\u0069d":"a"}"#), reads(|op| assert_eq!(op.id.as_deref(), Some("a")))),
        ("wrong-case name is undeclared", Text(r#"{"ID":"a"}"#), reads(|op| { assert_eq!(op.id, None); assert_eq!(op.additional["ID"], "a"); })),
        ("empty name is undeclared", Text(r#"{"":1}"#), reads(|op| assert_eq!(op.additional[""], 1))),
        // sizes and depth
        ("1 MB id", Made(|| format!(r#"{{"id":"{}"}}"#, mb_string()).into_bytes()), reads(|op| assert_eq!(op.id.as_ref().map(String::len), Some(MB)))),
        ("1 MB undeclared property", Made(|| format!(r#"{{"values":"{}"}}"#, mb_string()).into_bytes()), reads(|op| assert_eq!(op.additional["values"].as_str().map(str::len), Some(MB)))),
        ("1 MB member name", Made(|| format!(r#"{{"{}":1}}"#, mb_string()).into_bytes()), reads(|op| assert_eq!(op.additional.keys().next().map(String::len), Some(MB)))),
        ("1 MB enum text is kept", Made(|| format!(r#"{{"status":"{}"}}"#, mb_string()).into_bytes()), reads(|op| assert!(matches!(&op.status, Some(TeamsAsyncOperationStatus::Other(s)) if s.len() == MB)))),
        ("1 MB date", Made(|| format!(r#"{{"createdDateTime":"2020-01-01T00:00:00Z{}"}}"#, mb_string()).into_bytes()), fails("createdDateTime", "unexpected `x` at byte 20 after the UTC offset")),
        ("nesting beyond the limit in an undeclared property", Made(|| nested("values", 200)), fails(nested_path("values"), "recursion limit exceeded")),
        ("nesting beyond the limit in an annotation", Made(|| nested("@x.y", 200)), fails(nested_path("@x.y"), "recursion limit exceeded")),
        ("nesting beyond the limit in error", Made(|| nested("error", 200)), fails("error", "invalid type: sequence")),
        ("nesting at the top", Made(|| vec![b'['; 100_000]), fails("", "invalid type: sequence")),
        // numbers for an Int32
        ("Int32 1e400", Text(r#"{"attemptsCount":1e400}"#), fails("attemptsCount", "number out of range")),
        ("Int32 -0", Text(r#"{"attemptsCount":-0}"#), fails("attemptsCount", "invalid type: floating point `-0.0`, expected i32")),
        ("Int32 2147483648", Text(r#"{"attemptsCount":2147483648}"#), fails("attemptsCount", "invalid value: integer `2147483648`, expected i32")),
        ("Int32 -2147483649", Text(r#"{"attemptsCount":-2147483649}"#), fails("attemptsCount", "invalid value: integer `-2147483649`, expected i32")),
        ("Int32 1.5", Text(r#"{"attemptsCount":1.5}"#), fails("attemptsCount", "invalid type: floating point `1.5`, expected i32")),
        ("Int32 1.0", Text(r#"{"attemptsCount":1.0}"#), fails("attemptsCount", "invalid type: floating point `1.0`, expected i32")),
        ("Int32 1e2", Text(r#"{"attemptsCount":1e2}"#), fails("attemptsCount", "invalid type: floating point `100.0`, expected i32")),
        ("Int32 with 23 digits", Text(r#"{"attemptsCount":99999999999999999999999}"#), fails("attemptsCount", "invalid type: floating point `1e+23`, expected i32")),
        ("Int32 leading zero", Text(r#"{"attemptsCount":01}"#), fails("attemptsCount", "invalid number")),
        ("Int32 plus sign", Text(r#"{"attemptsCount":+1}"#), fails("attemptsCount", "expected value")),
        ("Int32 NaN", Text(r#"{"attemptsCount":NaN}"#), fails("attemptsCount", "expected value")),
        ("Int32 maximum", Text(r#"{"attemptsCount":2147483647}"#), reads(|op| assert_eq!(op.attempts_count, Some(i32::MAX)))),
        ("Int32 minimum", Text(r#"{"attemptsCount":-2147483648}"#), reads(|op| assert_eq!(op.attempts_count, Some(i32::MIN)))),
        ("1e400 in an undeclared property", Text(r#"{"values":1e400}"#), fails("values", "number out of range")),
        // dates
        ("date with 13 fraction digits", Text(r#"{"createdDateTime":"2021-05-27T21:23:41.9085453123456Z"}"#), fails("createdDateTime", "13 fraction digits (at most 12)")),
        ("date with 12 fraction digits", Text(r#"{"createdDateTime":"2021-05-27T21:23:41.908545312345Z"}"#), reads(|op| assert_eq!(op.created_date_time.unwrap().to_string(), "2021-05-27T21:23:41.908545312345Z"))),
        ("date with a leap second", Text(r#"{"lastActionDateTime":"2016-12-31T23:59:60Z"}"#), fails("lastActionDateTime", "second 60 (leap seconds are not supported)")),
        ("date in year 0", Text(r#"{"createdDateTime":"0000-01-01T00:00:00Z"}"#), reads(|op| assert_eq!(op.created_date_time, Some(date("0000-01-01T00:00:00Z"))))),
        ("date in year -0000 keeps its sign", Text(r#"{"createdDateTime":"-0000-01-01T00:00:00Z"}"#), reads(|op| assert_eq!(op.created_date_time.unwrap().to_string(), "-0000-01-01T00:00:00Z"))),
        ("date in year 10000", Text(r#"{"createdDateTime":"10000-01-01T00:00:00Z"}"#), fails("createdDateTime", "year 10000 is outside the supported range")),
        ("date with offset +24:00", Text(r#"{"createdDateTime":"2020-01-01T00:00:00+24:00"}"#), fails("createdDateTime", "offset hour 24 (at most 23)")),
        ("date with offset +23:59", Text(r#"{"createdDateTime":"2020-01-01T00:00:00+23:59"}"#), reads(|op| assert_eq!(op.created_date_time.unwrap().to_string(), "2020-01-01T00:00:00+23:59"))),
        ("date with lower-case t and z", Text(r#"{"createdDateTime":"2020-01-01t10:00:00z"}"#), reads(|op| assert_eq!(op.created_date_time.unwrap().to_string(), "2020-01-01T10:00:00Z"))),
        ("date starting with a byte-order mark", Text("{\"createdDateTime\":\"\u{feff}2020-01-01T00:00:00Z\"}"), fails("createdDateTime", "starts with a byte-order mark (U+FEFF)")),
        ("date without offset", Text(r#"{"createdDateTime":"2017-04-24T22:40:44.5665917"}"#), fails("createdDateTime", "missing the UTC offset")),
        ("date without seconds", Text(r#"{"createdDateTime":"1969-07-20T20:17Z"}"#), reads(|op| assert_eq!(op.created_date_time.unwrap().to_string(), "1969-07-20T20:17Z"))),
        ("date only", Text(r#"{"createdDateTime":"2020-01-01"}"#), fails("createdDateTime", "expected `T` between the date and the time")),
        ("date with a space for T", Text(r#"{"createdDateTime":"2020-01-01 00:00:00Z"}"#), fails("createdDateTime", "expected `T` between the date and the time")),
        ("date with a comma fraction", Text(r#"{"createdDateTime":"2020-01-01T00:00:00,5Z"}"#), fails("createdDateTime", "`,` before the fraction")),
        ("date with an empty fraction", Text(r#"{"createdDateTime":"2020-01-01T00:00:00.Z"}"#), fails("createdDateTime", "no digit after the `.`")),
        ("date on 29 February 2015", Text(r#"{"createdDateTime":"2015-02-29T00:00:00Z"}"#), fails("createdDateTime", "day 29 does not exist in February 2015")),
        ("date at hour 24", Text(r#"{"createdDateTime":"2020-01-01T24:00:00Z"}"#), fails("createdDateTime", "hour 24 (at most 23)")),
        ("empty date", Text(r#"{"createdDateTime":""}"#), fails("createdDateTime", "expected the year")),
        ("date in a nested-looking string", Text(r#"{"createdDateTime":"\"2020-01-01T00:00:00Z\""}"#), fails("createdDateTime", "expected the year")),
        // escapes and encoding
        ("bad \\u escape", Text(r#"{"id":"\uZZZZ"}"#), fails("id", "invalid escape")),
        ("short \\u escape", Text(r#"{"id":"\u12"}"#), fails("id", "invalid escape")),
        ("unknown escape \\x", Text(r#"{"id":"\x41"}"#), fails("id", "invalid escape")),
        ("lone leading surrogate", Text(r#"{"id":"\ud800"}"#), fails("id", "unexpected end of hex escape")),
        ("lone trailing surrogate", Text(r#"{"id":"\udc00x"}"#), fails("id", "lone leading surrogate in hex escape")),
        ("bad escape in a name", Text(r#"{"\uZZ":1}"#), fails("", "invalid escape")),
        ("escaped NUL is kept", Text(r#"{"id":"a\u0000b"}"#), reads(|op| assert_eq!(op.id.as_deref(), Some("a\0b")))),
        ("raw control character", Made(|| b"{\"id\":\"a\x01\"}".to_vec()), fails("id", "control character (\\u0000-\\u001F) found while parsing a string")),
        ("invalid UTF-8", Made(|| b"{\"id\":\"\xff\xfe\"}".to_vec()), fails("id", "invalid UTF-8: byte 0xFF at line 1 column 8")),
        ("overlong UTF-8 slash", Made(|| b"{\"id\":\"\xc0\xaf\"}".to_vec()), fails("id", "invalid UTF-8: byte 0xC0 at line 1 column 8")),
        ("invalid UTF-8 in a skipped member", Made(|| b"{\"x\":\"\xff\"}".to_vec()), fails("x", "invalid UTF-8: byte 0xFF at line 1 column 7")),
        // control information
        ("@odata.type as a number", Text(r#"{"@odata.type":5}"#), fails("@odata.type", "invalid type: integer `5`, expected a string")),
        ("@odata.type as an object", Text(r##"{"@odata.type":{"#":"x"}}"##), fails("@odata.type", "invalid type: map, expected a string")),
        ("@type as an array", Text(r#"{"@type":[]}"#), fails("@type", "invalid type: sequence, expected a string")),
        ("@odata.etag as a boolean", Text(r#"{"@odata.etag":true}"#), fails("@odata.etag", "invalid type: boolean `true`, expected a string")),
        ("nested @odata.type as a number", Text(r#"{"error":{"@odata.type":1}}"#), fails("error.@odata.type", "invalid type: integer `1`, expected a string")),
        ("empty @odata.type is kept", Text(r#"{"@odata.type":""}"#), reads(|op| assert_eq!(op.annotations.odata_type(), Some("")))),
        ("property annotation of any type is kept", Text(r#"{"status@odata.type":5}"#), reads(|op| assert_eq!(op.annotations.get("status@odata.type"), Some(&json!(5))))),
        ("advertised operation is kept", Text(r##"{"#microsoft.graph.cancel":[1]}"##), reads(|op| assert_eq!(op.annotations.get("#microsoft.graph.cancel"), Some(&json!([1]))))),
        // enums
        ("\"CloneTeam\" (wrong case)", Text(r#"{"operationType":"CloneTeam"}"#), reads(|op| assert_eq!(op.operation_type, Some(OpType::Other("CloneTeam".into()))))),
        ("empty enum string", Text(r#"{"operationType":""}"#), reads(|op| assert_eq!(op.operation_type, Some(OpType::Other(String::new()))))),
        ("enum text with spaces", Text(r#"{"status":" succeeded "}"#), reads(|op| assert_eq!(op.status, Some(TeamsAsyncOperationStatus::Other(" succeeded ".into()))))),
        ("flags-style enum text", Text(r#"{"operationType":"cloneTeam,archiveTeam"}"#), reads(|op| assert_eq!(op.operation_type, Some(OpType::Other("cloneTeam,archiveTeam".into()))))),
        ("numeric enum text", Text(r#"{"operationType":"1"}"#), reads(|op| assert_eq!(op.operation_type, Some(OpType::Other("1".into()))))),
    ]
}

fn read_operation(body: &[u8]) -> Result<TeamsAsyncOperation, Error> {
    from_slice(body)
}

fn write_operation(op: &TeamsAsyncOperation) -> Vec<u8> {
    serde_json::to_vec(op).unwrap()
}

/// The same table through `parse_response` with a 200 answer gives the same outcomes (an empty
/// or blank body excepted: that is "no content").
fn read_operation_response(body: &[u8]) -> Result<TeamsAsyncOperation, Error> {
    let response = http::Response::builder()
        .status(200)
        .body(body.to_vec())
        .unwrap();
    match request().parse_response(&response)? {
        Some(op) => Ok(op),
        None => Err(Error::Json {
            path: String::new(),
            message: "EOF while parsing a value (no content)".into(),
        }),
    }
}

fn request() -> PatchRequest<TeamsAsyncOperation> {
    TeamsAsyncOperation::patch_team("t").build().unwrap()
}

#[test]
fn hostile_operation_bodies() {
    let cases = operation_cases();
    let failures = run(&cases, &read_operation, write_operation);
    assert_none_failed("TeamsAsyncOperation", cases.len(), &failures);
}

#[test]
fn hostile_operation_bodies_as_responses() {
    let cases = operation_cases();
    let failures = run(&cases, &read_operation_response, write_operation);
    assert_none_failed("TeamsAsyncOperation response", cases.len(), &failures);
}

/// Found by the `parse_response` fuzz target: serde_json's default float parsing is not
/// correctly rounded, so a number in an undeclared property (or in an annotation, or in an `f64`
/// property) changes on the way in: `4.44444444444444e48` reads as `4.4444444444444395e48`, and
/// writing and reading again moves it once more. The workspace turns on serde_json's
/// `float_roundtrip` feature, which makes the parsing exact.
#[test]
fn floats_in_undeclared_properties_keep_their_value() {
    let op: TeamsAsyncOperation = from_slice(br#"{"values":4.44444444444444e48}"#).unwrap();
    assert_eq!(
        op.additional["values"].as_f64(),
        Some(4.444_444_444_444_44e48)
    );
    let again: TeamsAsyncOperation = from_slice(&write_operation(&op)).unwrap();
    assert_eq!(again.additional["values"], op.additional["values"]);
}

// ---------------------------------------------------------------------------------------------
// OperationError (a complex type without `additional` or `annotations`: it skips what it does
// not declare)

#[rustfmt::skip]
fn operation_error_cases() -> Vec<Case<OperationError>> {
    vec![
        ("truncated", Text(r#"{"code":"c""#), fails("", "EOF while parsing an object")),
        ("trailing garbage", Text(r#"{"code":"c"}]"#), fails("", "trailing characters")),
        ("top-level array", Text("[]"), fails("", "expected a microsoft.graph.operationError object")),
        ("code as a number", Text(r#"{"code":404}"#), fails("code", "invalid type: integer `404`, expected a string")),
        ("message as an array", Text(r#"{"message":["a"]}"#), fails("message", "invalid type: sequence, expected a string")),
        ("code twice", Text(r#"{"code":"a","code":"b"}"#), fails("code", "duplicate property `code`")),
        ("undeclared property twice is skipped", Text(r#"{"x":1,"x":2,"code":"c"}"#), reads(|e| assert_eq!(e.code.as_deref(), Some("c")))),
        ("annotation twice is skipped", Text(r#"{"@x.y":1,"@x.y":2}"#), reads(|e| assert_eq!(e, &OperationError::default()))),
        ("@odata.type as a number", Text(r#"{"@odata.type":1}"#), fails("@odata.type", "expected a string")),
        ("@odata.type of another type is read as the declared type", Text(r##"{"@odata.type":"#microsoft.graph.publicError","code":"c"}"##), reads(|e| assert_eq!(e.code.as_deref(), Some("c")))),
        ("nesting far beyond the limit in a skipped property", Made(|| nested("x", 100_000)), reads(|e| assert_eq!(e, &OperationError::default()))),
        ("1e400 in a skipped property", Text(r#"{"x":1e400,"code":"c"}"#), reads(|e| assert_eq!(e.code.as_deref(), Some("c")))),
        ("1 MB message", Made(|| format!(r#"{{"message":"{}"}}"#, mb_string()).into_bytes()), reads(|e| assert_eq!(e.message.as_ref().map(String::len), Some(MB)))),
        ("bad escape in a skipped property", Text(r#"{"x":"\uZZZZ"}"#), fails("x", "invalid escape")),
        ("byte-order mark before the body", Made(|| with_bom(r#"{"code":"c"}"#)), reads(|e| assert_eq!(e.code.as_deref(), Some("c")))),
    ]
}

#[test]
fn hostile_operation_error_bodies() {
    let cases = operation_error_cases();
    let failures = run(&cases, &|body| from_slice::<OperationError>(body), |e| {
        serde_json::to_vec(e).unwrap()
    });
    assert_none_failed("OperationError", cases.len(), &failures);
}

// ---------------------------------------------------------------------------------------------
// ODataError bodies: `from_body` never fails; `parse_response` with an error status gives the
// same error

type ErrorCase = (&'static str, Input, fn(&ODataError));

fn big_html() -> Vec<u8> {
    format!("<html>{}</html>", mb_string()).into_bytes()
}

/// 511 ASCII bytes then `é` (2 bytes): the 512-byte cut falls inside a character.
fn cut_inside_a_character() -> Vec<u8> {
    format!("{}é tail", "a".repeat(511)).into_bytes()
}

#[rustfmt::skip]
fn odata_error_cases() -> Vec<ErrorCase> {
    vec![
        ("Graph's throttling body", Text(r#"{"error":{"code":"TooManyRequests","innerError":{"code":"429","date":"2020-08-18T12:51:51","request-id":"r","status":"429"},"message":"Please retry again later."}}"#), |e| { assert_eq!(e.code, "TooManyRequests"); assert_eq!(e.inner_error.as_ref().unwrap().request_id.as_deref(), Some("r")); }),
        ("empty body", Text(""), |e| { assert_eq!(e.code, ""); assert_eq!(e.message, ""); }),
        ("truncated JSON keeps the text", Text(r#"{"error":{"code":"badRequest""#), |e| { assert_eq!(e.code, ""); assert_eq!(e.message, r#"{"error":{"code":"badRequest""#); }),
        ("trailing garbage keeps the text", Text(r#"{"error":{"code":"c"}} trailing"#), |e| { assert_eq!(e.code, ""); assert_eq!(e.message, r#"{"error":{"code":"c"}} trailing"#); }),
        ("HTML page", Text("<html><body>Bad Gateway</body></html>\n"), |e| assert_eq!(e.message, "<html><body>Bad Gateway</body></html>")),
        ("1 MB non-JSON body is cut to 512 bytes", Made(big_html), |e| { assert_eq!(e.message.len(), 512); assert!(e.message.starts_with("<html>xxx")); }),
        ("cut inside a UTF-8 character", Made(cut_inside_a_character), |e| assert_eq!(e.message, format!("{}\u{fffd}", "a".repeat(511)))),
        ("invalid UTF-8 body", Made(|| b"\xff\xfe oops".to_vec()), |e| assert_eq!(e.message, "\u{fffd}\u{fffd} oops")),
        ("error as a string", Text(r#"{"error":"denied"}"#), |e| { assert_eq!(e.code, ""); assert_eq!(e.message, r#"{"error":"denied"}"#); }),
        ("error null", Text(r#"{"error":null}"#), |e| { assert_eq!(e.code, ""); assert_eq!(e.message, r#"{"error":null}"#); }),
        ("error empty", Text(r#"{"error":{}}"#), |e| { assert_eq!(e.code, ""); assert_eq!(e.message, ""); assert!(e.inner_error.is_none()); }),
        ("code as a number is written out", Text(r#"{"error":{"code":429,"message":"m"}}"#), |e| assert_eq!(e.code, "429")),
        ("code as an object is dropped", Text(r#"{"error":{"code":{"a":1},"message":"m"}}"#), |e| { assert_eq!(e.code, ""); assert_eq!(e.message, "m"); }),
        ("message null", Text(r#"{"error":{"code":"c","message":null}}"#), |e| { assert_eq!(e.code, "c"); assert_eq!(e.message, ""); }),
        ("1 MB message is kept whole", Made(|| format!(r#"{{"error":{{"code":"c","message":"{}"}}}}"#, mb_string()).into_bytes()), |e| assert_eq!(e.message.len(), MB)),
        ("error twice: last wins", Text(r#"{"error":{"code":"first"},"error":{"code":"second"}}"#), |e| assert_eq!(e.code, "second")),
        ("code twice: last wins", Text(r#"{"error":{"code":"first","code":"second"}}"#), |e| assert_eq!(e.code, "second")),
        ("innerError as a string", Text(r#"{"error":{"code":"c","innerError":"x"}}"#), |e| assert!(e.inner_error.is_none())),
        ("innerError wins over innererror", Text(r#"{"error":{"innererror":{"code":"spec"},"innerError":{"code":"graph"}}}"#), |e| assert_eq!(e.inner_error.as_ref().unwrap().code.as_deref(), Some("graph"))),
        ("details as an object", Text(r#"{"error":{"code":"c","details":{"code":"d"}}}"#), |e| assert!(e.details.is_empty())),
        ("details with non-objects", Text(r#"{"error":{"code":"c","details":[1,"x",null,{"code":"d","message":5}]}}"#), |e| { assert_eq!(e.details.len(), 1); assert_eq!(e.details[0].code, "d"); assert_eq!(e.details[0].message, "5"); }),
        ("nesting beyond the limit keeps the text", Made(|| { let mut body = br#"{"error":{"code":"c","innerError":"#.to_vec(); body.extend(nested("x", 200)); body.extend(b"}}"); body }), |e| { assert_eq!(e.code, ""); assert!(e.message.starts_with(r#"{"error":{"code":"c""#)); }),
        ("nested inner errors 100 deep", Made(|| { let mut body = br#"{"error":{"code":"c""#.to_vec(); for _ in 0..100 { body.extend(br#","innerError":{"code":"i""#); } body.extend(std::iter::repeat_n(b'}', 102)); body }), |e| { let mut depth = 0; let mut inner = e.inner_error.as_ref(); while let Some(i) = inner { depth += 1; inner = i.inner_error.as_deref(); } assert_eq!(depth, 100); }),
        ("byte-order mark before the body", Made(|| with_bom(r#"{"error":{"code":"c","message":"m"}}"#)), |e| { assert_eq!(e.code, "c"); assert_eq!(e.message, "m"); }),
        ("lone surrogate in the message keeps the text", Text(r#"{"error":{"code":"c","message":"\ud800"}}"#), |e| { assert_eq!(e.code, ""); assert!(e.message.contains(r"\ud800")); }),
    ]
}

#[test]
fn hostile_odata_error_bodies() {
    let cases = odata_error_cases();
    let mut failures = Vec::new();
    for (name, input, check) in &cases {
        let body = input.bytes();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let error = ODataError::from_body(&body);
            check(&error);
            for status in [400, 404, 412, 429, 503] {
                let response = http::Response::builder()
                    .status(status)
                    .body(body.clone())
                    .unwrap();
                match request().parse_response(&response) {
                    Err(Error::Service(service)) => {
                        assert_eq!(service.status, status);
                        assert_eq!(service.error, error);
                        assert!(!service.to_string().is_empty());
                    }
                    other => panic!("status {status}: {:.300}", format!("{other:?}")),
                }
            }
        }));
        if let Err(panic) = outcome {
            failures.push(format!("{name}: {}", panic_text(&*panic)));
        }
    }
    assert_none_failed("ODataError", cases.len(), &failures);
}

// ---------------------------------------------------------------------------------------------
// Whole responses: status, body and headers

/// What `parse_response` must give.
enum Answer {
    NoContent,
    Operation(fn(&TeamsAsyncOperation)),
    Json(&'static str, &'static str),
    Service(u16, fn(&odata_resource::ServiceError)),
}

type ResponseCase = (
    &'static str,
    u16,
    &'static [(&'static str, &'static str)],
    &'static str,
    Answer,
);

#[rustfmt::skip]
fn response_cases() -> Vec<ResponseCase> {
    vec![
        ("204 with a garbage body", 204, &[], "<<garbage>>", Answer::NoContent),
        ("200 with an empty body", 200, &[], "", Answer::NoContent),
        ("200 with a blank body", 200, &[], " \r\n", Answer::NoContent),
        ("200 with null", 200, &[], "null", Answer::Json("", "invalid type: null")),
        ("200 truncated", 200, &[], r#"{"status":"succ"#, Answer::Json("status", "EOF while parsing a string")),
        ("201 with a body", 201, &[], r#"{"id":"a"}"#, Answer::Operation(|op| assert_eq!(op.id.as_deref(), Some("a")))),
        ("202 with wrong types", 202, &[], r#"{"attemptsCount":"x"}"#, Answer::Json("attemptsCount", "expected i32")),
        ("302 is not a success", 302, &[("location", "/elsewhere")], "", Answer::Service(302, |e| assert_eq!(e.error.code, ""))),
        ("429 with a garbage Retry-After", 429, &[("retry-after", "soon")], "", Answer::Service(429, |e| assert_eq!(e.retry_after, None))),
        ("429 with a negative Retry-After", 429, &[("retry-after", "-1")], "", Answer::Service(429, |e| assert_eq!(e.retry_after, None))),
        ("429 with a huge Retry-After", 429, &[("retry-after", "99999999999999999999999")], "", Answer::Service(429, |e| assert_eq!(e.retry_after, None))),
        ("429 with an exponent Retry-After", 429, &[("retry-after", "1e400")], "", Answer::Service(429, |e| assert_eq!(e.retry_after, None))),
        ("429 with a fractional Retry-After", 429, &[("retry-after", "2.128")], "", Answer::Service(429, |e| assert_eq!(e.retry_after, Some(RetryAfter::Delay(std::time::Duration::from_millis(2128)))))),
        ("503 with a non-ASCII request-id header", 503, &[("request-id", "r\u{e9}")], r#"{"error":{"code":"c","innerError":{"request-id":"body-id"}}}"#, Answer::Service(503, |e| assert_eq!(e.request_id.as_deref(), Some("body-id")))),
        ("500 with an empty request-id header", 500, &[("request-id", "")], "", Answer::Service(500, |e| assert_eq!(e.request_id.as_deref(), Some("")))),
    ]
}

#[test]
fn hostile_responses() {
    let cases = response_cases();
    let mut failures = Vec::new();
    for (name, status, headers, body, answer) in &cases {
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let mut builder = http::Response::builder().status(*status);
            for (header, value) in *headers {
                builder = builder.header(
                    *header,
                    http::HeaderValue::from_bytes(value.as_bytes()).unwrap(),
                );
            }
            let response = builder.body(body.as_bytes().to_vec()).unwrap();
            match (answer, request().parse_response(&response)) {
                (Answer::NoContent, Ok(None)) => {}
                (Answer::Operation(check), Ok(Some(op))) => check(&op),
                (Answer::Json(path, fragment), Err(Error::Json { path: p, message })) => {
                    assert_eq!(&p, path, "{message}");
                    assert!(message.contains(fragment), "{message}");
                }
                (Answer::Service(code, check), Err(Error::Service(error))) => {
                    assert_eq!(error.status, *code);
                    check(&error);
                }
                (_, other) => panic!("unexpected outcome {other:?}"),
            }
        }));
        if let Err(panic) = outcome {
            failures.push(format!("{name}: {}", panic_text(&*panic)));
        }
    }
    assert_none_failed("response", cases.len(), &failures);
}

// ---------------------------------------------------------------------------------------------
// Header safety: control bytes never reach a header; `build()` fails before anything is sent

/// Every ASCII control byte (CR, LF, NUL, TAB, DEL …) inside, before and after a value.
fn values_with_control_bytes() -> Vec<String> {
    (0u8..0x20)
        .chain([0x7f])
        .flat_map(|b| {
            let c = char::from(b);
            [
                format!("W/\"1\"{c}"),
                format!("{c}W/\"1\""),
                format!("a{c}b"),
            ]
        })
        .chain([
            "W/\"1\"\r\nX-Evil: 1".to_owned(),
            "\r\n\r\nGET / HTTP/1.1".to_owned(),
            "token\n".to_owned(),
        ])
        .collect()
}

fn assert_refused(
    result: Result<PatchRequest<TeamsAsyncOperation>, Error>,
    name: &str,
    value: &str,
) {
    match result {
        Err(Error::InvalidHeader { name: n, reason }) => {
            assert!(n.eq_ignore_ascii_case(name), "{n} for {value:?}");
            assert!(!reason.is_empty());
        }
        Err(other) => panic!("{value:?}: wrong error {other:?}"),
        Ok(request) => panic!("{value:?} was accepted: {request:?}"),
    }
}

#[test]
fn if_match_with_control_bytes_is_refused() {
    for value in values_with_control_bytes() {
        let result = TeamsAsyncOperation::patch_team("t")
            .attempts_count(1)
            .if_match(&value)
            .build();
        assert_refused(result, "if-match", &value);
    }
}

#[test]
fn custom_header_values_with_control_bytes_are_refused() {
    for value in values_with_control_bytes() {
        for name in ["Authorization", "client-request-id", "Prefer", "x-custom"] {
            let result = TeamsAsyncOperation::patch_team("t")
                .header(name, &value)
                .build();
            assert_refused(result, name, &value);
        }
    }
}

#[test]
fn a_bad_header_anywhere_refuses_the_whole_request() {
    // good headers before and after do not let anything partial out
    let result = TeamsAsyncOperation::patch_team("t")
        .header("client-request-id", "ok")
        .if_match("W/\"1\"")
        .header("Authorization", "Bearer abc\r\nX-Evil: 1")
        .header("Prefer", "return=minimal")
        .build();
    assert_refused(result, "Authorization", "Bearer abc\\r\\nX-Evil: 1");
}

#[test]
fn header_names_with_control_bytes_or_separators_are_refused() {
    for name in [
        "X-Evil\r\nX-Other",
        "X-Evil\n",
        "X Evil",
        "X:Evil",
        "",
        "X-\u{0}",
        "Ünïcode",
    ] {
        let result = TeamsAsyncOperation::patch_team("t")
            .header(name, "v")
            .build();
        match result {
            Err(Error::InvalidHeader { name: n, reason }) => {
                assert_eq!(n, name);
                assert!(reason.contains("not a valid header name"), "{reason}");
            }
            other => panic!("{name:?}: {other:?}"),
        }
    }
}

#[test]
fn values_that_http_allows_are_sent_unchanged() {
    let request = TeamsAsyncOperation::patch_team("t")
        .if_match("W/\"datetime'2024-01-01T00%3A00%3A00'\"")
        .header("x-custom", "a b\u{e9}")
        .header("Prefer", "")
        .build()
        .unwrap();
    assert_eq!(
        request.headers()["if-match"],
        "W/\"datetime'2024-01-01T00%3A00%3A00'\""
    );
    assert_eq!(
        request.headers()["x-custom"].as_bytes(),
        "a b\u{e9}".as_bytes()
    );
}

#[test]
fn service_roots_with_control_bytes_are_refused() {
    let request = request();
    for root in [
        "https://graph.microsoft.com/v1.0\r\nX-Evil: 1",
        "https://graph.microsoft.com\n/v1.0",
        "https://graph.microsoft.com/v1.0\u{0}",
        "https://graph.microsoft.com/v1.0 ",
    ] {
        assert!(
            matches!(request.to_http(root), Err(Error::InvalidServiceRoot { .. })),
            "{root:?}"
        );
    }
}
