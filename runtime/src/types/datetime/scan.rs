//! [`Scanner`]: a cursor over a literal being read, shared by the grammars of
//! `Edm.DateTimeOffset` (here) and of the other Edm primitive types (`types::edm`).

use super::error::ErrorKind;

/// A position in the text being parsed; it only ever advances over ASCII bytes, so it is always
/// on a character boundary.
pub(crate) struct Scanner<'a> {
    pub(crate) text: &'a str,
    pub(crate) pos: usize,
}

impl<'a> Scanner<'a> {
    /// A cursor at the start of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        Scanner { text, pos: 0 }
    }

    /// The byte at the cursor (`None` at the end).
    pub(crate) fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// The character at the cursor (`None` at the end).
    pub(crate) fn found(&self) -> Option<char> {
        self.text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
    }

    /// "expected `what` at byte …, found …", at the cursor.
    pub(crate) fn expected(&self, what: &'static str) -> ErrorKind {
        ErrorKind::Expected {
            what,
            at: self.pos,
            found: self.found(),
        }
    }

    /// Consumes `byte` (ASCII) if it is next; says whether it was.
    pub(crate) fn eat(&mut self, byte: u8) -> bool {
        let next = self.peek() == Some(byte);
        self.pos += usize::from(next);
        next
    }

    /// Consumes `byte` (ASCII).
    pub(crate) fn literal(&mut self, byte: u8, what: &'static str) -> Result<(), ErrorKind> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(self.expected(what))
        }
    }

    /// Consumes one ASCII digit and returns its value.
    pub(crate) fn digit(&mut self, what: &'static str) -> Result<u8, ErrorKind> {
        match self.peek() {
            Some(byte @ b'0'..=b'9') => {
                self.pos += 1;
                Ok(byte - b'0')
            }
            _ => Err(self.expected(what)),
        }
    }

    /// Consumes exactly two ASCII digits and returns their value.
    pub(crate) fn two_digits(&mut self, what: &'static str) -> Result<u8, ErrorKind> {
        let tens = self.digit(what)?;
        let ones = self.digit(what)?;
        Ok(tens * 10 + ones)
    }

    /// The ASCII digits starting at the current position (not consumed).
    pub(crate) fn digits_ahead(&self) -> &'a [u8] {
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        let count = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        rest.get(..count).unwrap_or_default()
    }

    /// Consumes one or more ASCII digits and returns them.
    pub(crate) fn some_digits(&mut self, what: &'static str) -> Result<&'a [u8], ErrorKind> {
        let digits = self.digits_ahead();
        if digits.is_empty() {
            return Err(self.expected(what));
        }
        self.pos += digits.len();
        Ok(digits)
    }

    /// Checks that nothing follows the value, which ended with `after`.
    pub(crate) fn end(&self, after: &'static str) -> Result<(), ErrorKind> {
        match self.found() {
            None => Ok(()),
            Some(found) => Err(ErrorKind::Trailing {
                at: self.pos,
                found,
                after,
            }),
        }
    }
}
