//! What the Edm types share to read and write their literals: reading a whole literal with the
//! shared scanner, reading one from a JSON string, and a JSON number's exact text.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::types::datetime::error::ErrorKind;
use crate::types::datetime::scan::Scanner;

use super::error::{EdmParseError, Problem};

/// Reads the whole of `text` as an `edm` value with `read`, which starts at the first byte; a
/// byte-order mark before the value or anything after it (`after` names the value's end) is an
/// error.
pub(super) fn parse_whole<'a, T>(
    edm: &'static str,
    text: &'a str,
    after: &'static str,
    read: impl FnOnce(&mut Scanner<'a>) -> Result<T, Problem>,
) -> Result<T, EdmParseError> {
    let whole = || {
        if text.starts_with('\u{feff}') {
            return Err(ErrorKind::ByteOrderMark.into());
        }
        let mut scan = Scanner::new(text);
        let value = read(&mut scan)?;
        scan.end(after)?;
        Ok(value)
    };
    whole().map_err(|problem| EdmParseError::new(edm, text, problem))
}

/// Reads a value that travels as a JSON string: `expecting` says what it looks like,
/// `parse` reads the text.
pub(super) fn deserialize_str<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    expecting: &'static str,
    parse: fn(&str) -> Result<T, EdmParseError>,
) -> Result<T, D::Error> {
    deserializer.deserialize_str(StrVisitor { expecting, parse })
}

/// See [`deserialize_str`].
struct StrVisitor<T> {
    expecting: &'static str,
    parse: fn(&str) -> Result<T, EdmParseError>,
}

impl<T> Visitor<'_> for StrVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
        (self.parse)(value).map_err(E::custom)
    }
}

/// The name under which serde_json hands a visitor the exact text of a value it was asked for
/// as a `RawValue` (feature `raw_value`); `serde_json::value::RawValue`'s own `Serialize` writes
/// it, so the tests check it against that. Our reader and `Polymorphic`'s buffering use it too.
pub(crate) const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// The name under which serde_json (feature `arbitrary_precision`, if anything in the build
/// enables it) hands `deserialize_any`'s visitor a number's exact text.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// The JSON text serde_json hands over as a one-entry map under [`RAW_VALUE_TOKEN`] or
/// [`NUMBER_TOKEN`]; any other map is the wrong type for `visitor`.
pub(super) fn json_text<'de, A: MapAccess<'de>>(
    mut map: A,
    visitor: &dyn de::Expected,
) -> Result<String, A::Error> {
    match map.next_key::<String>()? {
        Some(key) if key == RAW_VALUE_TOKEN || key == NUMBER_TOKEN => map.next_value(),
        _ => Err(de::Error::invalid_type(de::Unexpected::Map, visitor)),
    }
}

/// What an Edm type's text form is; [`text_traits!`] implements the standard traits from it and
/// from the type's `parse`.
pub(super) trait EdmText {
    /// What its JSON looks like, for serde's messages.
    const EXPECTING: &'static str;

    /// Hands the text form to `f`.
    fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R;
}

/// Implements `FromStr`, `Display` and `Debug` (`Name(text)`) for an [`EdmText`] type, and with
/// `string`, `Serialize`, `Deserialize` and `ODataValue` as a JSON string.
macro_rules! text_traits {
    ($name:ident) => {
        impl ::std::str::FromStr for $name {
            type Err = $crate::types::edm::error::EdmParseError;

            fn from_str(text: &str) -> ::std::result::Result<Self, Self::Err> {
                $name::parse(text)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::types::edm::text::EdmText::with_text(self, |text| f.pad(text))
            }
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::types::edm::text::EdmText::with_text(self, |text| {
                    write!(f, "{}({text})", stringify!($name))
                })
            }
        }
    };
    ($name:ident, string) => {
        $crate::types::edm::text::text_traits!($name);

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                $crate::types::edm::text::EdmText::with_text(self, |text| {
                    serializer.serialize_str(text)
                })
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::types::edm::text::deserialize_str(
                    deserializer,
                    <Self as $crate::types::edm::text::EdmText>::EXPECTING,
                    $name::parse,
                )
            }
        }

        #[diagnostic::do_not_recommend]
        impl $crate::write::ODataValue for $name {
            fn write_json(&self, out: &mut ::std::vec::Vec<u8>) {
                $crate::types::edm::text::EdmText::with_text(self, |text| {
                    $crate::write::json::write_plain_str(out, text);
                });
            }
        }
    };
}

pub(super) use text_traits;
