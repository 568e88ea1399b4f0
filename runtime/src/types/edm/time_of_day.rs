//! [`TimeOfDay`]: an `Edm.TimeOfDay` value, `08:00:00.0000000`, written back exactly as it was
//! read.

use time::Time;

use crate::types::datetime::encode::{encode_time, fewest_fraction_digits, Encoded};

use super::error::EdmParseError;
use super::text::{parse_whole, text_traits, EdmText};

/// An `Edm.TimeOfDay` value: a clock time without date or offset, e.g. `08:00:00.0000000` (as
/// Graph writes the start of working hours).
///
/// [`parse`](Self::parse) accepts exactly the `OData` ABNF `timeOfDayValue`,
/// `hour ":" minute [ ":" second [ "." 1*12DIGIT ] ]`, without leap seconds.
/// The value remembers whether seconds were written and how many fraction digits, so
/// [`Display`](std::fmt::Display), `Serialize` and [`ODataValue`](crate::ODataValue) write every
/// valid input back byte for byte: `08:00`, `08:00:00` and `08:00:00.0000000` are three different
/// values of the same time. [`to_time`](Self::to_time) has nanosecond precision (digits 10 to 12
/// are kept for the text only).
///
/// ```
/// use odata_resource_runtime::TimeOfDay;
/// use time::macros::time;
///
/// let start: TimeOfDay = "08:00:00.0000000".parse()?;
/// assert_eq!(start.to_time(), time!(08:00));
/// assert_eq!(start.to_string(), "08:00:00.0000000");
/// assert_eq!(start.fraction_digits(), 7);
/// assert_ne!(start, "08:00".parse()?);
/// assert_eq!(TimeOfDay::from(time!(17:30:00.25)).to_string(), "17:30:00.25");
/// # Ok::<(), odata_resource_runtime::EdmParseError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeOfDay {
    /// Nanosecond precision.
    time: Time,
    /// Fraction digits 10 to 12 as written, as a 3-digit number padded with zeros on the right.
    sub_nanos: u16,
    /// Number of fraction digits written, `0..=12`.
    fraction_digits: u8,
    /// Whether `:ss` was written.
    seconds_written: bool,
}

/// The type's name in messages.
const EDM: &str = "Edm.TimeOfDay";

impl TimeOfDay {
    /// Parses an `Edm.TimeOfDay` literal (without JSON quotes), such as `08:00:00.0000000`,
    /// `23:59:59` or `12:30`.
    ///
    /// # Errors
    ///
    /// An [`EdmParseError`] naming the first problem when `text` is not a valid `Edm.TimeOfDay`.
    ///
    /// ```
    /// use odata_resource_runtime::TimeOfDay;
    ///
    /// assert_eq!(TimeOfDay::parse("12:30")?.to_time().minute(), 30);
    /// assert_eq!(
    ///     TimeOfDay::parse("24:00").unwrap_err().to_string(),
    ///     "invalid Edm.TimeOfDay `24:00`: hour 24 (at most 23)",
    /// );
    /// # Ok::<(), odata_resource_runtime::EdmParseError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, EdmParseError> {
        parse_whole(EDM, text, "the time of day", |scan| {
            let parsed = scan.time_of_day()?;
            Ok(TimeOfDay {
                time: parsed.time,
                sub_nanos: parsed.sub_nanos,
                fraction_digits: parsed.fraction_digits,
                seconds_written: parsed.seconds_written,
            })
        })
    }

    /// The time, as a [`time::Time`] (nanosecond precision: fraction digits beyond the ninth are
    /// dropped).
    ///
    /// ```
    /// use odata_resource_runtime::TimeOfDay;
    /// use time::macros::time;
    ///
    /// let value = TimeOfDay::parse("23:59:59.123456789012")?;
    /// assert_eq!(value.to_time(), time!(23:59:59.123456789));
    /// # Ok::<(), odata_resource_runtime::EdmParseError>(())
    /// ```
    #[must_use]
    pub fn to_time(&self) -> Time {
        self.time
    }

    /// The number of fraction digits the value is written with, `0..=12`.
    ///
    /// ```
    /// use odata_resource_runtime::TimeOfDay;
    ///
    /// assert_eq!(TimeOfDay::parse("08:00:00.0000000")?.fraction_digits(), 7);
    /// assert_eq!(TimeOfDay::parse("08:00")?.fraction_digits(), 0);
    /// # Ok::<(), odata_resource_runtime::EdmParseError>(())
    /// ```
    #[must_use]
    pub fn fraction_digits(&self) -> u8 {
        self.fraction_digits
    }

    /// The text form in a stack buffer.
    fn encode(&self) -> Encoded {
        Encoded::written(|bytes| {
            let (sub_nanos, digits) = (self.sub_nanos, self.fraction_digits);
            encode_time(bytes, 0, self.time, sub_nanos, digits, self.seconds_written)
        })
    }
}

impl EdmText for TimeOfDay {
    const EXPECTING: &'static str = "an Edm.TimeOfDay string such as \"08:00:00.0000000\"";

    fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(self.encode().as_str())
    }
}

text_traits!(TimeOfDay, string);

impl From<Time> for TimeOfDay {
    /// Always writes seconds, and the fewest fraction digits (0 to 9) that represent the
    /// nanoseconds exactly.
    fn from(time: Time) -> Self {
        Self {
            time,
            sub_nanos: 0,
            fraction_digits: fewest_fraction_digits(time.nanosecond()),
            seconds_written: true,
        }
    }
}

impl From<TimeOfDay> for Time {
    fn from(value: TimeOfDay) -> Self {
        value.time
    }
}
