//! [`ODataEnum`]: what `#[derive(ODataEnum)]` implements, and the helpers its impls call.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};
use serde::Serializer;

/// An OData enumeration type whose members travel as strings (`"cloneTeam"`).
///
/// `#[derive(ODataEnum)]` implements it, together with `Serialize`, `Deserialize`, `Display`,
/// `FromStr` and an inherent `as_str()`.
pub trait ODataEnum: Sized {
    /// The Rust name of the enum, for messages.
    const NAME: &'static str;
    /// The wire names of the declared members, in declaration order.
    const MEMBERS: &'static [&'static str];

    /// The member's wire name (for the catch-all variant, the text it holds).
    fn wire_name(&self) -> &str;

    /// The member with this wire name. Exact, case-sensitive match; an enum with an
    /// `#[odata(other)]` variant keeps any other text there.
    ///
    /// # Errors
    /// [`UnknownEnumMember`] when no member matches and there is no catch-all.
    fn from_wire_name(name: &str) -> Result<Self, UnknownEnumMember>;

    /// Whether the member is declared after `unknownFutureValue` (or is one this crate does not
    /// know, in an enum that has that sentinel): Graph accepts such a member only with
    /// `Prefer: include-unknown-enum-members`.
    fn is_unknown_future_member(&self) -> bool;
}

/// A string that names no member of an enum without a catch-all variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEnumMember {
    value: String,
    name: &'static str,
    members: &'static [&'static str],
}

impl UnknownEnumMember {
    /// The error for `value` in the enum `E`.
    pub fn new<E: ODataEnum>(value: &str) -> Self {
        UnknownEnumMember {
            value: value.to_owned(),
            name: E::NAME,
            members: E::MEMBERS,
        }
    }

    /// The text that matched no member.
    pub fn value(&self) -> &str {
        &self.value
    }
}

impl fmt::Display for UnknownEnumMember {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} member `{}`, expected one of ",
            self.name, self.value
        )?;
        for (i, member) in self.members.iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            write!(f, "{sep}`{member}`")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownEnumMember {}

/// `Serialize` for an [`ODataEnum`]: its wire name.
///
/// # Errors
/// The serializer's.
#[doc(hidden)]
pub fn serialize<E: ODataEnum, S: Serializer>(value: &E, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(value.wire_name())
}

/// `Deserialize` for an [`ODataEnum`]: a string naming a member.
///
/// # Errors
/// A non-string, or an unknown member without a catch-all.
#[doc(hidden)]
pub fn deserialize<'de, E: ODataEnum, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<E, D::Error> {
    deserializer.deserialize_str(EnumVisitor(PhantomData))
}

struct EnumVisitor<E>(PhantomData<E>);

impl<E: ODataEnum> Visitor<'_> for EnumVisitor<E> {
    type Value = E;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} member name", E::NAME)
    }
    fn visit_str<Er: de::Error>(self, v: &str) -> Result<E, Er> {
        E::from_wire_name(v).map_err(Er::custom)
    }
}

/// `ODataValue::write_json` for a derived [`ODataEnum`]. `declared` says the value is a declared
/// member, whose wire name the derive checked to need no escaping (no `"`, `\\` or control
/// characters): it is copied as is. Text kept by the catch-all variant is escaped.
#[doc(hidden)]
#[inline]
pub fn write_json<E: ODataEnum>(value: &E, declared: bool, out: &mut Vec<u8>) {
    if declared {
        crate::write::json::write_plain_str(out, value.wire_name());
    } else {
        crate::write::json::write_str(out, value.wire_name());
    }
}
