//! [`read_or_refused`]: a whole JSON text into a `Deserialize` type, or serde_json's error for
//! it, or word that this reader's answer is not to be trusted.

use serde::Deserialize;

use super::bail::Bail;
use super::scan::{code, Reader};

/// [`read_or_refused`], for the tests: `None` when it fails.
#[cfg(test)]
pub(crate) fn read<'de, T: Deserialize<'de>>(text: &'de str) -> Option<T> {
    read_or_refused(text).ok()
}

/// Reads `text` (a whole JSON text) into `T` as serde_json reads it: the value, or the error
/// serde_json gives (in [`Refused::error`]), or word that the reader's answer is not
/// serde_json's (see [`Refused`]).
#[inline]
pub(crate) fn read_or_refused<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, Refused> {
    let mut reader = Reader::new(text);
    match T::deserialize(&mut reader) {
        Ok(value) => match finished(&mut reader) {
            Ok(()) => Ok(value),
            Err(refused) => Err(refused),
        },
        Err(error) => Err(failed(&reader, error)),
    }
}

/// After a value was read: the text must end there (whitespace aside). A value read where a
/// visitor swallowed an error of the reader's is not trusted: where the reader stands after
/// an error is not always where serde_json stands, so what was read after it may differ. Not
/// generic: compiled once.
fn finished(reader: &mut Reader<'_>) -> Result<(), Refused> {
    if reader.refused || reader.faults > 0 {
        return Err(refused(reader, None));
    }
    match reader.skip_ws() {
        None => Ok(()),
        Some(_) => {
            let error = reader.peek_error(code::TRAILING_CHARACTERS);
            Err(refused(reader, Some(error)))
        }
    }
}

/// After a read failed with `error`: it is serde_json's error unless the reader met something
/// it does not read as serde_json does, or made an error before this one that a visitor
/// swallowed (more than one error of its own, or one that is not the one given: the error
/// given is then a visitor's, met after the swallowed one). Not generic either.
#[cold]
fn failed(reader: &Reader<'_>, error: Bail) -> Refused {
    let trusted = !reader.refused
        && match reader.faults {
            0 => true,
            1 => error.position() == reader.fault_position,
            _ => false,
        };
    refused(reader, trusted.then_some(error))
}

fn refused(reader: &Reader<'_>, error: Option<Bail>) -> Refused {
    let first_fault = match error {
        Some(_) => None,
        None => reader.first_fault.clone(),
    };
    Refused {
        error,
        first_fault,
        raw_value_fault: reader.raw_value_fault,
    }
}

/// What [`read_or_refused`] knows of a text it did not read.
pub(crate) struct Refused {
    /// serde_json's error for the text (message, line and column), or `None` when the reader's
    /// answer is not trusted to be serde_json's.
    pub(crate) error: Option<Bail>,
    /// When the answer is not trusted: the first error the reader made (which a visitor
    /// swallowed, or which it made of something it does not read as serde_json does).
    pub(crate) first_fault: Option<Bail>,
    /// Where the first raw value a visitor refused ends (see `Reader::raw_value_fault`).
    pub(crate) raw_value_fault: Option<usize>,
}
