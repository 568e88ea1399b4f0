//! Property tests: random valid texts are written back byte for byte (text → value → text), and
//! random values come back from their JSON (value → JSON → value); random text never panics.

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use base64::Engine as _;
use proptest::prelude::*;
use time::Duration as Length;

use super::super::{Binary, Date, Decimal, Double, Duration, Guid, Int64, Single, TimeOfDay};
use super::support::{json_string, ok, Edm};

/// Asserts that `text` reads as a `T` that is written back as `text`, and that the value comes
/// back from its JSON.
fn exact<T: Edm>(text: &str) -> Result<T, TestCaseError> {
    let value: T = text
        .parse()
        .map_err(|error| TestCaseError::fail(format!("{error}")))?;
    prop_assert_eq!(value.to_string(), text);
    json_round_trip(&value)?;
    Ok(value)
}

/// Asserts that `value` comes back from its JSON.
fn json_round_trip<T: Edm>(value: &T) -> Result<(), TestCaseError> {
    let json = serde_json::to_string(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let back: T = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, value);
    Ok(())
}

/// A year as `Edm.Date` writes it: four digits, optionally after `-`.
fn year() -> impl Strategy<Value = String> {
    (any::<bool>(), 0..=9999_i32)
        .prop_map(|(minus, year)| format!("{}{year:04}", if minus { "-" } else { "" }))
}

/// `.` and 1 to 12 digits, or nothing.
fn fraction() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[0-9]{1,12}".prop_map(|d| format!(".{d}"))
    ]
}

/// A valid `Edm.TimeOfDay` text.
fn time_of_day() -> impl Strategy<Value = String> {
    let seconds = prop_oneof![
        Just(String::new()),
        (0..60_u8, fraction()).prop_map(|(s, f)| format!(":{s:02}{f}")),
    ];
    (0..24_u8, 0..60_u8, seconds).prop_map(|(h, m, s)| format!("{h:02}:{m:02}{s}"))
}

/// A valid `Edm.Duration` text (within range) and its length in nanoseconds.
fn duration() -> impl Strategy<Value = (String, i128)> {
    let part = |unit: &'static str, max: u64| {
        prop::option::of((0..=max, 0..3_usize)).prop_map(move |part| {
            part.map(|(n, zeros)| (format!("{}{n}{unit}", "0".repeat(zeros)), i128::from(n)))
        })
    };
    let seconds = prop::option::of((0..=1_000_000_u64, "[0-9]{0,12}"));
    let sign = prop_oneof![Just(""), Just("-"), Just("+")];
    (
        sign,
        part("D", 100_000_000),
        part("H", 1_000_000),
        part("M", 1_000_000),
        seconds,
        any::<bool>(),
    )
        .prop_filter_map("a duration has a part", |(sign, d, h, m, s, lower)| {
            let s = s.map(|(n, digits)| {
                let text = if digits.is_empty() {
                    format!("{n}S")
                } else {
                    format!("{n}.{digits}S")
                };
                let nanos: String = digits.chars().chain("000000000".chars()).take(9).collect();
                (
                    text,
                    i128::from(n) * 1_000_000_000 + nanos.parse::<i128>().unwrap_or(0),
                )
            });
            let mut text = format!("{sign}P");
            let mut nanos = 0;
            if let Some((part, n)) = &d {
                text += part;
                nanos += n * 86_400_000_000_000;
            }
            let time = [(h, 3_600_000_000_000), (m, 60_000_000_000)]
                .into_iter()
                .filter_map(|(part, unit)| part.map(|(t, n)| (t, n * unit)))
                .chain(s);
            let mut any_time = false;
            for (part, n) in time {
                if !any_time {
                    text.push('T');
                    any_time = true;
                }
                text += &part;
                nanos += n;
            }
            if d.is_none() && !any_time {
                return None;
            }
            let text = if lower { text.to_lowercase() } else { text };
            Some((text, if sign == "-" { -nanos } else { nanos }))
        })
}

/// A JSON number's text.
fn json_number() -> impl Strategy<Value = String> {
    let integer = prop_oneof![Just("0".to_owned()), "[1-9][0-9]{0,40}"];
    let fraction = prop_oneof![
        Just(String::new()),
        "[0-9]{1,30}".prop_map(|d| format!(".{d}"))
    ];
    let exponent = prop_oneof![Just(String::new()), "[eE][+-]?[0-9]{1,3}"];
    (any::<bool>(), integer, fraction, exponent)
        .prop_map(|(minus, i, f, e)| format!("{}{i}{f}{e}", if minus { "-" } else { "" }))
}

proptest! {
    #[test]
    fn dates_are_written_back_exactly(year in year(), month in 1..=12_u8, day in 1..=31_u8) {
        let text = format!("{year}-{month:02}-{day:02}");
        let year_value: i32 = year.parse().unwrap_or(0);
        let month_value = time::Month::try_from(month).unwrap_or(time::Month::January);
        match time::Date::from_calendar_date(year_value, month_value, day) {
            Ok(day) => prop_assert_eq!(exact::<Date>(&text)?.to_date(), day),
            Err(_) => prop_assert!(Date::parse(&text).is_err()),
        }
    }

    #[test]
    fn dates_from_time_come_back(
        julian in time::Date::MIN.to_julian_day()..=time::Date::MAX.to_julian_day()
    ) {
        let day = time::Date::from_julian_day(julian).unwrap_or(time::Date::MIN);
        let value = Date::from(day);
        prop_assert_eq!(exact::<Date>(&value.to_string())?, value);
    }

    #[test]
    fn times_of_day_are_written_back_exactly(text in time_of_day()) {
        exact::<TimeOfDay>(&text)?;
    }

    #[test]
    fn times_from_time_come_back(nanos in 0..86_400_000_000_000_u64) {
        let time = time::Time::MIDNIGHT + Length::nanoseconds(i64::try_from(nanos).unwrap_or(0));
        let value = TimeOfDay::from(time);
        prop_assert_eq!(exact::<TimeOfDay>(&value.to_string())?.to_time(), time);
    }

    #[test]
    fn durations_are_written_back_exactly((text, nanos) in duration()) {
        let value = exact::<Duration>(&text)?;
        prop_assert_eq!(value.to_time_duration().whole_nanoseconds(), nanos);
    }

    #[test]
    fn durations_from_time_come_back(seconds in any::<i64>(), nanos in 0..1_000_000_000_i32) {
        let length = Length::new(seconds, if seconds < 0 { -nanos } else { nanos });
        let value = Duration::from(length);
        prop_assert_eq!(exact::<Duration>(value.as_str())?.to_time_duration(), length);
    }

    #[test]
    fn guids_are_written_back_exactly(value in any::<u128>(), upper in any::<u128>()) {
        let text = uuid::Uuid::from_u128(value).hyphenated().to_string();
        let guid = exact::<Guid>(&text)?;
        prop_assert_eq!(guid.to_uuid().as_u128(), value);
        // any mix of cases reads as the same value
        let mixed: String = text
            .chars()
            .enumerate()
            .map(|(i, c)| if upper >> (i % 128) & 1 == 1 { c.to_ascii_uppercase() } else { c })
            .collect();
        prop_assert_eq!(ok::<Guid>(&mixed), guid);
    }

    #[test]
    fn binaries_are_written_back_exactly(bytes in prop::collection::vec(any::<u8>(), 0..100)) {
        let value = exact::<Binary>(&STANDARD.encode(&bytes))?;
        prop_assert_eq!(value.as_bytes(), bytes.as_slice());
        for engine in [&STANDARD_NO_PAD, &URL_SAFE, &URL_SAFE_NO_PAD] {
            prop_assert_eq!(ok::<Binary>(&engine.encode(&bytes)), value.clone());
        }
    }

    #[test]
    fn decimals_are_written_back_exactly(text in json_number()) {
        exact::<Decimal>(&text)?;
        prop_assert_eq!(serde_json::to_string(&ok::<Decimal>(&text)).ok(), Some(text.clone()));
        let from_string: Decimal = serde_json::from_str(&json_string(&text))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(from_string.as_str(), text.as_str());
    }

    #[test]
    fn int64s_are_written_back_exactly(value in any::<i64>()) {
        let text = value.to_string();
        prop_assert_eq!(exact::<Int64>(&text)?, Int64(value));
        let from_string: Int64 = serde_json::from_str(&json_string(&text))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(from_string, Int64(value));
    }

    #[test]
    fn doubles_come_back_from_their_text_and_json(bits in any::<u64>()) {
        let value = Double(f64::from_bits(bits));
        let back = exact::<Double>(&value.to_string())?;
        prop_assert!(back == value && (value.0.is_nan() || back.0.to_bits() == bits));
    }

    #[test]
    fn singles_come_back_from_their_text_and_json(bits in any::<u32>()) {
        let value = Single(f32::from_bits(bits));
        let back = exact::<Single>(&value.to_string())?;
        prop_assert!(back == value && (value.0.is_nan() || back.0.to_bits() == bits));
    }

    #[test]
    fn random_text_never_panics(text in "[-+0-9a-fA-FPTDHMSZ:._=/ ]{0,40}|\\PC{0,20}") {
        let _ = Date::parse(&text);
        let _ = TimeOfDay::parse(&text);
        let _ = Duration::parse(&text);
        let _ = Guid::parse(&text);
        let _ = Binary::parse(&text);
        let _ = Decimal::parse(&text);
        let _ = Int64::parse(&text);
        let _ = Double::parse(&text);
        let _ = Single::parse(&text);
    }
}
