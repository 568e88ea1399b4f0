//! The reader, the writer and the conversions, against the grammar and against `time`.

use time::{Date, Month, OffsetDateTime, Time, UtcOffset};

use crate::write::ODataValue;

use super::parse::{parse_common, parse_full};
use super::value::*;
use super::*;
use std::fmt::Write as _;
use time::macros::{datetime, offset};

#[track_caller]
fn ok(text: &str) -> DateTimeOffset {
    match DateTimeOffset::parse(text) {
        Ok(value) => value,
        Err(error) => panic!("{text:?} should parse: {error}"),
    }
}

/// Asserts `text` is rejected with a message quoting it and containing `phrase`.
#[track_caller]
fn rejected(text: &str, phrase: &str) {
    let error = match DateTimeOffset::parse(text) {
        Ok(value) => panic!("{text:?} should be rejected, got {value:?}"),
        Err(error) => error.to_string(),
    };
    let quoted = format!("invalid Edm.DateTimeOffset `{}`: ", text.escape_debug());
    assert!(
        error.starts_with(&quoted),
        "{error:?} should start with {quoted:?}"
    );
    assert!(
        error.contains(phrase),
        "{error:?} should contain {phrase:?}"
    );
}

#[track_caller]
fn round_trip(text: &str) {
    let value = ok(text);
    assert_eq!(value.to_string(), text);
    let mut out = Vec::new();
    value.write_to(&mut out);
    assert_eq!(out, text.as_bytes());
    // in place after other text, as in a body: quoted, nothing after the closing quote
    let mut json = b"{\"at\":".to_vec();
    value.write_json(&mut json);
    assert_eq!(json, format!("{{\"at\":\"{text}\"").as_bytes());
    assert_eq!(ok(&value.to_string()), value);
}

#[test]
fn round_trips_byte_exactly() {
    for text in [
        "2016-12-31T23:57:34.9044303+03:00",
        "2021-05-27T21:23:41.9085453Z",
        "1969-07-20T20:17Z",
        "2020-01-01T00:00:00.000Z",
        "2020-01-01T00:00:00.123456789012+05:30",
        "2020-01-01T00:00:00.000000000000Z",
        "2020-01-01T00:00:00.000000000100Z",
        "2020-01-01T00:00:00.0000000001Z",
        "2020-01-01T00:00:00.10Z",
        "2020-01-01T00:00:00.5-08:00",
        "2014-01-01T00:00:00Z",
        "2014-01-01T00:00:00+00:00",
        "2014-01-01T00:00:00-00:00",
        "2014-01-01T00:00-00:00",
        "2014-01-01T00:00+00:00",
        "2016-02-29T12:00:00Z",
        "2000-02-29T12:00:00Z",
        "2023-12-31T23:59:59.999999999999Z",
        "2023-12-31T23:59:59.999999999999+23:59",
        "2023-01-01T00:00:00.000000000001-23:59",
        "0000-01-01T00:00Z",
        "-0000-01-01T00:00Z",
        "-0752-04-21T12:00:00+01:00",
        "-9999-01-01T00:00:00-23:59",
        "9999-12-31T23:59:59.999999999999+23:59",
        "9999-12-31T23:59:59.999999999-23:59",
        "0001-01-01T00:00:00Z",
    ] {
        round_trip(text);
    }
}

#[test]
fn parses_fields() {
    let value = ok("2016-12-31T23:57:34.9044303+03:00");
    assert_eq!(
        value.to_offset_date_time(),
        datetime!(2016-12-31 23:57:34.9044303 +03:00)
    );
    assert_eq!(value.to_offset_date_time().offset(), offset!(+03:00));
    assert_eq!(value.fraction_digits(), 7);

    let value = ok("1969-07-20T20:17Z");
    assert_eq!(value.to_offset_date_time(), datetime!(1969-07-20 20:17 UTC));
    assert_eq!(value.fraction_digits(), 0);

    let value = ok("2020-01-01T00:00:00.123456789012+05:30");
    assert_eq!(
        value.to_offset_date_time(),
        datetime!(2020-01-01 00:00:00.123456789 +05:30)
    );
    assert_eq!(value.fraction_digits(), 12);

    let value = ok("2020-06-15T10:20:30.5-00:30");
    assert_eq!(
        value.to_offset_date_time(),
        datetime!(2020-06-15 10:20:30.5 -00:30)
    );
    assert_eq!(
        ok("-0752-04-21T12:00:00Z").to_offset_date_time(),
        datetime!(-0752-04-21 12:00 UTC)
    );
    assert_eq!(ok("0000-01-01T00:00Z").to_offset_date_time().year(), 0);
    assert_eq!(ok("-0000-01-01T00:00Z").to_offset_date_time().year(), 0);
    assert_eq!(
        ok("9999-12-31T23:59:59.999999999999+23:59").to_offset_date_time(),
        datetime!(9999-12-31 23:59:59.999999999 +23:59)
    );
}

#[test]
fn lower_case_t_and_z_are_accepted_and_written_upper_case() {
    let value = ok("2021-05-27t21:23:41.9085453z");
    assert_eq!(value.to_string(), "2021-05-27T21:23:41.9085453Z");
    assert_eq!(value, ok("2021-05-27T21:23:41.9085453Z"));
    assert_eq!(
        ok("2021-05-27t21:23+01:00").to_string(),
        "2021-05-27T21:23+01:00"
    );
}

#[test]
fn equality_is_representational() {
    let plain = ok("2020-01-01T00:00:00Z");
    let millis = ok("2020-01-01T00:00:00.000Z");
    let numeric = ok("2020-01-01T00:00:00+00:00");
    let negative_zero = ok("2020-01-01T00:00:00-00:00");
    let no_seconds = ok("2020-01-01T00:00Z");
    let shifted = ok("2020-01-01T01:00:00+01:00");
    let all = [plain, millis, numeric, negative_zero, no_seconds, shifted];
    for (i, a) in all.iter().enumerate() {
        for (j, b) in all.iter().enumerate() {
            assert_eq!(a == b, i == j, "{a:?} vs {b:?}");
            assert_eq!(a.to_offset_date_time(), b.to_offset_date_time());
        }
    }
    assert_ne!(
        ok("2020-01-01T00:00:00.1234567891Z"),
        ok("2020-01-01T00:00:00.1234567892Z")
    );
    assert_ne!(ok("0000-01-01T00:00Z"), ok("-0000-01-01T00:00Z"));

    let set: std::collections::HashSet<DateTimeOffset> =
        all.iter().copied().chain([plain]).collect();
    assert_eq!(set.len(), all.len());
}

/// A resource holds several; its value is moved a few times on its way out of a read.
#[test]
fn sixteen_bytes_with_or_without_an_option() {
    assert_eq!(std::mem::size_of::<DateTimeOffset>(), 16);
    assert_eq!(std::mem::size_of::<Option<DateTimeOffset>>(), 16);
}

#[test]
fn instants_order_through_to_offset_date_time() {
    let texts = [
        "2016-12-31T23:57:34.9044303+03:00",
        "2016-12-31T21:00Z",
        "2016-12-31T17:00:00.5-04:00",
        "2016-12-31T21:00:00.5000001Z",
        "2017-01-01T00:00:00+01:00",
    ];
    let instants: Vec<OffsetDateTime> = texts.iter().map(|t| ok(t).to_offset_date_time()).collect();
    for pair in instants.windows(2) {
        assert!(pair[0] < pair[1], "{pair:?}");
    }
    // Digits below a nanosecond do not change the instant.
    assert_eq!(
        ok("2020-01-01T00:00:00.1234567891Z").to_offset_date_time(),
        ok("2020-01-01T00:00:00.123456789Z").to_offset_date_time()
    );
    // Extreme offsets at the edges of the year range do not panic.
    let max = ok("9999-12-31T23:59:59.999999999999-23:59").to_offset_date_time();
    let min = ok("-9999-01-01T00:00:00+23:59").to_offset_date_time();
    assert!(min < max);
    assert_eq!(max.unix_timestamp() - min.unix_timestamp() + 1, {
        let days = i64::from(
            datetime!(9999-12-31 0:00 UTC).to_julian_day()
                - datetime!(-9999-01-01 0:00 UTC).to_julian_day()
                + 1,
        );
        days * 86_400 + 2 * (23 * 3600 + 59 * 60)
    });
}

#[test]
fn leap_days() {
    round_trip("2016-02-29T00:00:00Z");
    round_trip("2000-02-29T00:00:00Z");
    round_trip("-0004-02-29T00:00:00Z");
    rejected(
        "2015-02-29T00:00:00Z",
        "day 29 does not exist in February 2015",
    );
    rejected(
        "1900-02-29T00:00:00Z",
        "day 29 does not exist in February 1900",
    );
    rejected(
        "2016-02-30T00:00:00Z",
        "day 30 does not exist in February 2016",
    );
    rejected(
        "2016-04-31T00:00:00Z",
        "day 31 does not exist in April 2016",
    );
    rejected(
        "2016-01-00T00:00:00Z",
        "day 00 does not exist in January 2016",
    );
    rejected(
        "2016-01-32T00:00:00Z",
        "day 32 does not exist in January 2016",
    );
    rejected(
        "-0001-02-29T00:00:00Z",
        "day 29 does not exist in February -0001",
    );
}

#[test]
fn exact_messages() {
    let message = |text: &str| DateTimeParseError::to_string(&ok_err(text));
    assert_eq!(
        message("2016-02-30T00:00:00Z"),
        "invalid Edm.DateTimeOffset `2016-02-30T00:00:00Z`: day 30 does not exist in February 2016"
    );
    assert_eq!(
        message("2017-04-24T22:40:44.5665917"),
        "invalid Edm.DateTimeOffset `2017-04-24T22:40:44.5665917`: missing the UTC offset \
         (`Z` or `±hh:mm`); a value without offset is never read as local time"
    );
    assert_eq!(
        message("2020-01-01T00:00:00.1234567890123Z"),
        "invalid Edm.DateTimeOffset `2020-01-01T00:00:00.1234567890123Z`: 13 fraction digits (at most 12)"
    );
    assert_eq!(
        message("2016-12-31T23:59:60Z"),
        "invalid Edm.DateTimeOffset `2016-12-31T23:59:60Z`: second 60 (leap seconds are not supported)"
    );
    assert_eq!(
        message("2016-12-31T23:59:00+24:00"),
        "invalid Edm.DateTimeOffset `2016-12-31T23:59:00+24:00`: offset hour 24 (at most 23)"
    );
    assert_eq!(
        message("2016-12-31 23:59:00Z"),
        "invalid Edm.DateTimeOffset `2016-12-31 23:59:00Z`: expected `T` between the date and \
         the time at byte 10, found ` `"
    );
}

fn ok_err(text: &str) -> DateTimeParseError {
    DateTimeOffset::parse(text).expect_err(text)
}

#[test]
fn rejections_name_the_problem() {
    let offset = "missing the UTC offset (`Z` or `±hh:mm`); a value without offset is never read as local time";
    rejected("2017-04-24T22:40:44.5665917", offset);
    rejected("2017-04-24T22:40:44", offset);
    rejected("2017-04-24T22:40", offset);
    rejected("", "expected the year");
    rejected(
        "\u{feff}2021-05-27T21:23:41Z",
        "starts with a byte-order mark",
    );
    rejected(
        " 2021-05-27T21:23:41Z",
        "expected the year (4 digits, optionally preceded by `-`) at byte 0, found ` `",
    );
    rejected(
        "2021-05-27T21:23:41Z ",
        "unexpected ` ` at byte 20 after the UTC offset",
    );
    rejected("2021-05-27T21:23:41Z\n", "unexpected `\\n` at byte 20");
    rejected("2021-05-27T21:23:41ZZ", "unexpected `Z` at byte 20");
    rejected("2021-05-27T21:23:41+01:00:00", "unexpected `:` at byte 25");
    rejected("2021-05-27T21:23:41Zé", "unexpected `é` at byte 20");
    rejected(
        "2021-05-27T21:23:41,123Z",
        "`,` before the fraction of a second (only `.` is allowed)",
    );
    rejected("2021-05-27T21:23:41.Z", "no digit after the `.`");
    rejected("2021-05-27T21:23:41.", "no digit after the `.`");
    rejected(
        "2020-01-01T00:00:00.1234567890123Z",
        "13 fraction digits (at most 12)",
    );
    rejected(
        "2020-01-01T00:00:00.12345678901234567890Z",
        "20 fraction digits (at most 12)",
    );
    rejected(
        "2016-12-31T23:59:60Z",
        "second 60 (leap seconds are not supported)",
    );
    rejected("2016-12-31T23:59:61Z", "second 61 (at most 59)");
    rejected("2016-12-31T23:59:99Z", "second 99 (at most 59)");
    rejected("2016-12-31T23:60Z", "minute 60 (at most 59)");
    rejected("2016-12-31T24:00:00Z", "hour 24 (at most 23)");
    rejected("2016-12-31T23:59:00+24:00", "offset hour 24 (at most 23)");
    rejected("2016-12-31T23:59:00-99:00", "offset hour 99 (at most 23)");
    rejected("2016-12-31T23:59:00+01:60", "offset minute 60 (at most 59)");
    rejected("2016-12-31T23:59:00+0100", "expected `:` in the UTC offset");
    rejected(
        "2016-12-31T23:59:00+1:00",
        "expected the 2-digit offset hour",
    );
    rejected(
        "2016-12-31T23:59:00+01:0",
        "expected the 2-digit offset minute",
    );
    rejected("2016-12-31T23:59:00+", "expected the 2-digit offset hour");
}

#[test]
fn rejections_name_the_field() {
    rejected("2016-13-01T00:00:00Z", "month 13 (01 to 12)");
    rejected("2016-00-01T00:00:00Z", "month 00 (01 to 12)");
    rejected(
        "2016-1-01T00:00:00Z",
        "expected the 2-digit month at byte 6",
    );
    rejected("2016-01-1T00:00:00Z", "expected the 2-digit day at byte 9");
    rejected(
        "2016/01/01T00:00:00Z",
        "expected `-` after the year at byte 4",
    );
    rejected("2016-01-01", "expected `T` between the date and the time");
    rejected("2016-01-01T", "expected the 2-digit hour at byte 11");
    rejected("2016-01-01T1:00Z", "expected the 2-digit hour at byte 12");
    rejected("2016-01-01T10Z", "expected `:` after the hour at byte 13");
    rejected("2016-01-01T10:5Z", "expected the 2-digit minute");
    rejected("2016-01-01T10:05:1Z", "expected the 2-digit second");
    rejected(
        "2016-01-01T10:05.5Z",
        "expected `:` (seconds) or the UTC offset",
    );
    rejected(
        "2016-01-01T10:05:00 Z",
        "expected `.` (a fraction) or the UTC offset (`Z`, `+hh:mm` or `-hh:mm`) at byte 19, found ` `",
    );
    rejected(
        "2016-01-01T10:05:00.5 Z",
        "expected the UTC offset (`Z`, `+hh:mm` or `-hh:mm`) at byte 21",
    );
    rejected("2016-01-01T10:05:00.5UTC", "found `U`");
    rejected("216-01-01T00:00:00Z", "year `216` has fewer than 4 digits");
    rejected("-216-01-01T00:00:00Z", "year `216` has fewer than 4 digits");
    rejected(
        "02016-01-01T00:00:00Z",
        "year `02016` has more than 4 digits and starts with 0",
    );
    rejected(
        "10000-01-01T00:00:00Z",
        "year 10000 is outside the supported range -9999 to 9999",
    );
    rejected(
        "-10000-01-01T00:00:00Z",
        "year -10000 is outside the supported range -9999 to 9999",
    );
    rejected(
        "123456789012345678901234567890-01-01T00:00:00Z",
        "year 123456789012345678901234567890 is outside the supported range",
    );
    rejected("+2016-01-01T00:00:00Z", "expected the year");
    rejected("--2016-01-01T00:00:00Z", "expected the year");
    // Non-ASCII digits (Arabic-Indic, full-width) are not digits here.
    rejected("٢٠١٦-01-01T00:00:00Z", "expected the year");
    rejected(
        "2016-٠1-01T00:00:00Z",
        "expected the 2-digit month at byte 5, found `٠`",
    );
    rejected("2016-01-01T00:00:00.１Z", "no digit after the `.`");
    rejected("2016-01-01T00:00:00.5１Z", "found `１`");
    rejected(
        "2016-01-01T00:00:00Z\u{feff}",
        "at byte 20 after the UTC offset",
    );
    rejected("2016-01-01T00:00:00\u{feff}Z", "at byte 19, found `");
    rejected("\"2016-01-01T00:00:00Z\"", "expected the year");
}

#[test]
fn boundaries() {
    round_trip("2023-06-30T23:59:59.999999999999Z");
    round_trip("2023-06-30T00:00:00.000000000000Z");
    round_trip("2023-06-30T12:00:00+23:59");
    round_trip("2023-06-30T12:00:00-23:59");
    round_trip("0000-01-01T00:00:00Z");
    round_trip("-0752-01-01T00:00:00Z");
    round_trip("9999-12-31T23:59:59Z");
    round_trip("-9999-01-01T00:00:00Z");
    let max = ok("2023-06-30T23:59:59.999999999999Z");
    assert_eq!(max.to_offset_date_time().nanosecond(), 999_999_999);
    assert_eq!(max.fraction_digits(), 12);
    assert_eq!(
        ok("2023-06-30T12:00:00-23:59")
            .to_offset_date_time()
            .offset()
            .whole_minutes(),
        -(23 * 60 + 59)
    );
}

#[test]
fn serde_json_round_trip() {
    let json = r#""2016-12-31T23:57:34.9044303+03:00""#;
    let value: DateTimeOffset = serde_json::from_str(json).unwrap();
    assert_eq!(value, ok("2016-12-31T23:57:34.9044303+03:00"));
    assert_eq!(serde_json::to_string(&value).unwrap(), json);

    // from an owned string (serde_json::Value) and from a borrowed one inside a struct
    let value: DateTimeOffset =
        serde_json::from_value(serde_json::json!("1969-07-20T20:17Z")).unwrap();
    assert_eq!(value.to_string(), "1969-07-20T20:17Z");
    let values: Vec<DateTimeOffset> =
        serde_json::from_str(r#"["2021-05-27T21:23:41.9085453Z", "2020-01-01T00:00-05:00"]"#)
            .unwrap();
    assert_eq!(
        serde_json::to_string(&values).unwrap(),
        r#"["2021-05-27T21:23:41.9085453Z","2020-01-01T00:00-05:00"]"#
    );
    // escaped JSON string (not borrowable)
    let value: DateTimeOffset =
        serde_json::from_str(r#""2021-05-27T21:23:41.9085453\u005A""#).unwrap();
    assert_eq!(value.to_string(), "2021-05-27T21:23:41.9085453Z");
}

#[test]
fn serde_json_errors() {
    let error = serde_json::from_str::<DateTimeOffset>(r#""2016-02-30T00:00:00Z""#)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains(
            "invalid Edm.DateTimeOffset `2016-02-30T00:00:00Z`: day 30 does not exist in February 2016"
        ),
        "{error}"
    );
    let error = serde_json::from_str::<DateTimeOffset>("12")
        .unwrap_err()
        .to_string();
    assert!(error.contains("invalid type: integer `12`"), "{error}");
    assert!(error.contains("an Edm.DateTimeOffset string"), "{error}");
    let error = serde_json::from_value::<DateTimeOffset>(serde_json::Value::Null)
        .unwrap_err()
        .to_string();
    assert!(error.contains("invalid type: null"), "{error}");
    let error = serde_json::from_value::<DateTimeOffset>(serde_json::json!("2016-01-01"))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("expected `T` between the date and the time"),
        "{error}"
    );
}

#[test]
fn odata_value_writes_a_json_string() {
    let mut out = Vec::new();
    ok("2016-12-31T23:57:34.9044303+03:00").write_json(&mut out);
    assert_eq!(out, br#""2016-12-31T23:57:34.9044303+03:00""#);
    assert!(!ok("2016-12-31T23:57:34Z").needs_unknown_enum_members());
}

#[test]
fn debug_and_display() {
    let value = ok("2016-12-31T23:57:34.9044303+03:00");
    assert_eq!(
        format!("{value:?}"),
        "DateTimeOffset(2016-12-31T23:57:34.9044303+03:00)"
    );
    assert_eq!(format!("{value}"), "2016-12-31T23:57:34.9044303+03:00");
    assert_eq!(
        format!("[{:>22}]", ok("1969-07-20T20:17Z")),
        "[     1969-07-20T20:17Z]"
    );
    let parsed: DateTimeOffset = "1969-07-20T20:17Z".parse().unwrap();
    assert_eq!(parsed, ok("1969-07-20T20:17Z"));
    assert!("1969-07-20T20:17".parse::<DateTimeOffset>().is_err());
}

#[test]
fn from_and_into_offset_date_time() {
    let cases = [
        (
            datetime!(2021-05-27 21:23:41.9085453 UTC),
            "2021-05-27T21:23:41.9085453Z",
        ),
        (
            datetime!(2016-12-31 23:57:34 +03:00),
            "2016-12-31T23:57:34+03:00",
        ),
        (
            datetime!(2020-01-01 0:00 -05:30),
            "2020-01-01T00:00:00-05:30",
        ),
        (
            datetime!(2020-01-01 0:00:00.1 UTC),
            "2020-01-01T00:00:00.1Z",
        ),
        (
            datetime!(2020-01-01 0:00:00.000000001 UTC),
            "2020-01-01T00:00:00.000000001Z",
        ),
        (
            datetime!(2020-01-01 0:00:00.12 +00:01),
            "2020-01-01T00:00:00.12+00:01",
        ),
        (datetime!(-0752-04-21 12:00 UTC), "-0752-04-21T12:00:00Z"),
        (
            datetime!(9999-12-31 23:59:59.999999999 -23:59),
            "9999-12-31T23:59:59.999999999-23:59",
        ),
    ];
    for (instant, text) in cases {
        let value = DateTimeOffset::from(instant);
        assert_eq!(value.to_string(), text);
        assert_eq!(value, ok(text));
        let back: OffsetDateTime = value.into();
        assert_eq!(back, instant);
        assert_eq!(back.offset(), instant.offset());
    }
    // Offsets Edm cannot write become UTC.
    let odd = datetime!(2020-01-01 12:00 +01:00:30);
    let value = DateTimeOffset::from(odd);
    assert_eq!(value.to_string(), "2020-01-01T10:59:30Z");
    assert_eq!(value.to_offset_date_time(), odd);
    let far = datetime!(2020-01-01 12:00 +25:00);
    let value = DateTimeOffset::from(far);
    assert_eq!(value.to_string(), "2019-12-31T11:00:00Z");
    assert_eq!(value.to_offset_date_time(), far);
    // ...unless UTC is out of range: keep the instant with a truncated offset if possible,
    let edge = datetime!(9999-12-31 23:59 -00:30:30);
    let value = DateTimeOffset::from(edge);
    assert_eq!(value.to_string(), "9999-12-31T23:59:30-00:30");
    assert_eq!(value.to_offset_date_time(), edge);
    // ...else the local date and time (never a panic).
    let edge = datetime!(9999-12-31 23:59:59 -25:59:59);
    assert_eq!(
        DateTimeOffset::from(edge).to_string(),
        "9999-12-31T23:59:59-23:59"
    );
    let edge = datetime!(-9999-01-01 0:00 +25:00);
    assert_eq!(
        DateTimeOffset::from(edge).to_string(),
        "-9999-01-01T00:00:00+23:59"
    );
}

use crate::test_rng::XorShift;

/// Parses `text`; a value must re-parse from its text to itself, and (for upper-case input)
/// be written exactly as `text`. Errors must format.
fn check(text: &str) -> bool {
    if let Some(fast) = parse_common(text.as_bytes()) {
        assert_eq!(
            Ok(fast),
            parse_full(text),
            "{text:?}: the fast path differs"
        );
    }
    match DateTimeOffset::parse(text) {
        Ok(value) => {
            let written = value.to_string();
            assert_eq!(DateTimeOffset::parse(&written), Ok(value), "{text:?}");
            if !text.contains(['t', 'z']) {
                assert_eq!(written, text);
            }
            let _ = value.to_offset_date_time();
            true
        }
        Err(error) => {
            assert!(!error.to_string().is_empty());
            false
        }
    }
}

#[test]
fn never_panics_and_round_trips_pseudo_random_input() {
    const ALPHABET: &[&str] = &[
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-", ":", "T", "t", "Z", "z", "+", ".",
        ",", " ", "é", "\u{feff}", "١", "9", "0", "5", "2", "\0",
    ];
    const SEEDS: &[&str] = &[
        "2016-12-31T23:57:34.9044303+03:00",
        "2021-05-27T21:23:41.9085453Z",
        "1969-07-20T20:17Z",
        "2020-01-01T00:00:00.000Z",
        "2020-01-01T00:00:00.123456789012+05:30",
        "-0752-02-29T23:59:59.999999999999-23:59",
        "9999-12-31T23:59:59Z",
        "2016-02-29T00:00-00:00",
    ];
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut accepted = 0;

    // random strings over a date-ish alphabet, and raw random bytes
    for round in 0..10_000 {
        let len = rng.below(45);
        let text: String = if round % 4 == 0 {
            let bytes: Vec<u8> = (0..len).map(|_| rng.next().to_le_bytes()[0]).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            (0..len)
                .map(|_| ALPHABET[rng.below(ALPHABET.len())])
                .collect()
        };
        if check(&text) {
            accepted += 1;
        }
    }

    // mutations of valid values
    for _ in 0..10_000 {
        let mut bytes = SEEDS[rng.below(SEEDS.len())].as_bytes().to_vec();
        for _ in 0..=rng.below(3) {
            let at = rng.below(bytes.len() + 1);
            let piece = ALPHABET[rng.below(ALPHABET.len())].as_bytes();
            match rng.below(6) {
                0 if at < bytes.len() => {
                    bytes.remove(at);
                }
                1 => bytes.splice(at..at, piece.iter().copied()).for_each(drop),
                2 if at < bytes.len() => {
                    let end = (at + piece.len()).min(bytes.len());
                    bytes.splice(at..end, piece.iter().copied()).for_each(drop);
                }
                3 => bytes.truncate(at),
                4 if at < bytes.len() => {
                    // change a digit into another digit (often still valid)
                    if bytes[at].is_ascii_digit() {
                        bytes[at] = b'0' + u8::try_from(rng.below(10)).unwrap();
                    }
                }
                _ => {
                    if at < bytes.len() {
                        bytes[at] = rng.next().to_le_bytes()[0];
                    }
                }
            }
        }
        if check(&String::from_utf8_lossy(&bytes)) {
            accepted += 1;
        }
    }
    // Some mutations stay valid, so the round-trip property is exercised on them too.
    assert!(accepted > 500, "only {accepted} accepted");
}

#[test]
fn pseudo_random_fields_match_an_independent_computation() {
    let mut rng = XorShift(0xD1B5_4A32_D192_ED03);
    let mut accepted = 0;
    for _ in 0..10_000 {
        // each field slightly beyond its valid range
        let year = i32::try_from(rng.below(20_001)).unwrap() - 10_000;
        let month = u8::try_from(rng.below(14)).unwrap();
        let day = u8::try_from(rng.below(33)).unwrap();
        let hour = u8::try_from(rng.below(25)).unwrap();
        let minute = u8::try_from(rng.below(61)).unwrap();
        let second = u8::try_from(rng.below(61)).unwrap();
        let with_seconds = rng.below(4) != 0;
        let digits = if with_seconds { rng.below(14) } else { 0 };
        let fraction: String = (0..digits)
            .map(|_| char::from(b'0' + u8::try_from(rng.below(10)).unwrap()))
            .collect();
        let offset_hour = u8::try_from(rng.below(25)).unwrap();
        let offset_minute = u8::try_from(rng.below(61)).unwrap();
        let offset_kind = rng.below(4);

        let sign = if year < 0 { "-" } else { "" };
        let mut text = format!(
            "{sign}{:04}-{month:02}-{day:02}T{hour:02}:{minute:02}",
            year.unsigned_abs()
        );
        if with_seconds {
            write!(text, ":{second:02}").unwrap();
            if digits > 0 {
                write!(text, ".{fraction}").unwrap();
            }
        }
        let offset_minutes = i32::from(offset_hour) * 60 + i32::from(offset_minute);
        let offset_minutes = match offset_kind {
            0 => {
                text.push('Z');
                0
            }
            1 => {
                write!(text, "+{offset_hour:02}:{offset_minute:02}").unwrap();
                offset_minutes
            }
            _ => {
                write!(text, "-{offset_hour:02}:{offset_minute:02}").unwrap();
                -offset_minutes
            }
        };

        let second = if with_seconds { second } else { 0 };
        let nanos: u32 = format!("{fraction:0<9}")[..9].parse().unwrap();
        let expected = Month::try_from(month)
            .ok()
            .filter(|_| year.abs() <= 9999)
            .and_then(|month| Date::from_calendar_date(year, month, day).ok())
            .filter(|_| hour <= 23 && minute <= 59 && second <= 59 && digits <= 12)
            .filter(|_| offset_kind == 0 || (offset_hour <= 23 && offset_minute <= 59))
            .and_then(|date| {
                let time = Time::from_hms_nano(hour, minute, second, nanos).ok()?;
                let offset = UtcOffset::from_whole_seconds(offset_minutes * 60).ok()?;
                Some(date.with_time(time).assume_offset(offset))
            });
        let parsed = DateTimeOffset::parse(&text);
        if let Some(fast) = parse_common(text.as_bytes()) {
            assert_eq!(Ok(fast), parse_full(&text), "{text}: the fast path differs");
        }
        match (&parsed, expected) {
            (Ok(value), Some(expected)) => {
                accepted += 1;
                let instant = value.to_offset_date_time();
                assert_eq!(instant, expected, "{text}");
                assert_eq!(instant.offset(), expected.offset(), "{text}");
                assert_eq!(usize::from(value.fraction_digits()), digits, "{text}");
                assert_eq!(value.to_string(), text);
            }
            (Err(_), None) => {}
            _ => panic!("{text}: parsed {parsed:?}, expected {expected:?}"),
        }
    }
    assert!(accepted > 2_000, "only {accepted} accepted");
}

#[test]
fn the_fast_path_reads_what_services_send_and_leaves_the_rest() {
    for text in [
        "2016-12-31T23:57:34.9044303+03:00",
        "2021-05-27T21:23:41Z",
        "2020-01-01t00:00:00.123456789012z",
        "0000-02-29T00:00:00.5-00:00",
    ] {
        let fast = parse_common(text.as_bytes()).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(Ok(fast), parse_full(text), "{text}");
    }
    for text in [
        "1969-07-20T20:17Z",
        "-0752-02-29T23:59:59Z",
        "2016-12-31T23:59:60Z",
        "2016-12-31T23:59:59.Z",
        "2016-12-31T23:59:59.1234567890123Z",
        "2016-02-30T00:00:00Z",
        "2016-12-31T23:59:59+24:00",
        "2016-12-31T23:59:59",
        "2016-12-31T23:59:59Z ",
    ] {
        assert_eq!(parse_common(text.as_bytes()), None, "{text}");
    }
}

#[test]
fn the_fast_path_refuses_any_other_byte_where_a_digit_or_separator_is_expected() {
    // every byte value at every position of `yyyy-mm-ddThh:mm:ss`: the fast path reads a value
    // only where the byte is one the shape allows there, and then the same value as the full
    // reader (non-ASCII bytes and the neighbours of the digits and separators included)
    let text = *b"2016-12-31T23:57:34.9044303+03:00";
    for at in 0..19 {
        for byte in 0..=255_u8 {
            let mut changed = text;
            changed[at] = byte;
            let allowed = match at {
                4 | 7 => byte == b'-',
                10 => byte == b'T' || byte == b't',
                13 | 16 => byte == b':',
                _ => byte.is_ascii_digit(),
            };
            match parse_common(&changed) {
                Some(fast) => {
                    assert!(allowed, "{at}: {byte:#04x}");
                    let text = std::str::from_utf8(&changed).unwrap();
                    assert_eq!(Ok(fast), parse_full(text), "{text}");
                }
                // a digit may still make an impossible date or time (month 19, hour 33)
                None => assert!(
                    !allowed || std::str::from_utf8(&changed).is_ok_and(|t| parse_full(t).is_err()),
                    "{at}: {byte:#04x}"
                ),
            }
        }
    }
}

#[test]
fn every_valid_digit_combination_in_fields() {
    // Exhaustive over hours, minutes and offsets in one go: every valid one round-trips.
    for hour in 0..24 {
        for minute in (0..60).step_by(7) {
            for offset_hour in (0..24).step_by(5) {
                let text =
                    format!("2020-03-04T{hour:02}:{minute:02}:30.25-{offset_hour:02}:{minute:02}");
                round_trip(&text);
            }
        }
    }
    for month in 1..=12_u8 {
        for day in 1..=31_u8 {
            let text = format!("2023-{month:02}-{day:02}T00:00Z");
            let month = Month::try_from(month).unwrap();
            let valid = Date::from_calendar_date(2023, month, day).is_ok();
            assert_eq!(DateTimeOffset::parse(&text).is_ok(), valid, "{text}");
        }
    }
}
