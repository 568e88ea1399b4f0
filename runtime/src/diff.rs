//! What a builder's `diff(old, new)` calls for each writable property: set it exactly when the
//! new value differs from the old one.

use crate::Patch;

/// For an `Option` property: a new `None` where the old had a value sends `null` (when
/// `nullable`; a non-nullable property cannot be cleared and is left out); a different `Some`
/// sends the new value; an equal value is left as the builder had it.
#[doc(hidden)]
pub fn option<T: PartialEq + Clone>(
    slot: &mut Patch<T>,
    old: &Option<T>,
    new: &Option<T>,
    nullable: bool,
) {
    if old == new {
        return;
    }
    match new {
        Some(value) => *slot = Patch::Value(value.clone()),
        None if nullable => *slot = Patch::Null,
        None => {}
    }
}

/// For a property that is not an `Option`: a different value is sent.
#[doc(hidden)]
pub fn value<T: PartialEq + Clone>(slot: &mut Patch<T>, old: &T, new: &T) {
    if old != new {
        *slot = Patch::Value(new.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_differences_are_set() {
        let mut slot = Patch::Absent;
        option(&mut slot, &Some(1), &Some(1), true);
        assert_eq!(slot, Patch::Absent);
        option(&mut slot, &Some(1), &Some(2), true);
        assert_eq!(slot, Patch::Value(2));
        let mut slot = Patch::Absent;
        option(&mut slot, &Some(1), &None, true);
        assert_eq!(slot, Patch::Null);
        let mut slot = Patch::Absent;
        option(&mut slot, &Some(1), &None, false);
        assert_eq!(
            slot,
            Patch::Absent,
            "a non-nullable property is never cleared"
        );
        let mut slot = Patch::Absent;
        option(&mut slot, &None, &Some(3), false);
        assert_eq!(slot, Patch::Value(3));
        let mut slot = Patch::Absent;
        value(&mut slot, &"a".to_owned(), &"a".to_owned());
        assert_eq!(slot, Patch::Absent);
        value(&mut slot, &"a".to_owned(), &"b".to_owned());
        assert_eq!(slot, Patch::Value("b".to_owned()));
    }
}
