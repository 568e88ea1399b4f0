//! [`read`]: a whole JSON text into a `Deserialize` type, or `None` for serde_json to read it.

use serde::Deserialize;

use super::scan::Reader;

/// [`read_or_refused`], for the tests: `None` when refused.
#[cfg(test)]
pub(crate) fn read<'de, T: Deserialize<'de>>(text: &'de str) -> Option<T> {
    read_or_refused(text).ok()
}

/// Reads `text` (a whole JSON text) into `T` as serde_json reads it, or says that this reader
/// refused it: read it with serde_json then, for its answer.
#[inline]
pub(crate) fn read_or_refused<'de, T: Deserialize<'de>>(text: &'de str) -> Result<T, Refused> {
    let mut reader = Reader::new(text);
    match T::deserialize(&mut reader) {
        Ok(value) => match finished(&mut reader) {
            Ok(()) => Ok(value),
            Err(refused) => Err(refused),
        },
        Err(_) => Err(refusal(&reader)),
    }
}

/// After a value was read: a refusal a visitor swallowed, or trailing characters (serde_json
/// decides then). Not generic: compiled once.
fn finished(reader: &mut Reader<'_>) -> Result<(), Refused> {
    if !reader.refused && reader.skip_ws().is_none() {
        Ok(())
    } else {
        Err(refusal(reader))
    }
}

/// What the reader knows of a text it refused. Not generic either.
fn refusal(reader: &Reader<'_>) -> Refused {
    Refused {
        raw_value_fault: reader.raw_value_fault,
    }
}

/// What [`read_or_refused`] knows of a text it refused.
pub(crate) struct Refused {
    /// Where the first raw value a visitor refused ends (see `Reader::raw_value_fault`).
    pub(crate) raw_value_fault: Option<usize>,
}
