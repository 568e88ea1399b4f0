//! Helpers the generated `Serialize` impls call: `@odata.type` first, annotations, then the
//! properties, then undeclared properties.

use serde::ser::{SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::type_name::qualified_name;
use crate::Annotations;

/// Opens the map and writes `@odata.type` (the received type when the annotations kept one,
/// else `declared`, always as `#ns.Name`; nothing when `declared` is `None`, the per-type
/// opt-out) and the kept annotations.
///
/// # Errors
/// The serializer's.
#[doc(hidden)]
pub fn begin<S: Serializer>(
    serializer: S,
    declared: Option<&'static str>,
    annotations: Option<&Annotations>,
) -> Result<S::SerializeMap, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    if let Some(declared) = declared {
        match annotations.and_then(Annotations::odata_type) {
            Some(received) => {
                let name = qualified_name(received);
                map.serialize_entry("@odata.type", &format_args!("#{name}"))?;
            }
            None => map.serialize_entry("@odata.type", declared)?,
        }
    }
    if let Some(annotations) = annotations {
        for (name, value) in annotations.entries_without_type() {
            map.serialize_entry(name, &value)?;
        }
    }
    Ok(map)
}

/// Writes the undeclared properties an open type kept and closes the map.
///
/// # Errors
/// The serializer's.
#[doc(hidden)]
pub fn end<M: SerializeMap>(
    mut map: M,
    additional: Option<&Map<String, Value>>,
) -> Result<M::Ok, M::Error> {
    for (name, value) in additional.into_iter().flatten() {
        map.serialize_entry(name, value)?;
    }
    map.end()
}
