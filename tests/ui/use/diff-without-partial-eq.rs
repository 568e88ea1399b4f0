use odata_resource::{ODataValue, Resource};

// Readable, writable, settable, `Clone`; not `PartialEq`: `diff` cannot compare it, and is
// the one thing the resource loses.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
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
}

fn main() {
    let old = Thing { name: None, blob: None };
    let _ = Thing::patch_thing("1").diff(&old, &old);
}
