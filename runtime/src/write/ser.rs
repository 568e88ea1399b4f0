//! Helpers the generated `Serialize` impls call: `@odata.type` first, annotations, then the
//! properties, then undeclared properties.

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::error::Error;
use crate::types::annotations::Annotations;
use crate::types::type_name::qualified_name;

/// A map a derived `serialize_typed` is writing: the serializer's map, or the first error it
/// gave. The generated code makes one plain call per property ([`entry`], [`entry_optional`]),
/// with no `?` and no branch of its own, which is what it costs the compiler to check.
#[doc(hidden)]
pub struct Entries<M: SerializeMap>(Result<M, M::Error>);

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
/// An error of the serializer is kept in the returned [`Entries`] and given by [`end`].
#[doc(hidden)]
#[inline]
pub fn begin<S: Serializer>(
    serializer: S,
    declared: Option<&'static str>,
    annotations: Option<&Annotations>,
    typed: bool,
) -> Entries<S::SerializeMap> {
    Entries(open(serializer, declared, annotations, typed))
}

/// [`begin`]'s work, with `?`.
fn open<S: Serializer>(
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

/// Writes a property, unless an earlier entry failed.
#[doc(hidden)]
#[inline]
pub fn entry<M: SerializeMap, T: Serialize + ?Sized>(
    entries: &mut Entries<M>,
    name: &'static str,
    value: &T,
) {
    if let Ok(map) = &mut entries.0 {
        if let Err(error) = map.serialize_entry(name, value) {
            entries.0 = Err(error);
        }
    }
}

/// Writes an `Option` property that is `Some` (absent means unknown, e.g. not selected: never
/// written as `null`), unless an earlier entry failed.
#[doc(hidden)]
#[inline]
pub fn entry_optional<M: SerializeMap, T: Serialize>(
    entries: &mut Entries<M>,
    name: &'static str,
    value: &Option<T>,
) {
    if let Some(value) = value {
        entry(entries, name, value);
    }
}

/// Writes the undeclared properties an open type kept and closes the map.
///
/// # Errors
/// The serializer's, the first it gave ([`begin`], an [`entry`] or here).
#[doc(hidden)]
pub fn end<M: SerializeMap>(
    entries: Entries<M>,
    additional: Option<&Map<String, Value>>,
) -> Result<M::Ok, M::Error> {
    let mut map = entries.0?;
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
    // what `serde_json::to_vec` does, without its two layers of functions compiled per type
    let mut json = Vec::with_capacity(128);
    match value.serialize(&mut serde_json::Serializer::new(&mut json)) {
        Ok(()) => Ok(json),
        Err(error) => Err(write_error(&error)),
    }
}

/// serde_json's error writing a value, as [`Error::Json`]; not generic (compiled once).
fn write_error(error: &serde_json::Error) -> Error {
    Error::Json {
        path: String::new(),
        message: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use serde::ser::{Error as _, Serialize, Serializer};

    use super::{begin, end, entry, entry_optional};
    use crate::types::annotations::Annotations;

    /// Fails when written, and counts how often it was asked to be.
    struct Failing<'a>(&'a Cell<u32>);

    impl Serialize for Failing<'_> {
        fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            self.0.set(self.0.get() + 1);
            Err(S::Error::custom(format_args!("refused #{}", self.0.get())))
        }
    }

    fn write(
        properties: impl FnOnce(
            &mut super::Entries<
                serde_json::ser::Compound<'_, &mut Vec<u8>, serde_json::ser::CompactFormatter>,
            >,
        ),
    ) -> Result<String, String> {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::new(&mut out);
        let annotations = Annotations::default();
        let mut entries = begin(
            &mut serializer,
            Some("#ns.thing"),
            Some(&annotations),
            false,
        );
        properties(&mut entries);
        let additional = serde_json::Map::from_iter([("extra".to_owned(), serde_json::json!(1))]);
        match end(entries, Some(&additional)) {
            Ok(()) => Ok(String::from_utf8(out).unwrap()),
            Err(error) => Err(error.to_string()),
        }
    }

    #[test]
    fn entries_are_written_in_order_and_none_is_left_out() {
        let written = write(|entries| {
            entry(entries, "a", &1);
            entry_optional::<_, i32>(entries, "b", &None);
            entry_optional(entries, "c", &Some("x"));
            entry::<_, Option<i32>>(entries, "d", &None);
        });
        assert_eq!(
            written.unwrap(),
            r##"{"@odata.type":"#ns.thing","a":1,"c":"x","d":null,"extra":1}"##
        );
    }

    #[test]
    fn the_first_error_is_given_and_nothing_is_written_after_it() {
        let asked = Cell::new(0);
        let written = write(|entries| {
            entry(entries, "a", &1);
            entry(entries, "bad", &Failing(&asked));
            entry_optional(entries, "worse", &Some(Failing(&asked)));
            entry(entries, "c", &2);
        });
        assert_eq!(written.unwrap_err(), "refused #1");
        assert_eq!(asked.get(), 1, "no entry is written after the first error");
    }
}
