//! `Date` against the `dateValue` grammar, its exact text and `time::Date`.

use time::macros::date;

use super::super::Date;
use super::support::{ok, rejected, round_trip};

const EDM: &str = "Edm.Date";

#[test]
fn round_trips_byte_exactly() {
    for text in [
        "2024-02-29",
        "2000-02-29",
        "1969-07-20",
        "0001-01-01",
        "0000-01-01",
        "-0000-01-01",
        "-0752-04-21",
        "-0004-02-29",
        "-9999-01-01",
        "9999-12-31",
    ] {
        round_trip::<Date>(text);
    }
}

#[test]
fn reads_the_day() {
    assert_eq!(ok::<Date>("2024-02-29").to_date(), date!(2024 - 02 - 29));
    assert_eq!(ok::<Date>("-0752-04-21").to_date(), date!(-0752 - 04 - 21));
    assert_eq!(ok::<Date>("-0000-01-01").to_date(), date!(0000 - 01 - 01));
    // the same day, written two ways: two values
    assert_ne!(ok::<Date>("-0000-01-01"), ok::<Date>("0000-01-01"));
}

#[test]
fn converts_to_and_from_time() {
    for day in [
        date!(2024 - 02 - 29),
        date!(-9999 - 01 - 01),
        date!(9999 - 12 - 31),
        date!(0000 - 06 - 15),
    ] {
        let value = Date::from(day);
        assert_eq!(time::Date::from(value), day);
        assert_eq!(ok::<Date>(&value.to_string()), value);
    }
    assert_eq!(
        Date::from(date!(-0001 - 12 - 31)).to_string(),
        "-0001-12-31"
    );
}

#[test]
fn rejections_name_the_problem() {
    for (text, phrase) in [
        (
            "",
            "expected the year (4 digits, optionally preceded by `-`) at byte 0, found the end",
        ),
        ("2023-02-29", "day 29 does not exist in February 2023"),
        ("1900-02-29", "day 29 does not exist in February 1900"),
        ("2024-13-01", "month 13 (01 to 12)"),
        ("2024-00-01", "month 00 (01 to 12)"),
        ("2024-01-00", "day 00 does not exist in January 2024"),
        (
            "2024-1-01",
            "expected the 2-digit month at byte 6, found `-`",
        ),
        ("24-01-01", "year `24` has fewer than 4 digits"),
        (
            "02024-01-01",
            "year `02024` has more than 4 digits and starts with 0",
        ),
        (
            "10000-01-01",
            "year 10000 is outside the supported range -9999 to 9999",
        ),
        (
            "2024/01/01",
            "expected `-` after the year at byte 4, found `/`",
        ),
        (
            "2024-01-01T00:00Z",
            "unexpected `T` at byte 10 after the day (nothing may follow it)",
        ),
        ("2024-01-01 ", "unexpected ` ` at byte 10 after the day"),
        (" 2024-01-01", "expected the year"),
        (
            "\u{feff}2024-01-01",
            "starts with a byte-order mark (U+FEFF)",
        ),
        ("+2024-01-01", "expected the year"),
    ] {
        rejected::<Date>(EDM, text, phrase);
    }
}

#[test]
fn exact_message_and_serde_error() {
    let error = Date::parse("2023-02-29").unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid Edm.Date `2023-02-29`: day 29 does not exist in February 2023"
    );
    let serde = serde_json::from_str::<Date>("\"2023-02-29\"").unwrap_err();
    assert_eq!(
        serde.to_string(),
        "invalid Edm.Date `2023-02-29`: day 29 does not exist in February 2023 at line 1 column 12"
    );
    let wrong_type = serde_json::from_str::<Date>("20230228").unwrap_err();
    assert!(
        wrong_type
            .to_string()
            .contains("expected an Edm.Date string such as \"2024-02-29\""),
        "{wrong_type}"
    );
}

#[test]
fn debug_and_padding() {
    let value = ok::<Date>("2024-02-29");
    assert_eq!(format!("{value:?}"), "Date(2024-02-29)");
    assert_eq!(format!("[{value:>12}]"), "[  2024-02-29]");
}
