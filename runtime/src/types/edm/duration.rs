//! [`Duration`]: an `Edm.Duration` value, `P1DT2H3M4.5S`, its text kept exactly.

use std::fmt::Write as _;

use crate::types::datetime::encode::fewest_fraction_digits;
use crate::types::datetime::scan::Scanner;

use super::error::{DurationProblem, EdmParseError, Problem};
use super::text::{parse_whole, text_traits, EdmText};

/// An `Edm.Duration` value: a signed day-time duration in ISO 8601 form, e.g. `P1DT2H3M4.5S`,
/// `-PT30M` or `PT0S`.
///
/// [`parse`](Self::parse) accepts the `OData` ABNF `durationValue`:
///
/// ```text
/// [ "-" / "+" ] "P" [ 1*DIGIT "D" ]
///     [ "T" [ 1*DIGIT "H" ] [ 1*DIGIT "M" ] [ 1*DIGIT [ "." 1*DIGIT ] "S" ] ]
/// ```
///
/// (letters in either case, as ABNF literals are), with the two rules of the XML Schema
/// `dayTimeDuration` it stands for: at least one part, and at least one after `T`. Years,
/// months and weeks are not day-time parts and are rejected. The text is kept as it was read,
/// so [`Display`](std::fmt::Display), `Serialize` and [`ODataValue`](crate::ODataValue) write it
/// back byte for byte, and two values are equal when their texts are (`PT1H` and `PT60M` are
/// different values of the same length; compare [`to_time_duration`](Self::to_time_duration)
/// results to compare lengths).
///
/// A duration converts exactly to [`time::Duration`] (nanosecond precision; fraction digits
/// beyond the ninth are dropped), so its whole length is limited to `i64::MAX` seconds.
///
/// ```
/// use odata_resource_runtime::Duration;
/// use time::Duration as Length;
///
/// let value: Duration = "P1DT2H3M4.5S".parse()?;
/// assert_eq!(value.to_time_duration(), Length::seconds(93_784) + Length::milliseconds(500));
/// assert_eq!(value.to_string(), "P1DT2H3M4.5S");
///
/// assert_eq!(Duration::from(Length::minutes(-90)).to_string(), "-PT1H30M");
/// assert!("P1Y".parse::<Duration>().is_err());
/// # Ok::<(), odata_resource_runtime::EdmParseError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Duration {
    /// The text as read.
    text: Box<str>,
    /// Its length.
    value: time::Duration,
}

/// The type's name in messages.
const EDM: &str = "Edm.Duration";

/// Seconds in a day, an hour, a minute.
const DAY: u128 = 86_400;
const HOUR: u128 = 3_600;
const MINUTE: u128 = 60;

impl Duration {
    /// Parses an `Edm.Duration` literal (without JSON quotes), such as `PT1H`, `-P3DT0.25S` or
    /// `PT0S`.
    ///
    /// # Errors
    ///
    /// An [`EdmParseError`] naming the first problem when `text` is not a valid `Edm.Duration`
    /// or is longer than `i64::MAX` seconds.
    ///
    /// ```
    /// use odata_resource_runtime::Duration;
    ///
    /// assert_eq!(Duration::parse("-PT0.25S")?.to_time_duration().whole_milliseconds(), -250);
    /// assert_eq!(
    ///     Duration::parse("PT1M2H").unwrap_err().to_string(),
    ///     "invalid Edm.Duration `PT1M2H`: `H` after `M` (the parts come in the order D, T, H, \
    ///      M, S, each at most once)",
    /// );
    /// # Ok::<(), odata_resource_runtime::EdmParseError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, EdmParseError> {
        let value = parse_whole(EDM, text, "the duration", |scan| {
            DurationReader::default().read(scan)
        })?;
        Ok(Self {
            text: text.into(),
            value,
        })
    }

    /// The length, as a [`time::Duration`].
    ///
    /// ```
    /// use odata_resource_runtime::Duration;
    ///
    /// let a = Duration::parse("PT1H")?;
    /// let b = Duration::parse("PT60M")?;
    /// assert_ne!(a, b);
    /// assert_eq!(a.to_time_duration(), b.to_time_duration());
    /// # Ok::<(), odata_resource_runtime::EdmParseError>(())
    /// ```
    #[must_use]
    pub fn to_time_duration(&self) -> time::Duration {
        self.value
    }

    /// The text, as read (or as written by `From<time::Duration>`).
    ///
    /// ```
    /// use odata_resource_runtime::Duration;
    ///
    /// assert_eq!(Duration::parse("pt1h")?.as_str(), "pt1h");
    /// # Ok::<(), odata_resource_runtime::EdmParseError>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// The parts of a duration read so far.
#[derive(Default)]
struct DurationReader {
    /// Whether the value is negative.
    negative: bool,
    /// The rank of the last part read, `D` = 1, `T` = 2, `H` = 3, `M` = 4, `S` = 5 (0: none).
    rank: u8,
    /// The last part's designator.
    last: char,
    /// Whole seconds.
    seconds: u128,
    nanos: u32,
}

impl DurationReader {
    /// `[ sign ] "P"`, then the parts.
    fn read(mut self, scan: &mut Scanner<'_>) -> Result<time::Duration, Problem> {
        self.negative = scan.eat(b'-');
        if !self.negative {
            scan.eat(b'+');
        }
        if !(scan.eat(b'P') || scan.eat(b'p')) {
            return Err(scan
                .expected("`P` (a duration starts `P`, or `-P` when negative)")
                .into());
        }
        self.last = 'P';
        while scan.peek().is_some() {
            self.part(scan)?;
        }
        self.finish()
    }

    /// `T`, or a number with its unit.
    fn part(&mut self, scan: &mut Scanner<'_>) -> Result<(), Problem> {
        if scan.eat(b'T') || scan.eat(b't') {
            return self.designator('T', 2);
        }
        let what = if self.rank < 2 {
            "a number of days, or `T` before hours, minutes and seconds"
        } else {
            "a number of hours, minutes or seconds"
        };
        let whole = number(scan.some_digits(what)?)?;
        let fraction = if scan.eat(b'.') {
            Some(scan.some_digits("a digit after `.`")?)
        } else {
            None
        };
        let (unit, rank) = self.unit(scan)?;
        if fraction.is_some() && unit != 'S' {
            return Err(DurationProblem::FractionNotOnSeconds(unit).into());
        }
        self.designator(unit, rank)?;
        self.add(whole, fraction.unwrap_or_default())
    }

    /// The unit after a number, with its rank.
    fn unit(&self, scan: &mut Scanner<'_>) -> Result<(char, u8), Problem> {
        let unit = scan.found().map(|c| c.to_ascii_uppercase());
        let time_part = self.rank >= 2;
        let ranked = match unit {
            Some('D') => ('D', 1),
            Some('H') if time_part => ('H', 3),
            Some('M') if time_part => ('M', 4),
            Some('S') if time_part => ('S', 5),
            Some(unit @ ('Y' | 'M' | 'W')) => {
                return Err(DurationProblem::CalendarUnit(unit).into())
            }
            Some(unit @ ('H' | 'S')) => return Err(DurationProblem::BeforeT(unit).into()),
            _ if time_part => return Err(scan.expected("the unit `H`, `M` or `S`").into()),
            _ => return Err(scan.expected("the unit `D`").into()),
        };
        scan.pos += 1;
        Ok(ranked)
    }

    /// Records the part `unit` of rank `rank`, which must come after the last one.
    fn designator(&mut self, unit: char, rank: u8) -> Result<(), Problem> {
        if rank <= self.rank {
            return Err(DurationProblem::OutOfOrder {
                unit,
                after: self.last,
            }
            .into());
        }
        self.rank = rank;
        self.last = unit;
        Ok(())
    }

    /// Adds `whole` units of the last part, and the digits of a fraction of a second.
    fn add(&mut self, whole: u128, fraction: &[u8]) -> Result<(), Problem> {
        let unit = match self.last {
            'D' => DAY,
            'H' => HOUR,
            'M' => MINUTE,
            _ => 1,
        };
        self.seconds = whole
            .checked_mul(unit)
            .and_then(|part| part.checked_add(self.seconds))
            .ok_or(DurationProblem::OutOfRange)?;
        self.nanos = (0..9).fold(0, |nanos, i| {
            nanos * 10 + fraction.get(i).map_or(0, |digit| u32::from(digit - b'0'))
        });
        Ok(())
    }

    /// The length, once every part is read.
    fn finish(self) -> Result<time::Duration, Problem> {
        match self.rank {
            0 => return Err(DurationProblem::NoPart.into()),
            2 => return Err(DurationProblem::NoTimePart.into()),
            _ => {}
        }
        let seconds = i128::try_from(self.seconds).map_err(|_| DurationProblem::OutOfRange)?;
        let nanos = i32::try_from(self.nanos).unwrap_or(0);
        let (seconds, nanos) = if self.negative {
            (-seconds, -nanos)
        } else {
            (seconds, nanos)
        };
        // a negative length reaches one second further: `i64::MIN` seconds
        let seconds = i64::try_from(seconds).map_err(|_| DurationProblem::OutOfRange)?;
        Ok(time::Duration::new(seconds, nanos))
    }
}

/// The value of ASCII digits, if it fits.
fn number(digits: &[u8]) -> Result<u128, Problem> {
    digits
        .iter()
        .try_fold(0_u128, |n, &digit| {
            n.checked_mul(10)?.checked_add(u128::from(digit - b'0'))
        })
        .ok_or_else(|| DurationProblem::OutOfRange.into())
}

/// The text `From<time::Duration>` writes: days, then hours, minutes and seconds after `T`,
/// each only when not zero (`PT0S` for zero), the seconds with the fewest fraction digits.
fn canonical(value: time::Duration) -> String {
    let seconds = value.whole_seconds().unsigned_abs();
    let nanos = value.subsec_nanoseconds().unsigned_abs();
    let (days, hours) = (seconds / 86_400, seconds % 86_400 / 3_600);
    let (minutes, seconds) = (seconds % 3_600 / 60, seconds % 60);
    let mut text = String::from(if value.is_negative() { "-P" } else { "P" });
    if days > 0 {
        let _ = write!(text, "{days}D");
    }
    if days > 0 && hours == 0 && minutes == 0 && seconds == 0 && nanos == 0 {
        return text;
    }
    text.push('T');
    for (count, unit) in [(hours, 'H'), (minutes, 'M')] {
        if count > 0 {
            let _ = write!(text, "{count}{unit}");
        }
    }
    if seconds > 0 || nanos > 0 || (hours == 0 && minutes == 0) {
        write_seconds(&mut text, seconds, nanos);
    }
    text
}

/// Appends `seconds`, the fewest fraction digits that represent `nanos`, and `S`.
fn write_seconds(text: &mut String, seconds: u64, nanos: u32) {
    let _ = write!(text, "{seconds}");
    let digits = usize::from(fewest_fraction_digits(nanos));
    if digits > 0 {
        let _ = write!(text, ".{nanos:09}");
        text.truncate(text.len() - (9 - digits));
    }
    text.push('S');
}

impl EdmText for Duration {
    const EXPECTING: &'static str = "an Edm.Duration string such as \"P1DT2H3M4.5S\"";

    fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(&self.text)
    }
}

text_traits!(Duration, string);

impl From<time::Duration> for Duration {
    /// Writes days, then hours, minutes and seconds after `T`, each only when not zero (`PT0S`
    /// for zero), and the seconds with the fewest fraction digits (0 to 9) that represent the
    /// nanoseconds exactly: `P1DT2H3M4.5S`, `-PT30M`.
    fn from(value: time::Duration) -> Self {
        Self {
            text: canonical(value).into(),
            value,
        }
    }
}

impl From<Duration> for time::Duration {
    fn from(value: Duration) -> Self {
        value.value
    }
}
