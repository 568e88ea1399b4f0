//! Reading an `Edm.DateTimeOffset`: a one-pass reader for the shape services send, and a
//! scanner for the whole grammar that names the first problem of an invalid value. The year,
//! date and time-of-day rules are also those of `Edm.Date` and `Edm.TimeOfDay` (`types::edm`).

use time::{Date, Month, Time};

use super::encode::POW10;
use super::error::{DateTimeParseError, ErrorKind};
use super::scan::Scanner;
use super::value::{offset_minutes, DateTimeOffset, OffsetStyle, Parts};

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
}

/// What is expected where the UTC offset may start.
const OFFSET: &str = "the UTC offset (`Z`, `+hh:mm` or `-hh:mm`)";

pub(super) fn parse_value(text: &str) -> Result<DateTimeOffset, ErrorKind> {
    match parse_common(text.as_bytes()) {
        Some(value) => Ok(value),
        None => parse_full(text),
    }
}

/// The shape services send, `yyyy-mm-ddThh:mm:ss` with an optional fraction and `Z` or
/// `±hh:mm`, read at fixed positions in one pass. `None` for anything else, valid or not:
/// [`parse_full`] then reads it, or names what is wrong. Where this returns a value,
/// `parse_full` returns the same one (checked by the tests).
pub(super) fn parse_common(text: &[u8]) -> Option<DateTimeOffset> {
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
            if let Some((count, value)) = short_fraction(fraction) {
                // 1 to 7 digits, read eight bytes at a time (Graph writes 7)
                let rest = &fraction[count..];
                (value * POW10[9 - count], 0, count as u8, rest)
            } else {
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
        }
        rest => (0, 0, 0, rest),
    };
    let (offset, offset_style) = match *rest {
        [b'Z' | b'z'] => (0, OffsetStyle::Z),
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
            (offset_minutes(negative, hours, minutes), style)
        }
        _ => return None,
    };
    Some(DateTimeOffset::from_parts(Parts {
        date,
        time: Time::from_hms_nano(hour, minute, second, nanos).ok()?,
        offset,
        sub_nanos,
        fraction_digits,
        seconds_written: true,
        offset_style,
        negative_zero_year: false,
    }))
}

/// The fraction digits at the start of `fraction` when there are 1 to 7 of them and eight
/// bytes can be read (a fraction is followed by its offset, so there can): their count and
/// value. Found and converted eight bytes at a time.
#[inline]
fn short_fraction(fraction: &[u8]) -> Option<(usize, u32)> {
    const ONES: u64 = u64::MAX / 255;
    let word = u64::from_le_bytes(fraction.get(..8)?.try_into().ok()?);
    // digits become 0 to 9; any other byte gets its high bit set (the first one exactly)
    let values = word ^ (ONES * 0x30);
    let others = (values.wrapping_add(ONES * 0x76) | values) & (ONES << 7);
    let count = (others.trailing_zeros() / 8) as usize;
    if count == 0 || count == 8 {
        return None;
    }
    // the digits moved to the top bytes, zeros before them: 8 digits, 2 by 2, 4 by 4, 8
    let digits = values << (8 * (8 - count));
    let pairs = digits.wrapping_mul(10).wrapping_add(digits >> 8);
    let quads = (pairs & 0x00FF_00FF_00FF_00FF)
        .wrapping_mul(100)
        .wrapping_add((pairs >> 16) & 0x00FF_00FF_00FF_00FF);
    let eight = (quads & 0x0000_FFFF_0000_FFFF)
        .wrapping_mul(10_000)
        .wrapping_add((quads >> 32) & 0x0000_FFFF_0000_FFFF);
    Some((count, (eight & 0xFFFF_FFFF) as u32))
}

/// The value of two ASCII digits.
fn two_digits(tens: u8, ones: u8) -> Option<u8> {
    let (tens, ones) = (tens.wrapping_sub(b'0'), ones.wrapping_sub(b'0'));
    (tens < 10 && ones < 10).then(|| tens * 10 + ones)
}

/// Reads any `Edm.DateTimeOffset`, naming the first problem of an invalid one.
pub(super) fn parse_full(text: &str) -> Result<DateTimeOffset, ErrorKind> {
    if text.starts_with('\u{feff}') {
        return Err(ErrorKind::ByteOrderMark);
    }
    let mut scan = Scanner::new(text);
    let year = scan.year()?;
    let date = scan.date(&year)?;
    match scan.peek() {
        Some(b'T' | b't') => scan.pos += 1,
        _ => return Err(scan.expected("`T` between the date and the time")),
    }
    let time = scan.time_of_day()?;
    let (offset, offset_style) = scan.offset(time.offset_expected)?;
    scan.end("the UTC offset")?;
    Ok(DateTimeOffset::from_parts(Parts {
        date,
        time: time.time,
        offset,
        sub_nanos: time.sub_nanos,
        fraction_digits: time.fraction_digits,
        seconds_written: time.seconds_written,
        offset_style,
        negative_zero_year: year.negative_zero,
    }))
}

/// A parsed year.
pub(crate) struct Year {
    value: i32,
    /// Written `-0000`.
    pub(crate) negative_zero: bool,
    /// Byte range of the year (with its sign) in the input.
    start: usize,
    end: usize,
}

/// A parsed time of day, with how it was written.
pub(crate) struct ParsedTime {
    pub(crate) time: Time,
    /// Fraction digits 10 to 12, as `DateTimeOffset::sub_nanos`.
    pub(crate) sub_nanos: u16,
    pub(crate) fraction_digits: u8,
    pub(crate) seconds_written: bool,
    /// What may come next besides the offset, for an error message.
    offset_expected: &'static str,
}

impl Scanner<'_> {
    /// `[ "-" ] 4DIGIT`, or more digits without a leading zero (then out of range).
    pub(crate) fn year(&mut self) -> Result<Year, ErrorKind> {
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
    pub(crate) fn date(&mut self, year: &Year) -> Result<Date, ErrorKind> {
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
    pub(crate) fn time_of_day(&mut self) -> Result<ParsedTime, ErrorKind> {
        let hour = self.two_digits("the 2-digit hour")?;
        if hour > 23 {
            return Err(ErrorKind::HourOutOfRange(hour));
        }
        self.literal(b':', "`:` after the hour")?;
        let minute = self.two_digits("the 2-digit minute")?;
        if minute > 59 {
            return Err(ErrorKind::MinuteOutOfRange(minute));
        }
        let mut parsed = ParsedTime {
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
    fn fraction(&mut self, parsed: &mut ParsedTime) -> Result<u32, ErrorKind> {
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
    fn offset(&mut self, expected: &'static str) -> Result<(i16, OffsetStyle), ErrorKind> {
        let sign = match self.peek() {
            Some(b'Z' | b'z') => {
                self.pos += 1;
                return Ok((0, OffsetStyle::Z));
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
        Ok((offset_minutes(negative, hours, minutes), style))
    }
}
