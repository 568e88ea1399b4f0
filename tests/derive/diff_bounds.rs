//! `diff` needs `PartialEq + Clone` of every writable property's type; a resource with one
//! that lacks them still derives, reads, writes and builds PATCHes by hand: it only loses
//! `diff` (the bounds are on the `Diff` impl, checked where `diff` is called).

use odata_resource::{from_slice, to_vec, ODataValue, Resource};

/// An opaque value: serde and `ODataValue`, neither `PartialEq` nor `Clone`.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Blob(pub String);

impl ODataValue for Blob {
    fn write_json(&self, out: &mut Vec<u8>) {
        self.0.write_json(out);
    }
}

#[derive(Resource)]
#[odata(type = "microsoft.graph.thing")]
#[odata(path(thing = "/things/{thingId}"))]
pub struct Thing {
    pub name: Option<String>,
    pub blob: Option<Blob>,
    pub other_name: Option<String>,
}

#[test]
fn a_property_type_without_partial_eq_only_loses_diff() {
    let thing: Thing = from_slice(br#"{"name":"a","blob":"b","otherName":"c"}"#).unwrap();
    assert_eq!(thing.name.as_deref(), Some("a"));
    assert_eq!(thing.blob.as_ref().map(|b| b.0.as_str()), Some("b"));
    // no annotations field: its own `Serialize` does not claim a type it was not told
    assert_eq!(
        to_vec(&thing).unwrap(),
        br#"{"name":"a","blob":"b","otherName":"c"}"#
    );
    let request = Thing::patch_thing("1")
        .blob(Blob("x".into()))
        .other_name("y")
        .build()
        .unwrap();
    assert_eq!(request.path(), "/things/1");
    assert_eq!(
        request.body(),
        br##"{"@odata.type":"#microsoft.graph.thing","blob":"x","otherName":"y"}"##
    );
}
