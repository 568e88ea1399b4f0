//! [`Guid`]: an `Edm.Guid` value, read in any case and written in lower case.

use uuid::Uuid;

use crate::types::datetime::scan::Scanner;

use super::error::{EdmParseError, Problem};
use super::text::{parse_whole, text_traits, EdmText};

/// An `Edm.Guid` value, e.g. `fbab97d0-4932-4511-b675-204639209557`.
///
/// [`parse`](Self::parse) accepts exactly the `OData` ABNF `guidValue`,
/// `8HEXDIG "-" 4HEXDIG "-" 4HEXDIG "-" 4HEXDIG "-" 12HEXDIG`, with hexadecimal digits in either
/// case (no braces, no `urn:uuid:`, no 32 digits without hyphens).
/// [`Display`](std::fmt::Display), `Serialize` and [`ODataValue`](crate::ODataValue) write it in
/// lower case, as Graph does: every lower-case input is written back byte for byte, and an
/// upper-case one is the same value as its lower-case form.
///
/// ```
/// use odata_resource_runtime::Guid;
/// use uuid::Uuid;
///
/// let id: Guid = "FBAB97D0-4932-4511-B675-204639209557".parse()?;
/// assert_eq!(id.to_string(), "fbab97d0-4932-4511-b675-204639209557");
/// assert_eq!(Uuid::from(id), Uuid::from_u128(0xfbab97d0_4932_4511_b675_204639209557));
/// assert_eq!(Guid::from(Uuid::nil()).to_string(), "00000000-0000-0000-0000-000000000000");
/// # Ok::<(), odata_resource_runtime::EdmParseError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Guid(Uuid);

/// The type's name in messages.
const EDM: &str = "Edm.Guid";

/// The hexadecimal digits of each group.
const GROUPS: [usize; 5] = [8, 4, 4, 4, 12];

impl Guid {
    /// Parses an `Edm.Guid` literal (without JSON quotes), in either case.
    ///
    /// # Errors
    ///
    /// An [`EdmParseError`] naming the first problem when `text` is not a valid `Edm.Guid`.
    ///
    /// ```
    /// use odata_resource_runtime::Guid;
    ///
    /// assert!(Guid::parse("fbab97d0-4932-4511-b675-204639209557").is_ok());
    /// assert_eq!(
    ///     Guid::parse("{fbab97d0-4932-4511-b675-204639209557}").unwrap_err().to_string(),
    ///     "invalid Edm.Guid `{fbab97d0-4932-4511-b675-204639209557}`: expected a hexadecimal \
    ///      digit at byte 0, found `{`",
    /// );
    /// # Ok::<(), odata_resource_runtime::EdmParseError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, EdmParseError> {
        parse_whole(EDM, text, "the last group of 12 digits", read).map(Self)
    }

    /// The value, as a [`uuid::Uuid`].
    ///
    /// ```
    /// use odata_resource_runtime::Guid;
    ///
    /// let id = Guid::parse("fbab97d0-4932-4511-b675-204639209557")?;
    /// assert_eq!(id.to_uuid().get_version_num(), 4);
    /// # Ok::<(), odata_resource_runtime::EdmParseError>(())
    /// ```
    #[must_use]
    pub fn to_uuid(&self) -> Uuid {
        self.0
    }
}

/// The five groups of hexadecimal digits and the hyphens between them.
fn read(scan: &mut Scanner<'_>) -> Result<Uuid, Problem> {
    let mut value = 0_u128;
    for (index, digits) in GROUPS.into_iter().enumerate() {
        if index > 0 {
            scan.literal(b'-', "`-` between groups of 8, 4, 4, 4 and 12 digits")?;
        }
        for _ in 0..digits {
            value = value << 4 | u128::from(hex_digit(scan)?);
        }
    }
    Ok(Uuid::from_u128(value))
}

/// Consumes one hexadecimal digit, in either case, and returns its value.
fn hex_digit(scan: &mut Scanner<'_>) -> Result<u8, Problem> {
    let value = scan.peek().and_then(|byte| char::from(byte).to_digit(16));
    match value.and_then(|value| u8::try_from(value).ok()) {
        Some(value) => {
            scan.pos += 1;
            Ok(value)
        }
        None => Err(scan.expected("a hexadecimal digit").into()),
    }
}

impl EdmText for Guid {
    const EXPECTING: &'static str =
        "an Edm.Guid string such as \"fbab97d0-4932-4511-b675-204639209557\"";

    /// The lower-case text, in a stack buffer.
    fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(self.0.hyphenated().encode_lower(&mut Uuid::encode_buffer()))
    }
}

text_traits!(Guid, string);

impl From<Uuid> for Guid {
    fn from(value: Uuid) -> Self {
        Self(value)
    }
}

impl From<Guid> for Uuid {
    fn from(value: Guid) -> Self {
        value.0
    }
}
