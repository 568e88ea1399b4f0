//! [`ODataValue`]: how a property value is written into an OData JSON request body, and its
//! impls for Rust's own types.

use super::json;

/// A value that can be written into an OData JSON request body.
///
/// The derives implement it for every `ComplexType` and `ODataEnum`; the runtime implements it for
/// strings, numbers, booleans, [`DateTimeOffset`](crate::DateTimeOffset) and the other Edm types
/// ([`Date`](crate::Date), [`Guid`](crate::Guid), [`Decimal`](crate::Decimal), …), `Option`,
/// `Vec`, `Box` and `serde_json` values. Implement it yourself to use a type of your own as a
/// property type.
///
/// ```
/// use odata_resource_runtime::ODataValue;
///
/// let mut body = Vec::new();
/// "Tab\there".write_json(&mut body);
/// assert_eq!(body, br#""Tab\there""#);
/// ```
// When a property type lacks this trait, rustc lists other implementors. The leaf impls below
// (strings, numbers, dates, …) are `do_not_recommend`, so that list stays short and the same on
// every build, and the message says what to do.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be written into an OData request body",
    label = "not an OData value",
    note = "derive `ComplexType` or `ODataEnum` for it, or implement `odata_resource::ODataValue`"
)]
pub trait ODataValue {
    /// Appends this value to `out` as JSON.
    fn write_json(&self, out: &mut Vec<u8>);

    /// Whether sending this value needs the request header
    /// `Prefer: include-unknown-enum-members`: true for an evolvable-enum member declared after
    /// `unknownFutureValue` (or one this crate does not know), anywhere inside the value.
    fn needs_unknown_enum_members(&self) -> bool {
        false
    }

    /// Appends what a PATCH must send to turn `old` into `self`, and says whether the two
    /// differ at all (when they do not, nothing is appended).
    ///
    /// The default sends the whole of `self` when the two write different JSON: OData replaces
    /// a primitive or collection value whole. A derived `ComplexType` writes only the properties
    /// that changed, recursively ([OData 4.0 Part 1 §11.4.3]: a PATCH leaves the properties it
    /// does not name unchanged), `null` for one that went from a value to `None`.
    ///
    /// ```
    /// use odata_resource_runtime::ODataValue;
    ///
    /// let mut out = Vec::new();
    /// assert!(!"same".write_changes("same", &mut out));
    /// assert!(out.is_empty());
    /// assert!(vec![1, 2].write_changes(&vec![1], &mut out));
    /// assert_eq!(out, b"[1,2]");
    /// ```
    ///
    /// [OData 4.0 Part 1 §11.4.3]: https://docs.oasis-open.org/odata/odata/v4.0/odata-v4.0-part1-protocol.html
    fn write_changes(&self, old: &Self, out: &mut Vec<u8>) -> bool {
        let start = out.len();
        self.write_json(out);
        let mut previous = Vec::with_capacity(out.len() - start);
        old.write_json(&mut previous);
        if out.get(start..) == Some(previous.as_slice()) {
            out.truncate(start);
            false
        } else {
            true
        }
    }
}

#[diagnostic::do_not_recommend]
impl ODataValue for str {
    fn write_json(&self, out: &mut Vec<u8>) {
        json::write_str(out, self);
    }
}

#[diagnostic::do_not_recommend]
impl ODataValue for String {
    fn write_json(&self, out: &mut Vec<u8>) {
        json::write_str(out, self);
    }
}

#[diagnostic::do_not_recommend]
impl ODataValue for bool {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(if *self { b"true" } else { b"false" });
    }
}

macro_rules! integer_value {
    ($($t:ty)*) => {$(
        #[diagnostic::do_not_recommend]
        impl ODataValue for $t {
            fn write_json(&self, out: &mut Vec<u8>) {
                json::write_integer(out, *self);
            }
        }
    )*};
}
integer_value!(i8 i16 i32 i64 u8 u16 u32 u64 isize usize);

macro_rules! float_value {
    ($($t:ty)*) => {$(
        #[diagnostic::do_not_recommend]
        impl ODataValue for $t {
            fn write_json(&self, out: &mut Vec<u8>) {
                json::write_float(out, f64::from(*self));
            }
        }
    )*};
}
float_value!(f32 f64);

impl<T: ODataValue + ?Sized> ODataValue for &T {
    fn write_json(&self, out: &mut Vec<u8>) {
        (**self).write_json(out);
    }
    fn needs_unknown_enum_members(&self) -> bool {
        (**self).needs_unknown_enum_members()
    }
    fn write_changes(&self, old: &Self, out: &mut Vec<u8>) -> bool {
        (**self).write_changes(old, out)
    }
}

impl<T: ODataValue + ?Sized> ODataValue for Box<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        (**self).write_json(out);
    }
    fn needs_unknown_enum_members(&self) -> bool {
        (**self).needs_unknown_enum_members()
    }
    fn write_changes(&self, old: &Self, out: &mut Vec<u8>) -> bool {
        (**self).write_changes(old, out)
    }
}

impl<T: ODataValue> ODataValue for Option<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Some(value) => value.write_json(out),
            None => out.extend_from_slice(b"null"),
        }
    }
    fn needs_unknown_enum_members(&self) -> bool {
        self.as_ref()
            .is_some_and(ODataValue::needs_unknown_enum_members)
    }
    /// Two values: the changes between them; otherwise the new value (`null` for `None`).
    fn write_changes(&self, old: &Self, out: &mut Vec<u8>) -> bool {
        match (old, self) {
            (None, None) => false,
            (Some(old), Some(new)) => new.write_changes(old, out),
            (_, new) => {
                new.write_json(out);
                true
            }
        }
    }
}

impl<T: ODataValue> ODataValue for [T] {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            item.write_json(out);
        }
        out.push(b']');
    }
    fn needs_unknown_enum_members(&self) -> bool {
        self.iter().any(ODataValue::needs_unknown_enum_members)
    }
}

impl<T: ODataValue> ODataValue for Vec<T> {
    fn write_json(&self, out: &mut Vec<u8>) {
        self.as_slice().write_json(out);
    }
    fn needs_unknown_enum_members(&self) -> bool {
        self.as_slice().needs_unknown_enum_members()
    }
}

#[diagnostic::do_not_recommend]
impl ODataValue for serde_json::Value {
    fn write_json(&self, out: &mut Vec<u8>) {
        json::write_serde(out, self);
    }
}

#[diagnostic::do_not_recommend]
impl ODataValue for serde_json::Map<String, serde_json::Value> {
    fn write_json(&self, out: &mut Vec<u8>) {
        json::write_serde(out, self);
    }
}
