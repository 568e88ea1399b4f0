//! What can be wrong with a CSDL document or the generator's input, each naming where.

use std::fmt;
use std::path::PathBuf;

/// An error from reading a CSDL document or writing the model. Nothing is written when one
/// happens.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The text is not well-formed XML, or not a CSDL document.
    Xml {
        /// The line where reading stopped (1-based).
        line: usize,
        /// What the XML reader said.
        message: String,
    },
    /// An element is not what CSDL allows: a dangling type reference, a cycle of base types, a
    /// missing attribute.
    Element {
        /// The element's tag, e.g. `EntityType`.
        element: String,
        /// Its `Name` (qualified for types), or empty.
        name: String,
        /// Its line (1-based).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Reading the CSDL file or writing the output failed.
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// A setting of the generator is unusable, e.g. a relative crate path.
    Setting(String),
    /// The generated code did not parse as Rust: a bug in the generator.
    Internal(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Xml { line, message } => write!(f, "line {line}: not a CSDL document: {message}"),
            Self::Element {
                element,
                name,
                line,
                message,
            } if name.is_empty() => write!(f, "line {line}: <{element}>: {message}"),
            Self::Element {
                element,
                name,
                line,
                message,
            } => write!(f, "line {line}: <{element} Name=\"{name}\">: {message}"),
            Self::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Self::Setting(message) => f.write_str(message),
            Self::Internal(message) => write!(f, "internal error in the generator: {message}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
