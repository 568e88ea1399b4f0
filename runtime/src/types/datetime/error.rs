//! [`DateTimeParseError`]: why a text is not an `Edm.DateTimeOffset`, quoting it and naming the
//! first problem. The problems of its date and time grammar, and the way a bad value is quoted,
//! are shared with the other Edm primitive types (`types::edm`).

use std::fmt;

use time::Month;

/// Why a text is not a valid `Edm.DateTimeOffset`; its [`Display`](fmt::Display) text quotes the
/// input and names the first problem.
///
/// ```
/// use odata_resource_runtime::DateTimeOffset;
///
/// let error = DateTimeOffset::parse("2017-04-24T22:40:44.5665917").unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "invalid Edm.DateTimeOffset `2017-04-24T22:40:44.5665917`: missing the UTC offset \
///      (`Z` or `±hh:mm`); a value without offset is never read as local time",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateTimeParseError {
    pub(super) input: Box<str>,
    pub(super) kind: ErrorKind,
}

/// How much of a bad value an error message quotes.
const QUOTED_CHARS: usize = 64;

/// The problem a [`DateTimeParseError`] names. Byte ranges and positions index the input and
/// always fall on character boundaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    /// `what` was expected at byte `at`; `found` is the character there (`None`: end of text).
    Expected {
        what: &'static str,
        at: usize,
        found: Option<char>,
    },
    /// The text starts with U+FEFF.
    ByteOrderMark,
    /// The year digits `start..end` are fewer than 4.
    YearTooShort {
        start: usize,
        end: usize,
    },
    /// The year digits `start..end` are more than 4 and start with `0`.
    YearLeadingZero {
        start: usize,
        end: usize,
    },
    /// The year `start..end` (with its sign) is outside -9999..=9999.
    YearOutOfRange {
        start: usize,
        end: usize,
    },
    MonthOutOfRange(u8),
    /// The day does not exist in the month of the year written at `year_start..year_end`.
    DayNotInMonth {
        day: u8,
        month: Month,
        year_start: usize,
        year_end: usize,
    },
    HourOutOfRange(u8),
    MinuteOutOfRange(u8),
    LeapSecond,
    SecondOutOfRange(u8),
    CommaFraction,
    EmptyFraction,
    TooManyFractionDigits(usize),
    MissingOffset,
    OffsetHourOutOfRange(u8),
    OffsetMinuteOutOfRange(u8),
    /// Something (`found`, at byte `at`) follows the end of the value, `after` (the UTC offset,
    /// a date, …).
    Trailing {
        at: usize,
        found: char,
        after: &'static str,
    },
}

impl fmt::Display for DateTimeParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_invalid(f, "Edm.DateTimeOffset", &self.input)?;
        self.kind.describe(&self.input, f)
    }
}

/// Writes "invalid `edm` `input`: ", quoting the start of a long input only (a hostile value can
/// be megabytes long).
pub(crate) fn write_invalid(f: &mut fmt::Formatter<'_>, edm: &str, input: &str) -> fmt::Result {
    let shown: String = input.chars().take(QUOTED_CHARS).collect();
    let more = if shown.len() < input.len() { "…" } else { "" };
    write!(f, "invalid {edm} `{}{more}`: ", shown.escape_debug())
}

impl ErrorKind {
    /// Names the problem; `input` is the text it was found in.
    pub(crate) fn describe(&self, input: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let part = |start: usize, end: usize| input.get(start..end).unwrap_or_default();
        match self {
            ErrorKind::Expected { what, at, found } => {
                write!(f, "expected {what} at byte {at}, found ")?;
                match found {
                    Some(c) => write!(f, "`{}`", c.escape_debug()),
                    None => f.write_str("the end of the text"),
                }
            }
            ErrorKind::ByteOrderMark => f.write_str("starts with a byte-order mark (U+FEFF)"),
            ErrorKind::YearTooShort { start, end } => {
                write!(f, "year `{}` has fewer than 4 digits", part(*start, *end))
            }
            ErrorKind::YearLeadingZero { start, end } => write!(
                f,
                "year `{}` has more than 4 digits and starts with 0",
                part(*start, *end)
            ),
            ErrorKind::YearOutOfRange { start, end } => write!(
                f,
                "year {} is outside the supported range -9999 to 9999",
                part(*start, *end)
            ),
            ErrorKind::MonthOutOfRange(month) => write!(f, "month {month:02} (01 to 12)"),
            ErrorKind::DayNotInMonth {
                day,
                month,
                year_start,
                year_end,
            } => write!(
                f,
                "day {day:02} does not exist in {month} {}",
                part(*year_start, *year_end)
            ),
            ErrorKind::HourOutOfRange(hour) => write!(f, "hour {hour:02} (at most 23)"),
            ErrorKind::MinuteOutOfRange(minute) => write!(f, "minute {minute:02} (at most 59)"),
            ErrorKind::LeapSecond => f.write_str("second 60 (leap seconds are not supported)"),
            ErrorKind::SecondOutOfRange(second) => write!(f, "second {second:02} (at most 59)"),
            ErrorKind::CommaFraction => {
                f.write_str("`,` before the fraction of a second (only `.` is allowed)")
            }
            ErrorKind::EmptyFraction => {
                f.write_str("no digit after the `.` (a fraction has 1 to 12 digits)")
            }
            ErrorKind::TooManyFractionDigits(digits) => {
                write!(f, "{digits} fraction digits (at most 12)")
            }
            ErrorKind::MissingOffset => f.write_str(
                "missing the UTC offset (`Z` or `±hh:mm`); a value without offset is never read \
                 as local time",
            ),
            ErrorKind::OffsetHourOutOfRange(hour) => {
                write!(f, "offset hour {hour:02} (at most 23)")
            }
            ErrorKind::OffsetMinuteOutOfRange(minute) => {
                write!(f, "offset minute {minute:02} (at most 59)")
            }
            ErrorKind::Trailing { at, found, after } => write!(
                f,
                "unexpected `{}` at byte {at} after {after} (nothing may follow it)",
                found.escape_debug()
            ),
        }
    }
}

impl std::error::Error for DateTimeParseError {}
