//! The walk of [`super`]: serde_json's error position to a property path.

#[cfg(test)]
use serde_json::Error;

use crate::read::json::code::GRAMMAR;

/// The property path of `error`, met while serde_json read `body`: `error.code`, `value[2]`,
/// or empty for the top level (and for an error without a position).
///
/// `raw_value_fault`: the end of a raw value whose visitor refused it, as our reader saw it
/// (`Decimal`'s digits are read as serde_json's `RawValue`, whose visitor's errors serde_json
/// does not place: they get the position of the end of the object around them). When
/// serde_json's error is at or after it, the error is taken to be that value's.
#[cold]
#[cfg(test)]
pub(crate) fn path_at(body: &[u8], error: &Error, raw_value_fault: Option<usize>) -> String {
    path_of(
        body,
        (error.line(), error.column()),
        &error.to_string(),
        raw_value_fault,
    )
}

/// [`path_at`] of an error given by its line and column (serde_json's, 0 and 0 for none) and
/// its message (serde_json's text, with or without the position after it): what our reader's
/// errors carry.
#[cold]
pub(crate) fn path_of(
    body: &[u8],
    (line, column): (usize, usize),
    message: &str,
    raw_value_fault: Option<usize>,
) -> String {
    if line == 0 {
        return String::new();
    }
    let mut target = offset(body, line, column);
    if is_grammar(message) {
        if let Err(stop) = Walk::new(body, None).run() {
            if stop.at <= target {
                return stop.path;
            }
        }
    } else if let Some(fault) = raw_value_fault.filter(|&fault| fault <= target) {
        target = fault;
    }
    // positioned one byte on from the value it belongs to: after the opening bracket of the
    // array or object one level too deep; after the comma, at the first byte of the item an
    // array or object has beyond what its visitor read (a tuple of two given three items), or
    // after all the text (the top level's)
    let trailing = is(message, "trailing characters");
    if trailing || is(message, "recursion limit exceeded") {
        target = target.saturating_sub(1);
    }
    let mut walk = Walk::new(body, Some(target));
    // the extra item is its container's fault
    walk.outer = trailing;
    // serde derive's "duplicate field" comes after the name is read and before the value,
    // outside them both: the object's, where a refused name is the name's
    walk.name_is_object = message.contains("duplicate field `")
        || is(
            message,
            "invalid value: expected key to be a number in quotes",
        );
    match walk.run() {
        Err(stop) => stop.path,
        Ok(()) => String::new(),
    }
}

/// The byte offset of serde_json's line and column (a column counts the bytes after the line's
/// start).
fn offset(body: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match body[start..].iter().position(|&b| b == b'\n') {
            Some(at) => start += at + 1,
            None => break,
        }
    }
    (start + column).min(body.len())
}

/// Whether `message` (a path, `: `, and serde_json's text, then its position) is one of the
/// grammar's.
fn is_grammar(message: &str) -> bool {
    GRAMMAR.iter().any(|code| is(message, code))
}

/// Whether `message` (a path, `: `, and serde_json's text, then its position) says `code`.
fn is(message: &str, code: &str) -> bool {
    let text = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => message,
    };
    text.strip_suffix(code)
        .is_some_and(|head| head.is_empty() || head.ends_with(": "))
}

/// A container being walked through.
enum Frame {
    /// An object; the member whose value is being read, if one is.
    Object(Option<String>),
    /// An array and the index of the item being read (or the count read so far).
    Array(usize),
}

/// Where the walk stopped: the position and the path there.
struct Stop {
    at: usize,
    path: String,
}

/// What the walk expects next.
enum Due {
    Value,
    AfterValue,
    FirstMember,
    LaterMember,
    FirstItem,
    LaterItem,
}

/// A walk over JSON text; without a target it checks the grammar to the end of the first value
/// and stops at the first fault; with one, it stops at the target (the text before it is taken
/// as well-formed).
struct Walk<'a> {
    text: &'a [u8],
    pos: usize,
    target: Option<usize>,
    /// Whether the target is a fault of the container of the value that starts or ends there.
    outer: bool,
    /// Whether an error at a member's name is the object's, not the name's.
    name_is_object: bool,
    stack: Vec<Frame>,
}

impl<'a> Walk<'a> {
    fn new(text: &'a [u8], target: Option<usize>) -> Self {
        Walk {
            text,
            pos: 0,
            target,
            outer: false,
            name_is_object: false,
            stack: Vec::new(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn skip_ws(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
        self.peek()
    }

    /// Whether the target is reached.
    fn reached(&self) -> bool {
        self.target.is_some_and(|target| self.pos >= target)
    }

    /// A stop at the current position with the path of the whole stack (`outer` false) or of
    /// the stack without its top container's current member or item (`outer` true).
    fn stop(&self, outer: bool) -> Stop {
        let frames = if outer {
            &self.stack[..self.stack.len().saturating_sub(1)]
        } else {
            &self.stack[..]
        };
        let mut path = String::new();
        for frame in frames {
            match frame {
                Frame::Object(Some(key)) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                }
                Frame::Object(None) => {}
                Frame::Array(index) => {
                    path.push('[');
                    path.push_str(&index.to_string());
                    path.push(']');
                }
            }
        }
        Stop { at: self.pos, path }
    }

    /// Walks the first value of the text.
    fn run(&mut self) -> Result<(), Stop> {
        let mut next = Due::Value;
        loop {
            next = match next {
                Due::Value => self.value()?,
                Due::AfterValue => {
                    if self.reached() {
                        return Err(self.stop(self.outer));
                    }
                    match self.stack.last_mut() {
                        None => return Ok(()),
                        Some(Frame::Object(key)) => {
                            *key = None;
                            Due::LaterMember
                        }
                        Some(Frame::Array(_)) => Due::LaterItem,
                    }
                }
                Due::FirstMember => match self.skip_ws() {
                    Some(b'}') => self.close(),
                    Some(b'"') => self.member()?,
                    _ => return Err(self.stop(true)),
                },
                Due::LaterMember => match self.skip_ws() {
                    Some(b'}') => self.close(),
                    Some(b',') => {
                        self.pos += 1;
                        match self.skip_ws() {
                            Some(b'"') => self.member()?,
                            _ => return Err(self.stop(true)),
                        }
                    }
                    _ => return Err(self.stop(true)),
                },
                Due::FirstItem => match self.skip_ws() {
                    Some(b']') => self.close(),
                    None => return Err(self.stop(true)),
                    Some(_) => Due::Value,
                },
                Due::LaterItem => match self.skip_ws() {
                    Some(b']') => self.close(),
                    Some(b',') => {
                        self.pos += 1;
                        match self.skip_ws() {
                            Some(b']') | None => return Err(self.stop(true)),
                            Some(_) => {
                                if let Some(Frame::Array(index)) = self.stack.last_mut() {
                                    *index += 1;
                                }
                                Due::Value
                            }
                        }
                    }
                    _ => return Err(self.stop(true)),
                },
            };
        }
    }

    /// The closing `}` or `]` at the cursor.
    fn close(&mut self) -> Due {
        self.pos += 1;
        self.stack.pop();
        Due::AfterValue
    }

    /// The value at the cursor (after white space), its path on the stack.
    fn value(&mut self) -> Result<Due, Stop> {
        let first = self.skip_ws();
        if self.reached() {
            // No scalar's own error is placed at its first byte (serde_json reads a refused
            // scalar whole first): an array item's is its array's, whose visitor refused it
            // whole, serde_json having taken the `[` (or an item after a comma) already. An
            // array or object refused at a glance is placed at its first byte: its own.
            let refused_array = matches!(self.stack.last(), Some(Frame::Array(_)))
                && !matches!(first, Some(b'[' | b'{'));
            return Err(self.stop(self.outer || refused_array));
        }
        match first {
            Some(b'{') => {
                self.pos += 1;
                self.stack.push(Frame::Object(None));
                Ok(Due::FirstMember)
            }
            Some(b'[') => {
                self.pos += 1;
                self.stack.push(Frame::Array(0));
                Ok(Due::FirstItem)
            }
            Some(b'"') => self.string().map(|()| Due::AfterValue),
            Some(b't') => self.word(b"true"),
            Some(b'f') => self.word(b"false"),
            Some(b'n') => self.word(b"null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.stop(false)),
        }
    }

    /// A member at its name's opening quote: the name, the colon, then its value.
    fn member(&mut self) -> Result<Due, Stop> {
        let start = self.pos;
        // an error in the name (or a name refused as a whole) is the object's: no name was read
        self.string().map_err(|_| self.stop(true))?;
        if let Some(target) = self.target {
            if target < self.pos {
                return Err(self.stop(true));
            }
        }
        let name = key_text(&self.text[start..self.pos]);
        if let Some(Frame::Object(key)) = self.stack.last_mut() {
            *key = Some(name);
        }
        let name_end = self.pos;
        let colon = self.skip_ws() == Some(b':');
        if let Some(target) = self.target {
            // a name refused by its visitor (an unknown name, say), which serde_path_to_error
            // has read: serde_json put the position after the name, after the white space
            // after it, or after a `}` or `,` it took there while closing the object
            if target >= name_end && (target <= self.pos || !colon) {
                return Err(self.stop(self.name_is_object));
            }
        }
        if !colon {
            return Err(self.stop(true));
        }
        self.pos += 1;
        Ok(Due::Value)
    }

    /// The string at the cursor's quote, checked as serde_json checks it (escapes, control
    /// characters; not its UTF-8 or surrogates, whose faults stop the walk at the same value
    /// through the target).
    fn string(&mut self) -> Result<(), Stop> {
        self.pos += 1;
        loop {
            match self.peek() {
                None => return Err(self.stop(false)),
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            self.pos += 1;
                        }
                        Some(b'u') => {
                            self.pos += 1;
                            for _ in 0..4 {
                                match self.peek() {
                                    Some(b) if b.is_ascii_hexdigit() => self.pos += 1,
                                    _ => return Err(self.stop(false)),
                                }
                            }
                        }
                        _ => return Err(self.stop(false)),
                    }
                }
                Some(0..=0x1f) => return Err(self.stop(false)),
                Some(_) => self.pos += 1,
            }
        }
        Ok(())
    }

    /// `true`, `false` or `null` at the cursor.
    fn word(&mut self, word: &[u8]) -> Result<Due, Stop> {
        for &expected in word {
            if self.peek() != Some(expected) {
                return Err(self.stop(false));
            }
            self.pos += 1;
        }
        Ok(Due::AfterValue)
    }

    /// A number at the cursor, by JSON's grammar (one leading zero, digits after `.` and after
    /// an exponent).
    fn number(&mut self) -> Result<Due, Stop> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return Err(self.stop(false));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.stop(false)),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(self.stop(false));
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return Err(self.stop(false));
            }
            self.digits();
        }
        Ok(Due::AfterValue)
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
    }
}

/// A member's name as serde_json reads it (escapes decoded), from its quoted text.
fn key_text(quoted: &[u8]) -> String {
    serde_json::from_slice::<String>(quoted).unwrap_or_else(|_| {
        String::from_utf8_lossy(&quoted[1..quoted.len().saturating_sub(1)]).into_owned()
    })
}
