//! [`Flags`]: a value of an OData flags enumeration (`IsFlags="true"`), written as its members
//! joined by `,` (`"apps,tabs,settings"`).

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::types::enums::{ODataEnum, UnknownEnumMember};
use crate::write::{json, ODataValue};

/// A combination of members of a flags enumeration, in the order given (or received), each
/// once. Members the crate does not know are kept when `E` has an `#[odata(other)]` variant.
///
/// On the wire: members joined by `,` without spaces (OData ABNF `enumValue`); reading also
/// accepts spaces after commas (some OData servers write `"a, b"`) and `""` for no member.
///
/// ```
/// use odata_resource_runtime::Flags;
/// # use odata_resource_runtime::{ODataEnum, UnknownEnumMember};
/// # #[derive(Debug, Clone, PartialEq)]
/// # enum Part { Apps, Tabs }
/// # impl ODataEnum for Part {
/// #     const NAME: &'static str = "Part";
/// #     const MEMBERS: &'static [&'static str] = &["apps", "tabs"];
/// #     fn wire_name(&self) -> &str { match self { Part::Apps => "apps", Part::Tabs => "tabs" } }
/// #     fn from_wire_name(n: &str) -> Result<Self, UnknownEnumMember> {
/// #         match n { "apps" => Ok(Part::Apps), "tabs" => Ok(Part::Tabs), _ => Err(UnknownEnumMember::new::<Part>(n)) }
/// #     }
/// #     fn is_unknown_future_member(&self) -> bool { false }
/// # }
///
/// let parts: Flags<Part> = "tabs,apps".parse().unwrap();
/// assert_eq!(parts.to_string(), "tabs,apps");
/// assert!(parts.contains(&Part::Apps));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Flags<E> {
    members: Vec<E>,
}

impl<E> Default for Flags<E> {
    fn default() -> Self {
        Flags {
            members: Vec::new(),
        }
    }
}

impl<E: PartialEq> Flags<E> {
    /// No member.
    pub fn new() -> Self {
        Flags::default()
    }

    /// Adds a member at the end, unless it is there already.
    #[must_use]
    pub fn with(mut self, member: E) -> Self {
        self.insert(member);
        self
    }

    /// Adds a member at the end, unless it is there already; whether it was added.
    pub fn insert(&mut self, member: E) -> bool {
        if self.members.contains(&member) {
            return false;
        }
        self.members.push(member);
        true
    }

    /// Whether `member` is set.
    pub fn contains(&self, member: &E) -> bool {
        self.members.contains(member)
    }

    /// The members, in order.
    pub fn members(&self) -> &[E] {
        &self.members
    }

    /// How many members are set.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether no member is set.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

impl<E: PartialEq> FromIterator<E> for Flags<E> {
    fn from_iter<I: IntoIterator<Item = E>>(iter: I) -> Self {
        let mut flags = Flags::new();
        for member in iter {
            flags.insert(member);
        }
        flags
    }
}

impl<E: ODataEnum + PartialEq> FromStr for Flags<E> {
    type Err = UnknownEnumMember;

    /// Splits on `,`, trimming spaces; `""` is no member.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if text.trim().is_empty() {
            return Ok(Flags::new());
        }
        text.split(',')
            .map(|member| E::from_wire_name(member.trim()))
            .collect()
    }
}

impl<E: ODataEnum> fmt::Display for Flags<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, member) in self.members.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            f.write_str(member.wire_name())?;
        }
        Ok(())
    }
}

impl<E: ODataEnum> Serialize for Flags<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de, E: ODataEnum + PartialEq> Deserialize<'de> for Flags<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(FlagsVisitor(PhantomData))
    }
}

struct FlagsVisitor<E>(PhantomData<E>);

impl<E: ODataEnum + PartialEq> Visitor<'_> for FlagsVisitor<E> {
    type Value = Flags<E>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} members joined by `,`", E::NAME)
    }
    fn visit_str<Er: de::Error>(self, v: &str) -> Result<Flags<E>, Er> {
        v.parse().map_err(Er::custom)
    }
}

#[diagnostic::do_not_recommend]
impl<E: ODataEnum> ODataValue for Flags<E> {
    fn write_json(&self, out: &mut Vec<u8>) {
        json::write_str(out, &self.to_string());
    }
    /// Any member after `unknownFutureValue` needs the preference.
    fn needs_unknown_enum_members(&self) -> bool {
        self.members.iter().any(ODataEnum::is_unknown_future_member)
    }
}
