//! `serde::Deserializer` for [`Reader`]: the same visitor calls serde_json makes for the same
//! text (`visit_borrowed_str` for a string without escapes, `visit_u64` / `visit_i64` /
//! `visit_f64` as its number parser decides, `visit_none` for `null` in an `Option`, a
//! `RawValue` as a map of one member, a struct written as an array as a sequence, an enum
//! written as `{"Variant": …}`…), so every `Deserialize` impl builds the same value; and the
//! same errors, placed where serde_json places them: an error without a position (a
//! visitor's) gets the cursor's at the end of the `deserialize_*` methods where serde_json
//! gives it, after an array's or object's end was looked for.

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, IgnoredAny, Unexpected, Visitor};

use super::bail::Bail;
use super::scan::code;
use crate::read::de::{DECLARED_NAMES, DECLARED_TYPE};
use crate::types::datetime::SHAPED_TEXT;
use crate::types::edm::text::RAW_VALUE_TOKEN;
use crate::types::polymorphic::LOOK_AHEAD;

use super::scan::{Number, Reader, Text, TypeAhead};

/// The annotation on nearly every object Graph sends.
const ODATA_TYPE: &str = "@odata.type";

impl Number {
    #[inline]
    fn visit<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        match self {
            Number::U64(value) => visitor.visit_u64(value),
            Number::I64(value) => visitor.visit_i64(value),
            Number::F64(value) => visitor.visit_f64(value),
        }
    }

    /// What a visitor that does not take numbers is told it got.
    fn unexpected(&self) -> Unexpected<'static> {
        match *self {
            Number::U64(value) => Unexpected::Unsigned(value),
            Number::I64(value) => Unexpected::Signed(value),
            Number::F64(value) => Unexpected::Float(value),
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

    /// The array whose `[` is at the cursor, to `visitor`. A visitor's error is given after the
    /// array's end was looked for (and consumed when there), as serde_json gives it.
    #[inline]
    fn visit_array<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Bail> {
        self.enter()?;
        self.pos += 1;
        let value = visitor.visit_seq(Items {
            reader: self,
            first: true,
        });
        self.leave();
        match value {
            Ok(value) => match self.close_array() {
                Ok(()) => Ok(value),
                Err(message) => Err(self.peek_error(message)),
            },
            Err(error) => {
                // looked for as serde_json looks for it, then the visitor's error is given
                let _ = self.close_array();
                Err(error)
            }
        }
    }

    /// After an array's last item: its `]`, consumed; or serde_json's error there (a comma is
    /// consumed first).
    #[inline]
    fn close_array(&mut self) -> Result<(), &'static str> {
        match self.skip_ws() {
            Some(b']') => {
                self.pos += 1;
                Ok(())
            }
            Some(b',') => {
                self.pos += 1;
                match self.skip_ws() {
                    Some(b']') => Err(code::TRAILING_COMMA),
                    _ => Err(code::TRAILING_CHARACTERS),
                }
            }
            Some(_) => Err(code::TRAILING_CHARACTERS),
            None => Err(code::EOF_LIST),
        }
    }

    /// The object whose `{` is at the cursor, to `visitor` (its error given as in
    /// [`visit_array`](Self::visit_array)).
    #[inline]
    fn visit_object<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Bail> {
        self.enter()?;
        self.pos += 1;
        let value = visitor.visit_map(Members {
            reader: self,
            first: true,
            next_declared: 0,
        });
        self.leave();
        match value {
            Ok(value) => match self.close_object() {
                Ok(()) => Ok(value),
                Err(message) => Err(self.peek_error(message)),
            },
            Err(error) => {
                // looked for as serde_json looks for it, then the visitor's error is given
                let _ = self.close_object();
                Err(error)
            }
        }
    }

    /// After an object's last member: its `}`, consumed; or serde_json's error there.
    #[inline]
    fn close_object(&mut self) -> Result<(), &'static str> {
        match self.skip_ws() {
            Some(b'}') => {
                self.pos += 1;
                Ok(())
            }
            Some(b',') => Err(code::TRAILING_COMMA),
            Some(_) => Err(code::TRAILING_CHARACTERS),
            None => Err(code::EOF_OBJECT),
        }
    }

    /// The colon after a member's name.
    #[inline]
    fn colon(&mut self) -> Result<(), Bail> {
        match self.skip_ws() {
            Some(b':') => {
                self.pos += 1;
                Ok(())
            }
            Some(_) => Err(self.peek_error(code::EXPECTED_COLON)),
            None => Err(self.peek_error(code::EOF_OBJECT)),
        }
    }

    /// serde_json's error for a value that is not what `expected` takes: a scalar is read for
    /// the message (a malformed one gives its own error), an array or object is not; no value
    /// at all is the text's end, or what cannot start a value. (Where any value is taken, the
    /// value at the cursor is neither of those: `expected` is not asked.)
    #[cold]
    #[inline(never)]
    fn invalid_type(&mut self, expected: &dyn de::Expected, single_precision: bool) -> Bail {
        let unexpected = match self.bytes().get(self.pos) {
            None => return self.peek_error(code::EOF_VALUE),
            Some(b'n') => match self.word(b"null") {
                Ok(()) => de::Error::invalid_type(Unexpected::Unit, expected),
                Err(error) => return error,
            },
            Some(b't') => match self.word(b"true") {
                Ok(()) => de::Error::invalid_type(Unexpected::Bool(true), expected),
                Err(error) => return error,
            },
            Some(b'f') => match self.word(b"false") {
                Ok(()) => de::Error::invalid_type(Unexpected::Bool(false), expected),
                Err(error) => return error,
            },
            Some(b'-' | b'0'..=b'9') => match self.number(single_precision) {
                Ok(number) => de::Error::invalid_type(number.unexpected(), expected),
                Err(error) => return error,
            },
            Some(b'"') => {
                self.pos += 1;
                match self.string() {
                    Ok(Text::Borrowed(text) | Text::Copied(text)) => {
                        de::Error::invalid_type(Unexpected::Str(text), expected)
                    }
                    Err(error) => return error,
                }
            }
            Some(b'[') => de::Error::invalid_type(Unexpected::Seq, expected),
            Some(b'{') => de::Error::invalid_type(Unexpected::Map, expected),
            _ => return self.peek_error(code::EXPECTED_VALUE),
        };
        self.made(unexpected)
    }

    /// serde_json's `RawValue` (which `Decimal` reads its digits through): the text of the
    /// value at the cursor, checked as a skipped value is, handed over as serde_json hands it:
    /// a map of one member, the `RawValue` token and the text. A visitor's error is not placed
    /// here (serde_json does not place it either).
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
    /// read as `deserialize_option` reads it (the way serde_json is asked for it).
    #[inline]
    fn visit_declared_type<V: Visitor<'de>>(
        &mut self,
        declared: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Bail> {
        if let (Some(b'"'), Some(&name)) = (self.skip_ws(), declared.first()) {
            self.pos += 1;
            if !name.is_empty() && self.name_is(name) {
                let value = visitor.visit_borrowed_str(name);
                return self.placed(value);
            }
            if let Some(bare) = name.strip_prefix('#') {
                if !bare.is_empty() && self.name_is(bare) {
                    let value = visitor.visit_borrowed_str(bare);
                    return self.placed(value);
                }
            }
            self.pos -= 1;
        }
        de::Deserializer::deserialize_option(self, visitor)
    }

    /// A `Polymorphic` enum's object (`types::polymorphic::LOOK_AHEAD`). When a look ahead
    /// through it settles its `@odata.type` (later than its first member, or absent), the
    /// visitor gets that first, as an enum's variant: the type's text, or a unit; the
    /// variant's value is the object, read as it comes, by the variant the type
    /// chooses. Anything else (the type first, or not settled) is read as `deserialize_map`
    /// reads it.
    fn visit_polymorphic<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Bail> {
        if self.skip_ws() == Some(b'{') {
            let type_name = match self.type_ahead() {
                TypeAhead::Later(text) => Some(text),
                TypeAhead::Absent => None,
                TypeAhead::AsItComes => return de::Deserializer::deserialize_map(self, visitor),
            };
            return visitor.visit_enum(TypeFound {
                reader: self,
                type_name,
            });
        }
        de::Deserializer::deserialize_map(self, visitor)
    }

    /// The text of an `Edm.DateTimeOffset` (`types::datetime::SHAPED_TEXT`): where it ends is
    /// found from the shape services write, and it is handed over without a scan; its parser
    /// checks it. A text of any other shape is read as a string, as serde_json is asked for it.
    #[inline]
    fn visit_date_time_offset<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Bail> {
        if self.skip_ws() != Some(b'"') {
            return self.not_a_string(visitor);
        }
        self.pos += 1;
        let start = self.pos;
        let Some(end) = self.date_time_offset_end(start) else {
            let value = self.visit_string(visitor);
            return self.placed(value);
        };
        self.pos = end + 1;
        // the parser accepts no `"`, `\` or control character, so a text it accepts is the
        // whole string, without escapes; one it refuses may not be (in a text not in the shape
        // after all)
        match visitor.visit_borrowed_str::<Bail>(&self.text()[start..end]) {
            Ok(value) => Ok(value),
            Err(error) => Err(self.shaped_text_refused(start, end, error)),
        }
    }

    /// The parser's `error` for the text from `start` to `end`: placed after the closing quote
    /// when that text is the whole string (serde_json's answer then). Otherwise the string is
    /// longer, or has escapes, and the parser was given another text than serde_json gives
    /// it: the string is read whole, and the parser's error for it is serde_json's (the
    /// visitor of `SHAPED_TEXT` is `DateTimeOffset`'s, whose error is the parser's); only a
    /// string the parser accepts (a date written with escapes) cannot be answered, the visitor
    /// being spent.
    #[cold]
    #[inline(never)]
    fn shaped_text_refused(&mut self, start: usize, end: usize, error: Bail) -> Bail {
        if self.string_end(start) == Some(end) {
            return self.place(error);
        }
        self.pos = start;
        let parsed = match self.string() {
            Ok(Text::Borrowed(text) | Text::Copied(text)) => {
                crate::types::datetime::DateTimeOffset::parse(text).map(drop)
            }
            Err(error) => return error,
        };
        match parsed {
            Err(parse_error) => self.place(de::Error::custom(parse_error)),
            Ok(()) => self.refuse(error),
        }
    }

    /// A number to `visitor` (`single_precision`: for an `f32`).
    #[inline]
    fn visit_number<V: Visitor<'de>>(
        &mut self,
        visitor: V,
        single_precision: bool,
    ) -> Result<V::Value, Bail> {
        let value = match self.skip_ws() {
            Some(b'-' | b'0'..=b'9') => self.number(single_precision)?.visit(visitor),
            _ => return Err(self.invalid_type(&visitor, single_precision)),
        };
        self.placed(value)
    }

    /// An `i128` or `u128` (`signed`), as serde_json reads them: an optional `-` (an error for
    /// a `u128`), then digits (one `0`, or no leading zero), nothing more of the number's
    /// grammar; a number that does not fit is out of range.
    fn visit_integer128<V: Visitor<'de>>(
        &mut self,
        visitor: V,
        signed: bool,
    ) -> Result<V::Value, Bail> {
        let start = match self.skip_ws() {
            Some(b'-') if !signed => return Err(self.peek_error(code::NUMBER_OUT_OF_RANGE)),
            Some(_) => self.pos,
            None => return Err(self.peek_error(code::EOF_VALUE)),
        };
        let bytes = self.bytes();
        self.pos += usize::from(bytes[start] == b'-');
        // the first digit is consumed before it is looked at
        match bytes.get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                if bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
                    return Err(self.peek_error(code::INVALID_NUMBER));
                }
            }
            Some(b'1'..=b'9') => {
                self.pos += 1;
                while bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
                    self.pos += 1;
                }
            }
            _ => {
                self.pos = (self.pos + 1).min(bytes.len());
                return Err(self.error(code::INVALID_NUMBER));
            }
        }
        let text = &self.text()[start..self.pos];
        let value = if signed {
            match text.parse::<i128>() {
                Ok(value) => visitor.visit_i128(value),
                Err(_) => return Err(self.error(code::NUMBER_OUT_OF_RANGE)),
            }
        } else {
            match text.parse::<u128>() {
                Ok(value) => visitor.visit_u128(value),
                Err(_) => return Err(self.error(code::NUMBER_OUT_OF_RANGE)),
            }
        };
        self.placed(value)
    }

    /// Where the string whose text starts at `start` ends (its closing quote), when it has no
    /// escapes.
    fn string_end(&self, start: usize) -> Option<usize> {
        let bytes = self.bytes();
        let end = start
            + bytes
                .get(start..)?
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
        (bytes[end] == b'"').then_some(end)
    }

    /// The bytes of the string whose text starts at `start` and has escapes or control
    /// characters: serde_json's parser reads them (its error is the one given); the string
    /// ends at the first quote not escaped.
    #[cold]
    #[inline(never)]
    fn visit_escaped_bytes<V: Visitor<'de>>(
        &mut self,
        start: usize,
        visitor: V,
    ) -> Result<V::Value, Bail> {
        let mut parser = serde_json::Deserializer::from_str(&self.text()[start - 1..]);
        match de::Deserializer::deserialize_bytes(&mut parser, OwnedBytes) {
            Ok((bytes, borrowed)) => {
                let text = self.bytes();
                let mut end = start;
                while text[end] != b'"' {
                    end += if text[end] == b'\\' { 2 } else { 1 };
                }
                self.pos = end + 1;
                if borrowed {
                    visitor.visit_borrowed_bytes(&text[start..end])
                } else {
                    visitor.visit_bytes(&bytes)
                }
            }
            Err(error) => Err(self.moved(start - 1, &error)),
        }
    }

    /// A struct written as an array (serde_json reads it as a sequence): out of line, so that
    /// the derived impls' readers of objects do not carry it.
    #[cold]
    #[inline(never)]
    fn visit_struct_array<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Bail> {
        self.visit_array(visitor)
    }

    /// A value that is not a string where a `DateTimeOffset` is read: serde_json's answer for a
    /// string requested there.
    #[cold]
    #[inline(never)]
    fn not_a_string<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Bail> {
        de::Deserializer::deserialize_str(self, visitor)
    }

    /// serde_json's error where an array's next item or its end is due and neither is there
    /// (the cursor is not on a `]`, nor on the `,` after an item).
    #[cold]
    #[inline(never)]
    fn item_error(&mut self) -> Bail {
        match self.bytes().get(self.pos) {
            Some(_) => self.peek_error(code::EXPECTED_LIST_COMMA_OR_END),
            None => self.peek_error(code::EOF_LIST),
        }
    }

    /// serde_json's error where a comma in an array is followed by its `]` or by the text's
    /// end.
    #[cold]
    #[inline(never)]
    fn item_after_comma_error(&mut self) -> Bail {
        match self.bytes().get(self.pos) {
            Some(_) => self.peek_error(code::TRAILING_COMMA),
            None => self.peek_error(code::EOF_VALUE),
        }
    }

    /// The enum written as `{"Variant": value}` whose `{` is at the cursor. A visitor's error
    /// is given as it is (serde_json does not place it here); after the value, the object must
    /// end.
    fn visit_variant_object<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value, Bail> {
        self.enter()?;
        self.pos += 1;
        let value = visitor.visit_enum(VariantObject { reader: self });
        self.leave();
        let value = value?;
        match self.skip_ws() {
            Some(b'}') => {
                self.pos += 1;
                Ok(value)
            }
            Some(_) => Err(self.error(code::EXPECTED_VALUE)),
            None => Err(self.error(code::EOF_OBJECT)),
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

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Bail;

    #[inline]
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        let value = match self.skip_ws() {
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
            _ => return Err(self.invalid_type(&IgnoredAny, false)),
        };
        self.placed(value)
    }

    #[inline]
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        let value = match self.skip_ws() {
            Some(b't') => {
                self.word(b"true")?;
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                self.word(b"false")?;
                visitor.visit_bool(false)
            }
            _ => return Err(self.invalid_type(&visitor, false)),
        };
        self.placed(value)
    }

    numbers!(
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_f64
    );

    #[inline]
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.visit_number(visitor, true)
    }

    fn deserialize_i128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.visit_integer128(visitor, true)
    }

    fn deserialize_u128<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.visit_integer128(visitor, false)
    }

    #[inline]
    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_str(visitor)
    }

    #[inline]
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        let value = match self.skip_ws() {
            Some(b'"') => {
                self.pos += 1;
                self.visit_string(visitor)
            }
            _ => return Err(self.invalid_type(&visitor, false)),
        };
        self.placed(value)
    }

    #[inline]
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_str(visitor)
    }

    /// A string's bytes (as serde_json reads bytes: a string without escapes or control
    /// characters borrowed from the text, any other read by serde_json's parser, which decodes
    /// escapes to bytes its own way), or an array read as a sequence.
    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        let value = match self.skip_ws() {
            Some(b'"') => {
                self.pos += 1;
                let start = self.pos;
                let end = self.to_special(start);
                if self.bytes().get(end) == Some(&b'"') {
                    self.pos = end + 1;
                    visitor.visit_borrowed_bytes(&self.bytes()[start..end])
                } else {
                    self.visit_escaped_bytes(start, visitor)
                }
            }
            Some(b'[') => self.deserialize_seq(visitor),
            _ => return Err(self.invalid_type(&visitor, false)),
        };
        self.placed(value)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.deserialize_bytes(visitor)
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
        let value = match self.skip_ws() {
            Some(b'n') => {
                self.word(b"null")?;
                visitor.visit_unit()
            }
            _ => return Err(self.invalid_type(&visitor, false)),
        };
        self.placed(value)
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
        let value = match self.skip_ws() {
            Some(b'[') => self.visit_array(visitor),
            _ => return Err(self.invalid_type(&visitor, false)),
        };
        self.placed(value)
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
        let value = match self.skip_ws() {
            Some(b'{') => self.visit_object(visitor),
            _ => return Err(self.invalid_type(&visitor, false)),
        };
        self.placed(value)
    }

    /// An object, or an array read as a sequence (as serde_json reads a struct); or, asked as
    /// `read::de::DECLARED_TYPE`, the text of `@odata.type`, as
    /// `types::datetime::SHAPED_TEXT`, a `DateTimeOffset`'s text, and as
    /// `types::polymorphic::LOOK_AHEAD`, a `Polymorphic` enum's object.
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
        if name == LOOK_AHEAD {
            return self.visit_polymorphic(visitor);
        }
        let value = match self.skip_ws() {
            Some(b'{') => self.visit_object(visitor),
            Some(b'[') => self.visit_struct_array(visitor),
            _ => return Err(self.invalid_type(&visitor, false)),
        };
        self.placed(value)
    }

    /// A unit variant written as a string, or any variant written as `{"Variant": value}`.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Bail> {
        match self.skip_ws() {
            Some(b'"') => {
                self.pos += 1;
                let text = self.text();
                match self.string()? {
                    Text::Borrowed(name) => visitor.visit_enum(UnitVariant {
                        name: BorrowedStrDeserializer::new(name),
                        text,
                        end: self.pos,
                    }),
                    Text::Copied(name) => {
                        // a name with escapes (rare): copied once more, out of the reader's
                        // buffer, to be handed over as serde_json hands it (`visit_str`)
                        let name = name.to_owned();
                        visitor.visit_enum(UnitVariant {
                            name: StrDeserializer::new(&name),
                            text,
                            end: self.pos,
                        })
                    }
                }
            }
            Some(b'{') => self.visit_variant_object(visitor),
            Some(_) => Err(self.peek_error(code::EXPECTED_VALUE)),
            None => Err(self.peek_error(code::EOF_VALUE)),
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

/// serde_json's bytes, and whether it borrowed them from the text.
struct OwnedBytes;

impl<'de> Visitor<'de> for OwnedBytes {
    type Value = (Vec<u8>, bool);

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("bytes")
    }

    fn visit_borrowed_bytes<E: de::Error>(self, bytes: &'de [u8]) -> Result<Self::Value, E> {
        Ok((bytes.to_vec(), true))
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Self::Value, E> {
        Ok((bytes.to_vec(), false))
    }
}

/// An enum written as a string: its variant's name is the string (read, `name`, which ends at
/// `end` in `text`), and it has no value. An error of the name's visitor (an unknown variant)
/// is placed after the string, as serde_json's `deserialize_str` places it.
struct UnitVariant<'de, N> {
    name: N,
    text: &'de str,
    end: usize,
}

impl<'de, N: de::Deserializer<'de, Error = Bail>> de::EnumAccess<'de> for UnitVariant<'de, N> {
    type Error = Bail;
    type Variant = UnitOnly;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, UnitOnly), Bail> {
        match seed.deserialize(self.name) {
            Ok(variant) => Ok((variant, UnitOnly)),
            Err(error) => Err(placed_at(error, self.text, self.end)),
        }
    }
}

/// `error`, placed at `index` of `text` if it has no position yet.
#[cold]
#[inline(never)]
fn placed_at(error: Bail, text: &str, index: usize) -> Bail {
    if error.unplaced() {
        error.place(super::bail::position_of(text, index))
    } else {
        error
    }
}

/// The value of an enum written as a string: none, a unit variant's.
struct UnitOnly;

impl<'de> de::VariantAccess<'de> for UnitOnly {
    type Error = Bail;

    fn unit_variant(self) -> Result<(), Bail> {
        Ok(())
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, _: S) -> Result<S::Value, Bail> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"newtype variant",
        ))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Bail> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"tuple variant",
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Bail> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"struct variant",
        ))
    }
}

/// An enum written as `{"Variant": value}`, its `{` consumed.
struct VariantObject<'a, 'de> {
    reader: &'a mut Reader<'de>,
}

impl<'de> de::EnumAccess<'de> for VariantObject<'_, 'de> {
    type Error = Bail;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), Bail> {
        let reader = &mut *self.reader;
        match reader.skip_ws() {
            Some(b'"') => reader.pos += 1,
            Some(b'}') => return Err(reader.peek_error(code::EXPECTED_VALUE)),
            Some(_) => return Err(reader.peek_error(code::KEY_MUST_BE_A_STRING)),
            None => return Err(reader.peek_error(code::EOF_OBJECT)),
        }
        let mut next_declared = 0;
        let name = MemberName {
            reader: &mut *reader,
            next_declared: &mut next_declared,
        };
        let variant = match seed.deserialize(name) {
            Ok(variant) => variant,
            Err(error) => return Err(reader.place(error)),
        };
        reader.colon()?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for VariantObject<'_, 'de> {
    type Error = Bail;

    fn unit_variant(self) -> Result<(), Bail> {
        de::Deserialize::deserialize(self.reader)
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, Bail> {
        seed.deserialize(self.reader)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Bail> {
        de::Deserializer::deserialize_seq(self.reader, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Bail> {
        de::Deserializer::deserialize_struct(self.reader, "", fields, visitor)
    }
}

/// A `Polymorphic` enum's object whose type's member was looked for ahead
/// ([`Reader::visit_polymorphic`]): the variant is the type's text (a unit when there is no
/// such member), the value the object.
struct TypeFound<'a, 'de> {
    reader: &'a mut Reader<'de>,
    type_name: Option<&'de str>,
}

impl<'a, 'de> de::EnumAccess<'de> for TypeFound<'a, 'de> {
    type Error = Bail;
    type Variant = VariantObject<'a, 'de>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, VariantObject<'a, 'de>), Bail> {
        let variant = match self.type_name {
            Some(text) => seed.deserialize(BorrowedStrDeserializer::new(text))?,
            None => seed.deserialize(de::value::UnitDeserializer::new())?,
        };
        Ok((
            variant,
            VariantObject {
                reader: self.reader,
            },
        ))
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
                    return Err(reader.item_after_comma_error());
                }
            }
            Some(_) if self.first => self.first = false,
            _ => return Err(reader.item_error()),
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
            reader.colon()?;
        }
        seed.deserialize(reader)
    }
}

impl Members<'_, '_> {
    /// Moves the cursor past the opening quote of the next member's name (`true`), or finds the
    /// object's closing brace (`false`, not consumed): the first member, and what is not compact
    /// JSON; serde_json's error where neither is there.
    #[inline(never)]
    fn name_opened(&mut self) -> Result<bool, Bail> {
        let reader = &mut *self.reader;
        match reader.skip_ws() {
            Some(b'}') => return Ok(false),
            Some(b'"') if self.first => self.first = false,
            Some(_) if self.first => return Err(reader.peek_error(code::KEY_MUST_BE_A_STRING)),
            Some(b',') => {
                reader.pos += 1;
                match reader.skip_ws() {
                    Some(b'"') => {}
                    Some(b'}') => return Err(reader.peek_error(code::TRAILING_COMMA)),
                    Some(_) => return Err(reader.peek_error(code::KEY_MUST_BE_A_STRING)),
                    None => return Err(reader.peek_error(code::EOF_VALUE)),
                }
            }
            Some(_) => return Err(reader.peek_error(code::EXPECTED_OBJECT_COMMA_OR_END)),
            None => return Err(reader.peek_error(code::EOF_OBJECT)),
        }
        reader.pos += 1;
        Ok(true)
    }
}

/// A member's name, its opening quote consumed: a string, or a number or a boolean read out of
/// it, as serde_json reads names.
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

    /// A number read out of the name: the number must start right after the quote, and the
    /// quote must follow it.
    fn number<V: Visitor<'de>>(
        self,
        visitor: V,
        read: fn(&mut Reader<'de>, V) -> Result<V::Value, Bail>,
    ) -> Result<V::Value, Bail> {
        let reader = self.reader;
        if !matches!(reader.bytes().get(reader.pos), Some(b'0'..=b'9' | b'-')) {
            return Err(reader.error(code::EXPECTED_NUMERIC_KEY));
        }
        let value = read(reader, visitor)?;
        if reader.bytes().get(reader.pos) == Some(&b'"') {
            reader.pos += 1;
            Ok(value)
        } else {
            Err(reader.peek_error(code::EXPECTED_DOUBLE_QUOTE))
        }
    }
}

macro_rules! numeric_names {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
            self.number(visitor, |reader, visitor| de::Deserializer::$method(reader, visitor))
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

    /// `true` or `false` between the quotes; any other name is read for the message from its
    /// second byte on (serde_json has consumed the first one by then).
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        let reader = self.reader;
        let value = match reader.bytes().get(reader.pos) {
            Some(b't') => {
                reader.word(b"true\"")?;
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                reader.word(b"false\"")?;
                visitor.visit_bool(false)
            }
            Some(_) if reader.text().is_char_boundary(reader.pos + 1) => {
                reader.pos += 1;
                let error = match reader.string()? {
                    Text::Borrowed(text) | Text::Copied(text) => {
                        de::Error::invalid_type(Unexpected::Str(text), &visitor)
                    }
                };
                return Err(reader.made(error));
            }
            Some(_) => {
                let error = reader.error(code::EXPECTED_VALUE);
                return Err(reader.refuse(error));
            }
            None => return Err(reader.peek_error(code::EOF_VALUE)),
        };
        reader.placed(value)
    }

    numeric_names!(
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64
    );

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Bail> {
        if name == RAW_VALUE_TOKEN {
            // serde_json reads the raw value from the name's opening quote
            self.reader.pos -= 1;
            return self.reader.visit_raw_value(visitor);
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Bail> {
        // serde_json reads the enum from the name's opening quote
        self.reader.pos -= 1;
        de::Deserializer::deserialize_enum(self.reader, name, variants, visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.reader.pos -= 1;
        de::Deserializer::deserialize_bytes(self.reader, visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Bail> {
        self.reader.pos -= 1;
        de::Deserializer::deserialize_bytes(self.reader, visitor)
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
            None => Err(de::Error::custom("raw value read twice")),
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
