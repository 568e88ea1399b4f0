//! [`Date`]: an `Edm.Date` value, `2024-02-29`, written back exactly as it was read.

use crate::types::datetime::encode::{encode_date, Encoded};

use super::error::EdmParseError;
use super::text::{parse_whole, text_traits, EdmText};

/// An `Edm.Date` value: a day of the proleptic Gregorian calendar, e.g. `2024-02-29`.
///
/// [`parse`](Self::parse) accepts exactly the `OData` ABNF `dateValue`, `year "-" month "-" day`,
/// with the year rules of [`DateTimeOffset`](crate::DateTimeOffset): 4 digits (or more without a
/// leading zero) optionally preceded by `-`, within `-9999` to `9999` (the range of [`time`]);
/// the day must exist in its month. [`Display`](std::fmt::Display), `Serialize` and
/// [`ODataValue`](crate::ODataValue) write every valid input back byte for byte (even the year
/// `-0000`, which is why `-0000-01-01` and `0000-01-01` are different values though the same
/// day).
///
/// ```
/// use odata_resource_runtime::Date;
/// use time::macros::date;
///
/// let leap: Date = "2024-02-29".parse()?;
/// assert_eq!(leap.to_date(), date!(2024-02-29));
/// assert_eq!(leap.to_string(), "2024-02-29");
/// assert_eq!(Date::from(date!(1969-07-20)).to_string(), "1969-07-20");
/// assert!("2023-02-29".parse::<Date>().is_err());
/// # Ok::<(), odata_resource_runtime::EdmParseError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    date: time::Date,
    /// Whether the year was written `-0000`.
    negative_zero_year: bool,
}

/// The type's name in messages.
const EDM: &str = "Edm.Date";

impl Date {
    /// Parses an `Edm.Date` literal (without JSON quotes), such as `2024-02-29` or `-0752-04-21`.
    ///
    /// # Errors
    ///
    /// An [`EdmParseError`] naming the first problem when `text` is not a valid `Edm.Date`
    /// within the years `-9999` to `9999`.
    ///
    /// ```
    /// use odata_resource_runtime::Date;
    ///
    /// assert_eq!(Date::parse("-0752-04-21")?.to_date().year(), -752);
    /// assert_eq!(
    ///     Date::parse("2024-2-29").unwrap_err().to_string(),
    ///     "invalid Edm.Date `2024-2-29`: expected the 2-digit month at byte 6, found `-`",
    /// );
    /// # Ok::<(), odata_resource_runtime::EdmParseError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, EdmParseError> {
        parse_whole(EDM, text, "the day", |scan| {
            let year = scan.year()?;
            let date = scan.date(&year)?;
            Ok(Date {
                date,
                negative_zero_year: year.negative_zero,
            })
        })
    }

    /// The day, as a [`time::Date`].
    ///
    /// ```
    /// use odata_resource_runtime::Date;
    /// use time::Weekday;
    ///
    /// assert_eq!(Date::parse("2024-02-29")?.to_date().weekday(), Weekday::Thursday);
    /// # Ok::<(), odata_resource_runtime::EdmParseError>(())
    /// ```
    #[must_use]
    pub fn to_date(&self) -> time::Date {
        self.date
    }

    /// The text form in a stack buffer.
    fn encode(&self) -> Encoded {
        Encoded::written(|bytes| encode_date(bytes, self.date, self.negative_zero_year))
    }
}

impl EdmText for Date {
    const EXPECTING: &'static str = "an Edm.Date string such as \"2024-02-29\"";

    fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(self.encode().as_str())
    }
}

text_traits!(Date, string);

impl From<time::Date> for Date {
    fn from(date: time::Date) -> Self {
        Self {
            date,
            negative_zero_year: false,
        }
    }
}

impl From<Date> for time::Date {
    fn from(value: Date) -> Self {
        value.date
    }
}
