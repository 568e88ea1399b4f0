//! Property tests (issue #6), with a fixed seed so every run checks the same cases:
//! - any `TeamsAsyncOperation` serializes and reads back equal;
//! - any sequence of builder calls gives a body that is valid JSON with `@odata.type` first and
//!   exactly the set properties after it, in declaration order, and that merged into a resource
//!   by the server's rules gives the expected resource;
//! - any string as a path parameter gives a path with the template's segments that decodes back
//!   to the string, or is refused by `build()` naming the parameter.

use std::fmt;

use odata_resource::{Annotations, DateTimeOffset, Error, Map, PatchRequest, Value};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use teams_model::{
    OperationError, TeamsAsyncOperation, TeamsAsyncOperationStatus as Status,
    TeamsAsyncOperationType as OpType,
};
use time::{OffsetDateTime, UtcOffset};

/// `cases` cases from a fixed seed, no regression files.
fn config_with(cases: u32) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(0x0da7_a5ee_d006),
        failure_persistence: None,
        ..Config::default()
    }
}

fn config() -> Config {
    config_with(256)
}

// ---------------------------------------------------------------------------------------------
// Strategies

/// Text of every kind: arbitrary Unicode, control characters, quotes, backslashes, and the
/// names of enum members in other cases.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\/\\u{0}-\\u{1f}\\u{7f}\\u{2028}\\u{feff}a-z]{0,8}",
        Just(String::new()),
        "[A-Za-z]{1,20}",
    ]
    .boxed()
}

const TYPE_MEMBERS: [&str; 10] = [
    "invalid",
    "cloneTeam",
    "archiveTeam",
    "unarchiveTeam",
    "createTeam",
    "unknownFutureValue",
    "teamifyGroup",
    "createChannel",
    "archiveChannel",
    "unarchiveChannel",
];
const STATUS_MEMBERS: [&str; 6] = [
    "invalid",
    "notStarted",
    "inProgress",
    "succeeded",
    "failed",
    "unknownFutureValue",
];

/// A known member by its wire name, or the catch-all with a text that names no member (one that
/// does would read back as that member: the catch-all is for what the crate does not know).
fn operation_type() -> impl Strategy<Value = OpType> {
    prop_oneof![
        prop::sample::select(&TYPE_MEMBERS[..]).prop_map(|m| m.parse::<OpType>().unwrap()),
        text()
            .prop_filter("a known member", |t| !TYPE_MEMBERS.contains(&t.as_str()))
            .prop_map(OpType::Other),
    ]
}

fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        prop::sample::select(&STATUS_MEMBERS[..]).prop_map(|m| m.parse::<Status>().unwrap()),
        text()
            .prop_filter("a known member", |t| !STATUS_MEMBERS.contains(&t.as_str()))
            .prop_map(Status::Other),
    ]
}

/// Dates both ways: from `time::OffsetDateTime`, and parsed from text written with every
/// grammar option (no seconds, 0 to 12 fraction digits, `Z`, `z`, `±hh:mm`, `-00:00`).
fn date() -> impl Strategy<Value = DateTimeOffset> {
    prop_oneof![date_from_time(), date_from_text()]
}

fn date_from_time() -> impl Strategy<Value = DateTimeOffset> {
    // years 0001 to 9998, so any offset keeps the instant inside ±9999
    let seconds = -62_100_000_000_i64..253_300_000_000;
    let nanos = prop_oneof![
        Just(0u32),
        0u32..1_000_000_000,
        (0u32..1000).prop_map(|m| m * 1_000_000)
    ];
    let offset = prop_oneof![
        Just(0i32),
        -86_399i32..=86_399,
        (-1439i32..=1439).prop_map(|m| m * 60)
    ];
    (seconds, nanos, offset).prop_map(|(seconds, nanos, offset)| {
        let utc = OffsetDateTime::from_unix_timestamp(seconds).unwrap()
            + time::Duration::nanoseconds(i64::from(nanos));
        let offset = UtcOffset::from_whole_seconds(offset).unwrap();
        DateTimeOffset::from(utc.to_offset(offset))
    })
}

fn date_from_text() -> impl Strategy<Value = DateTimeOffset> {
    let year = prop_oneof![-9999i32..=9999, Just(0)];
    let day = (1u32..=12).prop_flat_map(|month| (Just(month), 1u32..=days_in(month)));
    let seconds = prop::option::of((0u32..60, prop::option::of("[0-9]{1,12}")));
    let offset = prop_oneof![
        Just("Z".to_owned()),
        Just("z".to_owned()),
        Just("-00:00".to_owned()),
        (prop::bool::ANY, 0u32..24, 0u32..60).prop_map(|(minus, h, m)| {
            format!("{}{h:02}:{m:02}", if minus { '-' } else { '+' })
        }),
    ];
    let t = prop_oneof![Just('T'), Just('t')];
    (year, day, 0u32..24, 0u32..60, seconds, offset, t).prop_map(
        |(year, (month, day), hour, minute, seconds, offset, t)| {
            let year = if year < 0 {
                format!("-{:04}", -year)
            } else {
                format!("{year:04}")
            };
            let seconds = match seconds {
                None => String::new(),
                Some((s, None)) => format!(":{s:02}"),
                Some((s, Some(fraction))) => format!(":{s:02}.{fraction}"),
            };
            let text =
                format!("{year}-{month:02}-{day:02}{t}{hour:02}:{minute:02}{seconds}{offset}");
            DateTimeOffset::parse(&text).unwrap_or_else(|e| panic!("{text}: {e}"))
        },
    )
}

/// Days valid in every year (February: 28).
fn days_in(month: u32) -> u32 {
    match month {
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn operation_error() -> impl Strategy<Value = OperationError> {
    (prop::option::of(text()), prop::option::of(text()))
        .prop_map(|(code, message)| OperationError { code, message })
}

/// JSON without floating-point numbers (serde_json does not promise to read every float back
/// bit for bit).
fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map(text(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const DECLARED: [&str; 9] = [
    "id",
    "operationType",
    "createdDateTime",
    "status",
    "lastActionDateTime",
    "attemptsCount",
    "targetResourceId",
    "targetResourceLocation",
    "error",
];

/// Names of undeclared properties: not declared, not annotations (`@`), not operations (`#`).
fn undeclared_name() -> impl Strategy<Value = String> {
    text().prop_filter("declared or annotation", |name| {
        !DECLARED.contains(&name.as_str()) && !name.contains('@') && !name.starts_with('#')
    })
}

/// Annotation names other than the four control-information members that have fields.
fn annotation_name() -> impl Strategy<Value = String> {
    prop_oneof![
        "@[a-z]{1,6}\\.[a-z]{1,8}",
        "[a-zA-Z]{1,8}@[a-z]{1,6}\\.[a-z]{1,8}",
        "#[a-z]{1,6}\\.[a-z]{1,8}",
    ]
    .prop_filter("control information", |name| {
        !matches!(
            name.as_str(),
            "@odata.type" | "@odata.context" | "@odata.etag" | "@odata.id"
        )
    })
}

/// Annotations as a response may carry them. `@odata.type` is written back as `#` + the
/// qualified name, so it is generated in that form (or absent).
fn annotations() -> impl Strategy<Value = Annotations> {
    let odata_type = prop::option::of(prop_oneof![
        Just("#microsoft.graph.teamsAsyncOperation".to_owned()),
        "#[a-z]{1,6}(\\.[a-zA-Z]{1,10}){1,2}",
    ]);
    let control = prop::option::of(text());
    let others = prop::collection::btree_map(annotation_name(), json(), 0..4);
    (
        odata_type,
        control.clone(),
        control.clone(),
        control,
        others,
    )
        .prop_map(|(odata_type, context, etag, id, others)| {
            let mut annotations = Annotations::default();
            let fixed = [
                ("@odata.type", odata_type),
                ("@odata.context", context),
                ("@odata.etag", etag),
                ("@odata.id", id),
            ];
            for (name, value) in fixed {
                if let Some(value) = value {
                    annotations.insert(name, Value::from(value)).unwrap();
                }
            }
            for (name, value) in others {
                annotations.insert(&name, value).unwrap();
            }
            annotations
        })
}

prop_compose! {
    fn operation()(
        id in prop::option::of(text()),
        operation_type in prop::option::of(operation_type()),
        created_date_time in prop::option::of(date()),
        status in prop::option::of(status()),
        last_action_date_time in prop::option::of(date()),
        attempts_count in prop::option::of(any::<i32>()),
        target_resource_id in prop::option::of(text()),
        target_resource_location in prop::option::of(text()),
        error in prop::option::of(operation_error()),
        annotations in annotations(),
        additional in prop::collection::btree_map(undeclared_name(), json(), 0..4),
    ) -> TeamsAsyncOperation {
        TeamsAsyncOperation {
            id, operation_type, created_date_time, status, last_action_date_time, attempts_count,
            target_resource_id, target_resource_location, error, annotations,
            additional: additional.into_iter().collect(),
        }
    }
}

/// What reading `op`'s own output gives: `op`, with the declared `@odata.type` received when
/// `op` had none (its `Serialize` writes the declared type then).
fn as_read_back(op: &TeamsAsyncOperation) -> TeamsAsyncOperation {
    let mut expected = op.clone();
    if expected.annotations.odata_type().is_none() {
        expected
            .annotations
            .insert("@odata.type", "#microsoft.graph.teamsAsyncOperation".into())
            .unwrap();
    }
    expected
}

// ---------------------------------------------------------------------------------------------
// 1. Serialize, then read back

proptest! {
    #![proptest_config(config_with(160))]

    #[test]
    fn any_operation_reads_back_equal(op in operation()) {
        let bytes = serde_json::to_vec(&op).unwrap();
        let back: TeamsAsyncOperation = odata_resource::from_slice(&bytes)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{}", String::from_utf8_lossy(&bytes))))?;
        prop_assert_eq!(&back, &as_read_back(&op));
        // and the text is stable from then on
        prop_assert_eq!(serde_json::to_vec(&back).unwrap(), bytes);
    }

    #[test]
    fn any_date_text_round_trips_byte_exactly(date in date()) {
        let text = date.to_string();
        let again: DateTimeOffset = text.parse().unwrap();
        prop_assert_eq!(again, date);
        prop_assert_eq!(again.to_string(), text);
        prop_assert_eq!(again.to_offset_date_time(), date.to_offset_date_time());
    }
}

// ---------------------------------------------------------------------------------------------
// 2. Builder bodies, and the server's merge

/// One builder call.
#[derive(Debug, Clone)]
enum Call {
    OperationType(OpType),
    Status(Status),
    LastActionDateTime(DateTimeOffset),
    AttemptsCount(i32),
    TargetResourceId(String),
    ClearTargetResourceId,
    TargetResourceLocation(String),
    ClearTargetResourceLocation,
    Error(OperationError),
    /// Nested changes: `OperationError::patch()` with each property left out, cleared or set.
    ErrorChanges(Nested, Nested),
    ClearError,
}

/// One property of nested changes.
#[derive(Debug, Clone)]
enum Nested {
    Absent,
    Null,
    Value(String),
}

impl Nested {
    /// The property after these changes, from `old`.
    fn merged(self, old: Option<String>) -> Option<String> {
        match self {
            Nested::Absent => old,
            Nested::Null => None,
            Nested::Value(value) => Some(value),
        }
    }
}

fn nested() -> impl Strategy<Value = Nested> {
    prop_oneof![
        Just(Nested::Absent),
        Just(Nested::Null),
        text().prop_map(Nested::Value),
    ]
}

fn call() -> impl Strategy<Value = Call> {
    prop_oneof![
        operation_type().prop_map(Call::OperationType),
        status().prop_map(Call::Status),
        date().prop_map(Call::LastActionDateTime),
        any::<i32>().prop_map(Call::AttemptsCount),
        text().prop_map(Call::TargetResourceId),
        Just(Call::ClearTargetResourceId),
        text().prop_map(Call::TargetResourceLocation),
        Just(Call::ClearTargetResourceLocation),
        operation_error().prop_map(Call::Error),
        (nested(), nested()).prop_map(|(code, message)| Call::ErrorChanges(code, message)),
        Just(Call::ClearError),
    ]
}

fn build(calls: &[Call]) -> PatchRequest<TeamsAsyncOperation> {
    let mut builder = TeamsAsyncOperation::patch_team("t");
    for call in calls.iter().cloned() {
        builder = match call {
            Call::OperationType(v) => builder.operation_type(v),
            Call::Status(v) => builder.status(v),
            Call::LastActionDateTime(v) => builder.last_action_date_time(v),
            Call::AttemptsCount(v) => builder.attempts_count(v),
            Call::TargetResourceId(v) => builder.target_resource_id(v),
            Call::ClearTargetResourceId => builder.clear_target_resource_id(),
            Call::TargetResourceLocation(v) => builder.target_resource_location(v),
            Call::ClearTargetResourceLocation => builder.clear_target_resource_location(),
            Call::Error(v) => builder.error(v),
            Call::ErrorChanges(code, message) => {
                let mut changes = OperationError::patch();
                changes = match code {
                    Nested::Absent => changes,
                    Nested::Null => changes.clear_code(),
                    Nested::Value(v) => changes.code(v),
                };
                changes = match message {
                    Nested::Absent => changes,
                    Nested::Null => changes.clear_message(),
                    Nested::Value(v) => changes.message(v),
                };
                builder.error(changes)
            }
            Call::ClearError => builder.clear_error(),
        };
    }
    builder.build().unwrap()
}

/// `op` after the calls, applied directly: the last call for a property wins, and a complex
/// value is merged into the current one (its `None` properties leave the current ones alone).
fn apply(op: &TeamsAsyncOperation, calls: &[Call]) -> TeamsAsyncOperation {
    let mut op = op.clone();
    let mut error = None;
    for call in calls.iter().cloned() {
        match call {
            Call::OperationType(v) => op.operation_type = Some(v),
            Call::Status(v) => op.status = Some(v),
            Call::LastActionDateTime(v) => op.last_action_date_time = Some(v),
            Call::AttemptsCount(v) => op.attempts_count = Some(v),
            Call::TargetResourceId(v) => op.target_resource_id = Some(v),
            Call::ClearTargetResourceId => op.target_resource_id = None,
            Call::TargetResourceLocation(v) => op.target_resource_location = Some(v),
            Call::ClearTargetResourceLocation => op.target_resource_location = None,
            Call::Error(v) => error = Some(Some((nested_of(v.code), nested_of(v.message)))),
            Call::ErrorChanges(code, message) => error = Some(Some((code, message))),
            Call::ClearError => error = Some(None),
        }
    }
    match error {
        Some(Some((code, message))) => {
            let old = op.error.take().unwrap_or_default();
            op.error = Some(OperationError {
                code: code.merged(old.code),
                message: message.merged(old.message),
            });
        }
        Some(None) => op.error = None,
        None => {}
    }
    op
}

/// A whole value's property as nested changes: `None` is left out.
fn nested_of(value: Option<String>) -> Nested {
    value.map_or(Nested::Absent, Nested::Value)
}

/// The wire name a call sets.
fn wire_name(call: &Call) -> &'static str {
    match call {
        Call::OperationType(_) => "operationType",
        Call::Status(_) => "status",
        Call::LastActionDateTime(_) => "lastActionDateTime",
        Call::AttemptsCount(_) => "attemptsCount",
        Call::TargetResourceId(_) | Call::ClearTargetResourceId => "targetResourceId",
        Call::TargetResourceLocation(_) | Call::ClearTargetResourceLocation => {
            "targetResourceLocation"
        }
        Call::Error(_) | Call::ErrorChanges(..) | Call::ClearError => "error",
    }
}

/// The server's PATCH rules over plain JSON (OData Protocol §11.4.3): a member absent from the
/// body leaves the property unchanged, `null` clears it, a value replaces it, and a complex value
/// (an object) is merged the same way into the current one. Control information in the body
/// (`@odata.type`) is not a property.
fn merge(resource: &mut Map<String, Value>, body: &Map<String, Value>) {
    for (name, value) in body {
        if name.starts_with('@') {
            continue;
        }
        match (resource.get_mut(name), value) {
            (Some(Value::Object(current)), Value::Object(changes)) => merge(current, changes),
            (_, Value::Object(changes)) => {
                let mut fresh = Map::new();
                merge(&mut fresh, changes);
                resource.insert(name.clone(), Value::Object(fresh));
            }
            _ => {
                resource.insert(name.clone(), value.clone());
            }
        }
    }
}

/// A body's complex value as its type's own `Serialize` writes the value it gives on an empty
/// resource: no `@odata.type` (it has no annotations field), no `null` members (cleared is
/// `None`, which is left out).
fn as_serialized(value: &Value) -> Value {
    match value {
        Value::Object(members) => Value::Object(
            members
                .iter()
                .filter(|(name, value)| *name != "@odata.type" && !value.is_null())
                .map(|(name, value)| (name.clone(), as_serialized(value)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// A JSON value with every object's members in document order, duplicates included.
#[derive(Debug, Clone, PartialEq)]
enum Ordered {
    Object(Vec<(String, Ordered)>),
    Array(Vec<Ordered>),
    Leaf(Value),
}

impl Ordered {
    fn members(&self) -> &[(String, Ordered)] {
        match self {
            Ordered::Object(members) => members,
            _ => &[],
        }
    }

    fn names(&self) -> Vec<&str> {
        self.members().iter().map(|(k, _)| k.as_str()).collect()
    }

    /// As a `Value` (object member order lost; a duplicate keeps the last value).
    fn to_value(&self) -> Value {
        match self {
            Ordered::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_value()))
                    .collect(),
            ),
            Ordered::Array(items) => Value::Array(items.iter().map(Ordered::to_value).collect()),
            Ordered::Leaf(value) => value.clone(),
        }
    }
}

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(OrderedVisitor)
    }
}

struct OrderedVisitor;

impl<'de> Visitor<'de> for OrderedVisitor {
    type Value = Ordered;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Ordered, E> {
        Ok(Ordered::Leaf(v.into()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Ordered, E> {
        Ok(Ordered::Leaf(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Ordered, E> {
        Ok(Ordered::Leaf(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Ordered, E> {
        Ok(Ordered::Leaf(v.into()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Ordered, E> {
        Ok(Ordered::Leaf(v.into()))
    }
    fn visit_unit<E>(self) -> Result<Ordered, E> {
        Ok(Ordered::Leaf(Value::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Ordered, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Ordered::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
        let mut members = Vec::new();
        while let Some(member) = map.next_entry()? {
            members.push(member);
        }
        Ok(Ordered::Object(members))
    }
}

const TYPE_MEMBER: (&str, &str) = ("@odata.type", "#microsoft.graph.teamsAsyncOperation");

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_builder_body_holds_exactly_the_set_properties(calls in prop::collection::vec(call(), 0..12)) {
        let request = build(&calls);
        let body: Ordered = serde_json::from_slice(request.body())
            .map_err(|e| TestCaseError::fail(format!("not JSON: {e}")))?;
        let members = body.members();
        // `@odata.type` first
        prop_assert_eq!(&members[0].0, TYPE_MEMBER.0);
        prop_assert_eq!(&members[0].1, &Ordered::Leaf(TYPE_MEMBER.1.into()));
        // exactly the set properties, in declaration order, each once
        let expected: Vec<&str> = DECLARED
            .iter()
            .copied()
            .filter(|name| calls.iter().any(|c| wire_name(c) == *name))
            .collect();
        prop_assert_eq!(&body.names()[1..], &expected[..]);
        // each with the value of the last call for it
        let last = apply(&TeamsAsyncOperation::default(), &calls);
        let full = serde_json::to_value(&last).unwrap();
        for (name, value) in &members[1..] {
            prop_assert_eq!(&as_serialized(&value.to_value()), &full[name.as_str()], "{}", name);
        }
        // a complex value starts with its own `@odata.type`, then the properties it holds: a
        // nested `None` is left out (the service keeps the current value), never `null`
        if let Some((_, error @ Ordered::Object(_))) = members.iter().find(|(k, _)| k == "error") {
            let sent = |nested: &Nested| !matches!(nested, Nested::Absent);
            let (code, message) = match calls.iter().rev().find(|c| wire_name(c) == "error") {
                Some(Call::Error(v)) => (v.code.is_some(), v.message.is_some()),
                Some(Call::ErrorChanges(code, message)) => (sent(code), sent(message)),
                other => unreachable!("an object for `error` from {other:?}"),
            };
            let mut names = vec!["@odata.type"];
            names.extend(code.then_some("code"));
            names.extend(message.then_some("message"));
            prop_assert_eq!(&error.names()[..], &names[..]);
        }
        // the body never carries annotations other than `@odata.type`
        prop_assert!(body.names().iter().skip(1).all(|n| !n.contains('@')));
        // Content-Length is the body's
        prop_assert_eq!(
            request.headers()["content-length"].to_str().unwrap(),
            request.body().len().to_string()
        );
    }

}

proptest! {
    // a resource with annotations and open properties is costly to generate: fewer cases
    #![proptest_config(config_with(96))]

    #[test]
    fn merging_a_body_by_the_server_rules_gives_the_expected_resource(
        op in operation(),
        calls in prop::collection::vec(call(), 0..12),
    ) {
        let request = build(&calls);
        let Value::Object(mut stored) = serde_json::to_value(&op).unwrap() else {
            unreachable!("a resource serializes as an object")
        };
        let Value::Object(body) = serde_json::from_slice(request.body()).unwrap() else {
            unreachable!("a body is an object")
        };
        merge(&mut stored, &body);
        let merged: TeamsAsyncOperation =
            odata_resource::from_slice(&serde_json::to_vec(&stored).unwrap()).unwrap();
        prop_assert_eq!(merged, as_read_back(&apply(&op, &calls)));
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Path parameters

/// Strings that probe the path rules: anything, and near misses of the refused forms.
fn path_value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[./$%~_:@?#\\\\ a-zA-Z0-9-]{0,6}",
        Just(".".to_owned()),
        Just("..".to_owned()),
        "\\$[a-z]{0,5}",
        "[a-zA-Z_][a-zA-Z0-9_]{0,3}(\\.[a-zA-Z_0-9][a-zA-Z0-9_]{0,3}){1,3}",
        "%2[eE]%2[eE]",
        "[\\u{0}-\\u{1f}\\u{7f}]{1,3}",
    ]
}

/// The refusals the facade documents: empty, `.`, `..`, `$…`, and namespace-qualified names.
fn must_refuse(value: &str) -> bool {
    value.is_empty()
        || value == "."
        || value == ".."
        || value.starts_with('$')
        || is_qualified_name(value)
}

fn is_qualified_name(value: &str) -> bool {
    let parts: Vec<&str> = value.split('.').collect();
    parts.len() > 1
        && parts.iter().all(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

/// Decodes `%XX` once; `None` if the segment holds anything but unreserved characters and
/// well-formed upper-case escapes.
fn decode_segment(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = segment.get(i + 1..i + 3)?;
                if hex.bytes().any(|b| b.is_ascii_lowercase()) {
                    return None;
                }
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b if b.is_ascii_alphanumeric() || b"-._~".contains(&b) => {
                out.push(b);
                i += 1;
            }
            _ => return None,
        }
    }
    String::from_utf8(out).ok()
}

/// Checks one built path against its template: the literal segments in place, each parameter
/// one segment that decodes to its value.
fn check_path(
    result: Result<PatchRequest<TeamsAsyncOperation>, Error>,
    template: &[&str],
    params: &[(&str, &str)],
) -> Result<(), TestCaseError> {
    let refused = params.iter().find(|(_, value)| must_refuse(value));
    match (result, refused) {
        (Ok(request), None) => {
            let segments: Vec<&str> = request.path().split('/').collect();
            prop_assert_eq!(segments.len(), template.len(), "{}", request.path());
            let mut values = params.iter();
            for (segment, expected) in segments.iter().zip(template) {
                if expected.starts_with('{') {
                    let (_, value) = values.next().unwrap();
                    let decoded = decode_segment(segment);
                    prop_assert_eq!(decoded.as_deref(), Some(*value));
                } else {
                    prop_assert_eq!(segment, expected);
                }
            }
            let http = request.to_http("https://graph.microsoft.com/v1.0").unwrap();
            prop_assert_eq!(http.uri().path(), format!("/v1.0{}", request.path()));
            prop_assert_eq!(http.uri().query(), None);
        }
        (
            Err(Error::InvalidPathParameter {
                parameter, value, ..
            }),
            Some((name, bad)),
        ) => {
            prop_assert_eq!(parameter, *name);
            prop_assert_eq!(&value, bad);
        }
        (other, refused) => {
            prop_assert!(false, "{other:?} where the refusal expected is {refused:?}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_string_is_one_segment_or_refused(value in path_value()) {
        check_path(
            TeamsAsyncOperation::patch_team(&value).build(),
            &["", "teams", "{teamsId}", "operations"],
            &[("teamsId", &value)],
        )?;
    }

    #[test]
    fn any_two_strings_are_two_segments_or_refused(a in path_value(), b in path_value()) {
        check_path(
            TeamsAsyncOperation::patch_invited_user_team(&a, &b)
                .status(Status::Failed)
                .build(),
            &["", "invitations", "{invitationsId}", "invitedUser", "joinedGroups", "{groupId}", "team", "operations"],
            &[("invitationsId", &a), ("groupId", &b)],
        )?;
    }
}
