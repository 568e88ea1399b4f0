//! [`DateTimeParseError`]: why a text is not an `Edm.DateTimeOffset`, quoting it and naming the
//! first problem.

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
pub(super) enum ErrorKind {
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
    /// Something (`found`, at byte `at`) follows the offset.
    Trailing {
        at: usize,
        found: char,
    },
}

impl fmt::Display for DateTimeParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let input = &*self.input;
        let part = |start: usize, end: usize| input.get(start..end).unwrap_or_default();
        // a hostile value can be megabytes long: quote its start only
        let shown: String = input.chars().take(QUOTED_CHARS).collect();
        let more = if shown.len() < input.len() { "…" } else { "" };
        write!(
            f,
            "invalid Edm.DateTimeOffset `{}{more}`: ",
            shown.escape_debug()
        )?;
        match &self.kind {
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
            ErrorKind::Trailing { at, found } => write!(
                f,
                "unexpected `{}` at byte {at} after the UTC offset (nothing may follow it)",
                found.escape_debug()
            ),
        }
    }
}

impl std::error::Error for DateTimeParseError {}
