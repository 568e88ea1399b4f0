//! `Duration` against the `durationValue` grammar, its exact text and `time::Duration`.

use time::Duration as Length;

use super::super::Duration;
use super::support::{ok, rejected, round_trip};

const EDM: &str = "Edm.Duration";

#[test]
fn round_trips_byte_exactly() {
    for text in [
        "P1DT2H3M4.5S",
        "PT0S",
        "-PT0S",
        "+P1D",
        "P1D",
        "PT1H",
        "PT60M",
        "PT1M",
        "PT0.0000001S",
        "PT0.123456789012345S",
        "-P3DT0.25S",
        "P0D",
        "PT00001H",
        "p1dt2h3m4.5s",
        "P106751991167300DT15H30M7.999999999S",
    ] {
        round_trip::<Duration>(text);
    }
}

#[test]
fn reads_the_length() {
    let cases = [
        (
            "P1DT2H3M4.5S",
            Length::seconds(93_784) + Length::milliseconds(500),
        ),
        ("PT0S", Length::ZERO),
        ("-PT0S", Length::ZERO),
        ("-P3DT0.25S", -(Length::days(3) + Length::milliseconds(250))),
        ("PT36H", Length::hours(36)),
        ("PT90M", Length::minutes(90)),
        ("PT0.123456789999S", Length::nanoseconds(123_456_789)),
        ("+PT1S", Length::SECOND),
        ("P106751991167300DT15H30M7.999999999S", Length::MAX),
        ("-P106751991167300DT15H30M7.999999999S", -Length::MAX),
    ];
    for (text, length) in cases {
        assert_eq!(ok::<Duration>(text).to_time_duration(), length, "{text}");
    }
    assert_ne!(ok::<Duration>("PT1H"), ok::<Duration>("PT60M"));
    assert_eq!(ok::<Duration>("pt1h").as_str(), "pt1h");
}

#[test]
fn converts_to_and_from_time() {
    let cases = [
        (Length::ZERO, "PT0S"),
        (Length::days(1), "P1D"),
        (Length::hours(2), "PT2H"),
        (Length::minutes(3), "PT3M"),
        (Length::minutes(-90), "-PT1H30M"),
        (
            Length::seconds(93_784) + Length::milliseconds(500),
            "P1DT2H3M4.5S",
        ),
        (Length::days(2) + Length::seconds(5), "P2DT5S"),
        (Length::days(2) + Length::minutes(5), "P2DT5M"),
        (Length::nanoseconds(-1), "-PT0.000000001S"),
        (Length::MAX, "P106751991167300DT15H30M7.999999999S"),
        (
            Length::MIN + Length::nanoseconds(1),
            "-P106751991167300DT15H30M8.999999998S",
        ),
        (Length::MIN, "-P106751991167300DT15H30M8.999999999S"),
    ];
    for (length, text) in cases {
        let value = Duration::from(length);
        assert_eq!(value.as_str(), text);
        assert_eq!(Length::from(value.clone()), length);
        assert_eq!(ok::<Duration>(text), value);
    }
}

#[test]
fn rejections_name_the_problem() {
    for (text, phrase) in [
        (
            "",
            "expected `P` (a duration starts `P`, or `-P` when negative) at byte 0",
        ),
        ("1D", "expected `P`"),
        ("P", "no days, hours, minutes or seconds after `P`"),
        ("-P", "no days, hours, minutes or seconds after `P`"),
        ("PT", "no hours, minutes or seconds after `T`"),
        ("P1DT", "no hours, minutes or seconds after `T`"),
        (
            "P1Y",
            "unit `Y`: a duration has days, hours, minutes and seconds only",
        ),
        ("P1M", "unit `M`: a duration has days"),
        ("P1W", "unit `W`"),
        (
            "P1H",
            "`H` before `T` (hours, minutes and seconds come after `T`)",
        ),
        ("P1S", "`S` before `T`"),
        (
            "PT1D",
            "`D` after `T` (the parts come in the order D, T, H, M, S",
        ),
        ("PT1M2H", "`H` after `M`"),
        ("PT1S1S", "`S` after `S`"),
        ("P1D1D", "`D` after `D`"),
        ("PTT1H", "`T` after `T`"),
        ("P1DT1H1M1ST", "`T` after `S`"),
        (
            "PT1.5H",
            "a fraction before `H` (only the seconds may have a fraction)",
        ),
        ("P1.5D", "a fraction before `D`"),
        ("PT1.S", "expected a digit after `.` at byte 4, found `S`"),
        (
            "PT.5S",
            "expected a number of hours, minutes or seconds at byte 2, found `.`",
        ),
        (
            "P1",
            "expected the unit `D` at byte 2, found the end of the text",
        ),
        (
            "PT1",
            "expected the unit `H`, `M` or `S` at byte 3, found the end",
        ),
        (
            "PT1X",
            "expected the unit `H`, `M` or `S` at byte 3, found `X`",
        ),
        (
            "P-1D",
            "expected a number of days, or `T` before hours, minutes and seconds at byte 1",
        ),
        ("--P1D", "expected `P`"),
        ("P1D ", "expected a number of days, or `T`"),
        (
            "PT1H ",
            "expected a number of hours, minutes or seconds at byte 4, found ` `",
        ),
        ("\u{feff}PT1H", "byte-order mark"),
        (
            "PT9223372036854775808S",
            "longer than the supported 9223372036854775807 seconds",
        ),
        ("P106751991167301D", "longer than the supported"),
        (
            "PT99999999999999999999999999999999999999999S",
            "longer than the supported",
        ),
    ] {
        rejected::<Duration>(EDM, text, phrase);
    }
}

#[test]
fn debug() {
    assert_eq!(format!("{:?}", ok::<Duration>("PT1H")), "Duration(PT1H)");
}
