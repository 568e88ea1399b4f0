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
use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
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
/// the start of its message.
#[inline]
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
        return duplicate(map, name).map_err(|error| located(Step::Name(name), error));
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
/// the error's position is the value's (the caller adds the property's name to the message).
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

fn undeclared_member<'de, A: MapAccess<'de>>(
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
        self.0.deserialize(deserializer).map(Some)
    }
}

/// One step of a property path: a member's name or an array item's index.
#[derive(Clone, Copy)]
enum Step<'a> {
    Name(&'a str),
    Index(usize),
}

/// The last message [`located`] made on this thread, and the length of the path at its start.
/// An inner error whose text begins with exactly this message is one of ours: its path is
/// joined to the new step instead of being read as part of the message. Text is never taken
/// for a path on its looks (serde's own messages contain `: ` too).
struct Made {
    message: String,
    path_len: usize,
}

thread_local! {
    static LAST_MADE: RefCell<Made> = const {
        RefCell::new(Made { message: String::new(), path_len: 0 })
    };
}

/// `error` from a member's value, re-made with the member's name at the start of its message's
/// path (a dictionary's key, say). Only error branches call this.
#[cold]
pub(crate) fn in_member<E: de::Error>(name: &str, error: E) -> E {
    located(Step::Name(name), error)
}

/// `error`, re-made with `step` added at the start of its message's path: `error.code: …`,
/// `[3].status: …`. Only error branches call this.
#[cold]
#[inline(never)]
fn located<E: de::Error>(step: Step<'_>, error: E) -> E {
    let inner = error.to_string();
    let message = LAST_MADE.with(|last| {
        let mut last = last.borrow_mut();
        let (message, path_len) = prefixed(step, &inner, &last);
        last.message.clone_from(&message);
        last.path_len = path_len;
        message
    });
    // serde_json reads a trailing ` at line L column C` back into the error's position
    E::custom(message)
}

/// The message with `step` added to its path, and the new path's length. `inner` is taken as
/// `path: message` only when it begins with `last`, the message made last (followed by nothing,
/// or by what the deserializer appended since, such as serde_json's position).
fn prefixed(step: Step<'_>, inner: &str, last: &Made) -> (String, usize) {
    let own = own_path(inner, last);
    let mut message = String::with_capacity(inner.len() + 16);
    match step {
        Step::Name(name) => message.push_str(name),
        Step::Index(index) => {
            use fmt::Write as _;
            let _ = write!(message, "[{index}]");
        }
    }
    let rest = match own {
        Some((path, rest)) => {
            if !path.starts_with('[') {
                message.push('.');
            }
            message.push_str(path);
            rest
        }
        None => inner,
    };
    let path_len = message.len();
    message.push_str(": ");
    message.push_str(rest);
    (message, path_len)
}

/// `(path, rest)` of a message [`located`] made (`last`, or `last` with more appended), else
/// `None`.
fn own_path<'m>(message: &'m str, last: &Made) -> Option<(&'m str, &'m str)> {
    if last.message.is_empty() || !message.starts_with(&last.message) {
        return None;
    }
    let path = message.get(..last.path_len)?;
    let rest = message.get(last.path_len..)?.strip_prefix(": ")?;
    Some((path, rest))
}

/// For [`crate::from_slice`]'s error: `message` without the path at its start when that is one
/// [`located`] made and every step of it is in `path` (serde_path_to_error's path, which also
/// has the steps no derived impl of ours sees: a top-level `Vec`'s index, the inside of a
/// `Value` or of a serde-derived struct); `path` says it then, and `Display` need not say it
/// twice. Else `None`: the message keeps the path (a value buffered before it is read, as a
/// `Polymorphic` one read after its `@odata.type`, has steps serde_path_to_error cannot see).
#[cold]
pub(crate) fn without_own_path(path: &str, message: &str) -> Option<String> {
    LAST_MADE.with(|last| {
        let last = last.borrow();
        let (own, rest) = own_path(message, &last)?;
        let mut whole = steps(path);
        let covered = steps(own).all(|step| whole.any(|s| s == step));
        covered.then(|| rest.to_owned())
    })
}

/// `value[3].status` → `value`, `[3]`, `status`.
fn steps(path: &str) -> impl Iterator<Item = &str> {
    path.split('.').flat_map(|part| {
        let mut rest = part;
        std::iter::from_fn(move || {
            if rest.is_empty() {
                return None;
            }
            // the next `[` after the step's first character
            let first = rest.chars().next().map_or(0, char::len_utf8);
            let end = rest[first..].find('[').map_or(rest.len(), |at| at + first);
            let (step, tail) = rest.split_at(end);
            rest = tail;
            Some(step)
        })
    })
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

    fn made(message: &str, path_len: usize) -> Made {
        Made {
            message: message.to_owned(),
            path_len,
        }
    }

    const NOTHING_MADE: Made = Made {
        message: String::new(),
        path_len: 0,
    };

    #[test]
    fn a_step_goes_before_a_message_that_has_no_path() {
        let inner = "invalid type: string \"13\", expected i32 at line 1 column 21";
        assert_eq!(
            prefixed(Step::Name("attemptsCount"), inner, &NOTHING_MADE),
            (format!("attemptsCount: {inner}"), 13)
        );
        assert_eq!(
            prefixed(Step::Index(3), inner, &NOTHING_MADE),
            (format!("[3]: {inner}"), 3)
        );
    }

    #[test]
    fn a_step_joins_the_path_of_the_message_made_last() {
        let inner = "code: invalid type: integer `5`, expected a string at line 1 column 17";
        let (message, len) = prefixed(Step::Name("error"), inner, &made(inner, 4));
        assert_eq!(
            message,
            "error.code: invalid type: integer `5`, expected a string at line 1 column 17"
        );
        assert_eq!(&message[..len], "error.code");
        // and again, three levels
        let (message, len) = prefixed(Step::Name("a"), &message, &made(&message, len));
        assert_eq!(
            message,
            "a.error.code: invalid type: integer `5`, expected a string at line 1 column 17"
        );
        assert_eq!(len, "a.error.code".len());
        // an index joins without a dot, and a name before an index too
        let item = "status: invalid type: integer `1`, expected a string";
        let (message, len) = prefixed(Step::Index(3), item, &made(item, 6));
        assert_eq!(
            (message.as_str(), len),
            (
                "[3].status: invalid type: integer `1`, expected a string",
                10
            )
        );
        let (message, len) = prefixed(Step::Name("value"), &message, &made(&message, len));
        assert_eq!(
            message,
            "value[3].status: invalid type: integer `1`, expected a string"
        );
        assert_eq!(len, "value[3].status".len());
        let (message, _) = prefixed(Step::Index(0), &message, &made(&message, len));
        assert_eq!(
            message,
            "[0].value[3].status: invalid type: integer `1`, expected a string"
        );
    }

    #[test]
    fn the_message_made_last_with_a_position_appended_is_still_ours() {
        // our own error made before serde_json knew where it was ("duplicate property"): the
        // position is added later, after the text we made
        let made_last = made("code: duplicate property `code`", 4);
        let (message, len) = prefixed(
            Step::Name("error"),
            "code: duplicate property `code` at line 1 column 27",
            &made_last,
        );
        assert_eq!(
            message,
            "error.code: duplicate property `code` at line 1 column 27"
        );
        assert_eq!(len, 10);
    }

    #[test]
    fn text_that_only_looks_like_a_path_is_never_taken_for_one() {
        // serde's own messages have `: ` in them
        for inner in [
            "invalid type: map, expected a string at line 1 column 9",
            "invalid value: integer `2147483648`, expected i32",
            "unknown variant `x`, expected one of `a`, `b`",
            "code: looks like a path, but was not made here",
        ] {
            let (message, len) = prefixed(Step::Name("p"), inner, &NOTHING_MADE);
            assert_eq!((message, len), (format!("p: {inner}"), 1));
        }
        // a message made earlier that is not where this one starts
        let stale = made("code: invalid type: integer `5`, expected a string", 4);
        let inner = "invalid type: integer `5`, expected a string";
        assert_eq!(
            prefixed(Step::Name("code"), inner, &stale).0,
            format!("code: {inner}")
        );
        // the same path with another message after it is not ours either
        let inner = "code: invalid type: integer `6`, expected a string";
        assert_eq!(
            prefixed(Step::Name("error"), inner, &stale).0,
            format!("error: {inner}")
        );
    }

    #[test]
    fn serde_json_keeps_its_text_and_position_under_the_path() {
        let original = serde_json::from_str::<i32>("\n \"13\"").unwrap_err();
        let text = original.to_string();
        assert_eq!(
            text,
            "invalid type: string \"13\", expected i32 at line 2 column 5"
        );
        let once = located(Step::Name("c"), original);
        assert_eq!(once.to_string(), format!("c: {text}"));
        let twice = located(Step::Name("b"), once);
        let thrice = located(Step::Name("a"), twice);
        assert_eq!(thrice.to_string(), format!("a.b.c: {text}"));
        assert_eq!((thrice.line(), thrice.column()), (2, 5));
        // without a position (serde_json::Value), none is made up
        let from_value = serde_json::from_value::<i32>(Value::from("13")).unwrap_err();
        let located = located(Step::Index(7), from_value);
        assert_eq!(
            located.to_string(),
            "[7]: invalid type: string \"13\", expected i32"
        );
        assert_eq!(located.line(), 0);
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

    #[test]
    fn from_slice_drops_a_path_it_says_itself() {
        let rest = "invalid type: integer `1`, expected a string at line 1 column 40";
        let message = format!("status: {rest}");
        LAST_MADE.with(|last| *last.borrow_mut() = made(&message, 6));
        // the whole path, or a path with steps our impls do not see: a top-level `Vec`'s
        // index, the inside of a serde-derived struct or of a `Value`
        for path in ["status", "[3].status", "value[3].status", "status[0][0]"] {
            assert_eq!(
                without_own_path(path, &message).as_deref(),
                Some(rest),
                "{path}"
            );
        }
        // a step the path does not have: said by the message only, kept
        for path in ["", "value[3]", "value[3].xstatus", "stat.us", "[3]"] {
            assert_eq!(without_own_path(path, &message), None, "{path}");
        }
        // a message not made here is never cut
        assert_eq!(without_own_path("status", rest), None);
        assert_eq!(without_own_path("status", "status: made elsewhere"), None);

        let message = format!("error.code: {rest}");
        LAST_MADE.with(|last| *last.borrow_mut() = made(&message, 10));
        for path in ["error.code", "error.inner.code", "[0].error[2].code"] {
            assert_eq!(
                without_own_path(path, &message).as_deref(),
                Some(rest),
                "{path}"
            );
        }
        for path in ["error", "code.error", "errorcode"] {
            assert_eq!(without_own_path(path, &message), None, "{path}");
        }
    }

    #[test]
    fn a_path_is_split_into_names_and_indexes() {
        let split = |path| steps(path).collect::<Vec<_>>();
        assert_eq!(split("value[3].status"), ["value", "[3]", "status"]);
        assert_eq!(split("[1][22].a.b"), ["[1]", "[22]", "a", "b"]);
        assert_eq!(split(""), [""; 0]);
        assert_eq!(split("@odata.type"), ["@odata", "type"]);
        assert_eq!(split("名前[0].é"), ["名前", "[0]", "é"]);
        assert_eq!(split("[é[1]"), ["[é", "[1]"]);
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
