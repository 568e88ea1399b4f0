//! [`Bail`]: the reader's error, serde_json's error for the same text: the same message and the
//! same line and column.

use std::fmt;

/// The reader's error: what serde_json's error says for the same text and type (its
/// `to_string()` is serde_json's), boxed so that a `Result` carrying it stays one pointer wide.
#[derive(Clone)]
pub(crate) struct Bail(Box<Detail>);

/// What a [`Bail`] says.
#[derive(Clone)]
struct Detail {
    message: Box<str>,
    /// 1-based; 0 while the error has no position (a visitor's error, until the reader places
    /// it as serde_json places it).
    line: usize,
    /// Bytes since the start of the line.
    column: usize,
}

impl Bail {
    /// An error with its position.
    #[cold]
    pub(super) fn at(message: &str, (line, column): (usize, usize)) -> Self {
        Bail(Box::new(Detail {
            message: message.into(),
            line,
            column,
        }))
    }

    /// An error of `message`, whose trailing ` at line L column C` (if any, as the `Display` of a
    /// positioned error writes it) is read back into its position, as serde_json reads it: an
    /// error wrapped in a message of its own (`path: error`) keeps its place.
    #[cold]
    fn of_message(mut message: String) -> Self {
        let (line, column) = split_position(&mut message).unwrap_or((0, 0));
        Bail(Box::new(Detail {
            message: message.into_boxed_str(),
            line,
            column,
        }))
    }

    /// Whether the error has no position yet.
    #[inline]
    pub(super) fn unplaced(&self) -> bool {
        self.0.line == 0
    }

    /// Gives the error `position`.
    #[cold]
    pub(super) fn place(mut self, (line, column): (usize, usize)) -> Self {
        self.0.line = line;
        self.0.column = column;
        self
    }

    /// The line and column (0 and 0 without a position).
    pub(crate) fn position(&self) -> (usize, usize) {
        (self.0.line, self.0.column)
    }

    /// The message, without the position.
    pub(crate) fn message(&self) -> &str {
        &self.0.message
    }
}

/// Takes a trailing ` at line L column C` off `message`: `(L, C)`. Both numbers are runs of
/// ASCII digits (maybe empty, then not a number), and nothing may follow the column.
fn split_position(message: &mut String) -> Option<(usize, usize)> {
    const AT_LINE: &str = " at line ";
    const COLUMN: &str = " column ";
    let start = message.rfind(AT_LINE)?;
    let rest = &message[start + AT_LINE.len()..];
    let line_digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let column_part = rest[line_digits..].strip_prefix(COLUMN)?;
    if column_part.is_empty() || !column_part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let line = rest[..line_digits].parse().ok()?;
    let column = column_part.parse().ok()?;
    message.truncate(start);
    Some((line, column))
}

/// 1-based line and 0-based byte column of `index` in `text`, as serde_json counts them: the
/// line is one more than the new lines before `index`, the column the bytes between the last
/// of them and `index`.
#[cold]
pub(crate) fn position_of(text: &str, index: usize) -> (usize, usize) {
    position_in(text.as_bytes(), index)
}

/// [`position_of`] in bytes that may not be UTF-8 (a body refused for that).
#[cold]
pub(crate) fn position_in(bytes: &[u8], index: usize) -> (usize, usize) {
    let before = &bytes[..index.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |at| at + 1);
    let line = 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count();
    (line, before.len() - line_start)
}

/// The index in `text` of the place serde_json calls line `line`, column `column` (the inverse
/// of [`position_of`]).
#[cold]
pub(super) fn index_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(line - 2)
            .map_or(text.len(), |(at, _)| at + 1)
    };
    line_start + column
}

/// The message of serde_json's `error`, without its position.
#[cold]
pub(super) fn message_of(error: &serde_json::Error) -> String {
    let mut message = error.to_string();
    split_position(&mut message);
    message
}

impl fmt::Display for Bail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let detail = &self.0;
        if detail.line == 0 {
            f.write_str(&detail.message)
        } else {
            write!(
                f,
                "{} at line {} column {}",
                detail.message, detail.line, detail.column
            )
        }
    }
}

impl fmt::Debug for Bail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Bail({self})")
    }
}

impl std::error::Error for Bail {}

impl serde::de::Error for Bail {
    #[cold]
    fn custom<T: fmt::Display>(message: T) -> Self {
        Bail::of_message(message.to_string())
    }

    /// serde_json's wording (`null` for a unit, floats as serde_json prints them): its own.
    #[cold]
    fn invalid_type(
        unexpected: serde::de::Unexpected<'_>,
        expected: &dyn serde::de::Expected,
    ) -> Self {
        let error: serde_json::Error = serde::de::Error::invalid_type(unexpected, expected);
        Bail::of_message(error.to_string())
    }

    #[cold]
    fn invalid_value(
        unexpected: serde::de::Unexpected<'_>,
        expected: &dyn serde::de::Expected,
    ) -> Self {
        let error: serde_json::Error = serde::de::Error::invalid_value(unexpected, expected);
        Bail::of_message(error.to_string())
    }
}

/// Whether `E` is [`Bail`], i.e. whether the map whose error type it is may be this reader's:
/// the derived impls then ask it, when its size hint says so too, for what only it understands
/// (`read::de::DECLARED_NAMES`, `DECLARED_TYPE`). The size is known when compiling; the type's
/// name tells it from serde_json's error, which is one pointer wide too. Both are constants of
/// the type, so an optimized build decides this when it compiles (the names are compared only
/// where the sizes are equal).
#[inline(always)]
pub(crate) fn is_reader_error<E>() -> bool {
    is::<E, Bail>()
}

/// Whether `D` is this reader as a deserializer (`&mut Reader`), told as
/// [`is_reader_error`] tells its error: by size, then by the type's name (which leaves out
/// lifetimes). A deserializer of serde's own that reads a buffered value again has the
/// reader's error type, and is not the reader.
#[inline(always)]
pub(crate) fn is_reader<D>() -> bool {
    is::<D, &mut super::scan::Reader<'static>>()
}

/// Whether `A` and `B` are one type (lifetimes aside), for types of this module's callers.
#[inline(always)]
fn is<A, B>() -> bool {
    std::mem::size_of::<A>() == std::mem::size_of::<B>()
        && std::any::type_name::<A>() == std::any::type_name::<B>()
}
