//! Reading a value whose type is one of several derived types, by its `@odata.type`, without
//! buffering the object when `@odata.type` comes first (as OData requires it to in requests and
//! Graph writes it in responses). Our reader ([`from_slice`](crate::from_slice)) looks ahead
//! through an object whose first member is not `@odata.type` for it (Graph leaves it out of a
//! value of the declared type: an `identity` in a message's `from`), so that object is not
//! buffered either; any other deserializer buffers it.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{StrDeserializer, StringDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, VariantAccess,
    Visitor,
};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::read::de::Key;
use crate::types::edm::text::RAW_VALUE_TOKEN;
use crate::types::type_name::qualified_name;
use crate::write::{json, ODataValue};

/// An enum of derived types dispatched on `@odata.type`; `#[derive(Polymorphic)]` implements it.
#[doc(hidden)]
pub trait Polymorphic: Sized {
    /// The enum's name, for messages.
    const NAME: &'static str;

    /// Reads an object of the type `type_name` (the text of its `@odata.type`) names, or of the
    /// base type when it is `None` (the object has none): that variant reads the members from
    /// `map` (a variant's type through
    /// [`ODataType::read_object`](crate::ODataType::read_object), so it needs no reading code
    /// of its own for this). `type_member` is the type's member (name and text) when it was
    /// read from `map` already (it came first); `None` when our reader found the type ahead
    /// without reading it: the variant reads it in its place.
    ///
    /// # Errors
    /// The variant's own errors.
    fn dispatch_map<'de, A: MapAccess<'de>>(
        type_name: Option<&str>,
        type_member: Option<(&str, &str)>,
        map: A,
    ) -> Result<Self, A::Error>;

    /// Reads a buffered object, `object` its JSON text (`@odata.type` later than first, or
    /// absent: `type_name` is `None`, the base variant); errors become `E`, the outer
    /// deserializer's. Generic, so that a crate declaring an enum compiles no reading until it
    /// reads one.
    ///
    /// # Errors
    /// The variant's own errors.
    fn dispatch_text<E: de::Error>(type_name: Option<&str>, object: &str) -> Result<Self, E>;
}

/// A variant read from a buffered object's JSON text, its errors made the outer
/// deserializer's (the message without a position: the outer deserializer places it).
///
/// The text is read as [`from_slice`](crate::from_slice) reads a body, so the variant's
/// reading is the one `from_slice` compiles anyway, whatever the outer deserializer: reading a
/// buffered `Value` would compile every variant's reading a third time, for `Value`'s
/// deserializer.
///
/// # Errors
/// The variant's own errors.
#[doc(hidden)]
pub fn from_text<T: serde::de::DeserializeOwned, E: de::Error>(object: &str) -> Result<T, E> {
    match crate::read::from_buffered::<T>(object) {
        Ok(value) => Ok(value),
        Err(message) => Err(E::custom(message)),
    }
}

/// `Deserialize` for a [`Polymorphic`] enum.
///
/// # Errors
/// A non-object, a non-string `@odata.type`, or the chosen variant's errors.
#[doc(hidden)]
pub fn deserialize<'de, T: Polymorphic, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    if crate::read::json::is_reader_error::<D::Error>() {
        // our reader: it looks ahead for the type (any other deserializer with its error type
        // reads a struct as a map)
        deserializer.deserialize_struct(LOOK_AHEAD, &[], PolymorphicVisitor(PhantomData))
    } else {
        deserializer.deserialize_map(PolymorphicVisitor(PhantomData))
    }
}

/// The name [`deserialize`] gives our reader as the struct name of its request for an object:
/// it looks through the object for its `@odata.type` before the object is read, and when that
/// settles the type (later than first, or absent), the visitor gets it first, as an enum's
/// variant (the type's text, or a unit when there is none), the object being the variant's value
/// ([`PolymorphicVisitor::visit_enum`]). Otherwise it reads the object as `deserialize_map`.
pub(crate) const LOOK_AHEAD: &str = "$odata::polymorphic";

struct PolymorphicVisitor<T>(PhantomData<T>);

impl<'de, T: Polymorphic> Visitor<'de> for PolymorphicVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} object", T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let Some(first) = map.next_key::<Key<'de>>()? else {
            return T::dispatch_text(None, "{}");
        };
        if is_type_key(first.as_str()) {
            // the common case: dispatch on the first member, the variant reads the rest
            let type_name: String = map.next_value()?;
            return T::dispatch_map(Some(&type_name), Some((first.as_str(), &type_name)), map);
        }
        // `@odata.type` later or not at all (and not found ahead by our reader): the object's
        // text is gathered, each member's value as the deserializer has it (serde_json hands
        // over its text), and the variant reads it
        let mut text = String::with_capacity(256);
        text.push('{');
        // where the last `@odata.type`'s and `@type`'s values are in `text`
        let (mut odata_type, mut short_type) = (None, None);
        let mut key = first;
        loop {
            push_name(&mut text, key.as_str());
            let start = text.len();
            map.next_value_seed(RawText(&mut text))?;
            match key.as_str() {
                "@odata.type" => odata_type = Some(start..text.len()),
                "@type" => short_type = Some(start..text.len()),
                _ => {}
            }
            match map.next_key::<Key<'de>>()? {
                Some(next) => {
                    text.push(',');
                    key = next;
                }
                None => break,
            }
        }
        text.push('}');
        let type_name = match odata_type.or(short_type) {
            None => None,
            Some(at) => match serde_json::from_str::<String>(&text[at]) {
                Ok(name) => Some(name),
                Err(_) => return Err(de::Error::custom("@odata.type must be a string")),
            },
        };
        T::dispatch_text(type_name.as_deref(), &text)
    }

    /// Our reader's answer to [`LOOK_AHEAD`]: the object's type, found ahead (`None`: the
    /// object has none), as the variant, then the whole object, which the variant it names
    /// reads as it comes.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<T, A::Error> {
        let (TypeFound(type_name), object) = data.variant::<TypeFound<'de>>()?;
        object.newtype_variant_seed(Dispatch {
            type_name,
            marker: PhantomData::<T>,
        })
    }
}

/// The type our reader found ahead: its text (a string), or `None` (a unit).
struct TypeFound<'de>(Option<&'de str>);

impl<'de> Deserialize<'de> for TypeFound<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TypeFoundVisitor)
    }
}

struct TypeFoundVisitor;

impl<'de> Visitor<'de> for TypeFoundVisitor {
    type Value = TypeFound<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the type found ahead")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(TypeFound(Some(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(TypeFound(None))
    }
}

/// The object, read by the variant its type (found ahead, not read) names.
struct Dispatch<'t, T> {
    type_name: Option<&'t str>,
    marker: PhantomData<T>,
}

impl<'de, T: Polymorphic> DeserializeSeed<'de> for Dispatch<'_, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: Polymorphic> Visitor<'de> for Dispatch<'_, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} object", T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::dispatch_map(self.type_name, None, map)
    }
}

fn is_type_key(key: &str) -> bool {
    key == "@odata.type" || key == "@type"
}

/// `"name":`, the name escaped as JSON.
fn push_name(text: &mut String, name: &str) {
    if name.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
        text.push_str(&Value::from(name).to_string());
    } else {
        text.push('"');
        text.push_str(name);
        text.push('"');
    }
    text.push(':');
}

/// A member's value appended to a buffered object's text: the deserializer's own text of it
/// when it gives one (serde_json's `RawValue` protocol: exact, numbers as sent, nothing
/// built), else the value it hands over, written as JSON.
struct RawText<'t>(&'t mut String);

impl<'de> DeserializeSeed<'de> for RawText<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_newtype_struct(RAW_VALUE_TOKEN, self)
    }
}

impl RawText<'_> {
    fn push<E: de::Error>(self, value: &Value) -> Result<(), E> {
        // a `Value` always writes: its keys are strings and its numbers finite
        self.0.push_str(&value.to_string());
        Ok(())
    }
}

impl<'de> Visitor<'de> for RawText<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    /// serde_json's `RawValue` protocol (one member: the token, then the text), or an object
    /// from a deserializer that reads a newtype as what it holds.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some(first) = map.next_key::<Key<'de>>()? else {
            self.0.push_str("{}");
            return Ok(());
        };
        if first.as_str() == RAW_VALUE_TOKEN {
            return map.next_value_seed(Verbatim(self.0));
        }
        let mut object = Map::new();
        object.insert(first.as_str().to_owned(), map.next_value()?);
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            object.insert(key, value);
        }
        self.push(&Value::Object(object))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let value = Value::deserialize(deserializer)?;
        self.push(&value)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let value = Value::deserialize(de::value::SeqAccessDeserializer::new(seq))?;
        self.push(&value)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.push(&Value::from(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.push(&Value::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.push(&Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.push(&Value::from(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.push(&Value::from(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.0.push_str("null");
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        self.visit_newtype_struct(deserializer)
    }
}

/// The text of a `RawValue`, appended as it is.
struct Verbatim<'t>(&'t mut String);

impl<'de> DeserializeSeed<'de> for Verbatim<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Verbatim<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value's JSON text")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.0.push_str(v);
        Ok(())
    }
}

/// The members of an object whose `@odata.type` member was read already, that member given back
/// first, for a type that reads through its `Deserialize` (the unknown variant, or a type whose
/// `ODataType` is written by hand).
#[doc(hidden)]
pub fn prefixed<'de, A: MapAccess<'de>>(
    type_member: Option<(&str, &str)>,
    map: A,
) -> impl Deserializer<'de, Error = A::Error> {
    Prefixed::new(type_member, map)
}

/// The object again, `@odata.type` first (already read), then the rest streamed from the input.
pub(crate) struct Prefixed<A> {
    first: Option<(String, String)>,
    pending_value: Option<String>,
    rest: A,
}

impl<A> Prefixed<A> {
    pub(crate) fn new(first: Option<(&str, &str)>, rest: A) -> Self {
        Prefixed {
            first: first.map(|(key, value)| (key.to_owned(), value.to_owned())),
            pending_value: None,
            rest,
        }
    }
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for Prefixed<A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Prefixed<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.first.take() {
            Some((key, value)) => {
                self.pending_value = Some(value);
                let key: StrDeserializer<'_, A::Error> = key.as_str().into_deserializer();
                seed.deserialize(key).map(Some)
            }
            None => self.rest.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.pending_value.take() {
            Some(value) => {
                let value: StringDeserializer<A::Error> = value.into_deserializer();
                seed.deserialize(value)
            }
            None => self.rest.next_value_seed(seed),
        }
    }
}

/// An object whose `@odata.type` names a type the enum does not know: the name as received and
/// every other member, kept so nothing is lost (and written back unchanged).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UnknownType {
    /// `@odata.type` as received, e.g. `#microsoft.graph.somethingNew`.
    pub type_name: String,
    /// The other members, annotations included.
    pub object: Map<String, Value>,
}

impl UnknownType {
    /// The qualified name, without `#` or URI prefix.
    ///
    /// ```
    /// use odata_resource_runtime::UnknownType;
    /// let unknown = UnknownType { type_name: "#microsoft.graph.x".into(), ..Default::default() };
    /// assert_eq!(unknown.qualified_name(), "microsoft.graph.x");
    /// ```
    pub fn qualified_name(&self) -> &str {
        qualified_name(&self.type_name)
    }

    /// Reads the value as `T`: for a value whose type the enum leaves out (a generated model
    /// gives a base type with very many derived types, such as Graph's `entity`, no variant per
    /// derived type). `T` gets the received `@odata.type` and every member.
    ///
    /// ```
    /// use odata_resource_runtime::UnknownType;
    ///
    /// #[derive(serde::Deserialize, Debug, PartialEq)]
    /// struct DriveItem {
    ///     name: String,
    ///     size: i64,
    /// }
    /// let unknown: UnknownType = serde_json::from_str(
    ///     r##"{"@odata.type": "#microsoft.graph.driveItem", "name": "a.txt", "size": 3}"##,
    /// )?;
    /// let item: DriveItem = unknown.read_as()?;
    /// assert_eq!(item, DriveItem { name: "a.txt".into(), size: 3 });
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    ///
    /// # Errors
    /// The value does not fit `T`, with serde_json's message.
    pub fn read_as<T: serde::de::DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        let mut object = Map::with_capacity(self.object.len() + 1);
        if !self.type_name.is_empty() {
            object.insert(
                "@odata.type".to_owned(),
                Value::String(self.type_name.clone()),
            );
        }
        object.extend(self.object.iter().map(|(k, v)| (k.clone(), v.clone())));
        T::deserialize(Value::Object(object))
    }
}

impl<'de> Deserialize<'de> for UnknownType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut object = Map::deserialize(deserializer)?;
        let type_name = match object
            .remove("@odata.type")
            .or_else(|| object.remove("@type"))
        {
            Some(Value::String(name)) => name,
            _ => String::new(),
        };
        Ok(UnknownType { type_name, object })
    }
}

impl Serialize for UnknownType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.object.len() + 1))?;
        if !self.type_name.is_empty() {
            map.serialize_entry("@odata.type", &format_args!("#{}", self.qualified_name()))?;
        }
        for (name, value) in &self.object {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

#[diagnostic::do_not_recommend]
impl ODataValue for UnknownType {
    /// Writes it back as received (`@odata.type` first, annotations left out).
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut object = Map::new();
        if !self.type_name.is_empty() {
            object.insert(
                "@odata.type".into(),
                Value::String(format!("#{}", self.qualified_name())),
            );
        }
        for (name, value) in &self.object {
            if !name.contains('@') {
                object.insert(name.clone(), value.clone());
            }
        }
        json::write_serde(out, &object);
    }
}
