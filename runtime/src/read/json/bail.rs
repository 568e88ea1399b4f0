//! [`Bail`]: the reader's one error, "read this with serde_json".

use std::fmt;

/// The reader's error: "read this with serde_json". Its text is never shown.
#[derive(Debug)]
pub(crate) struct Bail;

impl fmt::Display for Bail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // never a prefix of serde_json's messages (`error_path` tells paths by message prefix)
        f.write_str("\u{0}not read")
    }
}

impl std::error::Error for Bail {}

impl serde::de::Error for Bail {
    #[cold]
    fn custom<T: fmt::Display>(_: T) -> Self {
        Bail
    }
}
