//! Helpers the generated `Serialize` impls call: `@odata.type` first, annotations, then the
//! properties, then undeclared properties.

use serde::ser::{SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::error::Error;
use crate::types::annotations::Annotations;
use crate::types::type_name::qualified_name;

/// Opens the map and writes `@odata.type` and the kept annotations.
///
/// A value never claims a type it does not have. With an annotations field, the type is the
/// received one when the annotations kept it, else `declared` (a value made in code, or read
/// without `@odata.type`, is of the declared type), always as `#ns.Name`. Without one, nothing:
/// such a value cannot tell whether it was read from a derived type (a property declared as an
/// abstract base), and an absent `@odata.type` means the declared type, the safe reading;
/// unless `typed`: the caller knows the value is of the declared type (a `Polymorphic` enum's
/// variant). Nothing either when `declared` is `None` (the per-type opt-out).
///
/// # Errors
/// The serializer's.
#[doc(hidden)]
pub fn begin<S: Serializer>(
    serializer: S,
    declared: Option<&'static str>,
    annotations: Option<&Annotations>,
    typed: bool,
) -> Result<S::SerializeMap, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    if let Some(declared) = declared {
        match annotations.and_then(Annotations::odata_type) {
            Some(received) => {
                let name = qualified_name(received);
                map.serialize_entry("@odata.type", &format_args!("#{name}"))?;
            }
            None if typed || annotations.is_some() => {
                map.serialize_entry("@odata.type", declared)?;
            }
            None => {}
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

/// Writes a value (a resource's full representation, say) as JSON through its `Serialize`.
///
/// ```
/// let json = odata_resource_runtime::to_vec(&vec![1, 2]).unwrap();
/// assert_eq!(json, b"[1,2]");
/// ```
///
/// # Errors
/// [`Error::Json`] if the value cannot be written as JSON (a map with non-string keys).
pub fn to_vec<T: serde::Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    serde_json::to_vec(value).map_err(|e| Error::Json {
        path: String::new(),
        message: e.to_string(),
    })
}
