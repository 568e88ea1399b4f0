//! `TimeOfDay` against the `timeOfDayValue` grammar, its exact text and `time::Time`.

use time::macros::time;
use time::Time;

use super::super::TimeOfDay;
use super::support::{ok, rejected, round_trip};

const EDM: &str = "Edm.TimeOfDay";

#[test]
fn round_trips_byte_exactly() {
    for text in [
        "08:00:00.0000000",
        "08:00",
        "08:00:00",
        "00:00",
        "23:59:59.999999999999",
        "23:59:59.000000000001",
        "12:30:15.5",
        "12:30:15.10",
        "12:30:15.0000000001",
    ] {
        round_trip::<TimeOfDay>(text);
    }
}

#[test]
fn reads_the_time() {
    let value = ok::<TimeOfDay>("08:00:00.0000000");
    assert_eq!(value.to_time(), time!(08:00));
    assert_eq!(value.fraction_digits(), 7);
    assert_eq!(
        ok::<TimeOfDay>("23:59:59.123456789012").to_time(),
        time!(23:59:59.123456789)
    );
    assert_eq!(ok::<TimeOfDay>("12:30").to_time(), time!(12:30));
    // how it was written is part of the value
    let forms = ["08:00", "08:00:00", "08:00:00.0", "08:00:00.0000000"].map(ok::<TimeOfDay>);
    for (i, a) in forms.iter().enumerate() {
        for (j, b) in forms.iter().enumerate() {
            assert_eq!(a == b, i == j, "{a:?} vs {b:?}");
            assert_eq!(a.to_time(), b.to_time());
        }
    }
    assert_ne!(
        ok::<TimeOfDay>("00:00:00.1234567891"),
        ok::<TimeOfDay>("00:00:00.1234567892")
    );
}

#[test]
fn converts_to_and_from_time() {
    for (time, text) in [
        (time!(08:00), "08:00:00"),
        (time!(17:30:00.25), "17:30:00.25"),
        (time!(23:59:59.999999999), "23:59:59.999999999"),
        (time!(00:00:00.000000001), "00:00:00.000000001"),
        (Time::MIDNIGHT, "00:00:00"),
    ] {
        let value = TimeOfDay::from(time);
        assert_eq!(value.to_string(), text);
        assert_eq!(Time::from(value), time);
        assert_eq!(ok::<TimeOfDay>(text), value);
    }
}

#[test]
fn rejections_name_the_problem() {
    for (text, phrase) in [
        (
            "",
            "expected the 2-digit hour at byte 0, found the end of the text",
        ),
        ("24:00", "hour 24 (at most 23)"),
        ("08:60", "minute 60 (at most 59)"),
        ("08:00:60", "second 60 (leap seconds are not supported)"),
        ("08:00:61", "second 61 (at most 59)"),
        ("8:00", "expected the 2-digit hour at byte 1, found `:`"),
        (
            "08",
            "expected `:` after the hour at byte 2, found the end of the text",
        ),
        (
            "08:00:00.",
            "no digit after the `.` (a fraction has 1 to 12 digits)",
        ),
        ("08:00:00.1234567890123", "13 fraction digits (at most 12)"),
        ("08:00:00,5", "`,` before the fraction of a second"),
        (
            "08:00:00Z",
            "unexpected `Z` at byte 8 after the time of day",
        ),
        (
            "08:00:00.5+01:00",
            "unexpected `+` at byte 10 after the time of day",
        ),
        ("08:00 ", "unexpected ` ` at byte 5"),
        ("\u{feff}08:00", "byte-order mark"),
    ] {
        rejected::<TimeOfDay>(EDM, text, phrase);
    }
}

#[test]
fn debug() {
    assert_eq!(
        format!("{:?}", ok::<TimeOfDay>("08:00:00.0000000")),
        "TimeOfDay(08:00:00.0000000)"
    );
}
