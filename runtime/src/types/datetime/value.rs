//! [`DateTimeOffset`] itself: the value, its conversions to and from `time`, its text form and
//! serde.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use time::{Date, OffsetDateTime, Time, UtcOffset};

use crate::write::ODataValue;

use super::encode::{encode_date, encode_time, fewest_fraction_digits, put_two, Encoded, MAX_LEN};
use super::error::DateTimeParseError;

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
    /// The local date (in the offset).
    date: Date,
    /// The local time of day (in the offset), nanosecond precision.
    time: Time,
    /// The UTC offset in whole minutes (within ±23:59) when written `±hh:mm`, else
    /// [`OFFSET_Z`] or [`OFFSET_NEGATIVE_ZERO`] (both offset zero).
    offset: i16,
    /// How the rest was written, packed (16 bytes in all, so that an `Option` of it is 16 too and
    /// a resource's value stays small): bits 0–9 are fraction digits 10 to 12 as written, as a
    /// 3-digit number padded with zeros on the right (`0..=999`; 0 when at most 9 digits were
    /// written), bits 10–13 the number of fraction digits (`0..=12`), bit 14 whether `:ss` was
    /// written (if not, seconds and fraction are zero), bit 15 whether the year was written
    /// `-0000`.
    written: u16,
}

/// [`DateTimeOffset::offset`] for an offset written `Z`.
const OFFSET_Z: i16 = i16::MAX;
/// [`DateTimeOffset::offset`] for an offset written `-00:00`.
const OFFSET_NEGATIVE_ZERO: i16 = i16::MAX - 1;
const SUB_NANOS: u16 = 0x3FF;
const FRACTION_DIGITS_SHIFT: u32 = 10;
const SECONDS_WRITTEN: u16 = 1 << 14;
const NEGATIVE_ZERO_YEAR: u16 = 1 << 15;

/// A [`DateTimeOffset`]'s parts, as the parsers and `From<OffsetDateTime>` find them.
pub(super) struct Parts {
    pub(super) date: Date,
    pub(super) time: Time,
    /// The UTC offset in whole minutes, within ±23:59 (see [`offset_minutes`]).
    pub(super) offset: i16,
    /// `0..=999`, see [`DateTimeOffset`].
    pub(super) sub_nanos: u16,
    /// `0..=12`.
    pub(super) fraction_digits: u8,
    pub(super) seconds_written: bool,
    pub(super) offset_style: OffsetStyle,
    pub(super) negative_zero_year: bool,
}

/// How the UTC offset was written.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(super) enum OffsetStyle {
    /// `Z` (offset zero).
    Z,
    /// `+hh:mm` or `-hh:mm` with the sign of the offset (`+00:00` for zero).
    Numeric,
    /// `-00:00`.
    NegativeZero,
}

impl DateTimeOffset {
    /// The value of `parts` (which the parsers have checked: a whole-minute offset within
    /// ±23:59, zero when written `Z` or `-00:00`, `sub_nanos` below 1,000, at most 12 digits).
    #[inline]
    pub(super) fn from_parts(parts: Parts) -> Self {
        let offset = match parts.offset_style {
            OffsetStyle::Z => OFFSET_Z,
            OffsetStyle::NegativeZero => OFFSET_NEGATIVE_ZERO,
            OffsetStyle::Numeric => parts.offset,
        };
        let mut written = (parts.sub_nanos & SUB_NANOS)
            | (u16::from(parts.fraction_digits & 0xF) << FRACTION_DIGITS_SHIFT);
        if parts.seconds_written {
            written |= SECONDS_WRITTEN;
        }
        if parts.negative_zero_year {
            written |= NEGATIVE_ZERO_YEAR;
        }
        Self {
            date: parts.date,
            time: parts.time,
            offset,
            written,
        }
    }

    /// How the offset was written.
    fn offset_style(&self) -> OffsetStyle {
        match self.offset {
            OFFSET_Z => OffsetStyle::Z,
            OFFSET_NEGATIVE_ZERO => OffsetStyle::NegativeZero,
            _ => OffsetStyle::Numeric,
        }
    }

    /// The offset in whole minutes (zero when written `Z` or `-00:00`).
    fn offset_minutes(&self) -> i16 {
        match self.offset {
            OFFSET_Z | OFFSET_NEGATIVE_ZERO => 0,
            minutes => minutes,
        }
    }

    /// The UTC offset.
    fn utc_offset(&self) -> UtcOffset {
        UtcOffset::from_whole_seconds(i32::from(self.offset_minutes()) * 60)
            .unwrap_or(UtcOffset::UTC)
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
        self.date
            .with_time(self.time)
            .assume_offset(self.utc_offset())
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
        // four bits: at most 15
        (self.written >> FRACTION_DIGITS_SHIFT & 0xF) as u8
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
        Encoded::written(|bytes| self.encode_into(bytes))
    }

    /// Writes the text form at the start of `b`; returns its length. Bytes after it may have
    /// been written too (the fraction's digits are written nine at a time).
    #[inline]
    fn encode_into(&self, b: &mut [u8; MAX_LEN]) -> usize {
        let mut at = encode_date(b, self.date, self.written & NEGATIVE_ZERO_YEAR != 0);
        b[at] = b'T';
        at = encode_time(
            b,
            at + 1,
            self.time,
            self.written & SUB_NANOS,
            self.fraction_digits(),
            self.written & SECONDS_WRITTEN != 0,
        );
        match self.offset_style() {
            OffsetStyle::Z => {
                b[at] = b'Z';
                at += 1;
            }
            style @ (OffsetStyle::Numeric | OffsetStyle::NegativeZero) => {
                let minutes = self.offset_minutes();
                let negative = style == OffsetStyle::NegativeZero || minutes < 0;
                b[at] = if negative { b'-' } else { b'+' };
                let minutes = minutes.unsigned_abs();
                // within ±23:59: both parts fit a byte
                put_two(b, at + 1, (minutes / 60) as u8);
                b[at + 3] = b':';
                put_two(b, at + 4, (minutes % 60) as u8);
                at += 6;
            }
        }
        at
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
        Self::from_parts(Parts {
            date: value.date(),
            time: value.time(),
            offset: offset.whole_minutes(),
            sub_nanos: 0,
            fraction_digits: fewest_fraction_digits(value.nanosecond()),
            seconds_written: true,
            offset_style: if offset.is_utc() {
                OffsetStyle::Z
            } else {
                OffsetStyle::Numeric
            },
            negative_zero_year: false,
        })
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

/// The offset `±hours:minutes` in minutes (`hours <= 23`, `minutes <= 59`, as the parsers check).
#[inline]
pub(super) fn offset_minutes(negative: bool, hours: u8, minutes: u8) -> i16 {
    let minutes = i16::from(hours) * 60 + i16::from(minutes);
    if negative {
        -minutes
    } else {
        minutes
    }
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

/// The name [`DateTimeOffset`]'s `Deserialize` gives our JSON reader (`read::json`, known by
/// its type, `read::json::is_reader`) as the struct name of its request for the
/// text: the reader finds where the text ends from the shape services write (so it is not
/// scanned once for its closing quote, then again by the parser) and hands it over as
/// `visit_borrowed_str` does; any other text is read as a string. Any other deserializer is
/// asked for a string.
pub(crate) const SHAPED_TEXT: &str = "$odata::DateTimeOffset";

impl<'de> Deserialize<'de> for DateTimeOffset {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // by the deserializer's type, not its error's: serde's buffers (`flatten`, untagged
        // enums) read values again through deserializers whose error is the reader's
        if crate::read::json::is_reader::<D>() {
            return deserializer.deserialize_struct(SHAPED_TEXT, &[], DateTimeOffsetVisitor);
        }
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
