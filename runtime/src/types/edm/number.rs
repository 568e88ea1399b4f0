//! The number literal `Int64`, `Decimal`, `Single` and `Double` share: JSON's number grammar,
//! `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, so that every value read can be written back
//! as a JSON number byte for byte.

use crate::types::datetime::scan::Scanner;

use super::error::{NumberProblem, Problem};

/// A number read by [`scan_number`].
pub(super) struct Number<'a> {
    /// Its text.
    pub(super) text: &'a str,
    /// Whether it has neither a fraction nor an exponent.
    pub(super) whole: bool,
}

/// Reads a number at the cursor; `first` names what may start it, for an error.
pub(super) fn scan_number<'a>(
    scan: &mut Scanner<'a>,
    first: &'static str,
) -> Result<Number<'a>, Problem> {
    let begin = scan.pos;
    if scan.peek() == Some(b'+') {
        return Err(NumberProblem::PlusSign.into());
    }
    scan.eat(b'-');
    let start = scan.pos;
    let digits = scan.some_digits(first)?;
    if digits.len() > 1 && digits.first() == Some(&b'0') {
        return Err(NumberProblem::LeadingZero { at: start + 1 }.into());
    }
    let fraction = scan.eat(b'.');
    if fraction {
        scan.some_digits("a digit after `.`")?;
    }
    let exponent = scan.eat(b'e') || scan.eat(b'E');
    if exponent {
        let _sign = scan.eat(b'+') || scan.eat(b'-');
        scan.some_digits("a digit in the exponent")?;
    }
    Ok(Number {
        text: scan.text.get(begin..scan.pos).unwrap_or_default(),
        whole: !fraction && !exponent,
    })
}
