//! `Single` and `Double`: JSON numbers, and `NaN`, `INF`, `-INF` as strings, both ways.

use std::collections::HashSet;

use crate::write::ODataValue;

use super::super::{Double, Single};
use super::support::{json_string, ok, rejected_as, round_trip, round_trip_as};

#[test]
fn non_finite_values_travel_as_strings() {
    for text in ["NaN", "INF", "-INF"] {
        round_trip::<Double>(text);
        round_trip::<Single>(text);
    }
    assert!(ok::<Double>("NaN").0.is_nan());
    assert_eq!(ok::<Double>("INF"), Double(f64::INFINITY));
    assert_eq!(ok::<Single>("-INF"), Single(f32::NEG_INFINITY));
    // what `ODataValue` for `f64` writes, `Double` reads back
    for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1.5] {
        let mut json = Vec::new();
        value.write_json(&mut json);
        let read: Double = serde_json::from_slice(&json).unwrap();
        assert_eq!(read, Double(value));
    }
}

#[test]
fn numbers_in_shortest_form_round_trip_byte_exactly() {
    for text in [
        "0.0",
        "-0.0",
        "1.5",
        "0.1",
        "2.5e-8",
        "5e-324",
        "123456.789",
    ] {
        round_trip_as::<Double>(text, text);
    }
    for text in ["0.1", "1e-45", "16777216.0", "-2.5"] {
        round_trip_as::<Single>(text, text);
    }
    // serde_json writes a positive exponent with its sign: the same value, another text
    for text in ["1e21", "1.7976931348623157e308"] {
        let value = ok::<Double>(text);
        assert_eq!(value.to_string(), text);
        let mut body = Vec::new();
        value.write_json(&mut body);
        assert_eq!(body, text.as_bytes());
        let json = serde_json::to_string(&value).unwrap();
        assert_eq!(json.replace("e+", "e"), text);
        assert_eq!(serde_json::from_str::<Double>(&json).unwrap(), value);
    }
    assert_eq!(ok::<Single>("3.4028235e38").to_string(), "3.4028235e38");
}

#[test]
fn other_number_texts_are_read_and_written_in_shortest_form() {
    for (text, written) in [
        ("1.50", "1.5"),
        ("1E3", "1000.0"),
        ("1e+3", "1000.0"),
        ("10", "10.0"),
        ("-0", "-0.0"),
        ("1e-400", "0.0"),
    ] {
        assert_eq!(ok::<Double>(text).to_string(), written, "{text}");
    }
    // a string holding a number is read too
    let read: Double = serde_json::from_str("\"2.5\"").unwrap();
    assert_eq!(read, Double(2.5));
    let read: Single = serde_json::from_str("16777217").unwrap();
    assert_eq!(read, Single(16_777_216.0));
    let read: Double = serde_json::from_str("-3").unwrap();
    assert_eq!(read, Double(-3.0));
}

#[test]
fn equality_is_by_text() {
    assert_eq!(Double(f64::NAN), Double(-f64::NAN));
    assert_ne!(Double(0.0), Double(-0.0));
    assert_ne!(Single(1.0), Single(1.5));
    let set: HashSet<Double> = [
        Double(f64::NAN),
        Double(f64::NAN),
        Double(0.0),
        Double(-0.0),
    ]
    .into();
    assert_eq!(set.len(), 3);
}

#[test]
fn converts_to_and_from_floats() {
    assert_eq!(f64::from(Double::from(2.5)), 2.5);
    assert_eq!(f32::from(Single::from(2.5)), 2.5);
    assert_eq!(Double::default(), Double(0.0));
}

#[test]
fn rejections_name_the_problem() {
    for (text, phrase) in [
        (
            "",
            "expected a digit, `NaN`, `INF` or `-INF` at byte 0, found the end of the text",
        ),
        (
            "nan",
            "expected a digit, `NaN`, `INF` or `-INF` at byte 0, found `n`",
        ),
        ("inf", "found `i`"),
        ("Infinity", "found `I`"),
        ("+INF", "`+` before the number"),
        (
            "1e309",
            "out of range (-1.7976931348623157e308 to 1.7976931348623157e308)",
        ),
        ("-1e309", "out of range"),
        ("01", "a digit at byte 1 after a leading `0`"),
        ("1.", "expected a digit after `.`"),
        ("1.5 ", "unexpected ` ` at byte 3 after the number"),
    ] {
        rejected_as::<Double>("Edm.Double", text, &json_string(text), phrase);
    }
    rejected_as::<Single>(
        "Edm.Single",
        "3.5e38",
        "\"3.5e38\"",
        "out of range (-3.4028235e38 to 3.4028235e38)",
    );
    rejected_as::<Single>("Edm.Single", "NAN", "\"NAN\"", "found `N`");
}

#[test]
fn wrong_json_types_are_serde_errors() {
    let error = serde_json::from_str::<Double>("true")
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("expected an Edm.Double: a JSON number, or \"NaN\", \"INF\" or \"-INF\""),
        "{error}"
    );
    assert!(serde_json::from_str::<Single>("null").is_err());
}

#[test]
fn display_and_debug() {
    assert_eq!(format!("{:>6}", Double(1.5)), "   1.5");
    assert_eq!(format!("{:?}", Double(1.5)), "Double(1.5)");
    assert_eq!(format!("{:?}", Single(f32::NAN)), "Single(NaN)");
}
