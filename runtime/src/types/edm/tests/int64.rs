//! `Int64`: a JSON number or string in, a JSON number out.

use serde::de::value::{Error as ValueError, MapDeserializer};
use serde::Deserialize;

use super::super::Int64;
use super::support::{json_string, ok, rejected_as, round_trip_as};

const EDM: &str = "Edm.Int64";

#[test]
fn numbers_round_trip_byte_exactly() {
    for text in [
        "0",
        "20158",
        "-1",
        "9223372036854775807",
        "-9223372036854775808",
    ] {
        round_trip_as::<Int64>(text, text);
    }
}

#[test]
fn strings_are_read_as_services_send_them_under_ieee754_compatible() {
    for (json, value) in [
        ("\"20158\"", 20158),
        ("\"9223372036854775807\"", i64::MAX),
        ("\"-9223372036854775808\"", i64::MIN),
        ("\"0\"", 0),
    ] {
        let read: Int64 = serde_json::from_str(json).unwrap();
        assert_eq!(read, Int64(value));
        assert_eq!(serde_json::to_string(&read).unwrap(), value.to_string());
    }
    let read: Int64 = crate::from_slice(b"\"20158\"").unwrap();
    assert_eq!(read, Int64(20158));
    // serde_json's `arbitrary_precision` hands a number's text over as this map
    let number =
        MapDeserializer::<_, ValueError>::new([("$serde_json::private::Number", "42")].into_iter());
    assert_eq!(Int64::deserialize(number).unwrap(), Int64(42));
}

#[test]
fn converts_to_and_from_i64() {
    assert_eq!(Int64::from(7), Int64(7));
    assert_eq!(i64::from(Int64(-7)), -7);
    assert!(Int64(1) < Int64(2));
    assert_eq!(Int64::default(), Int64(0));
}

#[test]
fn rejections_name_the_problem() {
    let range = "out of range (-9223372036854775808 to 9223372036854775807)";
    for (text, phrase) in [
        ("", "expected a digit at byte 0, found the end of the text"),
        ("9223372036854775808", range),
        ("-9223372036854775809", range),
        ("99999999999999999999999", range),
        ("+1", "`+` before the number"),
        ("007", "a digit at byte 1 after a leading `0`"),
        ("-0", "`-0` (write `0`)"),
        (
            "1.0",
            "a fraction or an exponent (the value is a whole number)",
        ),
        ("1e3", "a fraction or an exponent"),
        ("1_000", "unexpected `_` at byte 1 after the number"),
        (" 1", "expected a digit at byte 0, found ` `"),
        ("0x1F", "unexpected `x` at byte 1 after the number"),
    ] {
        rejected_as::<Int64>(EDM, text, &json_string(text), phrase);
    }
}

#[test]
fn numbers_it_cannot_hold_are_serde_errors() {
    for (json, phrase) in [
        ("9223372036854775808", "invalid value: integer `9223372036854775808`, expected an Edm.Int64"),
        ("1.5", "invalid type: floating point `1.5`, expected an Edm.Int64, a JSON number or string such as 20158"),
        ("1e3", "invalid type: floating point `1000.0`"),
        ("true", "invalid type: boolean `true`"),
        ("null", "invalid type: null"),
    ] {
        let error = serde_json::from_str::<Int64>(json).unwrap_err().to_string();
        assert!(error.contains(phrase), "{json}: {error}");
    }
}

#[test]
fn display_and_debug() {
    let value = ok::<Int64>("-42");
    assert_eq!(value.to_string(), "-42");
    assert_eq!(format!("{value:>5}"), "  -42");
    assert_eq!(format!("{value:?}"), "Int64(-42)");
}
