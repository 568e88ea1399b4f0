//! The JSON reader behind [`crate::from_slice`]: a `serde::Deserializer` over text already
//! checked as UTF-8, faster than serde_json on what services send, and with serde_json's
//! answers.
//!
//! # Same answers as serde_json
//!
//! The reader makes the same visitor calls serde_json makes for the same text, so a successful
//! read builds the same value. It never answers an error itself: whatever it does not read
//! (invalid JSON, a type it leaves to serde_json, any error a visitor raises) makes
//! [`read`] give `None`, and the caller reads the text again with serde_json, whose value or
//! error (message, line and column) is the one given. A refusal is remembered, so that a value
//! is never taken from a read where a visitor swallowed one. Errors are the cold path; the one
//! thing this reader must never do is accept what serde_json refuses, and the randomized tests
//! compare both on random and mutated JSON.
//!
//! # Where the time goes
//!
//! - Strings: the closing quote (or a backslash, or a control character) is found eight bytes at
//!   a time; a string without escapes is borrowed from the text, whose UTF-8 was checked once.
//! - Integers of up to 19 digits are read here; any other number's text is read by serde_json's
//!   own parser, so that floats are bit for bit serde_json's.
//! - Member names of derived types: the derived impl hands over its declared names
//!   (`read::de::next_key`), and the name at the cursor is compared with the one declared after
//!   the last one matched, then the others, instead of being scanned for its end.
//! - Skipped values (`IgnoredAny`) are checked as serde_json checks them, and nothing is built.
//! - Errors carry no message and no position: a `Bail` is a zero-sized value.

mod bail;
mod deserializer;
mod read;
mod scan;

#[cfg(test)]
pub(crate) use read::read;
pub(crate) use read::read_or_refused;

#[cfg(test)]
mod tests;
