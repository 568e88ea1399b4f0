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
fn the_type_first_is_streamed_and_a_later_type_is_buffered() {
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
    // buffered: the variant reads the buffered object; the path is the property inside it
    // (the position, serde_json's, is where the object ends)
    let err = from_slice::<AnyEntity>(
        br##"{"attemptsCount":"x","@odata.type":"#microsoft.graph.teamsAsyncOperation"}"##,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid JSON at `attemptsCount`: invalid type: string \"x\", expected i32 at line 1 column 74"
    );
    // buffered: `@odata.type` last still dispatches
    let later = read(
        json!({"id": "a", "status": "succeeded", "@odata.type": "#microsoft.graph.teamsAsyncOperation"}),
    );
    assert!(
        matches!(later, AnyEntity::TeamsAsyncOperation(ref op) if op.status == Some(TeamsAsyncOperationStatus::Succeeded))
    );
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
fn an_error_in_a_buffered_item_names_the_item_and_the_property() {
    // `@odata.type` after the bad member: the item is buffered, then read as its variant
    let err = from_slice::<Page>(
        br##"{"value":[{"id":"a"},{"attemptsCount":"x","@odata.type":"#microsoft.graph.teamsAsyncOperation"}]}"##,
    )
    .unwrap_err();
    match err {
        odata_resource::Error::Json { path, message } => {
            assert_eq!(path, "value[1].attemptsCount");
            assert_eq!(
                message,
                "invalid type: string \"x\", expected i32 at line 1 column 95"
            );
        }
        other => panic!("{other:?}"),
    }
    // a property inside a value inside the buffered object
    let err = from_slice::<Page>(
        br##"{"value":[{"error":{"code":5},"@odata.type":"#microsoft.graph.teamsAsyncOperation"}]}"##,
    )
    .unwrap_err();
    match err {
        odata_resource::Error::Json { path, .. } => assert_eq!(path, "value[0].error.code"),
        other => panic!("{other:?}"),
    }
}
