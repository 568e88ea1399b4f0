//! [`Decimal`]: an `Edm.Decimal` value, its digits kept exactly as text, read from a JSON number
//! or string.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::write::ODataValue;

use super::error::EdmParseError;
use super::number::scan_number;
use super::text::{json_text, parse_whole, text_traits, EdmText, RAW_VALUE_TOKEN};

/// An `Edm.Decimal` value, its digits kept exactly as they were read, e.g. `12.50`: never
/// rounded through a float.
///
/// It reads a JSON number (`"price": 12.50`) or a JSON string (`"price": "12.50"`, as services
/// write decimals under `IEEE754Compatible=true`), and is written as a JSON number, byte for
/// byte as read. Its text form ([`parse`](Self::parse), [`as_str`](Self::as_str),
/// [`Display`](fmt::Display)) is a JSON number: an optional `-`, digits without a leading zero,
/// an optional fraction and an optional exponent. The `OData` ABNF `decimalValue` also allows
/// a `+` and leading zeros, which no service writes and JSON cannot carry as a number, and `NaN`
/// and `±INF` for decimals of floating scale, which Graph does not declare; they are rejected.
///
/// Two values are equal when their texts are (`1.0` and `1.00` differ). This crate does no
/// decimal arithmetic: hand [`as_str`](Self::as_str) to the decimal crate of your choice.
///
/// # Reading the exact digits
///
/// serde_json hands a number to a visitor as an `f64`, which would round `0.1` and drop the
/// zero of `12.50`. So `Decimal` asks serde_json (through the `RawValue` protocol of its
/// `raw_value` feature, which this crate enables) for the value's exact JSON text and reads the
/// digits from it. Where the number was already read into a [`serde_json::Value`] (a value
/// deserialized from a `Value`, or an object this crate buffered because its `@odata.type` came
/// late, as it does through serde_json's entry points; [`from_slice`](crate::from_slice) looks
/// ahead instead), it is read from that value's text: exact for integers, at most 17
/// significant digits otherwise, as serde_json keeps them. From other deserializers it reads
/// strings and numbers.
///
/// ```
/// use odata_resource_runtime::Decimal;
///
/// let json = r#"[12.50, "0.1", 123456789012345678901234.5]"#;
/// let prices: Vec<Decimal> = serde_json::from_str(json)?;
/// assert_eq!(prices[0].as_str(), "12.50");
/// assert_eq!(prices[1].as_str(), "0.1");
/// assert_eq!(serde_json::to_string(&prices)?, "[12.50,0.1,123456789012345678901234.5]");
/// assert_eq!(Decimal::from(42_i64).as_str(), "42");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Decimal(Box<str>);

/// The type's name in messages.
const EDM: &str = "Edm.Decimal";

impl Decimal {
    /// Parses an `Edm.Decimal` literal: a JSON number such as `12.50`, `-0.000001` or `1E+30`.
    ///
    /// # Errors
    ///
    /// An [`EdmParseError`] naming the first problem when `text` is not a JSON number.
    ///
    /// ```
    /// use odata_resource_runtime::Decimal;
    ///
    /// assert_eq!(Decimal::parse("1E+30")?.to_string(), "1E+30");
    /// assert_eq!(
    ///     Decimal::parse("12.").unwrap_err().to_string(),
    ///     "invalid Edm.Decimal `12.`: expected a digit after `.` at byte 3, found the end of \
    ///      the text",
    /// );
    /// # Ok::<(), odata_resource_runtime::EdmParseError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, EdmParseError> {
        parse_whole(EDM, text, "the number", |scan| {
            scan_number(scan, "a digit").map(|number| Self(number.text.into()))
        })
    }

    /// The digits, exactly as read: hand them to a decimal crate to compute with them.
    ///
    /// ```
    /// use odata_resource_runtime::Decimal;
    ///
    /// let price = Decimal::parse("19.990")?;
    /// assert_eq!(price.as_str(), "19.990");
    /// assert_eq!(price.as_str().parse::<f64>().ok(), Some(19.99)); // or rust_decimal, bigdecimal…
    /// # Ok::<(), odata_resource_runtime::EdmParseError>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Reads the exact JSON text of a value: a number, or a string holding one.
    fn from_json<E: de::Error>(json: &str) -> Result<Self, E> {
        if json.starts_with('"') {
            let text: String = serde_json::from_str(json).map_err(E::custom)?;
            return Self::parse(&text).map_err(E::custom);
        }
        Self::parse(json).map_err(E::custom)
    }
}

impl EdmText for Decimal {
    const EXPECTING: &'static str = "an Edm.Decimal, a JSON number or string such as 12.50";

    fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(&self.0)
    }
}

text_traits!(Decimal);

/// `From` each integer type: its decimal digits.
macro_rules! from_integer {
    ($($integer:ty)*) => {$(
        impl From<$integer> for Decimal {
            fn from(value: $integer) -> Self {
                Self(itoa::Buffer::new().format(value).into())
            }
        }
    )*};
}
from_integer!(i8 i16 i32 i64 i128 u8 u16 u32 u64 u128);

impl Serialize for Decimal {
    /// A JSON number with exactly these digits, through serde_json's `RawValue` (other
    /// serializers see a `RawValue`, which serde_json's `Deserialize` and this type's read back).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let raw = RawValue::from_string(self.0.to_string()).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // serde_json answers this request with the value's exact text; any other
        // deserializer calls `visit_newtype_struct`, which reads the value as usual
        deserializer.deserialize_newtype_struct(RAW_VALUE_TOKEN, DecimalVisitor)
    }
}

/// Reads a [`Decimal`] from a value's exact JSON text, a string or a number.
struct DecimalVisitor;

impl<'de> Visitor<'de> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(Decimal::EXPECTING)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, inner: D) -> Result<Decimal, D::Error> {
        inner.deserialize_any(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Decimal, A::Error> {
        Decimal::from_json(&json_text(map, &self)?)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Decimal, E> {
        Decimal::parse(value).map_err(E::custom)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    /// Only from a deserializer that holds the number as an `f64` already: its shortest text.
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Decimal, E> {
        if !value.is_finite() {
            return Err(E::invalid_value(de::Unexpected::Float(value), &self));
        }
        Decimal::parse(ryu::Buffer::new().format_finite(value)).map_err(E::custom)
    }
}

#[diagnostic::do_not_recommend]
impl ODataValue for Decimal {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.0.as_bytes());
    }
}
