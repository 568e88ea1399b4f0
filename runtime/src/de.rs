//! Helpers the generated `Deserialize` impls call: borrowed keys, duplicate and missing
//! properties, and everything a newer service may send that the type does not declare.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::Annotations;

/// An object member's name, borrowed from the input when it has no escapes.
#[doc(hidden)]
pub struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    /// The name.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a property name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// Reads a declared property's value into its slot; a second occurrence is an error (I-JSON and
/// Graph's reader reject duplicate names).
///
/// # Errors
/// The value's own error, or "duplicate property".
#[doc(hidden)]
#[inline]
pub fn property<'de, A, T>(map: &mut A, slot: &mut Option<T>, name: &str) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    if slot.is_some() {
        return duplicate(map, name);
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// Fails with "duplicate property `name`" while reading the second occurrence's value, so that
/// the error's path names the property (`error.code`), not only the enclosing object.
fn duplicate<'de, A: MapAccess<'de>>(map: &mut A, name: &str) -> Result<(), A::Error> {
    map.next_value_seed(Duplicate(name))
}

/// A value that is refused before it is read: the second occurrence of a property.
struct Duplicate<'a>(&'a str);

impl<'de> DeserializeSeed<'de> for Duplicate<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, _: D) -> Result<(), D::Error> {
        Err(de::Error::custom(format_args!(
            "duplicate property `{}`",
            self.0
        )))
    }
}

/// The value of a declared property after the whole object was read: absent reads as `None`
/// for an `Option` property and is an error for any other.
///
/// # Errors
/// "missing property `name`" for a required property.
#[doc(hidden)]
#[inline]
pub fn finish<'de, T: Deserialize<'de>, E: de::Error>(
    slot: Option<T>,
    name: &'static str,
) -> Result<T, E> {
    match slot {
        Some(value) => Ok(value),
        None => T::deserialize(Missing(name, PhantomData)),
    }
}

/// Deserializes `None` for an `Option` and fails with "missing property" for anything else.
struct Missing<E>(&'static str, PhantomData<E>);

impl<'de, E: de::Error> Deserializer<'de> for Missing<E> {
    type Error = E;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, E> {
        Err(E::custom(format_args!("missing property `{}`", self.0)))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// Where undeclared members go: the type's annotations and additional-properties fields, if it
/// has them.
#[doc(hidden)]
pub struct Undeclared<'a> {
    /// The `#[odata(annotations)]` field's value being built.
    pub annotations: Option<&'a mut Annotations>,
    /// The `#[odata(additional)]` field's value being built.
    pub additional: Option<&'a mut Map<String, Value>>,
    /// `#ns.Name` of the type being read (empty for a type without one): a received
    /// `@odata.type` with exactly this text, or this text without the `#`, is kept without a
    /// copy.
    pub declared_type: &'static str,
}

/// Reads a member the type does not declare:
/// - `@…`, `prop@…` and `#…` (annotations, control information, advertised operations) go to
///   the annotations field, or are skipped; `@odata.type` / `@type` must be a string either way;
/// - any other name is an undeclared property: kept in the additional field, or skipped.
///
/// # Errors
/// A non-string `@odata.type`, a duplicate undeclared property, or a malformed value.
#[doc(hidden)]
pub fn undeclared<'de, A: MapAccess<'de>>(
    map: &mut A,
    key: &str,
    into: Undeclared<'_>,
) -> Result<(), A::Error> {
    // `@odata.type` is on nearly every object Graph sends: matched first, with no scan of the name
    let control =
        key == "@odata.type" || (key.contains('@') && crate::annotations::is_control_string(key));
    if control {
        // must be a string, checked while its value is read, so an error names its path
        return match into.annotations {
            Some(annotations) => {
                let text = map.next_value_seed(ControlText(into.declared_type))?;
                annotations.set_control(key, text);
                Ok(())
            }
            None => map.next_value_seed(ControlStringCheck),
        };
    }
    if key.contains('@') || key.starts_with('#') {
        match into.annotations {
            Some(annotations) => {
                let value = map.next_value::<Value>()?;
                annotations.insert(key, value).map_err(de::Error::custom)
            }
            None => map.next_value::<IgnoredAny>().map(drop),
        }
    } else {
        match into.additional {
            Some(additional) => {
                if additional.contains_key(key) {
                    return duplicate(map, key);
                }
                let value: Value = map.next_value()?;
                additional.insert(key.to_owned(), value);
                Ok(())
            }
            None => map.next_value::<IgnoredAny>().map(drop),
        }
    }
}

/// Reads `@odata.type`, `@odata.context`, `@odata.etag` or `@odata.id`: a string (or `null`,
/// read as `None`: not given). `.0` is the declared type's `#ns.Name`: text that is exactly that,
/// or that without the `#`, is borrowed from it instead of copied.
struct ControlText(&'static str);

impl<'de> DeserializeSeed<'de> for ControlText {
    type Value = Option<Cow<'static, str>>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Visitor<'_> for ControlText {
    type Value = Option<Cow<'static, str>>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        // `#ns.Name` as declared, or `ns.Name` as Graph writes it on nested values
        let declared = self.0;
        Ok(Some(if v == declared {
            Cow::Borrowed(declared)
        } else if declared.strip_prefix('#') == Some(v) {
            Cow::Borrowed(&declared[1..])
        } else {
            Cow::Owned(v.to_owned())
        }))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(Cow::Owned(v)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// Checks `@odata.type` & co. like [`ControlText`] where there is nowhere to keep them (a type
/// without an annotations field), without copying the text.
struct ControlStringCheck;

impl<'de> DeserializeSeed<'de> for ControlStringCheck {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Visitor<'_> for ControlStringCheck {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        ControlText("").expecting(f)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

/// Starts reading an object: what the generated visitor's `expecting` writes.
#[doc(hidden)]
pub fn expecting(f: &mut fmt::Formatter<'_>, type_name: &str) -> fmt::Result {
    write!(f, "a {type_name} object")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An object whose every member goes to `undeclared`, as in a type declaring nothing.
    struct Probe(Annotations);

    impl<'de> Deserialize<'de> for Probe {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Probe;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Probe, A::Error> {
                    let mut annotations = Annotations::default();
                    while let Some(key) = map.next_key::<Key<'de>>()? {
                        let into = Undeclared {
                            annotations: Some(&mut annotations),
                            additional: None,
                            declared_type: "#ns.T",
                        };
                        undeclared(&mut map, key.as_str(), into)?;
                    }
                    Ok(Probe(annotations))
                }
            }
            deserializer.deserialize_map(V)
        }
    }

    fn read(json: &str) -> Annotations {
        serde_json::from_str::<Probe>(json).unwrap().0
    }

    #[test]
    fn the_declared_type_name_is_kept_without_a_copy_and_any_other_as_sent() {
        for sent in ["#ns.T", "ns.T"] {
            let declared = read(&format!(r#"{{"@odata.type":"{sent}"}}"#));
            assert_eq!(declared.odata_type(), Some(sent));
            assert!(declared.type_is_borrowed(), "{sent}");
        }
        for sent in [
            "#ns.Derived",
            "#NS.T",
            "#ns.T ",
            "#",
            "",
            "https://x/$metadata#ns.T",
        ] {
            let other = read(&format!(r#"{{"@odata.type":{}}}"#, Value::from(sent)));
            assert_eq!(other.odata_type(), Some(sent));
            assert!(!other.type_is_borrowed(), "{sent}");
        }
        // the 4.01 spelling and escaped text take the general path, same result
        assert_eq!(read(r##"{"@type":"#ns.T"}"##).odata_type(), Some("#ns.T"));
        assert_eq!(
            read(r##"{"@odata.type":"\u0023ns.T"}"##).odata_type(),
            Some("#ns.T")
        );
        // null means not given; a non-string is an error
        assert_eq!(read(r#"{"@odata.type":null}"#).odata_type(), None);
        let err = serde_json::from_str::<Probe>(r#"{"@odata.type":5}"#)
            .err()
            .unwrap();
        assert!(err.to_string().contains("expected a string"), "{err}");
    }
}
