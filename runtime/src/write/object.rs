//! Writing a complex value's JSON object: `@odata.type` first, the properties that are set (a
//! `None` is left out: OData merges complex values), undeclared properties; and the changes
//! between two values, for `diff`. Keys arrive pre-escaped from the derive (`,"code":` as one
//! byte string).

use serde_json::{Map, Value};

use super::json;
use super::value::ODataValue;

/// Starts a member: `key` is the pre-escaped `,"name":`, written without its comma when the
/// member is the object's first (nothing but `{` written yet: no value ends with `{`).
#[inline]
pub(crate) fn member(out: &mut Vec<u8>, key: &[u8]) {
    // two copies of known length (inlined) rather than one of a computed length (a call)
    if out.last() == Some(&b'{') {
        out.extend_from_slice(key.get(1..).unwrap_or_default());
    } else {
        out.extend_from_slice(key);
    }
}

/// Writes a complex value (`ComplexType`'s [`ODataValue`]): `{`, the type member, properties,
/// undeclared properties, `}`.
#[doc(hidden)]
#[inline]
pub fn begin_object(out: &mut Vec<u8>, type_member: &'static [u8]) {
    out.push(b'{');
    out.extend_from_slice(type_member);
}

/// One property of a complex value; `key` is the pre-escaped `,"name":`.
#[doc(hidden)]
#[inline]
pub fn object_property<T: ODataValue + ?Sized>(out: &mut Vec<u8>, key: &'static [u8], value: &T) {
    member(out, key);
    value.write_json(out);
}

/// An `Option` property of a complex value: `None` is left out, never `null`. In a PATCH body a
/// missing property of a complex value is left unchanged by the service, while `null` clears it
/// (OData 4.0 Part 1 §11.4.3); a value the caller built says nothing about what it left `None`.
#[doc(hidden)]
#[inline]
pub fn object_optional<T: ODataValue>(out: &mut Vec<u8>, key: &'static [u8], value: &Option<T>) {
    if let Some(value) = value {
        object_property(out, key, value);
    }
}

/// Starts the changes of a complex value (its `ODataValue::write_changes`): `{` and the type
/// member; gives the position to hand to [`end_changes`].
#[doc(hidden)]
#[inline]
pub fn begin_changes(out: &mut Vec<u8>, type_member: &'static [u8]) -> (usize, usize) {
    let start = out.len();
    begin_object(out, type_member);
    (start, out.len())
}

/// Closes the changes begun at `at`: `}` when a member was written (true), else removes the
/// object again (false: nothing changed).
#[doc(hidden)]
#[inline]
pub fn end_changes(out: &mut Vec<u8>, at: (usize, usize)) -> bool {
    let (start, members) = at;
    if out.len() == members {
        out.truncate(start);
        false
    } else {
        out.push(b'}');
        true
    }
}

/// The change of one `Option` property of a complex value from `old` to `new`: nothing when
/// equal, `null` when it became `None` (left out instead when not `nullable`: it cannot be
/// cleared), the value when it was `None`, and the nested changes when both hold a value.
#[doc(hidden)]
pub fn change_optional<T: ODataValue>(
    out: &mut Vec<u8>,
    key: &'static [u8],
    old: &Option<T>,
    new: &Option<T>,
    nullable: bool,
) {
    if new.is_none() && !nullable {
        return;
    }
    change_required(out, key, old, new);
}

/// The change of one property of a complex value from `old` to `new`: nothing when they write
/// the same JSON, else the member with [`ODataValue::write_changes`].
#[doc(hidden)]
pub fn change_required<T: ODataValue + ?Sized>(
    out: &mut Vec<u8>,
    key: &'static [u8],
    old: &T,
    new: &T,
) {
    let start = out.len();
    member(out, key);
    let value = out.len();
    if !new.write_changes(old, out) {
        debug_assert_eq!(out.len(), value);
        out.truncate(start);
    }
}

/// The undeclared properties an open type keeps, after the declared ones.
#[doc(hidden)]
pub fn object_additional(out: &mut Vec<u8>, additional: &Map<String, Value>) {
    for (name, value) in additional {
        if out.last() != Some(&b'{') {
            out.push(b',');
        }
        json::write_str(out, name);
        out.push(b':');
        json::write_serde(out, value);
    }
}

/// Closes a complex value.
#[doc(hidden)]
#[inline]
pub fn end_object(out: &mut Vec<u8>) {
    out.push(b'}');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn additional_properties_follow_declared_ones() {
        let mut out = Vec::new();
        begin_object(&mut out, b"");
        object_property(&mut out, b",\"a\":", &1);
        let mut extra = Map::new();
        extra.insert("we\"ird".into(), Value::from(vec![1, 2]));
        object_additional(&mut out, &extra);
        end_object(&mut out);
        assert_eq!(out, br#"{"a":1,"we\"ird":[1,2]}"#.to_vec());
    }

    #[test]
    fn a_none_inside_a_complex_value_is_left_out() {
        let mut out = Vec::new();
        begin_object(&mut out, b"\"t\":1");
        object_optional::<i32>(&mut out, b",\"a\":", &None);
        object_optional(&mut out, b",\"b\":", &Some(2));
        object_optional::<i32>(&mut out, b",\"c\":", &None);
        end_object(&mut out);
        assert_eq!(out, br#"{"t":1,"b":2}"#.to_vec());
    }

    #[test]
    fn changes_hold_only_what_differs_and_vanish_when_nothing_does() {
        let changes = |old: (Option<i32>, Option<i32>), new: (Option<i32>, Option<i32>)| {
            let mut out = b"[".to_vec();
            let at = begin_changes(&mut out, b"");
            change_optional(&mut out, b",\"a\":", &old.0, &new.0, true);
            change_optional(&mut out, b",\"b\":", &old.1, &new.1, false);
            let changed = end_changes(&mut out, at);
            (changed, String::from_utf8(out).unwrap())
        };
        assert_eq!(
            changes((Some(1), Some(2)), (Some(1), Some(2))),
            (false, "[".into())
        );
        assert_eq!(
            changes((Some(1), None), (Some(3), None)),
            (true, r#"[{"a":3}"#.into())
        );
        assert_eq!(
            changes((Some(1), None), (None, None)),
            (true, r#"[{"a":null}"#.into())
        );
        // `b` is not nullable: going to `None` cannot be sent, so nothing changed
        assert_eq!(changes((None, Some(2)), (None, None)), (false, "[".into()));
        assert_eq!(
            changes((None, None), (None, Some(5))),
            (true, r#"[{"b":5}"#.into())
        );
        let mut out = Vec::new();
        change_required(&mut out, b",\"v\":", &vec![1], &vec![1]);
        assert!(out.is_empty());
    }
}
