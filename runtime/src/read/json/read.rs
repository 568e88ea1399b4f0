//! [`read`]: a whole JSON text into a `Deserialize` type, or `None` for serde_json to read it.

use serde::Deserialize;

use super::scan::Reader;

/// Reads `text` (a whole JSON text) into `T` as serde_json reads it, or `None` when this reader
/// refused it: read it with serde_json then, for its answer.
#[inline]
pub(crate) fn read<'de, T: Deserialize<'de>>(text: &'de str) -> Option<T> {
    let mut reader = Reader::new(text);
    let value = T::deserialize(&mut reader).ok()?;
    // a refusal a visitor swallowed, or trailing characters: serde_json decides
    if reader.refused || reader.skip_ws().is_some() {
        return None;
    }
    Some(value)
}
