//! Open types and ETags: undeclared properties round-trip through the type's own Serialize; the
//! ETag feeds `if_match`; annotations never reach a PATCH body.

use odata_resource::{from_slice, Annotations, ComplexType, Map, Resource, Value};
use serde_json::json;
use teams_model::TeamsAsyncOperation;

#[test]
fn undeclared_properties_round_trip_through_serialize() {
    let input = json!({
        "@odata.type": "#microsoft.graph.teamsAsyncOperation",
        "id": "a",
        "values": "{\"appIds\":[\"1542629c\"]}",
        "Value": {"nested": [1, 2.5, null, true]},
        "dynamicNumber": 12345678901234567u64
    });
    let op: TeamsAsyncOperation = from_slice(&serde_json::to_vec(&input).unwrap()).unwrap();
    assert_eq!(op.additional.len(), 3);
    let output = serde_json::to_value(&op).unwrap();
    for key in ["values", "Value", "dynamicNumber"] {
        assert_eq!(output[key], input[key], "{key}");
    }
}

#[test]
fn the_etag_feeds_if_match() {
    let op: TeamsAsyncOperation =
        from_slice(br#"{"@odata.etag":"W/\"JzEtVGVhbQ==\"","id":"a"}"#).unwrap();
    let request = TeamsAsyncOperation::patch_team("t")
        .if_match(op.annotations.etag().unwrap())
        .build()
        .unwrap();
    assert_eq!(request.headers()["if-match"], "W/\"JzEtVGVhbQ==\"");
}

/// An open complex type that keeps its annotations and undeclared properties.
#[derive(ComplexType, Debug, Clone, PartialEq, Default)]
#[odata(type = "test.openValue")]
struct OpenValue {
    name: Option<String>,
    #[odata(annotations)]
    annotations: Annotations,
    #[odata(additional)]
    additional: Map<String, Value>,
}

#[derive(Resource, Debug, Clone, PartialEq, Default)]
#[odata(type = "test.holder", path = "/holders/{id}")]
struct Holder {
    value: Option<OpenValue>,
    #[odata(annotations)]
    annotations: Annotations,
}

#[test]
fn annotations_never_reach_a_patch_body() {
    let received: OpenValue = from_slice(
        br##"{"@odata.type":"#test.openValue","@odata.etag":"e","name@odata.type":"#String","@x.y":1,"name":"n","extra":[1]}"##,
    )
    .unwrap();
    assert_eq!(received.annotations.etag(), Some("e"));
    assert!(received.annotations.get("name@odata.type").is_some());
    let request = Holder::patch("h").value(received.clone()).build().unwrap();
    let text = std::str::from_utf8(request.body()).unwrap();
    assert_eq!(
        text,
        r##"{"@odata.type":"#test.holder","value":{"@odata.type":"#test.openValue","name":"n","extra":[1]}}"##
    );
    // while the type's own Serialize keeps them
    let written = serde_json::to_value(&received).unwrap();
    assert_eq!(written["@odata.etag"], "e");
    assert_eq!(written["@x.y"], 1);

    let old = Holder::default();
    let mut new = old.clone();
    new.annotations.set_etag(Some("W/\"9\"".into()));
    let diffed = Holder::patch("h").diff(&old, &new).build().unwrap();
    assert_eq!(diffed.body(), br##"{"@odata.type":"#test.holder"}"##);
}
