//! [`EdmParseError`]: why a text is not a value of an Edm primitive type, quoting it and naming
//! the first problem.

use std::fmt;

use crate::types::datetime::error::{write_invalid, ErrorKind};

/// Why a text is not a valid value of an Edm primitive type ([`Date`](super::Date),
/// [`Guid`](super::Guid), …); its [`Display`](fmt::Display) text names the type, quotes the input
/// and names the first problem. Reading JSON gives a serde error with the same text.
///
/// ```
/// use odata_resource_runtime::Date;
///
/// let error = Date::parse("2023-02-29").unwrap_err();
/// assert_eq!(error.edm_type(), "Edm.Date");
/// assert_eq!(error.input(), "2023-02-29");
/// assert_eq!(
///     error.to_string(),
///     "invalid Edm.Date `2023-02-29`: day 29 does not exist in February 2023",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdmParseError {
    edm_type: &'static str,
    input: Box<str>,
    problem: Problem,
}

impl EdmParseError {
    /// `input` is not a valid `edm_type` because of `problem`.
    pub(super) fn new(edm_type: &'static str, input: &str, problem: Problem) -> Self {
        Self {
            edm_type,
            input: input.into(),
            problem,
        }
    }

    /// The qualified name of the type the text is not a value of, e.g. `"Edm.Guid"`.
    ///
    /// ```
    /// use odata_resource_runtime::Guid;
    ///
    /// assert_eq!(Guid::parse("not a guid").unwrap_err().edm_type(), "Edm.Guid");
    /// ```
    #[must_use]
    pub fn edm_type(&self) -> &'static str {
        self.edm_type
    }

    /// The text that was read, whole.
    ///
    /// ```
    /// use odata_resource_runtime::Int64;
    ///
    /// assert_eq!(Int64::parse("12x").unwrap_err().input(), "12x");
    /// ```
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }
}

/// The problem an [`EdmParseError`] names. Positions index the input and fall on character
/// boundaries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Problem {
    /// A problem the shared scanner or the date and time grammar names (`Expected`,
    /// `Trailing`, a day not in its month, …), as for `Edm.DateTimeOffset`.
    Text(ErrorKind),
    Duration(DurationProblem),
    Base64(Base64Problem),
    Number(NumberProblem),
}

/// What is wrong with an `Edm.Duration` beyond the shared grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum DurationProblem {
    /// A unit for years, months or weeks.
    CalendarUnit(char),
    /// `P` (after the sign) with no part after it.
    NoPart,
    /// Hours or seconds (`unit`) before `T`.
    BeforeT(char),
    /// `T` with no hours, minutes or seconds after it.
    NoTimePart,
    /// The part `unit` after a part that must follow it.
    OutOfOrder { unit: char, after: char },
    /// A fraction on days, hours or minutes (`unit`).
    FractionNotOnSeconds(char),
    /// Beyond ±`i64::MAX` seconds.
    OutOfRange,
}

/// What is wrong with an `Edm.Binary`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Base64Problem {
    /// Both `+`/`/` and `-`/`_`.
    MixedAlphabets,
    /// What the base64 decoder found wrong.
    Decode(base64::DecodeError),
}

/// What is wrong with a number beyond the shared grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum NumberProblem {
    /// A number that starts with `+`.
    PlusSign,
    /// A leading zero; the digit after it is at byte `at`.
    LeadingZero { at: usize },
    /// `-0` as a whole number.
    NegativeZero,
    /// A fraction or exponent where a whole number is expected.
    NotAnInteger,
    /// Outside the range written here.
    OutOfRange(&'static str),
}

/// `From` each kind of problem: its variant of [`Problem`].
macro_rules! problem_from {
    ($($kind:ident => $variant:ident),*) => {$(
        impl From<$kind> for Problem {
            fn from(problem: $kind) -> Self {
                Problem::$variant(problem)
            }
        }
    )*};
}
problem_from!(
    ErrorKind => Text,
    DurationProblem => Duration,
    Base64Problem => Base64,
    NumberProblem => Number
);

impl fmt::Display for EdmParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_invalid(f, self.edm_type, &self.input)?;
        match &self.problem {
            Problem::Text(kind) => kind.describe(&self.input, f),
            Problem::Duration(problem) => problem.fmt(f),
            Problem::Base64(Base64Problem::MixedAlphabets) => {
                f.write_str("mixes the standard (`+`, `/`) and the base64url (`-`, `_`) alphabets")
            }
            Problem::Base64(Base64Problem::Decode(error)) => describe_base64(error, &self.input, f),
            Problem::Number(problem) => problem.fmt(f),
        }
    }
}

impl fmt::Display for DurationProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::CalendarUnit(unit) => write!(
                f,
                "unit `{unit}`: a duration has days, hours, minutes and seconds only (no \
                 years, months or weeks)"
            ),
            Self::NoPart => f.write_str("no days, hours, minutes or seconds after `P`"),
            Self::NoTimePart => f.write_str("no hours, minutes or seconds after `T`"),
            Self::BeforeT(unit) => write!(
                f,
                "`{unit}` before `T` (hours, minutes and seconds come after `T`)"
            ),
            Self::OutOfOrder { unit, after } => write!(
                f,
                "`{unit}` after `{after}` (the parts come in the order D, T, H, M, S, each at \
                 most once)"
            ),
            Self::FractionNotOnSeconds(unit) => write!(
                f,
                "a fraction before `{unit}` (only the seconds may have a fraction)"
            ),
            Self::OutOfRange => f.write_str(
                "longer than the supported 9223372036854775807 seconds (about 292 billion years)",
            ),
        }
    }
}

impl fmt::Display for NumberProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::PlusSign => f.write_str("`+` before the number (write it without a sign)"),
            Self::LeadingZero { at } => write!(
                f,
                "a digit at byte {at} after a leading `0` (write the number without leading \
                 zeros)"
            ),
            Self::NegativeZero => f.write_str("`-0` (write `0`)"),
            Self::NotAnInteger => {
                f.write_str("a fraction or an exponent (the value is a whole number)")
            }
            Self::OutOfRange(range) => write!(f, "out of range ({range})"),
        }
    }
}

/// Names what the base64 decoder found wrong, with the character at its position.
fn describe_base64(
    error: &base64::DecodeError,
    input: &str,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let found = |at: usize| {
        input
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .unwrap_or('?')
    };
    match *error {
        base64::DecodeError::InvalidByte(at, b'=') => write!(
            f,
            "`=` at byte {at} (padding may only end the text, completing its last group of 4)"
        ),
        base64::DecodeError::InvalidByte(at, _) => write!(
            f,
            "`{}` at byte {at} is not a base64 character (`A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/` \
             or `-`, `_`, then `=` padding)",
            found(at).escape_debug()
        ),
        base64::DecodeError::InvalidLength(symbols) => write!(
            f,
            "the last group of 4 has 1 character ({symbols} in all; a last group has 2 to 4)"
        ),
        base64::DecodeError::InvalidLastSymbol { offset, .. } => write!(
            f,
            "the last character `{}` (byte {offset}) has bits set that encode no byte (not \
             canonical base64)",
            found(offset).escape_debug()
        ),
        base64::DecodeError::InvalidPadding => {
            f.write_str("wrong padding (`=` completes the last group of 4, or is left out)")
        }
    }
}

impl std::error::Error for EdmParseError {}
