//! Helpers the generated `Deserialize` impls call: borrowed keys, duplicate and missing
//! properties, everything a newer service may send that the type does not declare, and the
//! property path at the start of an error's message.
//!
//! # Paths in messages
//!
//! An error met while reading a property's value leaves the generated impl as
//! `path: message`, for every deserializer (`serde_json::from_str`, `from_slice`, `from_value`,
//! `from_reader`, ours): `attemptsCount: invalid type: string "13", expected i32 at line 1
//! column 21`, `error.code: …`, `value[3].status: …`. Each level adds its step on the way out
//! (`located`); the message after the path is the deserializer's own text, and serde_json's
//! position is kept: `Error::custom` reads a trailing ` at line L column C` back into the
//! position.
//!
//! - Items: the derive reads a property whose type is written `Vec<T>` or `Option<Vec<T>>` (any
//!   path ending in `Vec`, as `Option` is recognised by its last segment) with [`items`] or
//!   [`optional_items`], which count items as serde's `Vec` impl does and put the index in the
//!   path. A collection behind a type alias is read by serde's impl: no index.
//! - "duplicate property `x`" and a non-string `@odata.type` are errors in a member's value, so
//!   they carry the member's path (``error.code: duplicate property `code` ``).
//! - "missing property `x`" belongs to the object, so it carries the object's path (none at the
//!   top level).
//! - Steps come from the derived impls only. What serde's own impls read adds none: a top-level
//!   `Vec<T>` (serde's `Vec` impl keeps the index to itself: the message starts with the item's
//!   path, `status: …`, without `[3]`), a map, a serde-derived struct, a `Value` (an undeclared
//!   property kept by `additional` names the property, not the inside of its value).
//! - Only the error branch does any of this (`#[cold]`); a successful read does the same work as
//!   without paths.
//! - The re-made error is the deserializer's `custom` error: serde_json classifies it as
//!   `Category::Data` whatever the inner error was (a syntax error or an EOF inside a property's
//!   value included), with the inner error's text and position.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::types::annotations::{is_control_string, Annotations, ControlValue};

use super::error_path::{located, Step};

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
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// Makes a [`Key`] of a member's name.
struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a property name")
    }
    #[inline]
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

/// The name [`next_key`] gives as the struct name of its request for a member's name: a reader
/// that knows it finds the name among the declared ones where it is, without scanning it.
pub(crate) const DECLARED_NAMES: &str = "$odata::names";

/// The next member's name of an object being read by a derived impl; `declared` are the
/// type's properties' wire names in declaration order.
///
/// Our JSON reader (`read::json`) makes itself known by a size hint of `Some(0)` and its error
/// type (`read::json::is_reader_error`); to it, the name is asked for as a struct named [`DECLARED_NAMES`]
/// with `declared` as its fields, and it compares the text at its cursor with the declared
/// names (the one after the last matched first) instead of scanning the name for its end. Any
/// other deserializer is asked for an identifier, as serde derive asks: a deserializer that
/// has members left never hints `Some(0)`.
///
/// Always inlined in optimized builds, so that the reader's usual case (a comma, then the name
/// declared after the last one matched) costs no call per member; the rest of it is out of
/// line. In debug builds (`debug_assertions`) it is a hint only, as are the other reading
/// functions always inlined in optimized builds: a debug build of a large model compiles no
/// more code per type than with a hint.
///
/// # Errors
/// The deserializer's.
#[doc(hidden)]
#[cfg_attr(debug_assertions, inline)]
#[cfg_attr(not(debug_assertions), inline(always))]
pub fn next_key<'de, A: MapAccess<'de>>(
    map: &mut A,
    declared: &'static [&'static str],
) -> Result<Option<Key<'de>>, A::Error> {
    if crate::read::json::is_reader_error::<A::Error>() && map.size_hint() == Some(0) {
        map.next_key_seed(Declared(declared))
    } else {
        map.next_key()
    }
}

/// Reads a [`Key`] through a request for a struct named [`DECLARED_NAMES`] (see [`next_key`]).
struct Declared(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Declared {
    type Value = Key<'de>;
    #[cfg_attr(debug_assertions, inline)]
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key<'de>, D::Error> {
        deserializer.deserialize_struct(DECLARED_NAMES, self.0, KeyVisitor)
    }
}

/// Reads a declared property's value into its slot; a second occurrence is an error (I-JSON and
/// Graph's reader reject duplicate names).
///
/// # Errors
/// The value's own error, or "duplicate property"; the message starts with the property's path.
#[doc(hidden)]
#[inline]
pub fn property<'de, A, T>(map: &mut A, slot: &mut Option<T>, name: &str) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    property_seed(map, slot, name, PhantomData::<T>)
}

/// Reads a declared `Option` property's value straight into its field (`null` reads as `None`),
/// for a type whose declared properties are all `Option`s: its `read_object` builds the value
/// first and fills it in place, with no slot per property and no moves at the end (13% less
/// CPU for the whole Graph model's crate-only build than a slot each). `seen` has a bit per declared
/// property (`index`): a second occurrence is an error, as in [`property`].
///
/// # Errors
/// The value's own error, or "duplicate property".
#[doc(hidden)]
#[inline]
pub fn in_place<'de, A, T>(
    map: &mut A,
    field: &mut Option<T>,
    seen: &mut [u64],
    index: usize,
    name: &str,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    in_place_seed(map, field, seen, index, name, PhantomData::<Option<T>>)
}

/// [`in_place`] for an `Option<Vec<T>>` property: an error in an item names its index.
///
/// # Errors
/// The item's own error, or "duplicate property".
#[doc(hidden)]
#[inline]
pub fn items_in_place<'de, A, T>(
    map: &mut A,
    field: &mut Option<Vec<T>>,
    seen: &mut [u64],
    index: usize,
    name: &str,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    in_place_seed(
        map,
        field,
        seen,
        index,
        name,
        OptionalItems(Items(PhantomData)),
    )
}

/// [`property_seed`] into a field, with the property's first occurrence told by `seen`.
#[cfg_attr(debug_assertions, inline)]
#[cfg_attr(not(debug_assertions), inline(always))]
fn in_place_seed<'de, A, S>(
    map: &mut A,
    field: &mut S::Value,
    seen: &mut [u64],
    index: usize,
    name: &str,
    seed: S,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    S: DeserializeSeed<'de>,
{
    if !first_time(seen, index) {
        return duplicate(map, name);
    }
    match map.next_value_seed(seed) {
        Ok(value) => {
            *field = value;
            Ok(())
        }
        Err(error) => Err(located(Step::Name(name), error)),
    }
}

/// Marks property `index` as seen; whether it was not before. Not generic.
#[inline]
fn first_time(seen: &mut [u64], index: usize) -> bool {
    let (word, bit) = (index / 64, 1u64 << (index % 64));
    match seen.get_mut(word) {
        Some(word) if *word & bit == 0 => {
            *word |= bit;
            true
        }
        Some(_) => false,
        // the derive gives a word per 64 properties; an index beyond them cannot be told apart
        None => true,
    }
}

/// [`property`] for a `Vec<T>` property: an error in an item names its index (`value[3].status`).
///
/// # Errors
/// The item's own error, or "duplicate property".
#[doc(hidden)]
#[inline]
pub fn items<'de, A, T>(map: &mut A, slot: &mut Option<Vec<T>>, name: &str) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    property_seed(map, slot, name, Items(PhantomData))
}

/// [`items`] for an `Option<Vec<T>>` property (`null` reads as `None`).
///
/// # Errors
/// The item's own error, or "duplicate property".
#[doc(hidden)]
#[inline]
pub fn optional_items<'de, A, T>(
    map: &mut A,
    slot: &mut Option<Option<Vec<T>>>,
    name: &str,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    property_seed(map, slot, name, OptionalItems(Items(PhantomData)))
}

/// Reads a declared property's value with `seed`; an error leaves with the property's name at
/// the start of its message. Always inlined in optimized builds (see [`next_key`]): a call less
/// per member (the error branch stays out of line, in `located`).
#[cfg_attr(debug_assertions, inline)]
#[cfg_attr(not(debug_assertions), inline(always))]
fn property_seed<'de, A, S>(
    map: &mut A,
    slot: &mut Option<S::Value>,
    name: &str,
    seed: S,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    S: DeserializeSeed<'de>,
{
    if slot.is_some() {
        return duplicate(map, name);
    }
    match map.next_value_seed(seed) {
        Ok(value) => {
            *slot = Some(value);
            Ok(())
        }
        Err(error) => Err(located(Step::Name(name), error)),
    }
}

/// Fails with "duplicate property `name`" while reading the second occurrence's value, so that
/// the error's position is the value's, and its path the property's. Generic over the map only:
/// compiled once per deserializer, not per property type.
#[cold]
fn duplicate<'de, A: MapAccess<'de>>(map: &mut A, name: &str) -> Result<(), A::Error> {
    match map.next_value_seed(Duplicate(name)) {
        Ok(()) => Ok(()),
        Err(error) => Err(located(Step::Name(name), error)),
    }
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

/// An absent property's slot gets what a missing value reads as: an error for a required
/// property (`None` for an `Option`, whose slots the derive flattens instead), so that the
/// object is then built from its slots with no fallible step ([`filled`]).
///
/// # Errors
/// "missing property `name`" for a required property.
#[doc(hidden)]
#[inline]
pub fn fill<'de, T: Deserialize<'de>, E: de::Error>(
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), E> {
    if slot.is_none() {
        *slot = Some(T::deserialize(Missing(name, PhantomData))?);
    }
    Ok(())
}

/// A slot after [`fill`]: never empty.
#[doc(hidden)]
#[inline]
pub fn filled<T>(slot: Option<T>) -> T {
    match slot {
        Some(value) => value,
        None => unreachable!("a slot is filled before the object is built"),
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
    /// copy (and our reader compares it where it is instead of scanning it).
    pub declared_type: &'static &'static str,
}

/// The name [`ControlText`] gives our reader as the struct name of its request for the text of
/// `@odata.type`, with the declared type's `#ns.Name` as its one field: the reader compares the
/// text at its cursor with it (and with it without the `#`) instead of scanning it, and hands
/// over the declared name itself when it is the one (`visit_borrowed_str`), or else reads the
/// value as `deserialize_option` does (then `deserialize_str`, as [`ControlText`] asks any other
/// deserializer, so that both give a non-string's error at the same place).
pub(crate) const DECLARED_TYPE: &str = "$odata::type";

/// Reads a member the type does not declare:
/// - `@…`, `prop@…` and `#…` (annotations, control information, advertised operations) go to
///   the annotations field, or are skipped; `@odata.type` / `@type` must be a string either way;
/// - any other name is an undeclared property: kept in the additional field, or skipped.
///
/// # Errors
/// A non-string `@odata.type`, a duplicate undeclared property, or a malformed value; the
/// message starts with the member's name.
#[doc(hidden)]
pub fn undeclared<'de, A: MapAccess<'de>>(
    map: &mut A,
    key: &str,
    into: Undeclared<'_>,
) -> Result<(), A::Error> {
    match undeclared_member(map, key, into) {
        Ok(()) => Ok(()),
        Err(error) => Err(located(Step::Name(key), error)),
    }
}

/// Reads the `@odata.type` member, which the derived impls match by name (Graph sends it on
/// nearly every object) before [`undeclared`], without its comparisons of the name.
///
/// # Errors
/// Not a string or `null`; the message starts with `@odata.type`.
#[doc(hidden)]
pub fn odata_type<'de, A: MapAccess<'de>>(
    map: &mut A,
    into: Undeclared<'_>,
) -> Result<(), A::Error> {
    match control(map, TYPE_KEY, into) {
        Ok(()) => Ok(()),
        Err(error) => Err(located(Step::Name(TYPE_KEY), error)),
    }
}

const TYPE_KEY: &str = "@odata.type";

/// Reads control information (`@odata.type`, `@odata.context`, `@odata.etag`, `@odata.id`, in
/// either spelling): a string or `null`, checked while it is read, kept in the annotations
/// field when the type has one. `@odata.type` with the declared type's own name (with or
/// without its `#`) is kept without a copy, and our reader (known as in `next_key`) compares
/// it with that name where it is.
#[inline]
fn control<'de, A: MapAccess<'de>>(
    map: &mut A,
    key: &str,
    into: Undeclared<'_>,
) -> Result<(), A::Error> {
    let odata_type = key == TYPE_KEY;
    let in_place = odata_type
        && crate::read::json::is_reader_error::<A::Error>()
        && map.size_hint() == Some(0);
    let seed = ControlText {
        declared: into.declared_type,
        in_place,
    };
    let text = map.next_value_seed(seed)?;
    if let Some(annotations) = into.annotations {
        if odata_type {
            annotations.set_type(text);
        } else {
            annotations.set_control(key, text);
        }
    }
    Ok(())
}

fn undeclared_member<'de, A: MapAccess<'de>>(
    map: &mut A,
    key: &str,
    into: Undeclared<'_>,
) -> Result<(), A::Error> {
    // `@odata.type` is on nearly every object Graph sends: matched first, with no scan of the
    // name (the derived impls match it before they call this: see `odata_type`)
    if key == TYPE_KEY || (key.contains('@') && is_control_string(key)) {
        return control(map, key, into);
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
                    // located once, by `undeclared`
                    return map.next_value_seed(Duplicate(key));
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
/// read as `None`: not given). `declared` is the declared type's `#ns.Name`: text that is exactly
/// that, or that without the `#`, is kept as a reference to it instead of copied.
#[derive(Clone, Copy)]
struct ControlText {
    declared: &'static &'static str,
    /// Whether the deserializer is our reader, asked as [`DECLARED_TYPE`] says.
    in_place: bool,
}

impl ControlText {
    /// `visitor` gets the value: a string (or `null`), whatever the deserializer.
    #[inline]
    fn read<'de, D: Deserializer<'de>, V: Visitor<'de>>(
        self,
        deserializer: D,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        if self.in_place {
            deserializer.deserialize_struct(
                DECLARED_TYPE,
                std::slice::from_ref(self.declared),
                visitor,
            )
        } else {
            deserializer.deserialize_option(visitor)
        }
    }
}

impl<'de> DeserializeSeed<'de> for ControlText {
    type Value = Option<ControlValue>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.read(deserializer, self)
    }
}

impl<'de> Visitor<'de> for ControlText {
    type Value = Option<ControlValue>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let declared = *self.declared;
        // our reader hands over the declared name itself (or its part after the `#`) when it is
        // the one
        if std::ptr::eq(v, declared) {
            return Ok(Some(ControlValue::Declared(self.declared)));
        }
        if declared.get(1..).is_some_and(|bare| std::ptr::eq(v, bare)) {
            return Ok(Some(ControlValue::Bare(self.declared)));
        }
        Ok(Some(control_text(self.declared, v)))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(ControlValue::Owned(v)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

/// `v`, borrowed from `declared` (the type's `#ns.Name`) when it is that text, as declared or
/// without the `#` (as Graph writes it on nested values), else copied.
fn control_text(declared: &'static &'static str, v: &str) -> ControlValue {
    if v == *declared {
        ControlValue::Declared(declared)
    } else if declared.strip_prefix('#') == Some(v) {
        ControlValue::Bare(declared)
    } else {
        ControlValue::Owned(v.to_owned())
    }
}

/// Keeps an `@odata.type` member read before the type's own reading began (a `Polymorphic` enum
/// reads it to choose the variant), as [`undeclared`] keeps one it reads itself.
#[doc(hidden)]
pub fn type_member(key: &str, text: &str, into: Undeclared<'_>) {
    if let Some(annotations) = into.annotations {
        annotations.set_control(key, Some(control_text(into.declared_type, text)));
    }
}

/// Reads a `Vec<T>` as serde's `Vec` impl does (the same work on success); an error in an item
/// leaves with the item's index at the start of its message.
struct Items<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Items<T> {
    type Value = Vec<T>;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<T>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Items<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a sequence")
    }

    #[inline]
    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<Vec<T>, S::Error> {
        let mut items = Vec::with_capacity(cautious::<T>(seq.size_hint()));
        loop {
            match seq.next_element() {
                Ok(Some(item)) => items.push(item),
                Ok(None) => return Ok(items),
                Err(error) => return Err(located(Step::Index(items.len()), error)),
            }
        }
    }
}

/// serde's own bound on what a size hint may preallocate (1 MiB), so a hostile hint cannot
/// reserve more than serde's `Vec` impl would.
fn cautious<T>(hint: Option<usize>) -> usize {
    const MAX_PREALLOC_BYTES: usize = 1024 * 1024;
    match std::mem::size_of::<T>() {
        0 => 0,
        size => hint.unwrap_or(0).min(MAX_PREALLOC_BYTES / size),
    }
}

/// [`Items`] behind an `Option`, as serde's `Option` impl reads it: `null` is `None`.
struct OptionalItems<T>(Items<T>);

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for OptionalItems<T> {
    type Value = Option<Vec<T>>;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for OptionalItems<T> {
    type Value = Option<Vec<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("option")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        match self.0.deserialize(deserializer) {
            Ok(value) => Ok(Some(value)),
            Err(error) => Err(error),
        }
    }
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
                            declared_type: &"#ns.T",
                        };
                        undeclared(&mut map, key.as_str(), into)?;
                    }
                    Ok(Probe(annotations))
                }
            }
            deserializer.deserialize_map(V)
        }
    }

    #[test]
    fn items_name_the_failing_index_and_read_as_serde_reads_a_vec() {
        let mut json = serde_json::Deserializer::from_str("[1, 2, \"x\"]");
        let error = Items::<i32>(PhantomData)
            .deserialize(&mut json)
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "[2]: invalid type: string \"x\", expected i32 at line 1 column 10"
        );
        let read = |text: &str| {
            OptionalItems(Items::<i32>(PhantomData))
                .deserialize(&mut serde_json::Deserializer::from_str(text))
                .map_err(|e| e.to_string())
        };
        for text in ["[1, 2]", "[]", "null", "{}", "1", "\"x\"", "nul"] {
            let serde = serde_json::from_str::<Option<Vec<i32>>>(text).map_err(|e| e.to_string());
            assert_eq!(read(text), serde, "{text}");
        }
        // what goes wrong while an item is read is the item's
        for (text, expected) in [
            ("[1,", "[1]: EOF while parsing a value at line 1 column 3"),
            ("[1", "[1]: EOF while parsing a list at line 1 column 2"),
            ("[", "[0]: EOF while parsing a list at line 1 column 1"),
            ("[1 2]", "[1]: expected `,` or `]` at line 1 column 4"),
        ] {
            assert_eq!(read(text), Err(expected.to_owned()), "{text}");
        }
        assert_eq!(read("[1, 2]"), Ok(Some(vec![1, 2])));
        assert_eq!(read("null"), Ok(None));
        assert_eq!(cautious::<u64>(Some(usize::MAX)), 1024 * 1024 / 8);
        assert_eq!(cautious::<()>(Some(5)), 0);
        assert_eq!(cautious::<u8>(None), 0);
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

    /// Our reader compares `@odata.type` with the declared type where it is: the same
    /// annotations as through serde_json, the declared name kept without a copy.
    #[test]
    fn our_reader_keeps_the_declared_type_name_as_serde_json_does() {
        let ours = |text: &str| crate::read::json::read::<Probe>(text).map(|probe| probe.0);
        for sent in ["\"#ns.T\"", "\"ns.T\"", "\"\\u0023ns.T\"", "  \"#ns.T\" "] {
            let text = format!(r#"{{"@odata.type":{sent},"@odata.etag":"W/\"1\""}}"#);
            let annotations = ours(&text).unwrap_or_else(|| panic!("refused: {text}"));
            assert_eq!(annotations, read(&text), "{text}");
            assert!(annotations.type_is_borrowed(), "{text}");
        }
        for sent in [
            "\"#ns.Tx\"",
            "\"#ns\"",
            "\"ns.T.U\"",
            "\"#ns.T\\u0041\"",
            "\"\"",
            "null",
        ] {
            let text = format!(r#"{{"@odata.type":{sent}}}"#);
            let annotations = ours(&text).unwrap_or_else(|| panic!("refused: {text}"));
            assert_eq!(annotations, read(&text), "{text}");
            assert!(!annotations.type_is_borrowed(), "{text}");
        }
        // not a string: refused here, so that serde_json gives its error
        for sent in ["5", "[\"#ns.T\"]", "{}", "true", "\"#ns.T"] {
            let text = format!(r#"{{"@odata.type":{sent}}}"#);
            assert!(ours(&text).is_none(), "{text}");
        }
    }
}
