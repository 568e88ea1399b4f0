//! Polymorphism: an enum of derived types dispatched on `@odata.type`, with `entity` as the base.

use odata_resource::{
    from_slice, Annotations, ComplexType, Map, Polymorphic, Resource, UnknownType, Value,
};
use serde_json::json;
use teams_model::{TeamsAsyncOperation, TeamsAsyncOperationStatus};

/// `microsoft.graph.entity`, the base type.
#[derive(Resource, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.entity")]
struct Entity {
    #[odata(read_only)]
    id: Option<String>,
    #[odata(annotations)]
    annotations: Annotations,
    #[odata(additional)]
    additional: Map<String, Value>,
}

/// `microsoft.graph.teamworkDeviceOperation` (beta): a second derived type.
#[derive(Resource, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.teamworkDeviceOperation")]
struct TeamworkDeviceOperation {
    #[odata(read_only)]
    id: Option<String>,
    status: Option<String>,
    operation_type: Option<String>,
    // the docs' sample dates (`2021-06-19T12-01-03.45Z`) are not valid Edm.DateTimeOffset
    started_date_time: Option<String>,
    #[odata(additional)]
    additional: Map<String, Value>,
}

#[derive(Polymorphic, Debug, Clone, PartialEq)]
enum AnyEntity {
    #[odata(base)]
    Entity(Entity),
    TeamsAsyncOperation(TeamsAsyncOperation),
    TeamworkDeviceOperation(TeamworkDeviceOperation),
    #[odata(unknown)]
    Unknown(UnknownType),
}

/// A property typed as the base.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "test.operationsPage", no_type_annotation)]
struct Page {
    value: Vec<AnyEntity>,
    #[odata(annotations)]
    annotations: Annotations,
}

fn read(value: Value) -> AnyEntity {
    from_slice(&serde_json::to_vec(&value).unwrap()).unwrap()
}

#[test]
fn dispatches_on_the_type_in_any_spelling() {
    for name in [
        "#microsoft.graph.teamsAsyncOperation",
        "microsoft.graph.teamsAsyncOperation",
        "#graph.teamsAsyncOperation",
        "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.teamsAsyncOperation",
    ] {
        let AnyEntity::TeamsAsyncOperation(op) =
            read(json!({"@odata.type": name, "id": "a", "status": "failed"}))
        else {
            panic!("{name}")
        };
        assert_eq!(op.status, Some(TeamsAsyncOperationStatus::Failed));
        assert_eq!(
            op.annotations.odata_type(),
            Some(name),
            "the variant keeps the name as received"
        );
    }
    let device =
        read(json!({"@type": "#microsoft.graph.teamworkDeviceOperation", "status": "successful"}));
    assert!(
        matches!(device, AnyEntity::TeamworkDeviceOperation(ref d) if d.status.as_deref() == Some("successful"))
    );
}

#[test]
fn a_missing_type_is_the_base_and_an_unknown_one_is_kept_whole() {
    let base = read(json!({"id": "e1", "extra": 1}));
    let AnyEntity::Entity(entity) = base else {
        panic!()
    };
    assert_eq!(entity.id.as_deref(), Some("e1"));
    assert_eq!(entity.additional["extra"], 1);

    let unknown = read(
        json!({"@odata.type": "#microsoft.graph.somethingNew", "id": "x", "nested": {"a": [1]}, "@odata.etag": "e"}),
    );
    let AnyEntity::Unknown(kept) = &unknown else {
        panic!("{unknown:?}")
    };
    assert_eq!(kept.type_name, "#microsoft.graph.somethingNew");
    assert_eq!(kept.object["nested"], json!({"a": [1]}));
    assert_eq!(kept.object["@odata.etag"], "e");
    let back = serde_json::to_string(&unknown).unwrap();
    assert!(
        back.starts_with(r##"{"@odata.type":"#microsoft.graph.somethingNew""##),
        "{back}"
    );
}

#[test]
fn the_type_first_is_streamed_and_a_later_type_is_found_ahead() {
    // streamed: the variant's own reader sees the members as sent, so a duplicate is caught and
    // errors name the property
    let err = from_slice::<AnyEntity>(
        br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","id":"a","id":"b"}"##,
    )
    .unwrap_err();
    assert!(err.to_string().contains("duplicate property `id`"), "{err}");
    let err = from_slice::<AnyEntity>(
        br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","attemptsCount":"x"}"##,
    )
    .unwrap_err();
    assert!(
        matches!(&err, odata_resource::Error::Json { path, .. } if path == "attemptsCount"),
        "{err:?}"
    );
    // later: our reader finds the type ahead and the variant reads the object as sent, so the
    // error is where the bad value is (column 20), as when the type comes first
    let later = br##"{"attemptsCount":"x","@odata.type":"#microsoft.graph.teamsAsyncOperation"}"##;
    assert_eq!(
        from_slice::<AnyEntity>(later).unwrap_err().to_string(),
        "invalid JSON at `attemptsCount`: invalid type: string \"x\", expected i32 at line 1 column 20"
    );
    // serde_json cannot look ahead: it buffers the object, and the variant reads the buffer;
    // same path and message, placed where the object ends (column 74)
    assert_eq!(
        serde_json::from_slice::<AnyEntity>(later)
            .unwrap_err()
            .to_string(),
        "attemptsCount: invalid type: string \"x\", expected i32 at line 1 column 74"
    );
    // `@odata.type` last still dispatches, and the variant keeps it as when it comes first
    let later = read(
        json!({"id": "a", "status": "succeeded", "@odata.type": "#microsoft.graph.teamsAsyncOperation"}),
    );
    let AnyEntity::TeamsAsyncOperation(op) = later else {
        panic!("{later:?}")
    };
    assert_eq!(op.status, Some(TeamsAsyncOperationStatus::Succeeded));
    assert_eq!(
        op.annotations.odata_type(),
        Some("#microsoft.graph.teamsAsyncOperation")
    );
    // found ahead, the object is read as sent: a duplicate is an error as when the type comes
    // first (serde_json's buffer keeps the last of the two)
    let twice = br##"{"id":"a","id":"b","@odata.type":"#microsoft.graph.teamsAsyncOperation"}"##;
    let err = from_slice::<AnyEntity>(twice).unwrap_err();
    assert!(err.to_string().contains("duplicate property `id`"), "{err}");
    let untyped = from_slice::<AnyEntity>(br#"{"id":"a","id":"b"}"#).unwrap_err();
    assert!(
        untyped.to_string().contains("duplicate property `id`"),
        "{untyped}"
    );
}

/// Objects whose `@odata.type` is not first, read by our reader (which looks ahead for it) and
/// through serde_json (which buffers them): the same values.
#[test]
fn a_type_found_ahead_reads_as_the_buffered_object_reads() {
    let texts = [
        // later, in either spelling, among nested values
        r##"{"id":"a","error":{"code":"c","details":[{"@odata.type":"x"}]},"@odata.type":"#microsoft.graph.teamsAsyncOperation","status":"failed"}"##,
        r##"{"status":"successful","@type":"#microsoft.graph.teamworkDeviceOperation","id":"d"}"##,
        // absent: the base, its undeclared members kept
        r##"{"id":"e1","extra":{"nested":[1,2,{"@odata.type":"#microsoft.graph.teamsAsyncOperation"}]}}"##,
        "{}",
        " { \"id\" : \"e2\" } ",
        // later and unknown: kept whole
        r##"{"id":"x","nested":{"a":[1]},"@odata.type":"#microsoft.graph.somethingNew","@odata.etag":"e"}"##,
        // not settled by the look ahead (escapes, two types): buffered, as before
        r##"{"id":"a","@odata\u002etype":"#microsoft.graph.teamsAsyncOperation"}"##,
        r##"{"id":"a","@odata.type":"#microsoft.graph.teams\u0041syncOperation"}"##,
        r##"{"id":"a","@odata.type":"#microsoft.graph.teamsAsyncOperation","@odata.type":"#microsoft.graph.teamworkDeviceOperation"}"##,
        r##"{"i\u0064":"a","@odata.type":"#microsoft.graph.teamsAsyncOperation"}"##,
    ];
    for text in texts {
        let ours = from_slice::<AnyEntity>(text.as_bytes()).unwrap();
        let theirs = serde_json::from_str::<AnyEntity>(text).unwrap();
        assert_eq!(ours, theirs, "{text}");
    }
    // other deserializers: serde_json's `Value`, and serde's own buffer (an untagged enum
    // around ours), which hands values over instead of their text
    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(untagged)]
    enum Wrapped {
        Entity(AnyEntity),
    }
    for text in texts {
        let ours = from_slice::<AnyEntity>(text.as_bytes()).unwrap();
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            serde_json::from_value::<AnyEntity>(value).unwrap(),
            ours,
            "{text}"
        );
        let Wrapped::Entity(wrapped) = serde_json::from_str::<Wrapped>(text).unwrap();
        assert_eq!(wrapped, ours, "{text}");
    }
    let escaped = from_slice::<AnyEntity>(texts[6].as_bytes()).unwrap();
    assert!(
        matches!(escaped, AnyEntity::TeamsAsyncOperation(ref op) if op.id.as_deref() == Some("a")),
        "{escaped:?}"
    );
    let Ok(AnyEntity::Unknown(unknown)) = from_slice::<AnyEntity>(texts[5].as_bytes()) else {
        panic!("{}", texts[5])
    };
    assert_eq!(unknown.type_name, "#microsoft.graph.somethingNew");
    assert_eq!(unknown.object.len(), 3, "{unknown:?}");
    // errors the look ahead leaves to the reading, found where they are, as serde_json finds
    // them
    for text in [
        r#"{"id":"a","x":[1,}"#,
        r#"{"id":"a","@odata.type":5}"#,
        r##"{"id":"a","@odata.type":"#microsoft.graph.entity""##,
        r#"{"id":"a" "b":1}"#,
    ] {
        let ours = from_slice::<AnyEntity>(text.as_bytes()).unwrap_err();
        let theirs = serde_json::from_str::<AnyEntity>(text).unwrap_err();
        let odata_resource::Error::Json { message, .. } = &ours else {
            panic!("{ours:?}")
        };
        // serde_json's message, its path (if any) at its start; ours has the path apart
        assert!(
            theirs.to_string().ends_with(message.as_str()),
            "{text}: ours `{ours}`, serde_json's `{theirs}`"
        );
    }
    // an error in an object read as the type found ahead is the one reading it as that type
    // gives, where the value is (serde_json's buffer places it where the object ends)
    for (text, column) in [
        (r#"{"id":7}"#, 7),
        (r##"{"id":7,"@odata.type":"#microsoft.graph.entity"}"##, 7),
    ] {
        let Err(odata_resource::Error::Json { path, message }) =
            from_slice::<AnyEntity>(text.as_bytes())
        else {
            panic!("{text}")
        };
        let direct = serde_json::from_str::<Entity>(text).unwrap_err();
        assert_eq!(format!("{path}: {message}"), direct.to_string(), "{text}");
        assert_eq!(direct.column(), column);
    }
}

#[test]
fn writing_puts_the_variants_type_first() {
    let op = AnyEntity::TeamsAsyncOperation(TeamsAsyncOperation {
        id: Some("a".into()),
        ..Default::default()
    });
    let text = serde_json::to_string(&op).unwrap();
    assert!(
        text.starts_with(r##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","id":"a""##),
        "{text}"
    );
    let device = AnyEntity::TeamworkDeviceOperation(TeamworkDeviceOperation::default());
    assert!(serde_json::to_string(&device)
        .unwrap()
        .starts_with(r##"{"@odata.type":"#microsoft.graph.teamworkDeviceOperation""##));
    let AnyEntity::TeamsAsyncOperation(again) = read(serde_json::to_value(&op).unwrap()) else {
        panic!("read back as another variant")
    };
    assert_eq!(again.id.as_deref(), Some("a"));
    assert_eq!(
        again.annotations.type_name(),
        Some("microsoft.graph.teamsAsyncOperation")
    );
}

#[test]
fn a_property_typed_as_the_base_reads_real_collections() {
    let corpus = crate::common::shared_dir().join("corpus/graph-docs");
    let devices: Page = from_slice(
        &std::fs::read(corpus.join("beta/teamworkdeviceoperation-list.1.response.json")).unwrap(),
    )
    .unwrap();
    assert!(!devices.value.is_empty());
    assert!(devices
        .value
        .iter()
        .all(|v| matches!(v, AnyEntity::TeamworkDeviceOperation(_))));
    assert!(devices.annotations.context().is_some());

    // items without @odata.type are the declared type: the base
    let chats: Page = from_slice(
        &std::fs::read(corpus.join("v1.0/chat-list-operations.1.response.json")).unwrap(),
    )
    .unwrap();
    let AnyEntity::Entity(entity) = &chats.value[0] else {
        panic!("{:?}", chats.value[0])
    };
    assert_eq!(entity.additional["operationType"], "createChat");
    assert_eq!(chats.annotations.get("@odata.count"), Some(&json!(1)));

    let mixed: Page = from_slice(br##"{"value":[{"@odata.type":"#microsoft.graph.teamsAsyncOperation","status":"failed"},{"id":"e"},{"@odata.type":"#x.y","a":1}]}"##).unwrap();
    assert!(matches!(mixed.value[0], AnyEntity::TeamsAsyncOperation(_)));
    assert!(matches!(mixed.value[1], AnyEntity::Entity(_)));
    assert!(matches!(&mixed.value[2], AnyEntity::Unknown(u) if u.qualified_name() == "x.y"));
}

/// `microsoft.graph.eventMessageDetail`, abstract in Graph: a value in a property of this type
/// is always of a derived type.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.eventMessageDetail")]
struct EventMessageDetail {
    #[odata(additional)]
    additional: Map<String, Value>,
}

/// The same base, with room for the received type.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.eventMessageDetail")]
struct KeptEventMessageDetail {
    #[odata(annotations)]
    annotations: Annotations,
    #[odata(additional)]
    additional: Map<String, Value>,
}

#[derive(Resource, Debug, Clone, PartialEq, Default)]
#[odata(type = "microsoft.graph.chatMessage")]
struct ChatMessage {
    event_detail: Option<EventMessageDetail>,
    kept: Option<KeptEventMessageDetail>,
}

#[test]
fn a_value_never_claims_a_type_it_does_not_have() {
    let detail = json!({
        "@odata.type": "#microsoft.graph.chatRenamedEventMessageDetail",
        "chatDisplayName": "Renamed"
    });
    let message: ChatMessage =
        from_slice(&serde_json::to_vec(&json!({"eventDetail": detail, "kept": detail})).unwrap())
            .unwrap();
    let back = serde_json::to_value(&message).unwrap();
    // nowhere to keep the derived name: no type rather than the abstract base's
    assert_eq!(
        back["eventDetail"],
        json!({"chatDisplayName": "Renamed"}),
        "{back}"
    );
    // kept in the annotations: written back as received
    assert_eq!(back["kept"], detail);
    // a resource without annotations field claims no type either; a variant of a Polymorphic
    // enum does, since the enum knows it (see writing_puts_the_variants_type_first)
    assert!(back.get("@odata.type").is_none(), "{back}");
}

/// A variant whose `ODataType`, `Serialize` and `Deserialize` are written by hand: it reads
/// through its own `Deserialize` (`ODataType::read_object`'s default), its `@odata.type` given
/// back first, so it sees the object as sent.
#[derive(serde::Deserialize, serde::Serialize, Debug, Clone, PartialEq)]
struct Chat {
    #[serde(rename = "@odata.type")]
    odata_type: String,
    topic: String,
}

impl odata_resource::ODataType for Chat {
    const TYPE_NAME: &'static str = "microsoft.graph.chat";
}

impl odata_resource::ODataValue for Chat {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend(serde_json::to_vec(self).unwrap());
    }
}

/// Boxed variants (as generated models hold them) and a hand-written one.
#[derive(Polymorphic, Debug, Clone, PartialEq)]
enum AnyBoxed {
    #[odata(base)]
    Entity(Box<Entity>),
    TeamsAsyncOperation(Box<TeamsAsyncOperation>),
    Chat(Chat),
}

#[test]
fn boxed_and_hand_written_variants_read_the_stream_as_sent() {
    let chat: AnyBoxed =
        from_slice(br##"{"@odata.type":"#microsoft.graph.chat","topic":"Launch"}"##).unwrap();
    assert_eq!(
        chat,
        AnyBoxed::Chat(Chat {
            odata_type: "#microsoft.graph.chat".into(),
            topic: "Launch".into(),
        })
    );
    let op: AnyBoxed = from_slice(
        br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","status":"succeeded","attemptsCount":2}"##,
    )
    .unwrap();
    let AnyBoxed::TeamsAsyncOperation(op) = op else {
        panic!("{op:?}")
    };
    assert_eq!(op.status, Some(TeamsAsyncOperationStatus::Succeeded));
    assert_eq!(op.attempts_count, Some(2));
    // the type read before the variant began is kept as if the variant had read it
    assert_eq!(
        op.annotations.odata_type(),
        Some("#microsoft.graph.teamsAsyncOperation")
    );
    // a type nobody declares, without an unknown variant: the base, which keeps the name
    let other: AnyBoxed =
        from_slice(br##"{"@type":"microsoft.graph.somethingNew","id":"x"}"##).unwrap();
    let AnyBoxed::Entity(entity) = other else {
        panic!("{other:?}")
    };
    assert_eq!(entity.id.as_deref(), Some("x"));
    assert_eq!(
        entity.annotations.odata_type(),
        Some("microsoft.graph.somethingNew")
    );
    // errors inside a boxed variant still name the property
    let err = from_slice::<AnyBoxed>(
        br##"{"@odata.type":"#microsoft.graph.teamsAsyncOperation","attemptsCount":"x"}"##,
    )
    .unwrap_err();
    assert!(
        matches!(&err, odata_resource::Error::Json { path, .. } if path == "attemptsCount"),
        "{err:?}"
    );
}

#[test]
fn an_error_in_an_item_typed_later_names_the_item_and_the_property() {
    // `@odata.type` after the bad member: our reader finds it ahead, the variant reads the item
    let text = br##"{"value":[{"id":"a"},{"attemptsCount":"x","@odata.type":"#microsoft.graph.teamsAsyncOperation"}]}"##;
    match from_slice::<Page>(text).unwrap_err() {
        odata_resource::Error::Json { path, message } => {
            assert_eq!(path, "value[1].attemptsCount");
            assert_eq!(
                message,
                "invalid type: string \"x\", expected i32 at line 1 column 41"
            );
        }
        other => panic!("{other:?}"),
    }
    // serde_json buffers the item: the same path, placed where the item ends
    assert_eq!(
        serde_json::from_slice::<Page>(text)
            .unwrap_err()
            .to_string(),
        "value[1].attemptsCount: invalid type: string \"x\", expected i32 at line 1 column 95"
    );
    // a property inside a value inside the object, either way
    let text = br##"{"value":[{"error":{"code":5},"@odata.type":"#microsoft.graph.teamsAsyncOperation"}]}"##;
    match from_slice::<Page>(text).unwrap_err() {
        odata_resource::Error::Json { path, .. } => assert_eq!(path, "value[0].error.code"),
        other => panic!("{other:?}"),
    }
    assert!(serde_json::from_slice::<Page>(text)
        .unwrap_err()
        .to_string()
        .starts_with("value[0].error.code: "));
}
