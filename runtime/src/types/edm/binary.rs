//! [`Binary`]: an `Edm.Binary` value, bytes written as standard base64 (as Graph writes them)
//! and read from standard base64 or base64url.

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use base64::Engine as _;

use super::error::{Base64Problem, EdmParseError};
use super::text::{text_traits, EdmText};

/// An `Edm.Binary` value: bytes, e.g. `"AQID"` for `[1, 2, 3]`.
///
/// # Text form
///
/// The `OData` ABNF `binaryValue` is base64url (RFC 4648 §5, `-` and `_`, padding optional), but
/// Microsoft.OData.Core, which serves Graph, writes standard base64 (`+`, `/`, `=` padding) and
/// has long read only that. So:
///
/// - [`Display`](std::fmt::Display), `Serialize` and [`ODataValue`](crate::ODataValue) write
///   standard base64 with padding; every such text is written back byte for byte.
/// - [`parse`](Self::parse) also accepts base64url, and either alphabet without padding: the
///   text is then read as its bytes and written in the standard form. It rejects a text that
///   mixes the two alphabets, partial padding, whitespace, and a last character with bits that
///   encode nothing (so that each value has one text per alphabet).
///
/// Two values are equal when their bytes are.
///
/// ```
/// use odata_resource_runtime::Binary;
///
/// let value: Binary = "+/8=".parse()?;
/// assert_eq!(value.as_bytes(), [0xfb, 0xff]);
/// assert_eq!(value, "-_8".parse()?); // base64url, without padding
/// assert_eq!(value.to_string(), "+/8=");
/// assert_eq!(Binary::from(vec![1, 2, 3]).to_string(), "AQID");
/// # Ok::<(), odata_resource_runtime::EdmParseError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Binary(Vec<u8>);

/// The type's name in messages.
const EDM: &str = "Edm.Binary";

impl Binary {
    /// Parses an `Edm.Binary` literal (without JSON quotes): standard base64 or base64url, with
    /// or without padding.
    ///
    /// # Errors
    ///
    /// An [`EdmParseError`] naming the first problem when `text` is not valid base64 of either
    /// alphabet.
    ///
    /// ```
    /// use odata_resource_runtime::Binary;
    ///
    /// assert_eq!(Binary::parse("SGk=")?.as_bytes(), b"Hi");
    /// assert_eq!(Binary::parse("SGk")?.as_bytes(), b"Hi");
    /// assert_eq!(
    ///     Binary::parse("SG k=").unwrap_err().to_string(),
    ///     "invalid Edm.Binary `SG k=`: ` ` at byte 2 is not a base64 character (`A`–`Z`, \
    ///      `a`–`z`, `0`–`9`, `+`, `/` or `-`, `_`, then `=` padding)",
    /// );
    /// # Ok::<(), odata_resource_runtime::EdmParseError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, EdmParseError> {
        decode(text)
            .map(Self)
            .map_err(|problem| EdmParseError::new(EDM, text, problem.into()))
    }

    /// The bytes.
    ///
    /// ```
    /// use odata_resource_runtime::Binary;
    ///
    /// assert_eq!(Binary::from(&b"Hi"[..]).as_bytes(), b"Hi");
    /// ```
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The bytes, without a copy.
    ///
    /// ```
    /// use odata_resource_runtime::Binary;
    ///
    /// assert_eq!(Binary::parse("AQID")?.into_vec(), vec![1, 2, 3]);
    /// # Ok::<(), odata_resource_runtime::EdmParseError>(())
    /// ```
    #[must_use]
    pub fn into_vec(self) -> Vec<u8> {
        self.0
    }
}

/// The bytes of standard base64 or base64url, with all its padding or none.
fn decode(text: &str) -> Result<Vec<u8>, Base64Problem> {
    let url = text.bytes().any(|b| b == b'-' || b == b'_');
    if url && text.bytes().any(|b| b == b'+' || b == b'/') {
        return Err(Base64Problem::MixedAlphabets);
    }
    // the padded engines require all the padding, the others none: `AA=` is neither
    let engine = match (url, text.ends_with('=')) {
        (false, true) => &STANDARD,
        (false, false) => &STANDARD_NO_PAD,
        (true, true) => &URL_SAFE,
        (true, false) => &URL_SAFE_NO_PAD,
    };
    engine.decode(text).map_err(Base64Problem::Decode)
}

impl EdmText for Binary {
    const EXPECTING: &'static str = "an Edm.Binary string of base64 such as \"AQID\"";

    /// Standard base64, with padding.
    fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        f(&STANDARD.encode(&self.0))
    }
}

text_traits!(Binary, string);

impl From<Vec<u8>> for Binary {
    fn from(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }
}

impl From<&[u8]> for Binary {
    fn from(bytes: &[u8]) -> Self {
        Self(bytes.to_vec())
    }
}

impl From<Binary> for Vec<u8> {
    fn from(value: Binary) -> Self {
        value.0
    }
}

impl AsRef<[u8]> for Binary {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}
