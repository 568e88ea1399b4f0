//! [`Int64`]: an `Edm.Int64` value, read from a JSON number or, as a service sends it under
//! `IEEE754Compatible=true`, from a JSON string.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::write::json::write_integer;
use crate::write::ODataValue;

use super::error::{EdmParseError, NumberProblem};
use super::number::scan_number;
use super::text::{json_text, parse_whole, text_traits, EdmText};

/// An `Edm.Int64` value: an `i64` that reads both a JSON number (`"size": 20158`) and a JSON
/// string (`"size": "20158"`, as services write 64-bit integers under
/// `IEEE754Compatible=true`, since JavaScript's numbers hold only 53 bits). It is written as a
/// JSON number.
///
/// Its text form ([`parse`](Self::parse), [`Display`](fmt::Display)) is the JSON integer, the
/// form numbers and such strings take: an optional `-` and digits without a leading zero. The
/// `OData` ABNF `int64Value` also allows a `+` and leading zeros, which no service writes; they
/// are rejected, so that every valid text is written back byte for byte.
///
/// ```
/// use odata_resource_runtime::Int64;
///
/// let number: Int64 = serde_json::from_str("20158")?;
/// let string: Int64 = serde_json::from_str(r#""20158""#)?;
/// assert_eq!(number, Int64(20158));
/// assert_eq!(string, Int64(20158));
/// assert_eq!(serde_json::to_string(&string)?, "20158");
/// assert_eq!(i64::from(string) + 1, 20159);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Int64(pub i64);

/// The type's name in messages.
const EDM: &str = "Edm.Int64";

impl Int64 {
    /// Parses an `Edm.Int64` literal: `-` (optional) and digits without a leading zero, within
    /// the range of `i64`.
    ///
    /// # Errors
    ///
    /// An [`EdmParseError`] naming the first problem when `text` is not such a number.
    ///
    /// ```
    /// use odata_resource_runtime::Int64;
    ///
    /// assert_eq!(Int64::parse("-9223372036854775808")?, Int64(i64::MIN));
    /// assert_eq!(
    ///     Int64::parse("9223372036854775808").unwrap_err().to_string(),
    ///     "invalid Edm.Int64 `9223372036854775808`: out of range (-9223372036854775808 to \
    ///      9223372036854775807)",
    /// );
    /// # Ok::<(), odata_resource_runtime::EdmParseError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, EdmParseError> {
        parse_whole(EDM, text, "the number", |scan| {
            let number = scan_number(scan, "a digit")?;
            if !number.whole {
                return Err(NumberProblem::NotAnInteger.into());
            }
            if number.text == "-0" {
                return Err(NumberProblem::NegativeZero.into());
            }
            let range = "-9223372036854775808 to 9223372036854775807";
            let value = number.text.parse();
            Ok(Self(value.map_err(|_| NumberProblem::OutOfRange(range))?))
        })
    }
}

impl EdmText for Int64 {
    const EXPECTING: &'static str = "an Edm.Int64, a JSON number or string such as 20158";

    fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(itoa::Buffer::new().format(self.0))
    }
}

text_traits!(Int64);

impl From<i64> for Int64 {
    fn from(value: i64) -> Self {
        Self(value)
    }
}

impl From<Int64> for i64 {
    fn from(value: Int64) -> Self {
        value.0
    }
}

impl Serialize for Int64 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for Int64 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Int64Visitor)
    }
}

/// Reads an [`Int64`] from a JSON number or string.
struct Int64Visitor;

impl<'de> Visitor<'de> for Int64Visitor {
    type Value = Int64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Int64::EXPECTING)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Int64, E> {
        Ok(Int64(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Int64, E> {
        i64::try_from(value)
            .map(Int64)
            .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(value), &self))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Int64, E> {
        Int64::parse(value).map_err(E::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Int64, A::Error> {
        let text = json_text(map, &self)?;
        self.visit_str(&text)
    }
}

#[diagnostic::do_not_recommend]
impl ODataValue for Int64 {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_integer(out, self.0);
    }
}
