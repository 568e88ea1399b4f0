//! [`Single`] and [`Double`]: `Edm.Single` and `Edm.Double` values, read from a JSON number or
//! from the strings `"NaN"`, `"INF"` and `"-INF"`, and written the same way.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::write::json::write_plain_str;
use crate::write::ODataValue;

use super::error::{EdmParseError, NumberProblem};
use super::number::scan_number;
use super::text::{json_text, parse_whole, text_traits, EdmText};

/// What [`Single`] and [`Double`] need of `f32` and `f64`.
trait Float: Copy + FromStr + ryu::Float {
    /// The Edm type's name, its finite range and what its JSON looks like, for messages.
    const EDM: &'static str;
    const RANGE: &'static str;
    const EXPECTING: &'static str;
    const NAN: Self;
    const INFINITY: Self;
    const NEG_INFINITY: Self;

    fn is_nan(self) -> bool;
    fn is_infinite(self) -> bool;
    fn is_sign_negative(self) -> bool;
    /// The bits, widened.
    fn bits(self) -> u64;
    /// The nearest value to a number serde read as `f64`.
    fn from_f64(value: f64) -> Self;
    /// Serializes a finite value as a number of this width.
    fn serialize_finite<S: Serializer>(self, serializer: S) -> Result<S::Ok, S::Error>;
}

/// Implements [`Float`] for `f32` or `f64`.
macro_rules! float {
    ($float:ident, $edm:literal, $range:literal, $serialize:ident) => {
        impl Float for $float {
            const EDM: &'static str = $edm;
            const RANGE: &'static str = $range;
            const EXPECTING: &'static str = concat!(
                "an ",
                $edm,
                ": a JSON number, or \"NaN\", \"INF\" or \"-INF\""
            );
            const NAN: Self = $float::NAN;
            const INFINITY: Self = $float::INFINITY;
            const NEG_INFINITY: Self = $float::NEG_INFINITY;

            fn is_nan(self) -> bool {
                $float::is_nan(self)
            }
            fn is_infinite(self) -> bool {
                $float::is_infinite(self)
            }
            fn is_sign_negative(self) -> bool {
                $float::is_sign_negative(self)
            }
            fn bits(self) -> u64 {
                u64::from(self.to_bits())
            }
            #[allow(clippy::cast_possible_truncation, clippy::unnecessary_cast)]
            fn from_f64(value: f64) -> Self {
                value as $float
            }
            fn serialize_finite<S: Serializer>(self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.$serialize(self)
            }
        }
    };
}

float!(
    f32,
    "Edm.Single",
    "-3.4028235e38 to 3.4028235e38",
    serialize_f32
);
float!(
    f64,
    "Edm.Double",
    "-1.7976931348623157e308 to 1.7976931348623157e308",
    serialize_f64
);

/// The string a value that is not a finite number is written as.
fn special<F: Float>(value: F) -> Option<&'static str> {
    if value.is_nan() {
        Some("NaN")
    } else if value.is_infinite() {
        Some(if value.is_sign_negative() {
            "-INF"
        } else {
            "INF"
        })
    } else {
        None
    }
}

/// Reads `NaN`, `INF`, `-INF` or a JSON number that `F` holds without overflow.
fn parse_float<F: Float>(text: &str) -> Result<F, EdmParseError> {
    match text {
        "NaN" => return Ok(F::NAN),
        "INF" => return Ok(F::INFINITY),
        "-INF" => return Ok(F::NEG_INFINITY),
        _ => {}
    }
    parse_whole(F::EDM, text, "the number", |scan| {
        let number = scan_number(scan, "a digit, `NaN`, `INF` or `-INF`")?;
        match number.text.parse::<F>() {
            Ok(value) if !value.is_infinite() => Ok(value),
            _ => Err(NumberProblem::OutOfRange(F::RANGE).into()),
        }
    })
}

/// Hands the text form to `f`: `NaN`, `INF`, `-INF`, or the shortest number that reads back as
/// `value`.
fn with_float_text<F: Float, R>(value: F, f: impl FnOnce(&str) -> R) -> R {
    match special(value) {
        Some(text) => f(text),
        None => f(ryu::Buffer::new().format_finite(value)),
    }
}

/// A finite value as a JSON number, the others as JSON strings.
fn serialize_float<F: Float, S: Serializer>(value: F, serializer: S) -> Result<S::Ok, S::Error> {
    match special(value) {
        Some(text) => serializer.serialize_str(text),
        None => value.serialize_finite(serializer),
    }
}

/// A finite value as a JSON number, the others as JSON strings.
fn write_float<F: Float>(value: F, out: &mut Vec<u8>) {
    match special(value) {
        Some(text) => write_plain_str(out, text),
        None => out.extend_from_slice(ryu::Buffer::new().format_finite(value).as_bytes()),
    }
}

/// Whether two values have the same text: the same bits, or both NaN.
fn same_text<F: Float>(a: F, b: F) -> bool {
    (a.is_nan() && b.is_nan()) || a.bits() == b.bits()
}

/// Hashes what [`same_text`] compares.
fn hash_text<F: Float, H: Hasher>(value: F, state: &mut H) {
    let bits = if value.is_nan() { F::NAN } else { value }.bits();
    bits.hash(state);
}

/// Reads a JSON number, or one of the strings `"NaN"`, `"INF"`, `"-INF"`.
struct FloatVisitor<F>(PhantomData<F>);

impl<'de, F: Float> Visitor<'de> for FloatVisitor<F> {
    type Value = F;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(F::EXPECTING)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<F, E> {
        Ok(F::from_f64(value))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<F, E> {
        Ok(F::from_f64(value as f64))
    }

    #[allow(clippy::cast_precision_loss)]
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<F, E> {
        Ok(F::from_f64(value as f64))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<F, E> {
        parse_float(value).map_err(E::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<F, A::Error> {
        let text = json_text(map, &self)?;
        self.visit_str(&text)
    }
}

/// Declares a newtype over `f32` or `f64` that reads and writes OData's JSON.
macro_rules! float_type {
    ($(#[$attr:meta])* $name:ident($float:ident), $example:literal) => {
        $(#[$attr])*
        #[derive(Clone, Copy, Default)]
        pub struct $name(pub $float);

        impl $name {
            #[doc = concat!(
                "Parses an `", stringify!($name), "` literal: `NaN`, `INF`, `-INF`, or a JSON \
                 number within the type's range.\n\n",
                "# Errors\n\n",
                "An [`EdmParseError`] naming the first problem when `text` is none of these.\n\n",
                "```\n",
                "use odata_resource_runtime::", stringify!($name), ";\n\n",
                "assert_eq!(", stringify!($name), "::parse(\"", $example, "\")?.to_string(), \"",
                $example, "\");\n",
                "assert!(", stringify!($name), "::parse(\"NaN\")?.0.is_nan());\n",
                "assert!(", stringify!($name), "::parse(\"inf\").is_err());\n",
                "# Ok::<(), odata_resource_runtime::EdmParseError>(())\n",
                "```",
            )]
            pub fn parse(text: &str) -> Result<Self, EdmParseError> {
                parse_float(text).map(Self)
            }
        }

        impl EdmText for $name {
            const EXPECTING: &'static str = <$float as Float>::EXPECTING;

            fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
                with_float_text(self.0, f)
            }
        }

        text_traits!($name);

        impl PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                same_text(self.0, other.0)
            }
        }

        impl Eq for $name {}

        impl Hash for $name {
            fn hash<H: Hasher>(&self, state: &mut H) {
                hash_text(self.0, state);
            }
        }

        impl From<$float> for $name {
            fn from(value: $float) -> Self {
                Self(value)
            }
        }

        impl From<$name> for $float {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serialize_float(self.0, serializer)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer
                    .deserialize_any(FloatVisitor(PhantomData))
                    .map(Self)
            }
        }

        #[diagnostic::do_not_recommend]
        impl ODataValue for $name {
            fn write_json(&self, out: &mut Vec<u8>) {
                write_float(self.0, out);
            }
        }
    };
}

float_type! {
    /// An `Edm.Single` value: an `f32` that reads a JSON number or one of the strings `"NaN"`,
    /// `"INF"` and `"-INF"` (OData writes these three as strings, JSON having no such numbers),
    /// and writes them back the same way.
    ///
    /// Its text form ([`parse`](Self::parse), [`Display`](fmt::Display)) is `NaN`, `INF`, `-INF`
    /// or a JSON number (the `OData` ABNF's `+` and leading zeros, which no service writes, are
    /// rejected). The value is binary, so a number is written back as the shortest text that
    /// reads back as the same `f32` (`1.50` is written `1.5`, `1E3` is written `1000.0`);
    /// [`Display`](fmt::Display)'s own output is written back byte for byte. Two values are
    /// equal when they have the same text: the same bits, or both NaN (so `NaN == NaN`, and
    /// `0.0 != -0.0`), which also makes the type [`Eq`] and [`Hash`].
    ///
    /// ```
    /// use odata_resource_runtime::Single;
    ///
    /// let values: Vec<Single> = serde_json::from_str(r#"[1.5, "NaN", "-INF"]"#)?;
    /// assert_eq!(values, [Single(1.5), Single(f32::NAN), Single(f32::NEG_INFINITY)]);
    /// assert_eq!(serde_json::to_string(&values)?, r#"[1.5,"NaN","-INF"]"#);
    /// assert_eq!(Single(0.1).to_string(), "0.1");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    Single(f32),
    "0.1"
}

float_type! {
    /// An `Edm.Double` value: an `f64` that reads a JSON number or one of the strings `"NaN"`,
    /// `"INF"` and `"-INF"` (OData writes these three as strings, JSON having no such numbers),
    /// and writes them back the same way.
    ///
    /// Its text form ([`parse`](Self::parse), [`Display`](fmt::Display)) is `NaN`, `INF`, `-INF`
    /// or a JSON number (the `OData` ABNF's `+` and leading zeros, which no service writes, are
    /// rejected). The value is binary, so a number is written back as the shortest text that
    /// reads back as the same `f64` (`1.50` is written `1.5`, `1E3` is written `1000.0`);
    /// [`Display`](fmt::Display)'s own output is written back byte for byte. Two values are
    /// equal when they have the same text: the same bits, or both NaN (so `NaN == NaN`, and
    /// `0.0 != -0.0`), which also makes the type [`Eq`] and [`Hash`].
    ///
    /// ```
    /// use odata_resource_runtime::Double;
    ///
    /// let values: Vec<Double> = serde_json::from_str(r#"[2.5e-8, "INF", "NaN"]"#)?;
    /// assert_eq!(values, [Double(2.5e-8), Double(f64::INFINITY), Double(f64::NAN)]);
    /// assert_eq!(serde_json::to_string(&values)?, r#"[2.5e-8,"INF","NaN"]"#);
    /// assert_eq!(Double(1e21).to_string(), "1e21");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    Double(f64),
    "-1.25e-7"
}
