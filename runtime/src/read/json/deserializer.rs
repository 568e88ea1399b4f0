//! `serde::Deserializer` for [`Reader`]: the same visitor calls serde_json makes for the same
//! text (`visit_borrowed_str` for a string without escapes, `visit_u64` / `visit_i64` /
//! `visit_f64` as its number parser decides, `visit_none` for `null` in an `Option`, a
//! `RawValue` as a map of one member…), so every `Deserialize` impl builds the same value. What
//! this reader does not do itself (an `i128`, an enum written as an object, bytes, a struct
//! written as an array, numbers and booleans as member names) it refuses, and serde_json reads
//! the text instead.

use serde::de::value::{BorrowedStrDeserializer, StringDeserializer};
use serde::de::{self, DeserializeSeed, Visitor};

use super::bail::Bail;
use crate::read::de::{DECLARED_NAMES, DECLARED_TYPE};
use crate::types::datetime::SHAPED_TEXT;

use super::scan::{Number, Reader, Text};

/// The annotation on nearly every object Graph sends.
const ODATA_TYPE: &str = "@odata.type";

/// serde_json's name for its `RawValue` newtype.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

impl Number {
    #[inline]
    fn visit<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self {
            Number::U64(value) => visitor.visit_u64(value),
            Number::I64(value) => visitor.visit_i64(value),
            Number::F64(value) => visitor.visit_f64(value),
        }
    }
}

impl<'de> Reader<'de> {
    /// A string's text to `visitor`, borrowed when it had no escapes.
    #[cfg_attr(debug_assertions, inline)]
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn visit_string<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Bail> {
        match self.string()? {
            Text::Borrowed(text) => visitor.visit_borrowed_str(text),
            Text::Copied(text) => visitor.visit_str(text),
        }
    }

    /// The array whose `[` is at the cursor, to `visitor`.
    #[inline]
    fn visit_array<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Bail> {
        self.pos += 1;
        self.enter()?;
        let value = visitor.visit_seq(Items {
            reader: self,
            first: true,
        });
        self.leave();
        let value = value?;
        self.expect(b']')?;
        Ok(value)
    }

    /// The object whose `{` is at the cursor, to `visitor`.
    #[inline]
    fn visit_object<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Bail> {
        self.pos += 1;
        self.enter()?;
        let value = visitor.visit_map(Members {
            reader: self,
            first: true,
            next_declared: 0,
        });
        self.leave();
        let value = value?;
        self.expect(b'}')?;
        Ok(value)
    }

    /// serde_json's `RawValue` (which `Decimal` reads its digits through): the text of the
    /// value at the cursor, checked as a skipped value is, handed over as serde_json hands it:
    /// a map of one member, the `RawValue` token and the text.
    #[cold]
    fn visit_raw_value<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Bail> {
        self.skip_ws();
        let start = self.pos;
        self.skip_value()?;
        let raw = self.raw_text(start);
        let value = visitor.visit_map(RawValue(Some(raw)));
        if value.is_err() {
            self.raw_value_fault.get_or_insert(self.pos);
        }
        value
    }

    /// The text of `@odata.type` (`read::de::DECLARED_TYPE`): `declared` holds the declared
    /// type's `#ns.Name`; when the string at the cursor is that, or that without the `#`, the
    /// visitor gets the declared name itself, without a scan of the text; any other value is
    /// read as `deserialize_any` reads it.
    #[inline]
    fn visit_declared_type<V: Visitor<'de>>(
        &mut self,
        declared: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Bail> {
        if let (Some(b'"'), Some(&name)) = (self.skip_ws(), declared.first()) {
            self.pos += 1;
            if !name.is_empty() && self.name_is(name) {
                return visitor.visit_borrowed_str(name);
            }
            if let Some(bare) = name.strip_prefix('#') {
                if !bare.is_empty() && self.name_is(bare) {
                    return visitor.visit_borrowed_str(bare);
                }
            }
            self.pos -= 1;
        }
        de::Deserializer::deserialize_any(self, visitor)
    }

    /// The text of an `Edm.DateTimeOffset` (`types::datetime::SHAPED_TEXT`): where it ends is
    /// found from the shape services write, and it is handed over without a scan; its parser
    /// checks it. A text of any other shape is read as a string.
    #[inline]
    fn visit_date_time_offset<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Bail> {
        if self.skip_ws() != Some(b'"') {
            return Err(self.bail());
        }
        self.pos += 1;
        let start = self.pos;
        let Some(end) = self.date_time_offset_end(start) else {
            return self.visit_string(visitor);
        };
        self.pos = end + 1;
        // the parser accepts no `"`, `\` or control character, so a text it accepts is the
        // whole string, without escapes; one it refuses may not be (in a text not in the shape
        // after all): refused here too, even where a visitor swallows its error
        match visitor.visit_borrowed_str::<Bail>(&self.text()[start..end]) {
            Ok(value) => Ok(value),
            Err(_) => Err(self.bail()),
        }
    }

    /// A number (for any number type but `i128` / `u128`) to `visitor`.
    #[inline]
    fn visit_number<V: Visitor<'de>>(
        &mut self,
        visitor: V,
        single_precision: bool,
    ) -> Result<V::Value, Bail> {
        match self.skip_ws() {
            Some(b'-' | b'0'..=b'9') => self.number(single_precision)?.visit(visitor),
            _ => Err(self.bail()),
        }
    }
}

macro_rules! numbers {
    ($($method:ident)*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
            self.visit_number(visitor, false)
        }
    )*};
}

macro_rules! refused {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Bail> {
            Err(self.bail())
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Bail;

    #[inline]
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.skip_ws() {
            Some(b'"') => {
                self.pos += 1;
                self.visit_string(visitor)
            }
            Some(b'n') => {
                self.word(b"null")?;
                visitor.visit_unit()
            }
            Some(b't') => {
                self.word(b"true")?;
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                self.word(b"false")?;
                visitor.visit_bool(false)
            }
            Some(b'-' | b'0'..=b'9') => self.number(false)?.visit(visitor),
            Some(b'[') => self.visit_array(visitor),
            Some(b'{') => self.visit_object(visitor),
            _ => Err(self.bail()),
        }
    }

    #[inline]
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.skip_ws() {
            Some(b't') => {
                self.word(b"true")?;
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                self.word(b"false")?;
                visitor.visit_bool(false)
            }
            _ => Err(self.bail()),
        }
    }

    numbers!(
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f64
    );

    #[inline]
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.visit_number(visitor, true)
    }

    refused!(deserialize_i128 deserialize_u128 deserialize_bytes deserialize_byte_buf);

    #[inline]
    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_str(visitor)
    }

    #[inline]
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.skip_ws() {
            Some(b'"') => {
                self.pos += 1;
                self.visit_string(visitor)
            }
            _ => Err(self.bail()),
        }
    }

    #[inline]
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_str(visitor)
    }

    #[inline]
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        if self.skip_ws() == Some(b'n') {
            self.word(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    #[inline]
    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        if self.skip_ws() == Some(b'n') {
            self.word(b"null")?;
            visitor.visit_unit()
        } else {
            Err(self.bail())
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Bail> {
        self.deserialize_unit(visitor)
    }

    #[inline]
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Bail> {
        if name == RAW_VALUE_TOKEN {
            return self.visit_raw_value(visitor);
        }
        visitor.visit_newtype_struct(self)
    }

    #[inline]
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.skip_ws() {
            Some(b'[') => self.visit_array(visitor),
            _ => Err(self.bail()),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Bail> {
        self.deserialize_seq(visitor)
    }

    #[inline]
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self.skip_ws() {
            Some(b'{') => self.visit_object(visitor),
            _ => Err(self.bail()),
        }
    }

    /// An object (serde_json also reads a struct from an array: refused here); or, asked as
    /// `read::de::DECLARED_TYPE`, the text of `@odata.type`.
    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Bail> {
        if name == DECLARED_TYPE {
            return self.visit_declared_type(fields, visitor);
        }
        if name == SHAPED_TEXT {
            return self.visit_date_time_offset(visitor);
        }
        self.deserialize_map(visitor)
    }

    /// A unit variant written as a string (serde_json also reads `{"Variant": …}`: refused
    /// here).
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Bail> {
        if self.skip_ws() != Some(b'"') {
            return Err(self.bail());
        }
        self.pos += 1;
        match self.string()? {
            Text::Borrowed(text) => visitor.visit_enum(BorrowedStrDeserializer::new(text)),
            Text::Copied(text) => {
                visitor.visit_enum(StringDeserializer::<Bail>::new(text.to_owned()))
            }
        }
    }

    #[inline]
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_str(visitor)
    }

    #[inline]
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.skip_value()?;
        visitor.visit_unit()
    }
}

/// An array's items.
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Bail;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Bail> {
        let reader = &mut *self.reader;
        match reader.skip_ws() {
            Some(b']') => return Ok(None),
            Some(b',') if !self.first => {
                reader.pos += 1;
                if matches!(reader.skip_ws(), Some(b']') | None) {
                    return Err(reader.bail());
                }
            }
            Some(_) if self.first => self.first = false,
            _ => return Err(reader.bail()),
        }
        // a `match`, not `.map(Some)`: no `Result::map` compiled per value type
        match seed.deserialize(reader) {
            Ok(value) => Ok(Some(value)),
            Err(error) => Err(error),
        }
    }
}

/// An object's members.
struct Members<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
    /// Where in a derived type's declared names the next member's name is looked for first
    /// (services write members in declaration order).
    next_declared: usize,
}

impl<'de> de::MapAccess<'de> for Members<'_, 'de> {
    type Error = Bail;

    /// Inlined into every derived type's reading: the compact case (a comma and the name's
    /// quote as one two-byte word) here, anything else in [`Members::name_opened`].
    #[cfg_attr(debug_assertions, inline)]
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Bail> {
        let reader = &mut *self.reader;
        let at = reader.pos;
        if !self.first && reader.bytes().get(at..at + 2) == Some(b",\"") {
            // compact JSON, as services send it: the next member's name right after the comma
            reader.pos = at + 2;
        } else if self.first && reader.bytes().get(at) == Some(&b'"') {
            // compact JSON: the first member's name right after the brace
            self.first = false;
            reader.pos = at + 1;
        } else if !self.first && reader.comma_new_line_quote() {
            // pretty-printed: the name after the comma, a new line and the indentation
        } else if !self.name_opened()? {
            return Ok(None);
        }
        let name = MemberName {
            reader: &mut *self.reader,
            next_declared: &mut self.next_declared,
        };
        match seed.deserialize(name) {
            Ok(value) => Ok(Some(value)),
            Err(error) => Err(error),
        }
    }

    /// `Some(0)` whatever is left: how this reader makes itself known to the derived impls
    /// (`read::de::next_key`), which then hand it their declared names. A hint only: visitors
    /// that preallocate from it allocate nothing.
    #[inline]
    fn size_hint(&self) -> Option<usize> {
        Some(0)
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Bail> {
        let reader = &mut *self.reader;
        let at = reader.pos;
        let bytes = reader.bytes();
        if bytes.get(at) == Some(&b':') {
            // the colon right after the name; pretty-printed, one space after it, skipped with it
            reader.pos = at + 1 + usize::from(bytes.get(at + 1) == Some(&b' '));
        } else {
            reader.expect(b':')?;
        }
        seed.deserialize(reader)
    }
}

impl Members<'_, '_> {
    /// Moves the cursor past the opening quote of the next member's name (`true`), or finds the
    /// object's closing brace (`false`, not consumed): the first member, and what is not compact
    /// JSON.
    #[inline(never)]
    fn name_opened(&mut self) -> Result<bool, Bail> {
        let reader = &mut *self.reader;
        match reader.skip_ws() {
            Some(b'}') => return Ok(false),
            Some(b'"') if self.first => self.first = false,
            Some(b',') if !self.first => {
                reader.pos += 1;
                if reader.skip_ws() != Some(b'"') {
                    return Err(reader.bail());
                }
            }
            _ => return Err(reader.bail()),
        }
        reader.pos += 1;
        Ok(true)
    }
}

/// A member's name, its opening quote consumed: a string, whatever is asked for (serde_json
/// also reads numbers and booleans out of names: refused here).
struct MemberName<'a, 'de> {
    reader: &'a mut Reader<'de>,
    next_declared: &'a mut usize,
}

impl<'de> MemberName<'_, 'de> {
    /// A derived type's member name that is not the one declared after the last one matched:
    /// another declared name, `@odata.type`, or any other name (scanned).
    #[inline(never)]
    fn other_name<V: Visitor<'de>>(
        self,
        declared: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Bail> {
        match self.reader.declared_name(declared, self.next_declared) {
            Some(name) => visitor.visit_borrowed_str(name),
            // on nearly every object Graph sends, and never declared: not scanned either
            None if self.reader.name_is(ODATA_TYPE) => visitor.visit_borrowed_str(ODATA_TYPE),
            None => self.reader.visit_string(visitor),
        }
    }
}

macro_rules! name_refused {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Bail> {
            Err(self.reader.bail())
        }
    )*};
}

impl<'de> de::Deserializer<'de> for MemberName<'_, 'de> {
    type Error = Bail;

    #[inline]
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.reader.visit_string(visitor)
    }

    #[inline]
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.reader.visit_string(visitor)
    }

    #[inline]
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.reader.visit_string(visitor)
    }

    #[inline]
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Bail> {
        if name == RAW_VALUE_TOKEN {
            return Err(self.reader.bail());
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Bail> {
        Err(self.reader.bail())
    }

    /// A derived type's member name (`read::de::next_key`): `declared` are its properties' wire
    /// names, looked for where the name is without scanning it. Inlined into every derived
    /// type's reading: the name declared after the last one matched here, anything else in
    /// [`MemberName::other_name`].
    #[cfg_attr(debug_assertions, inline)]
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        declared: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Bail> {
        if name != DECLARED_NAMES {
            return self.reader.visit_string(visitor);
        }
        match self.reader.predicted_name(declared, self.next_declared) {
            Some(name) => visitor.visit_borrowed_str(name),
            None => self.other_name(declared, visitor),
        }
    }

    name_refused!(
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_bytes deserialize_byte_buf
    );

    serde::forward_to_deserialize_any! {
        char string unit unit_struct seq tuple tuple_struct map ignored_any
    }
}

/// A value's text as serde_json hands a `RawValue`'s visitor: one member, the token and the
/// text.
struct RawValue<'de>(Option<&'de str>);

impl<'de> de::MapAccess<'de> for RawValue<'de> {
    type Error = Bail;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Bail> {
        match self.0 {
            Some(_) => match seed.deserialize(RawValueToken) {
                Ok(value) => Ok(Some(value)),
                Err(error) => Err(error),
            },
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Bail> {
        match self.0.take() {
            Some(raw) => seed.deserialize(BorrowedStrDeserializer::new(raw)),
            None => Err(Bail),
        }
    }
}

/// The name of [`RawValue`]'s one member, whatever is asked for.
struct RawValueToken;

impl<'de> de::Deserializer<'de> for RawValueToken {
    type Error = Bail;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        visitor.visit_borrowed_str(RAW_VALUE_TOKEN)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}
