//! [`Dictionary`]: a JSON object used as a map from keys to typed values, as Graph's open
//! complex types `plannerAssignments` (user id → `plannerAssignment`) and
//! `plannerAppliedCategories` (`category1`… → `bool`) are; and what a PATCH sends for one.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::BuildHasher;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::patch::setter::{NestedPatch, PropertyValue, Slot};
use crate::read::de::Key;
use crate::read::error_path::in_member;
use crate::write::{json, ODataValue};

/// A JSON object whose members are entries: keys chosen at run time, values of one type.
///
/// Keys keep the order they were received or inserted in (the JSON written is stable and reads
/// like the service's); equality ignores order, as for JSON objects. Reading checks each value
/// against `T`, names the key in an error (`assignments.fbab97d0-….orderHint: …`) and skips
/// annotations (`@odata.type` of the dictionary itself).
///
/// In a PATCH body OData merges a dictionary like any complex value: a key left out is kept,
/// `null` removes it. [`Dictionary::patch`] builds such changes, and a builder's `diff` sends
/// only the keys that changed (`null` for removed ones).
///
/// ```
/// use odata_resource_runtime::{Dictionary, ODataValue};
///
/// let mut categories = Dictionary::new();
/// categories.insert("category3", true);
/// categories.insert("category4", false);
/// let mut body = Vec::new();
/// categories.write_json(&mut body);
/// assert_eq!(body, br#"{"category3":true,"category4":false}"#);
/// assert_eq!(categories.get("category3"), Some(&true));
/// ```
#[derive(Clone)]
pub struct Dictionary<T> {
    entries: Vec<(String, T)>,
}

impl<T> Dictionary<T> {
    /// An empty dictionary.
    pub fn new() -> Self {
        Dictionary {
            entries: Vec::new(),
        }
    }

    /// How many entries it holds.
    ///
    /// ```
    /// # use odata_resource_runtime::Dictionary;
    /// let d: Dictionary<u8> = [("a", 1)].into_iter().collect();
    /// assert_eq!(d.len(), 1);
    /// ```
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds no entry.
    ///
    /// ```
    /// # use odata_resource_runtime::Dictionary;
    /// assert!(Dictionary::<u8>::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The value of `key`.
    ///
    /// ```
    /// # use odata_resource_runtime::Dictionary;
    /// let d: Dictionary<u8> = [("a", 1)].into_iter().collect();
    /// assert_eq!((d.get("a"), d.get("b")), (Some(&1), None));
    /// ```
    pub fn get(&self, key: &str) -> Option<&T> {
        self.position(key).map(|i| &self.entries[i].1)
    }

    /// The value of `key`, to change it in place.
    ///
    /// ```
    /// # use odata_resource_runtime::Dictionary;
    /// let mut d: Dictionary<u8> = [("a", 1)].into_iter().collect();
    /// *d.get_mut("a").unwrap() += 1;
    /// assert_eq!(d.get("a"), Some(&2));
    /// ```
    pub fn get_mut(&mut self, key: &str) -> Option<&mut T> {
        self.position(key).map(|i| &mut self.entries[i].1)
    }

    /// Whether it holds `key`.
    ///
    /// ```
    /// # use odata_resource_runtime::Dictionary;
    /// let d: Dictionary<u8> = [("a", 1)].into_iter().collect();
    /// assert!(d.contains_key("a"));
    /// ```
    pub fn contains_key(&self, key: &str) -> bool {
        self.position(key).is_some()
    }

    /// Sets `key` to `value`, in place when the key is there (its position is kept), else at
    /// the end; gives the previous value back.
    ///
    /// ```
    /// # use odata_resource_runtime::Dictionary;
    /// let mut d = Dictionary::new();
    /// assert_eq!(d.insert("a", 1), None);
    /// d.insert("b", 2);
    /// assert_eq!(d.insert("a", 3), Some(1));
    /// assert_eq!(d.keys().collect::<Vec<_>>(), ["a", "b"]);
    /// ```
    pub fn insert(&mut self, key: impl Into<String>, value: T) -> Option<T> {
        let key = key.into();
        match self.position(&key) {
            Some(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            None => {
                self.entries.push((key, value));
                None
            }
        }
    }

    /// Removes `key`, keeping the order of the others; gives its value back.
    ///
    /// ```
    /// # use odata_resource_runtime::Dictionary;
    /// let mut d: Dictionary<u8> = [("a", 1), ("b", 2)].into_iter().collect();
    /// assert_eq!(d.remove("a"), Some(1));
    /// assert_eq!(d.remove("a"), None);
    /// ```
    pub fn remove(&mut self, key: &str) -> Option<T> {
        self.position(key).map(|i| self.entries.remove(i).1)
    }

    /// The entries, in order.
    ///
    /// ```
    /// # use odata_resource_runtime::Dictionary;
    /// let d: Dictionary<u8> = [("a", 1)].into_iter().collect();
    /// assert_eq!(d.iter().collect::<Vec<_>>(), [("a", &1)]);
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &T)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The keys, in order.
    ///
    /// ```
    /// # use odata_resource_runtime::Dictionary;
    /// let d: Dictionary<u8> = [("b", 1), ("a", 2)].into_iter().collect();
    /// assert_eq!(d.keys().collect::<Vec<_>>(), ["b", "a"]);
    /// ```
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    /// Starts changes to a dictionary for a PATCH body: keys to set (a value, or a value's
    /// nested changes) and keys to remove (`null`); the keys not named are kept by the service.
    ///
    /// ```
    /// use odata_resource_runtime::{Dictionary, ODataValue};
    ///
    /// let changes = Dictionary::<bool>::patch().set("category1", true).remove("category2");
    /// let mut body = Vec::new();
    /// changes.write_json(&mut body);
    /// assert_eq!(body, br#"{"category1":true,"category2":null}"#);
    /// ```
    pub fn patch() -> DictionaryPatch<T> {
        DictionaryPatch {
            entries: Vec::new(),
        }
    }

    fn position(&self, key: &str) -> Option<usize> {
        self.entries.iter().position(|(k, _)| k == key)
    }
}

impl<T> Default for Dictionary<T> {
    fn default() -> Self {
        Dictionary::new()
    }
}

impl<T: fmt::Debug> fmt::Debug for Dictionary<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// The same keys with equal values, in any order.
impl<T: PartialEq> PartialEq for Dictionary<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl<T: Eq> Eq for Dictionary<T> {}

impl<K: Into<String>, T> FromIterator<(K, T)> for Dictionary<T> {
    /// A later entry for a key replaces an earlier one, in the earlier one's place.
    fn from_iter<I: IntoIterator<Item = (K, T)>>(iter: I) -> Self {
        let mut dictionary = Dictionary::new();
        for (key, value) in iter {
            dictionary.insert(key, value);
        }
        dictionary
    }
}

impl<T> IntoIterator for Dictionary<T> {
    type Item = (String, T);
    type IntoIter = std::vec::IntoIter<(String, T)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<T: Serialize> Serialize for Dictionary<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (key, value) in self.iter() {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Dictionary<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(Entries(PhantomData))
    }
}

struct Entries<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Entries<T> {
    type Value = Dictionary<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of entries")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Dictionary<T>, A::Error> {
        let mut dictionary = Dictionary::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let key = key.as_str();
            // `@odata.type` of the object, `key@odata.…` of an entry: control information
            if key.contains('@') {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            if dictionary.contains_key(key) {
                let error = de::Error::custom(format_args!("duplicate key `{key}`"));
                return Err(in_member(key, error));
            }
            let value = map.next_value().map_err(|error| in_member(key, error))?;
            dictionary.entries.push((key.to_owned(), value));
        }
        Ok(dictionary)
    }
}

/// Writes `{"key":value,…}` (no `@odata.type`: Graph's bodies give none for a dictionary).
fn write_entries<'a, T: ODataValue + 'a>(
    out: &mut Vec<u8>,
    entries: impl Iterator<Item = (&'a str, &'a T)>,
) {
    out.push(b'{');
    for (i, (key, value)) in entries.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        json::write_str(out, key);
        out.push(b':');
        value.write_json(out);
    }
    out.push(b'}');
}

/// The changes from `old` to `new` as one object: a changed key with its value's changes (only
/// the nested properties that changed, for a complex value), a new key whole, a removed key
/// `null`; false (and nothing written) when there are none.
fn write_entry_changes<'a, T: ODataValue + 'a>(
    out: &mut Vec<u8>,
    new: impl Iterator<Item = (&'a str, &'a T)>,
    old: impl Iterator<Item = (&'a str, &'a T)>,
    old_value: impl Fn(&str) -> Option<&'a T>,
    in_new: impl Fn(&str) -> bool,
) -> bool {
    let start = out.len();
    out.push(b'{');
    let member = |out: &mut Vec<u8>, key: &str| {
        if out.len() > start + 1 {
            out.push(b',');
        }
        let at = out.len();
        json::write_str(out, key);
        out.push(b':');
        at
    };
    for (key, value) in new {
        let at = member(out, key);
        let changed = match old_value(key) {
            Some(old) => value.write_changes(old, out),
            None => {
                value.write_json(out);
                true
            }
        };
        if !changed {
            // drop the key and the comma written for it
            out.truncate(if at > start + 1 { at - 1 } else { at });
        }
    }
    for (key, _) in old.filter(|(key, _)| !in_new(key)) {
        member(out, key);
        out.extend_from_slice(b"null");
    }
    if out.len() == start + 1 {
        out.truncate(start);
        return false;
    }
    out.push(b'}');
    true
}

// not listed among the candidates when a property type lacks `ODataValue` (see value.rs)
#[diagnostic::do_not_recommend]
impl<T: ODataValue> ODataValue for Dictionary<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_entries(out, self.iter());
    }
    fn needs_unknown_enum_members(&self) -> bool {
        self.entries
            .iter()
            .any(|(_, v)| v.needs_unknown_enum_members())
    }
    fn write_changes(&self, old: &Self, out: &mut Vec<u8>) -> bool {
        write_entry_changes(
            out,
            self.iter(),
            old.iter(),
            |k| old.get(k),
            |k| self.contains_key(k),
        )
    }
}

/// `ODataValue` for the standard maps from `String` keys, as for [`Dictionary`] (in their own
/// order: sorted, or a `HashMap`'s).
macro_rules! std_map_value {
    ($($map:ident<$($extra:ident: $bound:path),*>),*) => {$(
        // not listed among the candidates when a property type lacks `ODataValue` (see value.rs)
        #[diagnostic::do_not_recommend]
        impl<T: ODataValue $(, $extra: $bound)*> ODataValue for $map<String, T $(, $extra)*> {
            fn write_json(&self, out: &mut Vec<u8>) {
                write_entries(out, self.iter().map(|(k, v)| (k.as_str(), v)));
            }
            fn needs_unknown_enum_members(&self) -> bool {
                self.values().any(ODataValue::needs_unknown_enum_members)
            }
            fn write_changes(&self, old: &Self, out: &mut Vec<u8>) -> bool {
                write_entry_changes(
                    out,
                    self.iter().map(|(k, v)| (k.as_str(), v)),
                    old.iter().map(|(k, v)| (k.as_str(), v)),
                    |k| old.get(k),
                    |k| self.contains_key(k),
                )
            }
        }
    )*};
}

std_map_value!(BTreeMap<>, HashMap<S: BuildHasher>);

/// Changes to a [`Dictionary`] in a PATCH body, made by [`Dictionary::patch`]: keys set (to a
/// value, or to a value's nested changes) and keys removed (`null`). Pass it to the setter of
/// the dictionary property.
#[must_use = "changes do nothing until they are passed to a setter"]
pub struct DictionaryPatch<T> {
    entries: Vec<(String, Slot<T>)>,
}

impl<T> DictionaryPatch<T> {
    /// Sets `key` to `value` (anything that converts into `T`, or, for a complex `T`, its nested
    /// changes); a later call for the same key replaces this one.
    ///
    /// ```
    /// # use odata_resource_runtime::{Dictionary, ODataValue};
    /// let changes = Dictionary::<String>::patch().set("a", "x").set("a", "y");
    /// let mut body = Vec::new();
    /// changes.write_json(&mut body);
    /// assert_eq!(body, br#"{"a":"y"}"#);
    /// ```
    pub fn set<How>(self, key: impl Into<String>, value: impl PropertyValue<T, How>) -> Self {
        self.with(key.into(), value.into_slot())
    }

    /// Removes `key` (sends `"key": null`).
    ///
    /// ```
    /// # use odata_resource_runtime::{Dictionary, ODataValue};
    /// let changes = Dictionary::<u8>::patch().remove("gone");
    /// let mut body = Vec::new();
    /// changes.write_json(&mut body);
    /// assert_eq!(body, br#"{"gone":null}"#);
    /// ```
    pub fn remove(self, key: impl Into<String>) -> Self {
        self.with(key.into(), Slot::Null)
    }

    fn with(mut self, key: String, slot: Slot<T>) -> Self {
        match self.entries.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = slot,
            None => self.entries.push((key, slot)),
        }
        self
    }
}

// not listed among the candidates when a property type lacks `ODataValue` (see value.rs)
#[diagnostic::do_not_recommend]
impl<T: ODataValue> ODataValue for DictionaryPatch<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'{');
        for (key, slot) in &self.entries {
            // the key as a pre-escaped `,"key":`, as a generated member is
            let mut member = vec![b','];
            json::write_str(&mut member, key);
            member.push(b':');
            slot.write_member(out, &member);
        }
        out.push(b'}');
    }
    fn needs_unknown_enum_members(&self) -> bool {
        self.entries
            .iter()
            .any(|(_, slot)| slot.needs_unknown_enum_members())
    }
}

impl<T: ODataValue> NestedPatch for DictionaryPatch<T> {
    type Target = Dictionary<T>;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes<T: ODataValue>(old: &T, new: &T) -> Option<String> {
        let mut out = Vec::new();
        new.write_changes(old, &mut out)
            .then(|| String::from_utf8(out).unwrap())
    }

    #[test]
    fn reads_in_order_skips_annotations_and_refuses_a_duplicate_key() {
        let d: Dictionary<i32> =
            serde_json::from_str(r##"{"@odata.type":"#x.y","b":1,"a":2,"a@x.note":"n"}"##).unwrap();
        assert_eq!(d.iter().collect::<Vec<_>>(), [("b", &1), ("a", &2)]);
        assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"b":1,"a":2}"#);
        let err = serde_json::from_str::<Dictionary<i32>>(r#"{"a":1,"a":2}"#).unwrap_err();
        assert_eq!(err.to_string(), "a: duplicate key `a` at line 1 column 10");
        let err = serde_json::from_str::<Dictionary<i32>>(r#"{"k-1":"x"}"#).unwrap_err();
        assert!(
            err.to_string()
                .starts_with(r#"k-1: invalid type: string "x", expected i32"#),
            "{err}"
        );
    }

    #[test]
    fn equality_ignores_order() {
        let a: Dictionary<u8> = [("a", 1), ("b", 2)].into_iter().collect();
        let b: Dictionary<u8> = [("b", 2), ("a", 1)].into_iter().collect();
        let c: Dictionary<u8> = [("b", 2), ("a", 3)].into_iter().collect();
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn changes_name_only_changed_keys_and_null_the_removed_ones() {
        let old: Dictionary<Vec<u8>> = [("a", vec![1]), ("b", vec![2]), ("c", vec![3])]
            .into_iter()
            .collect();
        let mut new = old.clone();
        assert_eq!(changes(&old, &new), None);
        new.remove("a");
        new.insert("b", vec![2, 2]);
        new.insert("d", vec![4]);
        assert_eq!(
            changes(&old, &new).as_deref(),
            Some(r#"{"b":[2,2],"d":[4],"a":null}"#)
        );
        // an unchanged key first, then a changed one: no stray comma
        let mut new = old.clone();
        new.insert("c", vec![]);
        assert_eq!(changes(&old, &new).as_deref(), Some(r#"{"c":[]}"#));
        // the same for the standard maps
        let old: BTreeMap<String, u8> = [("a".to_owned(), 1), ("b".to_owned(), 2)].into();
        let new: BTreeMap<String, u8> = [("b".to_owned(), 3)].into();
        assert_eq!(changes(&old, &new).as_deref(), Some(r#"{"b":3,"a":null}"#));
        let old: HashMap<String, u8> = [("a".to_owned(), 1)].into();
        assert_eq!(changes(&old, &old.clone()), None);
    }

    #[test]
    fn keys_are_escaped() {
        let d: Dictionary<u8> = [("quote\"", 1)].into_iter().collect();
        let mut out = Vec::new();
        d.write_json(&mut out);
        assert_eq!(out, br#"{"quote\"":1}"#);
        let mut out = Vec::new();
        Dictionary::<u8>::patch()
            .remove("new\nline")
            .write_json(&mut out);
        assert_eq!(out, br#"{"new\nline":null}"#);
    }
}
