//! What a builder's `diff(old, new)` calls for each writable property: set it exactly when the
//! new value differs from the old one, and for two values of a complex type only the nested
//! properties that changed (OData merges a complex value: OData 4.0 Part 1 §11.4.3).

use crate::write::ODataValue;

use super::setter::{Slot, Written};

/// What `diff` needs of a property's type: `PartialEq + Clone + ODataValue`, as one trait. A
/// derived `Diff` impl bounds each distinct property type by it once (one higher-ranked bound
/// per type, not three per property), and the three come back as its supertraits.
#[doc(hidden)]
pub trait DiffValue: PartialEq + Clone + ODataValue {}

impl<T: PartialEq + Clone + ODataValue> DiffValue for T {}

/// For an `Option` property: a new `None` where the old had a value sends `null` (when
/// `nullable`; a non-nullable property cannot be cleared and is left out); a value where there
/// was none sends it whole; two different values send the changes between them (only the
/// changed nested properties of a complex value; a primitive or a collection whole); an equal
/// value is left as the builder had it.
#[doc(hidden)]
pub fn option<T: DiffValue>(slot: &mut Slot<T>, old: &Option<T>, new: &Option<T>, nullable: bool) {
    if old == new {
        return;
    }
    match (old, new) {
        (Some(old), Some(new)) => value(slot, old, new),
        (None, Some(new)) => *slot = Slot::Value(new.clone()),
        (_, None) if nullable => *slot = Slot::Null,
        (_, None) => {}
    }
}

/// For a property that is not an `Option`: the changes between two different values.
#[doc(hidden)]
pub fn value<T: DiffValue>(slot: &mut Slot<T>, old: &T, new: &T) {
    if old != new {
        if let Some(changes) = Written::changes(old, new) {
            *slot = Slot::Written(changes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the slot would write as a member.
    fn written<T: ODataValue>(slot: &Slot<T>) -> String {
        let mut out = b"{".to_vec();
        slot.write_member(&mut out, b",\"p\":");
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn only_differences_are_set() {
        let mut slot = Slot::Absent;
        option(&mut slot, &Some(1), &Some(1), true);
        assert_eq!(slot, Slot::Absent);
        option(&mut slot, &Some(1), &Some(2), true);
        assert_eq!(written(&slot), r#"{"p":2"#);
        let mut slot = Slot::Absent;
        option(&mut slot, &Some(1), &None, true);
        assert_eq!(slot, Slot::Null);
        let mut slot = Slot::Absent;
        option(&mut slot, &Some(1), &None, false);
        assert_eq!(
            slot,
            Slot::Absent,
            "a non-nullable property is never cleared"
        );
        let mut slot = Slot::Absent;
        option(&mut slot, &None, &Some(3), false);
        assert_eq!(slot, Slot::Value(3));
        let mut slot = Slot::Absent;
        value(&mut slot, &"a".to_owned(), &"a".to_owned());
        assert_eq!(slot, Slot::Absent);
        value(&mut slot, &"a".to_owned(), &"b".to_owned());
        assert_eq!(written(&slot), r#"{"p":"b""#);
    }

    #[test]
    fn a_collection_is_replaced_whole() {
        let mut slot = Slot::Absent;
        option(&mut slot, &Some(vec![1, 2]), &Some(vec![1, 3]), true);
        assert_eq!(written(&slot), r#"{"p":[1,3]"#);
    }

    #[test]
    fn values_that_differ_but_write_the_same_json_send_nothing() {
        // NaN is unequal to itself for `PartialEq`, but both write "NaN": nothing is sent
        let mut slot = Slot::Absent;
        value(&mut slot, &f64::NAN, &f64::NAN);
        assert_eq!(slot, Slot::Absent);
    }
}
