//! Writing JSON objects: the PATCH body and complex values. Keys arrive pre-escaped from the
//! derive (`"operationType":` as one byte string); values go through [`ODataValue`].

use serde_json::{Map, Value};

use crate::{json, ODataValue, Patch};

/// The body of a PATCH request being written: `@odata.type` first, then each set property in
/// declaration order. Tracks whether any value needs `Prefer: include-unknown-enum-members`.
#[doc(hidden)]
#[derive(Debug)]
pub struct PatchBody {
    out: Vec<u8>,
    needs_unknown_members: bool,
}

impl PatchBody {
    /// Starts the object; `type_member` is the pre-escaped `"@odata.type":"#ns.Name"`, or empty
    /// for a type that opted out of it.
    pub fn new(type_member: &'static [u8], capacity: usize) -> Self {
        let mut out = Vec::with_capacity(capacity);
        out.push(b'{');
        out.extend_from_slice(type_member);
        PatchBody {
            out,
            needs_unknown_members: false,
        }
    }

    /// Writes one property unless it is [`Patch::Absent`]; `key` is the pre-escaped `"name":`.
    #[inline]
    pub fn property<T: ODataValue>(&mut self, key: &'static [u8], value: &Patch<T>) {
        match value {
            Patch::Absent => {}
            Patch::Null => {
                member(&mut self.out, key);
                self.out.extend_from_slice(b"null");
            }
            Patch::Value(value) => {
                member(&mut self.out, key);
                value.write_json(&mut self.out);
                self.needs_unknown_members |= value.needs_unknown_enum_members();
            }
        }
    }

    /// Closes the object: the body, and whether it needs `Prefer: include-unknown-enum-members`.
    pub fn finish(mut self) -> (Vec<u8>, bool) {
        self.out.push(b'}');
        (self.out, self.needs_unknown_members)
    }
}

/// Starts a member: a comma unless it is the first, then the pre-escaped `"name":`.
#[inline]
fn member(out: &mut Vec<u8>, key: &[u8]) {
    if out.last() != Some(&b'{') {
        out.push(b',');
    }
    out.extend_from_slice(key);
}

/// Writes a complex value (`ComplexType`'s [`ODataValue`]): `{`, the type member, properties,
/// undeclared properties, `}`.
#[doc(hidden)]
#[inline]
pub fn begin_object(out: &mut Vec<u8>, type_member: &'static [u8]) {
    out.push(b'{');
    out.extend_from_slice(type_member);
}

/// One property of a complex value; `key` is the pre-escaped `"name":`.
#[doc(hidden)]
#[inline]
pub fn object_property<T: ODataValue + ?Sized>(out: &mut Vec<u8>, key: &'static [u8], value: &T) {
    member(out, key);
    value.write_json(out);
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
    fn absent_is_left_out_null_is_written_and_commas_are_right() {
        let mut body = PatchBody::new(b"", 16);
        body.property::<i32>(b"\"a\":", &Patch::Absent);
        body.property::<i32>(b"\"b\":", &Patch::Null);
        body.property(b"\"c\":", &Patch::Value("x".to_owned()));
        assert_eq!(body.finish(), (br#"{"b":null,"c":"x"}"#.to_vec(), false));

        let mut typed = PatchBody::new(br##""@odata.type":"#n.T""##, 16);
        typed.property(b"\"c\":", &Patch::Value(1));
        assert_eq!(
            typed.finish().0,
            br##"{"@odata.type":"#n.T","c":1}"##.to_vec()
        );
        assert_eq!(PatchBody::new(b"", 0).finish().0, b"{}".to_vec());
    }

    #[test]
    fn additional_properties_follow_declared_ones() {
        let mut out = Vec::new();
        begin_object(&mut out, b"");
        object_property(&mut out, b"\"a\":", &1);
        let mut extra = Map::new();
        extra.insert("we\"ird".into(), Value::from(vec![1, 2]));
        object_additional(&mut out, &extra);
        end_object(&mut out);
        assert_eq!(out, br#"{"a":1,"we\"ird":[1,2]}"#.to_vec());
    }
}
