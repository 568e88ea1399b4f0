//! [`ODataType`]: an OData structured type and its namespace-qualified name.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use super::annotations::Annotations;
use super::polymorphic::Prefixed;

/// An OData structured type (entity or complex type) with its namespace-qualified name.
///
/// `#[derive(Resource)]` and `#[derive(ComplexType)]` implement it.
///
/// ```
/// use odata_resource_runtime::ODataType;
///
/// struct Team;
/// impl ODataType for Team {
///     const TYPE_NAME: &'static str = "microsoft.graph.team";
/// }
/// assert_eq!(Team::TYPE_NAME, "microsoft.graph.team");
/// ```
pub trait ODataType {
    /// The namespace-qualified name, without `#` (e.g. `microsoft.graph.teamsAsyncOperation`).
    const TYPE_NAME: &'static str;

    /// Serializes the value; `typed` asks for its declared `@odata.type` even where the value
    /// alone cannot vouch for it (a `Polymorphic` enum knows its variant's type). The derives
    /// implement it (their `Serialize` calls it with `false`); the default is the type's own
    /// `Serialize`.
    ///
    /// # Errors
    /// The serializer's.
    #[doc(hidden)]
    fn serialize_typed<S: serde::Serializer>(
        &self,
        serializer: S,
        typed: bool,
    ) -> Result<S::Ok, S::Error>
    where
        Self: serde::Serialize,
    {
        let _ = typed;
        self.serialize(serializer)
    }

    /// The value's annotations field (`@odata.etag` and the rest), if its type has one; the
    /// derives implement it.
    #[doc(hidden)]
    fn annotations(&self) -> Option<&Annotations> {
        None
    }

    /// The value's annotations field, to change; the derives implement it.
    #[doc(hidden)]
    fn annotations_mut(&mut self) -> Option<&mut Annotations> {
        None
    }

    /// Reads the value from an object's members; `type_member` is its `@odata.type` member
    /// (name and text) when a `Polymorphic` enum has read it already to choose the variant. The
    /// derives implement it (their `Deserialize` reads through it, so a type's reading is
    /// compiled once per deserializer, read alone or as a variant); the default is the type's
    /// own `Deserialize` over the members, the `@odata.type` member given back first.
    ///
    /// # Errors
    /// The type's own reading errors.
    #[doc(hidden)]
    fn read_object<'de, A>(map: A, type_member: Option<(&str, &str)>) -> Result<Self, A::Error>
    where
        A: serde::de::MapAccess<'de>,
        Self: serde::Deserialize<'de>,
    {
        Self::deserialize(Prefixed::new(type_member, map))
    }
}

/// A boxed value is of its type: a `Polymorphic` enum may hold its variants boxed (generated
/// models do, so an enum of many large types stays small and may hold itself). A boxed variant
/// reads through its type's `read_object`, so it costs no reading code of its own.
impl<T: ODataType + serde::Serialize + serde::de::DeserializeOwned> ODataType for Box<T> {
    const TYPE_NAME: &'static str = T::TYPE_NAME;

    fn serialize_typed<S: serde::Serializer>(
        &self,
        serializer: S,
        typed: bool,
    ) -> Result<S::Ok, S::Error>
    where
        Self: serde::Serialize,
    {
        (**self).serialize_typed(serializer, typed)
    }

    fn annotations(&self) -> Option<&Annotations> {
        (**self).annotations()
    }

    fn annotations_mut(&mut self) -> Option<&mut Annotations> {
        (**self).annotations_mut()
    }

    fn read_object<'de, A>(map: A, type_member: Option<(&str, &str)>) -> Result<Self, A::Error>
    where
        A: serde::de::MapAccess<'de>,
        Self: serde::Deserialize<'de>,
    {
        match T::read_object(map, type_member) {
            Ok(value) => Ok(Box::new(value)),
            Err(error) => Err(error),
        }
    }
}

/// `Deserialize` of a derived type: an object, read by the type's
/// [`ODataType::read_object`](crate::ODataType::read_object); `name` (its qualified name, else
/// its Rust name) is what an error says was expected. One visitor for every derived type, so a
/// type declares no visitor of its own.
///
/// # Errors
/// Not an object, or the type's own reading errors.
#[doc(hidden)]
#[inline]
pub fn deserialize_object<'de, T, D>(deserializer: D, name: &'static str) -> Result<T, D::Error>
where
    T: ODataType + Deserialize<'de>,
    D: Deserializer<'de>,
{
    deserializer.deserialize_map(ObjectVisitor {
        name,
        marker: PhantomData,
    })
}

struct ObjectVisitor<T> {
    name: &'static str,
    marker: PhantomData<fn() -> T>,
}

impl<'de, T: ODataType + Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} object", self.name)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::read_object(map, None)
    }
}
