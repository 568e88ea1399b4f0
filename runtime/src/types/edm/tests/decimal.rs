//! `Decimal`: exact digits from JSON numbers and strings, whatever reads them.

use std::collections::BTreeMap;

use serde::de::value::{Error as ValueError, MapDeserializer, StrDeserializer};
use serde::de::{self, Deserializer, IntoDeserializer, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::super::Decimal;
use super::support::{json_string, ok, rejected_as, round_trip_as};

const EDM: &str = "Edm.Decimal";

/// Texts that an `f64` would change.
const EXACT: [&str; 10] = [
    "12.50",
    "0.1",
    "0.30000000000000000000000001",
    "123456789012345678901234.5",
    "-0",
    "-0.000",
    "1E+30",
    "1e-7",
    "79228162514264337593543950335",
    "18446744073709551616",
];

#[test]
fn json_numbers_round_trip_byte_exactly() {
    for text in EXACT
        .into_iter()
        .chain(["0", "42", "-7", "3.14159", "1.5E3"])
    {
        round_trip_as::<Decimal>(text, text);
        // inside an array and an object, as a property is read
        let json = format!("{{\"a\":[{text}]}}");
        let read: BTreeMap<String, Vec<Decimal>> = serde_json::from_str(&json).unwrap();
        assert_eq!(read["a"][0].as_str(), text);
        assert_eq!(serde_json::to_string(&read).unwrap(), json);
    }
}

#[test]
fn json_strings_are_read_exactly_and_written_as_numbers() {
    for text in EXACT {
        let value: Decimal = serde_json::from_str(&json_string(text)).unwrap();
        assert_eq!(value.as_str(), text);
        assert_eq!(serde_json::to_string(&value).unwrap(), text);
    }
}

#[test]
fn the_crates_reader_keeps_the_digits_and_names_the_path() {
    let read: BTreeMap<String, Decimal> =
        crate::from_slice(br#"{"price": 12.50, "rate": "0.10"}"#).unwrap();
    assert_eq!(read["price"].as_str(), "12.50");
    assert_eq!(read["rate"].as_str(), "0.10");
    let error = crate::from_slice::<BTreeMap<String, Decimal>>(br#"{"price": 1, "rate": "1."}"#)
        .unwrap_err()
        .to_string();
    assert!(error.contains("rate"), "{error}");
    assert!(
        error.contains("invalid Edm.Decimal `1.`: expected a digit after `.` at byte 2"),
        "{error}"
    );
}

#[test]
fn a_value_already_read_into_serde_json_value_keeps_what_it_kept() {
    let value: serde_json::Value =
        serde_json::from_str("[12.50, 12345678901234567890, \"0.10\"]").unwrap();
    let read: Vec<Decimal> = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(
        read.iter().map(Decimal::as_str).collect::<Vec<_>>(),
        ["12.5", "12345678901234567890", "0.10"]
    );
    let read: Vec<Decimal> = Vec::deserialize(&value).unwrap();
    assert_eq!(read[0].as_str(), "12.5");
}

#[test]
fn other_deserializers_give_strings_and_numbers() {
    let from_str = Decimal::deserialize(StrDeserializer::<ValueError>::new("12.50")).unwrap();
    assert_eq!(from_str.as_str(), "12.50");
    let from_u64 =
        Decimal::deserialize(IntoDeserializer::<ValueError>::into_deserializer(7_u64)).unwrap();
    assert_eq!(from_u64.as_str(), "7");
    let from_i128 =
        Decimal::deserialize(IntoDeserializer::<ValueError>::into_deserializer(-7_i128)).unwrap();
    assert_eq!(from_i128.as_str(), "-7");
    let from_f64 =
        Decimal::deserialize(IntoDeserializer::<ValueError>::into_deserializer(0.25_f64)).unwrap();
    assert_eq!(from_f64.as_str(), "0.25");
    assert!(
        Decimal::deserialize(IntoDeserializer::<ValueError>::into_deserializer(f64::NAN)).is_err()
    );
    // serde_json's `arbitrary_precision` hands a number's text over as this map
    let number = MapDeserializer::<_, ValueError>::new(
        [("$serde_json::private::Number", "0.10")].into_iter(),
    );
    assert_eq!(Decimal::deserialize(number).unwrap().as_str(), "0.10");
    let other = MapDeserializer::<_, ValueError>::new([("a", "1")].into_iter());
    let error = Decimal::deserialize(other).unwrap_err().to_string();
    assert_eq!(
        error,
        "invalid type: map, expected an Edm.Decimal, a JSON number or string such as 12.50"
    );
}

/// Records the name a value asks a deserializer for with `deserialize_newtype_struct`.
struct NewtypeName(Option<&'static str>);

impl<'de> Deserializer<'de> for &mut NewtypeName {
    type Error = ValueError;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, ValueError> {
        Err(de::Error::custom("not a newtype"))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: V,
    ) -> Result<V::Value, ValueError> {
        self.0 = Some(name);
        Err(de::Error::custom("recorded"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

#[test]
fn the_raw_value_token_is_serde_jsons() {
    // `Decimal` asks for a value's text under the name serde_json's own `RawValue` asks with
    let mut raw = NewtypeName(None);
    let _ = Box::<RawValue>::deserialize(&mut raw);
    let mut decimal = NewtypeName(None);
    let _ = Decimal::deserialize(&mut decimal);
    assert!(raw.0.is_some());
    assert_eq!(decimal.0, raw.0);
}

#[test]
fn converts_from_integers() {
    assert_eq!(Decimal::from(i64::MIN).as_str(), "-9223372036854775808");
    assert_eq!(
        Decimal::from(u128::MAX).as_str(),
        "340282366920938463463374607431768211455"
    );
    assert_eq!(Decimal::from(0_u8).as_str(), "0");
    assert_eq!(Decimal::from(-5_i32), ok("-5"));
    assert_ne!(ok::<Decimal>("1.0"), ok("1.00"));
}

#[test]
fn rejections_name_the_problem() {
    for (text, phrase) in [
        ("", "expected a digit at byte 0, found the end of the text"),
        ("+1", "`+` before the number (write it without a sign)"),
        (
            "01",
            "a digit at byte 1 after a leading `0` (write the number without leading zeros)",
        ),
        ("-00.5", "a digit at byte 2 after a leading `0`"),
        (
            "1.",
            "expected a digit after `.` at byte 2, found the end of the text",
        ),
        (".5", "expected a digit at byte 0, found `.`"),
        ("1e", "expected a digit in the exponent at byte 2"),
        ("1e+", "expected a digit in the exponent at byte 3"),
        ("1,5", "unexpected `,` at byte 1 after the number"),
        ("1 ", "unexpected ` ` at byte 1 after the number"),
        ("NaN", "expected a digit at byte 0, found `N`"),
        ("INF", "expected a digit at byte 0, found `I`"),
        ("-", "expected a digit at byte 1, found the end of the text"),
        ("0x10", "unexpected `x` at byte 1 after the number"),
        ("\u{feff}1", "byte-order mark"),
    ] {
        rejected_as::<Decimal>(EDM, text, &json_string(text), phrase);
    }
}

#[test]
fn wrong_json_types_are_serde_errors() {
    for json in ["true", "null", "[1]", "{\"a\":1}"] {
        assert!(serde_json::from_str::<Decimal>(json).is_err(), "{json}");
    }
}

#[test]
fn debug() {
    assert_eq!(format!("{:?}", ok::<Decimal>("12.50")), "Decimal(12.50)");
}
