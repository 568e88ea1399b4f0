//! [`DateTimeOffset`]: an `Edm.DateTimeOffset` value, read strictly and written back exactly as
//! it was read.
//!
//! ```
//! use odata_resource_runtime::DateTimeOffset;
//!
//! let created: DateTimeOffset = "2021-05-27T21:23:41.9085453Z".parse()?;
//! assert_eq!(created.to_string(), "2021-05-27T21:23:41.9085453Z");
//! assert_eq!(created.to_offset_date_time().unix_timestamp(), 1_622_150_621);
//! # Ok::<(), odata_resource_runtime::DateTimeParseError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use time::{Date, Month, OffsetDateTime, Time, UtcOffset};

use crate::ODataValue;

/// An `Edm.DateTimeOffset` value: an instant with the UTC offset it was written in, e.g.
/// `2016-12-31T23:57:34.9044303+03:00`.
///
/// # Text form
///
/// [`parse`](Self::parse) accepts exactly the `OData` ABNF `dateTimeOffsetValue`:
/// `year "-" month "-" day "T" hour ":" minute [ ":" second [ "." 1*12DIGIT ] ]
/// ( "Z" / ( "+" / "-" ) hour ":" minute )`, where the year is 4 digits (or more digits without
/// a leading zero) optionally preceded by `-`, and `T` and `Z` may be lower case. A value
/// without a UTC offset is rejected (it is never read as local time), and so are leap seconds,
/// more than 12 fraction digits, surrounding whitespace and anything else outside the grammar.
/// Years are limited to `-9999` through `9999` (the range of [`time`]).
///
/// The value remembers how it was written (number of fraction digits, whether seconds were
/// written, `Z` or a numeric offset, even `-00:00` and the year `-0000`), so
/// [`Display`](fmt::Display), [`write_to`](Self::write_to) and [`Serialize`] reproduce every valid
/// input byte for byte, except that a lower-case `t` or `z` is written in upper case. Fraction
/// digits beyond the ninth (below a nanosecond) are kept for that purpose, but the instant
/// ([`to_offset_date_time`](Self::to_offset_date_time)) has nanosecond precision.
///
/// # Equality
///
/// `==` and [`Hash`] are *representational*: two values are equal when they have the same
/// local date and time, the same offset and were written the same way. So
/// `2020-01-01T00:00:00Z`, `2020-01-01T00:00:00.000Z` and `2020-01-01T01:00:00+01:00` are three
/// different values although they denote the same instant. Compare
/// [`to_offset_date_time`](Self::to_offset_date_time) results to compare or order instants.
///
/// ```
/// use odata_resource_runtime::DateTimeOffset;
///
/// let a = DateTimeOffset::parse("2020-01-01T00:00:00Z")?;
/// let b = DateTimeOffset::parse("2020-01-01T01:00:00.000+01:00")?;
/// assert_ne!(a, b);
/// assert_eq!(a.to_offset_date_time(), b.to_offset_date_time());
///
/// // Graph's 7 fraction digits survive a round trip.
/// let json = r#""2016-12-31T23:57:34.9044303+03:00""#;
/// let value: DateTimeOffset = serde_json::from_str(json)?;
/// assert_eq!(value.fraction_digits(), 7);
/// assert_eq!(serde_json::to_string(&value)?, json);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateTimeOffset {
    /// The local date (in `offset`).
    date: Date,
    /// The local time of day (in `offset`), nanosecond precision.
    time: Time,
    /// The UTC offset; always whole minutes within ±23:59.
    offset: UtcOffset,
    /// Fraction digits 10 to 12 as written, as a 3-digit number padded with zeros on the right
    /// (`0..=999`; 0 when at most 9 digits were written).
    sub_nanos: u16,
    /// Number of fraction digits written, `0..=12`.
    fraction_digits: u8,
    /// Whether `:ss` was written (if not, seconds and fraction are zero).
    seconds_written: bool,
    /// How the offset was written.
    offset_style: OffsetStyle,
    /// Whether the year was written `-0000`.
    negative_zero_year: bool,
}

/// How the UTC offset was written.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum OffsetStyle {
    /// `Z` (offset zero).
    Z,
    /// `+hh:mm` or `-hh:mm` with the sign of the offset (`+00:00` for zero).
    Numeric,
    /// `-00:00`.
    NegativeZero,
}

impl DateTimeOffset {
    /// Parses an `Edm.DateTimeOffset` literal (without JSON quotes), such as
    /// `2021-05-27T21:23:41.9085453Z`, `1969-07-20T20:17Z` or `2016-12-31T23:57:34+03:00`.
    ///
    /// Parsing does not allocate unless it fails.
    ///
    /// # Errors
    ///
    /// A [`DateTimeParseError`] naming the first problem when `text` is not a valid
    /// `Edm.DateTimeOffset` within the years `-9999` to `9999` (see the
    /// [type documentation](DateTimeOffset)).
    ///
    /// ```
    /// use odata_resource_runtime::DateTimeOffset;
    ///
    /// let landing = DateTimeOffset::parse("1969-07-20T20:17Z")?;
    /// assert_eq!(landing.to_offset_date_time().minute(), 17);
    ///
    /// let error = DateTimeOffset::parse("2016-02-30T00:00:00Z").unwrap_err();
    /// assert_eq!(
    ///     error.to_string(),
    ///     "invalid Edm.DateTimeOffset `2016-02-30T00:00:00Z`: day 30 does not exist in February 2016",
    /// );
    /// assert!(DateTimeOffset::parse("2017-04-24T22:40:44.5665917").is_err()); // no offset
    /// # Ok::<(), odata_resource_runtime::DateTimeParseError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, DateTimeParseError> {
        parse_value(text).map_err(|kind| DateTimeParseError {
            input: text.into(),
            kind,
        })
    }

    /// The instant, with the offset it was written in and nanosecond precision (fraction digits
    /// beyond the ninth are dropped). Compare these to compare instants.
    ///
    /// ```
    /// use odata_resource_runtime::DateTimeOffset;
    /// use time::macros::datetime;
    ///
    /// let value = DateTimeOffset::parse("2016-12-31T23:57:34.9044303+03:00")?;
    /// assert_eq!(value.to_offset_date_time(), datetime!(2016-12-31 20:57:34.9044303 UTC));
    /// assert_eq!(value.to_offset_date_time().offset().whole_hours(), 3);
    ///
    /// let earlier = DateTimeOffset::parse("2016-12-31T21:00:00Z")?;
    /// assert!(value.to_offset_date_time() < earlier.to_offset_date_time());
    /// # Ok::<(), odata_resource_runtime::DateTimeParseError>(())
    /// ```
    #[must_use]
    pub fn to_offset_date_time(&self) -> OffsetDateTime {
        self.date.with_time(self.time).assume_offset(self.offset)
    }

    /// The number of fraction digits the value is written with, `0..=12`.
    ///
    /// ```
    /// use odata_resource_runtime::DateTimeOffset;
    ///
    /// assert_eq!(DateTimeOffset::parse("2021-05-27T21:23:41.9085453Z")?.fraction_digits(), 7);
    /// assert_eq!(DateTimeOffset::parse("2020-01-01T00:00:00.000Z")?.fraction_digits(), 3);
    /// assert_eq!(DateTimeOffset::parse("1969-07-20T20:17Z")?.fraction_digits(), 0);
    /// # Ok::<(), odata_resource_runtime::DateTimeParseError>(())
    /// ```
    #[must_use]
    pub fn fraction_digits(&self) -> u8 {
        self.fraction_digits
    }

    /// Appends the text form (the [`Display`](fmt::Display) text, without quotes) to `out`.
    ///
    /// ```
    /// use odata_resource_runtime::DateTimeOffset;
    ///
    /// let mut out = b"at ".to_vec();
    /// DateTimeOffset::parse("2020-01-01T00:00:00.123456789012+05:30")?.write_to(&mut out);
    /// assert_eq!(out, b"at 2020-01-01T00:00:00.123456789012+05:30");
    /// # Ok::<(), odata_resource_runtime::DateTimeParseError>(())
    /// ```
    pub fn write_to(&self, out: &mut Vec<u8>) {
        self.write_text(out, false);
    }

    /// Appends the text form, between quotes if `quoted` (JSON), written in place: room for
    /// the longest form (filled with `"`, so the opening quote is there), the text over it, the
    /// closing quote after the text (the encoder may have written past it), then cut.
    #[inline]
    fn write_text(&self, out: &mut Vec<u8>, quoted: bool) {
        let at = out.len();
        let quotes = usize::from(quoted);
        out.resize(at + MAX_LEN + 2 * quotes, b'"');
        let text = out
            .get_mut(at + quotes..)
            .and_then(|rest| rest.first_chunk_mut::<MAX_LEN>());
        let len = text.map_or(0, |text| self.encode_into(text));
        if let Some(close) = out.get_mut(at + quotes + len).filter(|_| quoted) {
            *close = b'"';
        }
        out.truncate(at + len + 2 * quotes);
    }

    /// The text form in a stack buffer: fixed positions and a two-digit table, no loop over
    /// the digits of the date and time (writing a date is a tenth of writing a PATCH body).
    fn encode(&self) -> Encoded {
        let mut buf = Encoded {
            bytes: [0; MAX_LEN],
            len: 0,
        };
        buf.len = self.encode_into(&mut buf.bytes);
        buf
    }

    /// Writes the text form at the start of `b`; returns its length. Bytes after it may have
    /// been written too (the fraction's digits are written nine at a time).
    #[inline]
    fn encode_into(&self, b: &mut [u8; MAX_LEN]) -> usize {
        // one calendar computation rather than one each for the month and the day
        let (year, month, day) = self.date.to_calendar_date();
        let (hour, minute, second) = self.time.as_hms();
        let mut at = 0;
        if year < 0 || self.negative_zero_year {
            b[0] = b'-';
            at = 1;
        }
        // `time` keeps years within ±9999: four digits
        let year = year.unsigned_abs();
        put_two(b, at, (year / 100) as u8);
        put_two(b, at + 2, (year % 100) as u8);
        b[at + 4] = b'-';
        put_two(b, at + 5, u8::from(month));
        b[at + 7] = b'-';
        put_two(b, at + 8, day);
        b[at + 10] = b'T';
        put_two(b, at + 11, hour);
        b[at + 13] = b':';
        put_two(b, at + 14, minute);
        at += 16;
        if self.seconds_written {
            b[at] = b':';
            put_two(b, at + 1, second);
            at += 3;
            if self.fraction_digits > 0 {
                b[at] = b'.';
                at += 1;
                // all 9 nanosecond digits (a fixed count: no loop, no division by a power of
                // ten), of which the first `shown` stay; what follows writes over the rest
                let shown = usize::from(self.fraction_digits.min(9));
                put_digits(&mut b[at..at + 9], self.time.nanosecond());
                at += shown;
                if self.fraction_digits > 9 {
                    // digits 10 to 12, the same way
                    put_digits(&mut b[at..at + 3], u32::from(self.sub_nanos));
                    at += usize::from(self.fraction_digits - 9);
                }
            }
        }
        match self.offset_style {
            OffsetStyle::Z => {
                b[at] = b'Z';
                at += 1;
            }
            OffsetStyle::Numeric | OffsetStyle::NegativeZero => {
                let negative =
                    self.offset_style == OffsetStyle::NegativeZero || self.offset.is_negative();
                b[at] = if negative { b'-' } else { b'+' };
                put_two(b, at + 1, self.offset.whole_hours().unsigned_abs());
                b[at + 3] = b':';
                put_two(b, at + 4, self.offset.minutes_past_hour().unsigned_abs());
                at += 6;
            }
        }
        at
    }
}

/// `"00010203…99"`: the two digits of every number below 100.
const PAIRS: [u8; 200] = {
    let mut pairs = [0u8; 200];
    let mut i = 0;
    while i < 100 {
        pairs[2 * i] = b'0' + (i / 10) as u8;
        pairs[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    pairs
};

/// Writes `value % 100` as two digits at `at`.
#[inline]
fn put_two(b: &mut [u8; MAX_LEN], at: usize, value: u8) {
    let i = usize::from(value % 100) * 2;
    b[at] = PAIRS[i];
    b[at + 1] = PAIRS[i + 1];
}

/// Fills `slots` with the last `slots.len()` decimal digits of `value`, leading zeros included;
/// two at a time, right to left.
#[inline]
fn put_digits(slots: &mut [u8], mut value: u32) {
    let mut end = slots.len();
    while end >= 2 {
        let i = (value % 100) as usize * 2;
        slots[end - 2] = PAIRS[i];
        slots[end - 1] = PAIRS[i + 1];
        value /= 100;
        end -= 2;
    }
    if end == 1 {
        slots[0] = b'0' + (value % 10) as u8;
    }
}

/// `10^n` for `n` in `0..=9`.
const POW10: [u32; 10] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
];

/// The longest text form: `-9999-12-31T23:59:59.999999999999+23:59`.
const MAX_LEN: usize = 39;

/// A text form written into a stack buffer (ASCII only).
struct Encoded {
    bytes: [u8; MAX_LEN],
    len: usize,
}

impl Encoded {
    fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }

    fn as_str(&self) -> &str {
        // Only ASCII is ever written, so this never falls back.
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}

impl fmt::Display for DateTimeOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.encode().as_str())
    }
}

impl fmt::Debug for DateTimeOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DateTimeOffset({})", self.encode().as_str())
    }
}

impl FromStr for DateTimeOffset {
    type Err = DateTimeParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

impl From<OffsetDateTime> for DateTimeOffset {
    /// Writes the offset as `Z` when it is UTC and numerically otherwise, always writes
    /// seconds, and writes the fewest fraction digits (0 to 9) that represent the nanoseconds
    /// exactly.
    ///
    /// An offset that `Edm.DateTimeOffset` cannot express (one with seconds, or beyond ±23:59,
    /// both allowed by [`UtcOffset`]) is replaced by UTC. Only if the instant in UTC falls outside
    /// the years ±9999 is the offset instead truncated to whole minutes within ±23:59, keeping
    /// the instant if possible and otherwise the local date and time.
    fn from(value: OffsetDateTime) -> Self {
        let value = writable(value);
        let offset = value.offset();
        Self {
            date: value.date(),
            time: value.time(),
            offset,
            sub_nanos: 0,
            fraction_digits: fewest_fraction_digits(value.nanosecond()),
            seconds_written: true,
            offset_style: if offset.is_utc() {
                OffsetStyle::Z
            } else {
                OffsetStyle::Numeric
            },
            negative_zero_year: false,
        }
    }
}

/// `value` with an offset `Edm.DateTimeOffset` can write (see `From<OffsetDateTime>`).
fn writable(value: OffsetDateTime) -> OffsetDateTime {
    let offset = value.offset();
    if offset.seconds_past_minute() == 0 && offset.whole_hours().unsigned_abs() <= 23 {
        return value;
    }
    if let Some(utc) = value.checked_to_offset(UtcOffset::UTC) {
        return utc;
    }
    let (hours, minutes) = if offset.whole_hours().unsigned_abs() > 23 {
        (23, 59)
    } else {
        (
            offset.whole_hours().unsigned_abs(),
            offset.minutes_past_hour().unsigned_abs(),
        )
    };
    let truncated = signed_offset(offset.is_negative(), hours, minutes);
    value.checked_to_offset(truncated).unwrap_or_else(|| {
        value
            .date()
            .with_time(value.time())
            .assume_offset(truncated)
    })
}

/// The offset `±hours:minutes` (`hours <= 23`, `minutes <= 59`), UTC if out of range.
fn signed_offset(negative: bool, hours: u8, minutes: u8) -> UtcOffset {
    let hours = i8::try_from(hours).unwrap_or(0);
    let minutes = i8::try_from(minutes).unwrap_or(0);
    let (hours, minutes) = if negative {
        (-hours, -minutes)
    } else {
        (hours, minutes)
    };
    UtcOffset::from_hms(hours, minutes, 0).unwrap_or(UtcOffset::UTC)
}

/// The fewest fraction digits (0 to 9) that represent `nanos` exactly.
fn fewest_fraction_digits(nanos: u32) -> u8 {
    if nanos == 0 {
        return 0;
    }
    let mut digits = 9;
    let mut rest = nanos;
    while rest % 10 == 0 {
        rest /= 10;
        digits -= 1;
    }
    digits
}

impl From<DateTimeOffset> for OffsetDateTime {
    fn from(value: DateTimeOffset) -> Self {
        value.to_offset_date_time()
    }
}

impl Serialize for DateTimeOffset {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.encode().as_str())
    }
}

impl<'de> Deserialize<'de> for DateTimeOffset {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(DateTimeOffsetVisitor)
    }
}

/// Reads a [`DateTimeOffset`] from a string.
struct DateTimeOffsetVisitor;

impl Visitor<'_> for DateTimeOffsetVisitor {
    type Value = DateTimeOffset;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an Edm.DateTimeOffset string such as \"2021-05-27T21:23:41.9085453Z\"")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        DateTimeOffset::parse(value).map_err(E::custom)
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        self.visit_str(value)
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        self.visit_str(&value)
    }
}

#[diagnostic::do_not_recommend]
impl ODataValue for DateTimeOffset {
    fn write_json(&self, out: &mut Vec<u8>) {
        self.write_text(out, true);
    }
}

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
    input: Box<str>,
    kind: ErrorKind,
}

/// How much of a bad value an error message quotes.
const QUOTED_CHARS: usize = 64;

/// The problem a [`DateTimeParseError`] names. Byte ranges and positions index the input and
/// always fall on character boundaries.
#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
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

/// A position in the text being parsed; it only ever advances over ASCII bytes, so it is always
/// on a character boundary.
struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn expected(&self, what: &'static str) -> ErrorKind {
        ErrorKind::Expected {
            what,
            at: self.pos,
            found: self
                .text
                .get(self.pos..)
                .and_then(|rest| rest.chars().next()),
        }
    }

    /// Consumes `byte` (ASCII).
    fn literal(&mut self, byte: u8, what: &'static str) -> Result<(), ErrorKind> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.expected(what))
        }
    }

    /// Consumes one ASCII digit and returns its value.
    fn digit(&mut self, what: &'static str) -> Result<u8, ErrorKind> {
        match self.peek() {
            Some(byte @ b'0'..=b'9') => {
                self.pos += 1;
                Ok(byte - b'0')
            }
            _ => Err(self.expected(what)),
        }
    }

    /// Consumes exactly two ASCII digits and returns their value.
    fn two_digits(&mut self, what: &'static str) -> Result<u8, ErrorKind> {
        let tens = self.digit(what)?;
        let ones = self.digit(what)?;
        Ok(tens * 10 + ones)
    }

    /// The ASCII digits starting at the current position (not consumed).
    fn digits_ahead(&self) -> &[u8] {
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        let count = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        rest.get(..count).unwrap_or_default()
    }
}

/// What is expected where the UTC offset may start.
const OFFSET: &str = "the UTC offset (`Z`, `+hh:mm` or `-hh:mm`)";

fn parse_value(text: &str) -> Result<DateTimeOffset, ErrorKind> {
    match parse_common(text.as_bytes()) {
        Some(value) => Ok(value),
        None => parse_full(text),
    }
}

/// The shape services send, `yyyy-mm-ddThh:mm:ss` with an optional fraction and `Z` or
/// `±hh:mm`, read at fixed positions in one pass. `None` for anything else, valid or not:
/// [`parse_full`] then reads it, or names what is wrong. Where this returns a value,
/// `parse_full` returns the same one (checked by the tests).
fn parse_common(text: &[u8]) -> Option<DateTimeOffset> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1, b'T' | b't', h0, h1, b':', i0, i1, b':', s0, s1, rest @ ..] =
        text
    else {
        return None;
    };
    // all fourteen digits checked at once, then read without further branches
    let digits =
        [y0, y1, y2, y3, m0, m1, d0, d1, h0, h1, i0, i1, s0, s1].map(|&b| b.wrapping_sub(b'0'));
    if digits.iter().any(|&d| d > 9) {
        return None;
    }
    let pair = |at: usize| digits[at] * 10 + digits[at + 1];
    let year = i32::from(pair(0)) * 100 + i32::from(pair(2));
    let month = Month::try_from(pair(4)).ok()?;
    let date = Date::from_calendar_date(year, month, pair(6)).ok()?;
    let (hour, minute, second) = (pair(8), pair(10), pair(12));
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let (nanos, sub_nanos, fraction_digits, rest) = match rest {
        [b'.', fraction @ ..] => {
            let count = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
            if count == 0 || count > 12 {
                return None;
            }
            // digits 1 to 9 are nanoseconds, 10 to 12 below them
            let shown = count.min(9);
            let value = |digits: &[u8]| {
                digits
                    .iter()
                    .fold(0_u32, |n, &b| n * 10 + u32::from(b - b'0'))
            };
            let nanos = value(&fraction[..shown]) * POW10[9 - shown];
            let sub = value(&fraction[shown..count]) * [1, 100, 10, 1][count - shown];
            (
                nanos,
                u16::try_from(sub).ok()?,
                u8::try_from(count).ok()?,
                &fraction[count..],
            )
        }
        rest => (0, 0, 0, rest),
    };
    let (offset, offset_style) = match *rest {
        [b'Z' | b'z'] => (UtcOffset::UTC, OffsetStyle::Z),
        [sign @ (b'+' | b'-'), h0, h1, b':', m0, m1] => {
            let (hours, minutes) = (two_digits(h0, h1)?, two_digits(m0, m1)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let negative = sign == b'-';
            let style = if negative && hours == 0 && minutes == 0 {
                OffsetStyle::NegativeZero
            } else {
                OffsetStyle::Numeric
            };
            (signed_offset(negative, hours, minutes), style)
        }
        _ => return None,
    };
    Some(DateTimeOffset {
        date,
        time: Time::from_hms_nano(hour, minute, second, nanos).ok()?,
        offset,
        sub_nanos,
        fraction_digits,
        seconds_written: true,
        offset_style,
        negative_zero_year: false,
    })
}

/// The value of two ASCII digits.
fn two_digits(tens: u8, ones: u8) -> Option<u8> {
    let (tens, ones) = (tens.wrapping_sub(b'0'), ones.wrapping_sub(b'0'));
    (tens < 10 && ones < 10).then(|| tens * 10 + ones)
}

/// Reads any `Edm.DateTimeOffset`, naming the first problem of an invalid one.
fn parse_full(text: &str) -> Result<DateTimeOffset, ErrorKind> {
    if text.starts_with('\u{feff}') {
        return Err(ErrorKind::ByteOrderMark);
    }
    let mut scan = Scanner { text, pos: 0 };
    let year = scan.year()?;
    let date = scan.date(&year)?;
    match scan.peek() {
        Some(b'T' | b't') => scan.pos += 1,
        _ => return Err(scan.expected("`T` between the date and the time")),
    }
    let time = scan.time_of_day()?;
    let (offset, offset_style) = scan.offset(time.offset_expected)?;
    if let Some(found) = text.get(scan.pos..).and_then(|rest| rest.chars().next()) {
        return Err(ErrorKind::Trailing {
            at: scan.pos,
            found,
        });
    }
    Ok(DateTimeOffset {
        date,
        time: time.time,
        offset,
        sub_nanos: time.sub_nanos,
        fraction_digits: time.fraction_digits,
        seconds_written: time.seconds_written,
        offset_style,
        negative_zero_year: year.negative_zero,
    })
}

/// A parsed year.
struct Year {
    value: i32,
    /// Written `-0000`.
    negative_zero: bool,
    /// Byte range of the year (with its sign) in the input.
    start: usize,
    end: usize,
}

/// A parsed time of day.
struct TimeOfDay {
    time: Time,
    sub_nanos: u16,
    fraction_digits: u8,
    seconds_written: bool,
    /// What may come next besides the offset, for an error message.
    offset_expected: &'static str,
}

impl Scanner<'_> {
    /// `[ "-" ] 4DIGIT`, or more digits without a leading zero (then out of range).
    fn year(&mut self) -> Result<Year, ErrorKind> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let digits_start = self.pos;
        let digits = self.digits_ahead();
        let end = digits_start + digits.len();
        let value = match digits {
            [] => return Err(self.expected("the year (4 digits, optionally preceded by `-`)")),
            &[thousands, hundreds, tens, ones] => {
                i32::from(thousands - b'0') * 1000
                    + i32::from(hundreds - b'0') * 100
                    + i32::from(tens - b'0') * 10
                    + i32::from(ones - b'0')
            }
            short if short.len() < 4 => {
                return Err(ErrorKind::YearTooShort {
                    start: digits_start,
                    end,
                })
            }
            [b'0', ..] => {
                return Err(ErrorKind::YearLeadingZero {
                    start: digits_start,
                    end,
                })
            }
            _ => return Err(ErrorKind::YearOutOfRange { start, end }),
        };
        self.pos = end;
        Ok(Year {
            value: if negative { -value } else { value },
            negative_zero: negative && value == 0,
            start,
            end,
        })
    }

    /// `"-" month "-" day` after the year, checked against the calendar.
    fn date(&mut self, year: &Year) -> Result<Date, ErrorKind> {
        self.literal(b'-', "`-` after the year")?;
        let month = self.two_digits("the 2-digit month")?;
        let month = Month::try_from(month).map_err(|_| ErrorKind::MonthOutOfRange(month))?;
        self.literal(b'-', "`-` after the month")?;
        let day = self.two_digits("the 2-digit day")?;
        Date::from_calendar_date(year.value, month, day).map_err(|_| ErrorKind::DayNotInMonth {
            day,
            month,
            year_start: year.start,
            year_end: year.end,
        })
    }

    /// `hour ":" minute [ ":" second [ "." 1*12DIGIT ] ]`.
    fn time_of_day(&mut self) -> Result<TimeOfDay, ErrorKind> {
        let hour = self.two_digits("the 2-digit hour")?;
        if hour > 23 {
            return Err(ErrorKind::HourOutOfRange(hour));
        }
        self.literal(b':', "`:` after the hour")?;
        let minute = self.two_digits("the 2-digit minute")?;
        if minute > 59 {
            return Err(ErrorKind::MinuteOutOfRange(minute));
        }
        let mut parsed = TimeOfDay {
            time: Time::MIDNIGHT,
            sub_nanos: 0,
            fraction_digits: 0,
            seconds_written: false,
            offset_expected: "`:` (seconds) or the UTC offset (`Z`, `+hh:mm` or `-hh:mm`)",
        };
        let mut second = 0;
        let mut nanos = 0;
        if self.peek() == Some(b':') {
            self.pos += 1;
            second = self.two_digits("the 2-digit second")?;
            match second {
                60 => return Err(ErrorKind::LeapSecond),
                61.. => return Err(ErrorKind::SecondOutOfRange(second)),
                _ => {}
            }
            parsed.seconds_written = true;
            parsed.offset_expected =
                "`.` (a fraction) or the UTC offset (`Z`, `+hh:mm` or `-hh:mm`)";
            match self.peek() {
                Some(b'.') => {
                    self.pos += 1;
                    nanos = self.fraction(&mut parsed)?;
                    parsed.offset_expected = OFFSET;
                }
                Some(b',') => return Err(ErrorKind::CommaFraction),
                _ => {}
            }
        }
        parsed.time = Time::from_hms_nano(hour, minute, second, nanos)
            .map_err(|_| ErrorKind::HourOutOfRange(hour))?;
        Ok(parsed)
    }

    /// `1*12DIGIT` after the `.`: returns the nanoseconds and records the digits below them and
    /// the digit count in `parsed`.
    fn fraction(&mut self, parsed: &mut TimeOfDay) -> Result<u32, ErrorKind> {
        let digits = self.digits_ahead();
        let count = digits.len();
        match count {
            0 => return Err(ErrorKind::EmptyFraction),
            13.. => return Err(ErrorKind::TooManyFractionDigits(count)),
            _ => {}
        }
        let mut nanos = 0_u32;
        let mut sub_nanos = 0_u16;
        for index in 0..12 {
            let value = digits.get(index).map_or(0, |digit| digit - b'0');
            if index < 9 {
                nanos = nanos * 10 + u32::from(value);
            } else {
                sub_nanos = sub_nanos * 10 + u16::from(value);
            }
        }
        parsed.sub_nanos = sub_nanos;
        parsed.fraction_digits = u8::try_from(count).unwrap_or(12);
        self.pos += count;
        Ok(nanos)
    }

    /// `"Z" / ( "+" / "-" ) hour ":" minute`; `expected` names the alternatives for an error.
    fn offset(&mut self, expected: &'static str) -> Result<(UtcOffset, OffsetStyle), ErrorKind> {
        let sign = match self.peek() {
            Some(b'Z' | b'z') => {
                self.pos += 1;
                return Ok((UtcOffset::UTC, OffsetStyle::Z));
            }
            Some(sign @ (b'+' | b'-')) => sign,
            None => return Err(ErrorKind::MissingOffset),
            Some(_) => return Err(self.expected(expected)),
        };
        self.pos += 1;
        let hours = self.two_digits("the 2-digit offset hour")?;
        if hours > 23 {
            return Err(ErrorKind::OffsetHourOutOfRange(hours));
        }
        self.literal(b':', "`:` in the UTC offset")?;
        let minutes = self.two_digits("the 2-digit offset minute")?;
        if minutes > 59 {
            return Err(ErrorKind::OffsetMinuteOutOfRange(minutes));
        }
        let negative = sign == b'-';
        let style = if negative && hours == 0 && minutes == 0 {
            OffsetStyle::NegativeZero
        } else {
            OffsetStyle::Numeric
        };
        Ok((signed_offset(negative, hours, minutes), style))
    }
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn instants_order_through_to_offset_date_time() {
        let texts = [
            "2016-12-31T23:57:34.9044303+03:00",
            "2016-12-31T21:00Z",
            "2016-12-31T17:00:00.5-04:00",
            "2016-12-31T21:00:00.5000001Z",
            "2017-01-01T00:00:00+01:00",
        ];
        let instants: Vec<OffsetDateTime> =
            texts.iter().map(|t| ok(t).to_offset_date_time()).collect();
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
            "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-", ":", "T", "t", "Z", "z", "+",
            ".", ",", " ", "é", "\u{feff}", "١", "9", "0", "5", "2", "\0",
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
    fn every_valid_digit_combination_in_fields() {
        // Exhaustive over hours, minutes and offsets in one go: every valid one round-trips.
        for hour in 0..24 {
            for minute in (0..60).step_by(7) {
                for offset_hour in (0..24).step_by(5) {
                    let text = format!(
                        "2020-03-04T{hour:02}:{minute:02}:30.25-{offset_hour:02}:{minute:02}"
                    );
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
}
