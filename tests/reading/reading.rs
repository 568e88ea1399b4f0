//! Reading what a service may send: `@odata.type` spellings, unknown derived types, annotations,
//! undeclared properties, unknown enum members, and errors that name the property path.

use odata_resource::{from_slice, Error};
use serde_json::{json, Value};
use teams_model::{
    OperationError, TeamsAsyncOperation, TeamsAsyncOperationStatus, TeamsAsyncOperationType,
};

fn read(json: Value) -> TeamsAsyncOperation {
    from_slice(&serde_json::to_vec(&json).unwrap()).unwrap()
}

fn read_err(text: &str) -> (String, String) {
    match from_slice::<TeamsAsyncOperation>(text.as_bytes()) {
        Err(Error::Json { path, message }) => (path, message),
        other => panic!("{text}: expected a JSON error, got {other:?}"),
    }
}

#[test]
fn odata_type_with_or_without_hash_last_or_missing() {
    for (member, value) in [
        ("@odata.type", "#microsoft.graph.teamsAsyncOperation"),
        ("@odata.type", "microsoft.graph.teamsAsyncOperation"),
        ("@odata.type", "#graph.teamsAsyncOperation"),
        (
            "@odata.type",
            "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.teamsAsyncOperation",
        ),
        ("@type", "#microsoft.graph.teamsAsyncOperation"),
    ] {
        let first = read(json!({member: value, "id": "a", "attemptsCount": 1}));
        assert_eq!(first.id.as_deref(), Some("a"));
        assert_eq!(first.annotations.odata_type(), Some(value));
        // last instead of first
        let last = read(json!({"id": "a", "attemptsCount": 1, member: value}));
        assert_eq!(last, first);
    }
    let missing = read(json!({"id": "a"}));
    assert_eq!(missing.annotations.odata_type(), None);
    assert_eq!(missing.id.as_deref(), Some("a"));
    // the declared type is written back when none was received
    assert_eq!(
        serde_json::to_value(&missing).unwrap()["@odata.type"],
        "#microsoft.graph.teamsAsyncOperation"
    );
}

#[test]
fn an_unknown_derived_type_is_read_as_the_declared_type_and_kept() {
    let op = read(json!({
        "@odata.type": "#microsoft.graph.teamsAsyncOperationV2",
        "id": "a",
        "newProperty": {"x": 1}
    }));
    assert_eq!(op.id.as_deref(), Some("a"));
    assert_eq!(
        op.annotations.type_name(),
        Some("microsoft.graph.teamsAsyncOperationV2")
    );
    assert_eq!(op.additional["newProperty"], json!({"x": 1}));
    let back = serde_json::to_value(&op).unwrap();
    assert_eq!(
        back["@odata.type"],
        "#microsoft.graph.teamsAsyncOperationV2"
    );
    assert_eq!(back["newProperty"], json!({"x": 1}));
}

#[test]
fn context_etag_and_other_annotations_are_kept() {
    let op = read(json!({
        "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#teams('t')/operations/$entity",
        "@odata.etag": "W/\"JzEtVGVhbQ==\"",
        "@odata.id": "teams('t')/operations('o')",
        "@microsoft.graph.tips": "Use $select to choose only the properties your app needs",
        "status@odata.type": "#microsoft.graph.teamsAsyncOperationStatus",
        "#microsoft.graph.cancel": {},
        "status": "succeeded"
    }));
    let a = &op.annotations;
    assert_eq!(
        a.context(),
        Some("https://graph.microsoft.com/v1.0/$metadata#teams('t')/operations/$entity")
    );
    assert_eq!(a.etag(), Some("W/\"JzEtVGVhbQ==\""));
    assert_eq!(a.id(), Some("teams('t')/operations('o')"));
    assert!(a.get("@microsoft.graph.tips").is_some());
    assert!(a.get("status@odata.type").is_some());
    assert!(a.get("#microsoft.graph.cancel").is_some());
    assert_eq!(op.status, Some(TeamsAsyncOperationStatus::Succeeded));
    assert!(op.additional.is_empty(), "annotations are not properties");

    let back = serde_json::to_value(&op).unwrap();
    assert_eq!(back["@odata.etag"], "W/\"JzEtVGVhbQ==\"");
    assert_eq!(
        back["@microsoft.graph.tips"],
        a.get("@microsoft.graph.tips").unwrap().clone()
    );
    let text = serde_json::to_string(&op).unwrap();
    assert!(
        text.starts_with(
            r##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","@odata.context""##
        ),
        "{text}"
    );
}

#[test]
fn undeclared_properties_are_kept_by_additional_and_skipped_without_it() {
    let op = read(json!({"id": "a", "values": "{\"appIds\":[]}", "Value": [1, {"a": null}]}));
    assert_eq!(op.additional.len(), 2);
    assert_eq!(op.additional["values"], "{\"appIds\":[]}");
    // OperationError has no `additional` field: undeclared members and annotations are skipped
    let error: OperationError = from_slice(
        br##"{"@odata.type":"#microsoft.graph.operationError","code":"c","extra":{"deep":[1,2,3]},"@x.y":1,"message":"m"}"##,
    )
    .unwrap();
    assert_eq!(
        error,
        OperationError {
            code: Some("c".into()),
            message: Some("m".into())
        }
    );
}

#[test]
fn unknown_enum_members_go_to_the_catch_all_and_serialize_back_unchanged() {
    let op = read(json!({"operationType": "createChat", "status": "paused"}));
    assert_eq!(
        op.operation_type,
        Some(TeamsAsyncOperationType::Other("createChat".into()))
    );
    assert_eq!(
        op.status,
        Some(TeamsAsyncOperationStatus::Other("paused".into()))
    );
    let back = serde_json::to_value(&op).unwrap();
    assert_eq!(back["operationType"], "createChat");
    assert_eq!(back["status"], "paused");
    // known members by their exact wire name
    assert_eq!(
        read(json!({"operationType": "unarchiveChannel"})).operation_type,
        Some(TeamsAsyncOperationType::UnarchiveChannel)
    );
    assert_eq!(
        TeamsAsyncOperationType::UnarchiveChannel.as_str(),
        "unarchiveChannel"
    );
    assert_eq!(TeamsAsyncOperationType::CloneTeam.to_string(), "cloneTeam");
    assert_eq!(
        "unknownFutureValue".parse::<TeamsAsyncOperationStatus>(),
        Ok(TeamsAsyncOperationStatus::UnknownFutureValue)
    );
}

#[test]
fn nulls_read_as_none() {
    let op = read(json!({"error": null, "status": null, "attemptsCount": null}));
    assert_eq!(op, TeamsAsyncOperation::default());
}

#[test]
fn a_string_in_attempts_count_names_the_property() {
    let (path, message) = read_err(r#"{"id":"a","attemptsCount":"13"}"#);
    assert_eq!(path, "attemptsCount");
    assert!(
        message.contains("invalid type: string \"13\", expected i32"),
        "{message}"
    );
}

#[test]
fn int32_overflow_names_the_property() {
    let (path, message) = read_err(r#"{"attemptsCount":2147483648}"#);
    assert_eq!(path, "attemptsCount");
    assert!(message.contains("2147483648"), "{message}");
    assert_eq!(
        from_slice::<TeamsAsyncOperation>(br#"{"attemptsCount":2147483647}"#)
            .unwrap()
            .attempts_count,
        Some(i32::MAX)
    );
}

#[test]
fn an_impossible_date_names_the_property() {
    let (path, message) = read_err(r#"{"createdDateTime":"2016-02-30T00:00:00Z"}"#);
    assert_eq!(path, "createdDateTime");
    assert!(message.contains("2016-02-30T00:00:00Z"), "{message}");
    assert!(message.contains("day 30"), "{message}");
}

#[test]
fn a_date_without_offset_is_an_error_never_local_time() {
    let (path, message) = read_err(r#"{"lastActionDateTime":"2017-04-24T22:40:44.5665917"}"#);
    assert_eq!(path, "lastActionDateTime");
    assert!(message.contains("offset"), "{message}");
}

#[test]
fn nested_errors_name_the_nested_path() {
    let (path, message) = read_err(r#"{"error":{"code":5}}"#);
    assert_eq!(path, "error.code");
    assert!(message.contains("expected a string"), "{message}");
}

#[test]
fn duplicate_properties_are_an_error() {
    let (_, message) = read_err(r#"{"id":"a","id":"b"}"#);
    assert!(message.contains("duplicate property `id`"), "{message}");
    let (_, message) = read_err(r#"{"extra":1,"extra":2}"#);
    assert!(message.contains("duplicate property `extra`"), "{message}");
}

#[test]
fn odata_type_must_be_a_string() {
    let (path, message) = read_err(r#"{"@odata.type":5}"#);
    assert_eq!(path, "@odata.type");
    assert!(message.contains("expected a string"), "{message}");
    let (path, _) = read_err(r#"{"id":"a","@odata.etag":[1]}"#);
    assert_eq!(path, "@odata.etag");
    let err = from_slice::<OperationError>(br#"{"@odata.type":{"a":1}}"#).unwrap_err();
    assert!(err.to_string().contains("@odata.type"), "{err}");
}

/// A member is matched by its name as read, escapes undone, in any order, by both readers.
#[test]
fn members_are_matched_by_name_in_any_order_and_spelling() {
    let text = r#"{"attemptsC\u006funt":3,"\u0069d":"op-1","status":"succeeded","ne\u0077Prop":1}"#;
    let ours: TeamsAsyncOperation = from_slice(text.as_bytes()).unwrap();
    let theirs: TeamsAsyncOperation = serde_json::from_str(text).unwrap();
    for read in [&ours, &theirs] {
        assert_eq!(read.id.as_deref(), Some("op-1"));
        assert_eq!(read.attempts_count, Some(3));
        assert_eq!(read.status, Some(TeamsAsyncOperationStatus::Succeeded));
        assert_eq!(read.additional.get("newProp"), Some(&json!(1)));
    }
    assert_eq!(ours, theirs);
}

/// 70 `Option` properties: read in place, with a second word of "seen" bits past the 64th.
macro_rules! wide {
    ($($field:ident)*) => {
        #[derive(odata_resource::ComplexType, Debug, Clone, PartialEq, Default)]
        #[odata(type = "test.wide")]
        struct Wide {
            $($field: Option<i32>,)*
        }
    };
}

wide!(
    p0 p1 p2 p3 p4 p5 p6 p7 p8 p9 p10 p11 p12 p13 p14 p15 p16 p17 p18 p19 p20 p21 p22 p23 p24
    p25 p26 p27 p28 p29 p30 p31 p32 p33 p34 p35 p36 p37 p38 p39 p40 p41 p42 p43 p44 p45 p46 p47
    p48 p49 p50 p51 p52 p53 p54 p55 p56 p57 p58 p59 p60 p61 p62 p63 p64 p65 p66 p67 p68 p69
);

#[test]
fn a_type_of_more_than_64_properties_tells_each_duplicate() {
    let read: Wide = odata_resource::from_slice(br#"{"p69":1,"p0":2,"p64":null,"p63":4}"#).unwrap();
    assert_eq!(
        (read.p69, read.p0, read.p64, read.p63, read.p1),
        (Some(1), Some(2), None, Some(4), None)
    );
    for name in ["p0", "p63", "p64", "p69"] {
        for first in ["null", "1"] {
            let text = format!(r#"{{"p1":0,"{name}":{first},"p65":0,"{name}":7}}"#);
            let message = odata_resource::from_slice::<Wide>(text.as_bytes())
                .unwrap_err()
                .to_string();
            assert!(
                message.contains(&format!("duplicate property `{name}`")),
                "{text}: {message}"
            );
            // the same through serde_json, which reads through the same `read_object`
            let message = serde_json::from_str::<Wide>(&text).unwrap_err().to_string();
            assert!(
                message.starts_with(&format!("{name}: duplicate property `{name}`")),
                "{text}: {message}"
            );
        }
    }
}
