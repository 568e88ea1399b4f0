//! The JSON reader behind [`crate::from_slice`]: a `serde::Deserializer` over text already
//! checked as UTF-8, faster than serde_json on what services send, and with serde_json's
//! answers.
//!
//! # Same answers as serde_json
//!
//! The reader makes the same visitor calls serde_json makes for the same text, so a successful
//! read builds the same value, and it gives serde_json's errors: the same message, at the same
//! line and column (`bail.rs`, and the error sites in `scan.rs` and `deserializer.rs`, which
//! follow serde_json's rules for where an error is). A malformed string, number or skipped
//! value is handed to serde_json's own parser from its first byte, for its error. Two cases
//! are not trusted (`read::Refused` without an error): a read where a visitor swallowed an
//! error of the reader's, and the few things the reader does not read as serde_json does (a
//! string with escapes read as bytes); `from_slice` then gives the text's first grammar error
//! (serde_json's, read whatever the type) or the reader's first error, never a value. So each
//! type's `Deserialize` is compiled for this reader only. The tests compare values and errors
//! with serde_json's on random, cut and mutated JSON (`oracle.rs`).

//! # Where the time goes
//!
//! - Strings: the closing quote (or a backslash, or a control character) is found eight bytes at
//!   a time; a string without escapes is borrowed from the text, whose UTF-8 was checked once.
//! - Integers of up to 19 digits are read here; any other number's text is read by serde_json's
//!   own parser, so that floats are bit for bit serde_json's.
//! - Member names of derived types: the derived impl hands over its declared names
//!   (`read::de::next_key`), and the name at the cursor is compared with the one predicted (the
//!   one declared after the last one matched, or the one that came after it earlier in the text:
//!   `scan::Orders`), then the others, instead of being scanned for its end.
//! - A `Polymorphic` object whose `@odata.type` is not first: the reader looks ahead through its
//!   text for the type (`scan::Reader::type_ahead`) instead of buffering it.
//! - Skipped values (`IgnoredAny`) are checked as serde_json checks them, and nothing is built.
//! - Errors are the cold path: a `Bail` is one pointer, made out of line.

mod bail;
mod deserializer;
mod read;
mod scan;

pub(crate) use bail::{is_reader, is_reader_error, position_in};
#[cfg(test)]
pub(crate) use read::read;
pub(crate) use read::{read_or_refused, Refused};
pub(crate) use scan::code;

#[cfg(test)]
mod oracle;
#[cfg(test)]
mod tests;
