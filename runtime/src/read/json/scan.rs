//! [`Reader`]: the cursor over a JSON text and its tokens (whitespace, literals, strings,
//! numbers, skipped values), and its errors: serde_json's, placed where serde_json places them.
//! A token that does not read (a malformed string or number, a skipped value that is not
//! JSON) is handed to serde_json's own parser from its first byte, and the error it gives is
//! moved to where that token is in the whole text: the same error, found the same way.

use serde::Deserialize;

use super::bail::{index_of, message_of, position_of, Bail};

/// serde_json's messages for the errors of its grammar.
pub(crate) mod code {
    pub(crate) const EOF_LIST: &str = "EOF while parsing a list";
    pub(crate) const EOF_OBJECT: &str = "EOF while parsing an object";
    pub(crate) const EOF_STRING: &str = "EOF while parsing a string";
    pub(crate) const EOF_VALUE: &str = "EOF while parsing a value";
    pub(crate) const EXPECTED_COLON: &str = "expected `:`";
    pub(crate) const EXPECTED_LIST_COMMA_OR_END: &str = "expected `,` or `]`";
    pub(crate) const EXPECTED_OBJECT_COMMA_OR_END: &str = "expected `,` or `}`";
    pub(crate) const EXPECTED_IDENT: &str = "expected ident";
    pub(crate) const EXPECTED_VALUE: &str = "expected value";
    pub(crate) const EXPECTED_DOUBLE_QUOTE: &str = "expected `\"`";
    pub(crate) const INVALID_ESCAPE: &str = "invalid escape";
    pub(crate) const INVALID_NUMBER: &str = "invalid number";
    pub(crate) const NUMBER_OUT_OF_RANGE: &str = "number out of range";
    pub(crate) const CONTROL_CHARACTER: &str =
        "control character (\\u0000-\\u001F) found while parsing a string";
    pub(crate) const KEY_MUST_BE_A_STRING: &str = "key must be a string";
    pub(crate) const EXPECTED_NUMERIC_KEY: &str =
        "invalid value: expected key to be a number in quotes";
    // met in strings serde_json's parser reads for the reader (its error is taken from there)
    #[cfg(test)]
    pub(crate) const LONE_LEADING_SURROGATE: &str = "lone leading surrogate in hex escape";
    pub(crate) const TRAILING_COMMA: &str = "trailing comma";
    pub(crate) const TRAILING_CHARACTERS: &str = "trailing characters";
    pub(crate) const UNEXPECTED_END_OF_HEX_ESCAPE: &str = "unexpected end of hex escape";
    pub(crate) const RECURSION_LIMIT_EXCEEDED: &str = "recursion limit exceeded";

    /// The messages of errors of the JSON grammar itself, met wherever the text is malformed
    /// whatever the type read: all of the above but "number out of range", "recursion limit
    /// exceeded" (which a value's reading meets in well-formed text), a lone surrogate (an
    /// error only in a string that is kept) and a numeric key (a type's).
    pub(crate) const GRAMMAR: &[&str] = &[
        EOF_LIST,
        EOF_OBJECT,
        EOF_STRING,
        EOF_VALUE,
        EXPECTED_COLON,
        EXPECTED_LIST_COMMA_OR_END,
        EXPECTED_OBJECT_COMMA_OR_END,
        EXPECTED_IDENT,
        EXPECTED_VALUE,
        EXPECTED_DOUBLE_QUOTE,
        INVALID_ESCAPE,
        INVALID_NUMBER,
        CONTROL_CHARACTER,
        KEY_MUST_BE_A_STRING,
        TRAILING_COMMA,
        UNEXPECTED_END_OF_HEX_ESCAPE,
    ];
}

/// How deep a skipped value is walked by [`Reader::skip_value`]'s own recursion; deeper
/// values are skipped by serde_json's parser, which has no limit for skipped values (and no
/// recursion that could overflow the stack).
const SKIP_DEPTH: u8 = 64;

/// serde_json's recursion limit: an array or object nested 128 deep is an error there.
const DEPTH: u8 = 128;

/// A position in the JSON text being read, and what reading it needs besides.
pub(super) struct Reader<'de> {
    text: &'de str,
    pub(super) pos: usize,
    /// Nesting levels left before serde_json's limit.
    depth: u8,
    /// Whether this reader met something it does not read as serde_json reads it (a string
    /// read as bytes that has escapes it does not decode…): its answer, a value or an error,
    /// is not serde_json's then.
    pub(super) refused: bool,
    /// How many errors this reader made (not counting its visitors' own): more than the one
    /// given means that a visitor swallowed one, and where the reader stands after an error
    /// is not always where serde_json stands.
    pub(super) faults: u32,
    /// The position of the last error this reader made.
    pub(super) fault_position: (usize, usize),
    /// The first error this reader made: the answer when a visitor swallowed it (see
    /// `read::Refused::first_fault`).
    pub(super) first_fault: Option<Bail>,
    /// The end of the first raw value (`Decimal`'s digits) whose visitor refused it: serde_json
    /// gives such an error the position of an enclosing object's end, this one says where the
    /// value was (`read::locate`).
    pub(super) raw_value_fault: Option<usize>,
    /// Where a string with escapes is decoded.
    scratch: String,
    /// The order in which this text sends each derived type's members.
    orders: Orders,
}

/// A decoded string: borrowed from the text when it had no escapes.
pub(super) enum Text<'de, 's> {
    Borrowed(&'de str),
    Copied(&'s str),
}

/// The order in which this text sends the members of each derived type, as far as it differs
/// from the declaration's: for a type's declared names (told apart by where they are), and a
/// prediction that missed (the index after the last name matched), the index of the name that
/// came instead. Graph writes the members of the items of a page in one order, and its
/// `$metadata` (so a generated model) declares them in another (alphabetical), so the first
/// item teaches where the others' names are: one comparison each instead of a search.
#[derive(Default)]
pub(super) struct Orders {
    /// Per type: the address of its declared names, and for each prediction (`0..=len`) the
    /// index that came last time (`u32::MAX`: none yet).
    learned: Vec<(usize, Box<[u32]>)>,
    /// The entry of `learned` used last.
    last: usize,
}

impl Orders {
    /// The index of the name `rest` starts with (and a closing quote) among `declared`, after
    /// `predicted` missed, and the prediction for the name after it: the one that came after
    /// it earlier in this text when that was not the one declared after it, else that one.
    /// `None` when it is none of the declared names.
    #[inline(never)]
    fn find(
        &mut self,
        declared: &'static [&'static str],
        predicted: usize,
        rest: &[u8],
    ) -> Option<(usize, usize)> {
        let slot = predicted.min(declared.len());
        let order = self.of(declared);
        let learned = usize::try_from(order[slot]).unwrap_or(usize::MAX);
        let found = match declared.get(learned) {
            Some(name) if is_at(rest, name.as_bytes()) => learned,
            _ => {
                let found = declared
                    .iter()
                    .position(|name| is_at(rest, name.as_bytes()))?;
                order[slot] = u32::try_from(found).unwrap_or(u32::MAX);
                found
            }
        };
        // not from the slot just filled: that says what came after the name before this one
        let after = if found + 1 == slot {
            found + 1
        } else {
            self.after(declared, found)
        };
        Some((found, after))
    }

    /// The prediction after the declared name at `found`: the one that came after it earlier in
    /// this text when that was not the one declared after it (known when `declared` is the type
    /// whose order was used last), else that one. Inlined into every derived type's reading:
    /// where nothing was learned, one comparison more per member.
    #[cfg_attr(debug_assertions, inline)]
    #[cfg_attr(not(debug_assertions), inline(always))]
    fn after(&self, declared: &'static [&'static str], found: usize) -> usize {
        if let Some((key, order)) = self.learned.get(self.last) {
            if *key == declared.as_ptr() as usize {
                if let Some(&next) = order.get(found + 1) {
                    if next != u32::MAX {
                        return usize::try_from(next).unwrap_or(usize::MAX);
                    }
                }
            }
        }
        found + 1
    }

    /// The learned order of the type whose declared names are `declared`.
    fn of(&mut self, declared: &'static [&'static str]) -> &mut [u32] {
        let key = declared.as_ptr() as usize;
        if self.learned.get(self.last).is_none_or(|(at, _)| *at != key) {
            self.last = match self.learned.iter().position(|(at, _)| *at == key) {
                Some(index) => index,
                None => {
                    let none = vec![u32::MAX; declared.len() + 1];
                    self.learned.push((key, none.into_boxed_slice()));
                    self.learned.len() - 1
                }
            };
        }
        &mut self.learned[self.last].1
    }
}

/// What [`Reader::type_ahead`] found.
pub(super) enum TypeAhead<'de> {
    /// Read the object as it comes (its type's member first, or nothing settled).
    AsItComes,
    /// No `@odata.type` member.
    Absent,
    /// One, not first (`@odata.type` or `@type`): its text (a string without escapes).
    Later(&'de str),
}

/// A number as serde_json's parser gives it to a visitor.
pub(super) enum Number {
    U64(u64),
    I64(i64),
    F64(f64),
}

impl<'de> Reader<'de> {
    /// A reader at the start of `text`.
    pub(super) fn new(text: &'de str) -> Self {
        Reader {
            text,
            pos: 0,
            depth: DEPTH,
            refused: false,
            faults: 0,
            fault_position: (0, 0),
            first_fault: None,
            raw_value_fault: None,
            scratch: String::new(),
            orders: Orders::default(),
        }
    }

    /// serde_json's error `message` at `index` of the text.
    #[cold]
    #[inline(never)]
    pub(super) fn error_at(&mut self, message: &str, index: usize) -> Bail {
        let error = Bail::at(message, position_of(self.text, index));
        self.count(&error);
        error
    }

    /// Counts `error` among the reader's own.
    #[cold]
    fn count(&mut self, error: &Bail) {
        self.faults += 1;
        self.fault_position = error.position();
        if self.first_fault.is_none() {
            self.first_fault = Some(error.clone());
        }
    }

    /// An error at the cursor (serde_json's `error`: about the byte before the cursor, just
    /// consumed).
    #[cold]
    #[inline(never)]
    pub(super) fn error(&mut self, message: &str) -> Bail {
        self.error_at(message, self.pos)
    }

    /// An error one byte past the cursor (serde_json's `peek_error`: about the byte at the
    /// cursor, not consumed), or at the text's end.
    #[cold]
    #[inline(never)]
    pub(super) fn peek_error(&mut self, message: &str) -> Bail {
        self.error_at(message, (self.pos + 1).min(self.text.len()))
    }

    /// An error the reader makes of a visitor's `expected` (serde's `invalid_type`), placed at
    /// the cursor.
    #[cold]
    #[inline(never)]
    pub(super) fn made(&mut self, error: Bail) -> Bail {
        let error = self.place(error);
        self.count(&error);
        error
    }

    /// `error`, placed at the cursor if it has no position yet, as serde_json places an error
    /// without one (a visitor's) at the end of each of its `deserialize_*` methods.
    #[cold]
    #[inline(never)]
    pub(super) fn place(&self, error: Bail) -> Bail {
        if error.unplaced() {
            error.place(position_of(self.text, self.pos))
        } else {
            error
        }
    }

    /// `result`, its error placed as by [`place`](Self::place).
    #[inline(always)]
    pub(super) fn placed<T>(&self, result: Result<T, Bail>) -> Result<T, Bail> {
        match result {
            Ok(value) => Ok(value),
            Err(error) => Err(self.place(error)),
        }
    }

    /// `error`, from something this reader does not read as serde_json does: the answer is
    /// not serde_json's.
    #[cold]
    #[inline(never)]
    pub(super) fn refuse(&mut self, error: Bail) -> Bail {
        self.refused = true;
        error
    }

    /// serde_json's `error`, met reading the text from `start`, moved to where it is in the
    /// whole text.
    #[cold]
    #[inline(never)]
    pub(super) fn moved(&mut self, start: usize, error: &serde_json::Error) -> Bail {
        let rest = &self.text[start..];
        self.moved_by(rest, start, error)
    }

    /// serde_json's `error`, met reading `read` (the text from `start`, after a quote when
    /// `read` is one byte longer), moved to where it is in the whole text.
    #[cold]
    #[inline(never)]
    fn moved_by(&mut self, read: &str, start: usize, error: &serde_json::Error) -> Bail {
        let message = message_of(error);
        if error.line() == 0 {
            let error = Bail::at(&message, (0, 0));
            self.count(&error);
            return error;
        }
        let shift = read.len() - (self.text.len() - start);
        let index = (start + index_of(read, error.line(), error.column())).saturating_sub(shift);
        self.error_at(&message, index.max(start))
    }

    #[inline]
    pub(super) fn text(&self) -> &'de str {
        self.text
    }

    #[inline]
    pub(super) fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    /// Skips JSON whitespace; the byte after it, if any.
    #[inline]
    pub(super) fn skip_ws(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        // the cursor in a local, stored once (not once per byte)
        let mut at = self.pos;
        while let Some(&byte) = bytes.get(at) {
            if !matches!(byte, b' ' | b'\n' | b'\t' | b'\r') {
                self.pos = at;
                return Some(byte);
            }
            at += 1;
        }
        self.pos = at;
        None
    }

    /// Whether the cursor is at a comma, a new line, spaces and a member's opening quote, as
    /// pretty-printed JSON has it (the spaces counted eight at a time); if so, the cursor moves
    /// past the quote. Anything else (`\r`, tabs) is left for [`skip_ws`](Self::skip_ws).
    #[inline]
    pub(super) fn comma_new_line_quote(&mut self) -> bool {
        const SPACES: u64 = u64::MAX / 255 * 0x20;
        let bytes = self.bytes();
        let at = self.pos;
        if bytes.get(at..at + 2) != Some(b",\n") {
            return false;
        }
        let Some(chunk) = bytes.get(at + 2..at + 10) else {
            return false;
        };
        // the spaces before the first other byte
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) ^ SPACES;
        let quote = at + 2 + (word.trailing_zeros() / 8) as usize;
        if bytes.get(quote) != Some(&b'"') {
            return false;
        }
        self.pos = quote + 1;
        true
    }

    /// Consumes `word` (`null`, `true`, `false`), whose first byte is at the cursor.
    #[inline]
    pub(super) fn word(&mut self, word: &[u8]) -> Result<(), Bail> {
        if self.bytes()[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.word_error(word))
        }
    }

    /// serde_json's error for a `word` that is not there: its bytes after the first are
    /// compared one at a time, and the first one missing (the text's end) or different (just
    /// consumed) is the error.
    #[cold]
    #[inline(never)]
    fn word_error(&mut self, word: &[u8]) -> Bail {
        let start = self.pos;
        for (at, &expected) in word.iter().enumerate().skip(1) {
            match self.bytes().get(start + at) {
                None => return self.error_at(code::EOF_VALUE, start + at),
                Some(&byte) if byte != expected => {
                    return self.error_at(code::EXPECTED_IDENT, start + at + 1)
                }
                Some(_) => {}
            }
        }
        self.error_at(code::EXPECTED_IDENT, start)
    }

    /// One more level of nesting: the `[` or `{` at the cursor is about to be consumed.
    #[inline]
    pub(super) fn enter(&mut self) -> Result<(), Bail> {
        // the 128th level is an error, as in serde_json (and the count never goes below 1)
        if self.depth == 1 {
            return Err(self.peek_error(code::RECURSION_LIMIT_EXCEEDED));
        }
        self.depth -= 1;
        Ok(())
    }

    /// The level opened by [`enter`](Self::enter) is closed.
    #[inline]
    pub(super) fn leave(&mut self) {
        self.depth += 1;
    }

    /// The string whose opening quote was just consumed; the cursor ends after its closing
    /// quote. Escapes are decoded as serde_json decodes them; raw control characters, bad
    /// escapes and lone surrogates are serde_json's errors.
    #[inline(always)]
    pub(super) fn string(&mut self) -> Result<Text<'de, '_>, Bail> {
        let start = self.pos;
        let end = self.to_special(start);
        match self.bytes().get(end) {
            Some(b'"') => {
                self.pos = end + 1;
                Ok(Text::Borrowed(&self.text[start..end]))
            }
            Some(b'\\') => self.escaped(start, end),
            _ => Err(self.string_error(start)),
        }
    }

    /// serde_json's error for the string whose text starts at `start` (after its opening
    /// quote, or after the first byte of a member's name read as a boolean): its parser reads
    /// a quote and the text from there.
    #[cold]
    #[inline(never)]
    pub(super) fn string_error(&mut self, start: usize) -> Bail {
        let quoted = format!("\"{}", &self.text[start..]);
        let mut parser = serde_json::Deserializer::from_str(&quoted);
        match String::deserialize(&mut parser) {
            Err(error) => self.moved_by(&quoted, start, &error),
            Ok(_) => {
                let error = self.error_at("string not read", start);
                self.refuse(error)
            }
        }
    }

    /// The name at the cursor (after its opening quote) when it is one of `declared`, which are
    /// plain names (no `"`, `\\` or control character: the derive checks its wire names), after
    /// the prediction `*next` missed (see [`predicted_name`](Self::predicted_name)): the one
    /// that came after the same miss earlier in this text is tried first ([`Orders`]: the items
    /// of a page send their members in one order, which need not be the declaration's), then
    /// all of them. The cursor moves past its closing quote, and `*next` to the one that came
    /// after it earlier in this text, else the one declared after it. `None` (nothing consumed)
    /// for any other name, or one written with escapes.
    #[inline]
    pub(super) fn declared_name(
        &mut self,
        declared: &'static [&'static str],
        next: &mut usize,
    ) -> Option<&'static str> {
        let rest = self.bytes().get(self.pos..)?;
        // an annotation: never a declared name (the derive refuses wire names with an `@`)
        if rest.first() == Some(&b'@') {
            return None;
        }
        let (found, after) = self.orders.find(declared, *next, rest)?;
        let name = declared[found];
        debug_assert!(!name.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20));
        self.pos += name.len() + 1;
        *next = after;
        Some(name)
    }

    /// [`declared_name`](Self::declared_name)'s first try, inlined into every derived type's
    /// reading: the name at `*next` when it is the one at the cursor (services write members in
    /// declaration order, or the order learned from this text); the cursor moves past its
    /// closing quote and `*next` to the one after it ([`Orders::after`]). `None` (nothing
    /// consumed) otherwise.
    #[cfg_attr(debug_assertions, inline)]
    #[cfg_attr(not(debug_assertions), inline(always))]
    pub(super) fn predicted_name(
        &mut self,
        declared: &'static [&'static str],
        next: &mut usize,
    ) -> Option<&'static str> {
        let name = *declared.get(*next)?;
        let rest = self.bytes().get(self.pos..)?;
        if !is_at(rest, name.as_bytes()) {
            return None;
        }
        self.pos += name.len() + 1;
        *next = self.orders.after(declared, *next);
        Some(name)
    }

    /// Where the text of an `Edm.DateTimeOffset` starting at `start` ends (its closing quote),
    /// from the shape services write: nineteen bytes of date and time, maybe a `.` and digits,
    /// then `Z` or `±hh:mm`, then `"`. Only the bytes this shape stands on are looked at; the
    /// parser checks the rest. `None` for any other shape. Where the text is in this shape
    /// only by what follows a shorter string, the text is not valid JSON there (a string is
    /// followed by `,`, `]`, `}` or `:`, then a value that cannot start with `Z`, `+`, or a
    /// number followed by `:`).
    #[inline]
    pub(super) fn date_time_offset_end(&self, start: usize) -> Option<usize> {
        const ONES: u64 = u64::MAX / 255;
        let rest = self.bytes().get(start..)?;
        let mut at = 19;
        if rest.get(at) == Some(&b'.') {
            at += 1;
            // the digits' count, eight bytes at a time (a non-digit's high bit set, the first
            // one exactly), as in the parser's fraction
            loop {
                let word = u64::from_le_bytes(*rest.get(at..)?.first_chunk::<8>()?);
                let values = word ^ (ONES * 0x30);
                let others = (values.wrapping_add(ONES * 0x76) | values) & (ONES << 7);
                let digits = (others.trailing_zeros() / 8) as usize;
                at += digits;
                if digits < 8 {
                    break;
                }
            }
        }
        at += match rest.get(at)? {
            b'Z' | b'z' => 1,
            // `±hh:mm`: the colon is looked at too, so that no valid JSON after a shorter
            // string (a number: `"…Z",-1234,"`) takes the offset's place
            b'+' | b'-' if rest.get(at + 3) == Some(&b':') => 6,
            _ => return None,
        };
        (rest.get(at) == Some(&b'"')).then_some(start + at)
    }

    /// Whether `name` (a plain name, as in [`declared_name`](Self::declared_name)) is the name
    /// at the cursor (after its opening quote); if so, the cursor moves past its closing quote.
    #[inline]
    pub(super) fn name_is(&mut self, name: &str) -> bool {
        let found = self
            .bytes()
            .get(self.pos..)
            .is_some_and(|rest| is_at(rest, name.as_bytes()));
        if found {
            self.pos += name.len() + 1;
        }
        found
    }

    /// The rest of a string with escapes: `start` is its first byte, `at` its first backslash.
    #[cold]
    fn escaped(&mut self, start: usize, at: usize) -> Result<Text<'de, '_>, Bail> {
        let mut out = std::mem::take(&mut self.scratch).into_bytes();
        out.clear();
        let end = self.unescape(start, at, &mut out);
        // runs of a text checked as UTF-8, cut before ASCII bytes, and whole characters: valid,
        // but checked again (without `unsafe`, a `str` is made only so), which costs less than
        // copying each run as a `str`
        match (end, String::from_utf8(out)) {
            (Some(end), Ok(text)) => {
                self.scratch = text;
                self.pos = end;
                Ok(Text::Copied(&self.scratch))
            }
            _ => Err(self.string_error(start)),
        }
    }

    /// Decodes into `out` the string starting at `start` whose first backslash is at `at`, as
    /// serde_json decodes it; the position after its closing quote, or `None` for a bad escape,
    /// a lone surrogate, a raw control character or the text's end.
    fn unescape(&self, start: usize, mut at: usize, out: &mut Vec<u8>) -> Option<usize> {
        let bytes = self.bytes();
        out.extend_from_slice(bytes.get(start..at)?);
        loop {
            // `at` is a backslash: the escape after it
            at = match *bytes.get(at + 1)? {
                b'u' => {
                    let (decoded, next) = self.unicode_escape(at + 2)?;
                    out.extend_from_slice(decoded.encode_utf8(&mut [0; 4]).as_bytes());
                    next
                }
                letter => {
                    out.push(match letter {
                        b'"' | b'\\' | b'/' => letter,
                        b'b' => 0x08,
                        b'f' => 0x0C,
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        _ => return None,
                    });
                    at + 2
                }
            };
            // an escape right after an escape (`\r\n`): no run between them
            if bytes.get(at) != Some(&b'\\') {
                at = self.copy_run(at, out);
            }
            match bytes.get(at)? {
                b'"' => return Some(at + 1),
                b'\\' => {}
                _ => return None,
            }
        }
    }

    /// Appends to `out` the run of a string's text at `at`, to its first `"`, `\\` or control
    /// character (or the text's end), and gives that position. A short run (as between escapes)
    /// is copied as sixteen bytes, then cut: a copy of known length, without a call.
    #[inline]
    fn copy_run(&self, at: usize, out: &mut Vec<u8>) -> usize {
        let end = self.to_special(at);
        let bytes = self.bytes();
        match bytes.get(at..).and_then(<[u8]>::first_chunk::<16>) {
            Some(window) if end - at <= 16 => {
                let len = out.len();
                out.extend_from_slice(window);
                out.truncate(len + (end - at));
            }
            _ => out.extend_from_slice(bytes.get(at..end).unwrap_or_default()),
        }
        end
    }

    /// The character of `XXXX` after `\u` at `at` (and of a low surrogate's `\uXXXX` after a
    /// high one), and the position after it.
    fn unicode_escape(&self, at: usize) -> Option<(char, usize)> {
        let first = self.hex4(at)?;
        let (code, end) = match first {
            0xD800..=0xDBFF => {
                let bytes = self.bytes();
                if bytes.get(at + 4..at + 6)? != b"\\u" {
                    return None;
                }
                let second = self.hex4(at + 6)?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return None;
                }
                let code =
                    0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00);
                (code, at + 10)
            }
            0xDC00..=0xDFFF => return None,
            code => (u32::from(code), at + 4),
        };
        Some((char::from_u32(code)?, end))
    }

    /// Four hex digits at `at`.
    fn hex4(&self, at: usize) -> Option<u16> {
        let digits = self.bytes().get(at..at + 4)?;
        let mut value = 0u16;
        for &digit in digits {
            let nibble = match digit {
                b'0'..=b'9' => digit - b'0',
                b'a'..=b'f' => digit - b'a' + 10,
                b'A'..=b'F' => digit - b'A' + 10,
                _ => return None,
            };
            value = value << 4 | u16::from(nibble);
        }
        Some(value)
    }

    /// The first byte at or after `from` that ends a string's plain run: `"`, `\\` or a control
    /// character (the text's length when none). Eight bytes at a time.
    #[inline]
    pub(super) fn to_special(&self, from: usize) -> usize {
        let bytes = self.bytes();
        let mut at = from;
        while let Some(chunk) = bytes.get(at..at + 8) {
            let found = special(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
            if found != 0 {
                return at + (found.trailing_zeros() / 8) as usize;
            }
            at += 8;
        }
        while let Some(&byte) = bytes.get(at) {
            if byte == b'"' || byte == b'\\' || byte < 0x20 {
                return at;
            }
            at += 1;
        }
        at
    }
}

/// The high bit of the first byte of `word` (little-endian) that is a `"`, a `\\` or a control
/// character is set; no bit below it is (bits above it may be, by the borrow).
#[inline(always)]
fn special(word: u64) -> u64 {
    const ONES: u64 = u64::MAX / 255;
    const HIGHS: u64 = ONES << 7;
    // a byte below `n` (at most 0x80) borrows in `x - n` and has its high bit clear: the lowest
    // such byte's high bit is set in `(x - n) & !x`. `"` (0x22) xor 0x02 is 0x20 and a control
    // character xor 0x02 stays below 0x20, so both are the bytes below 0x21 after that xor; a
    // `\\` xor itself is the byte below 1. The xors leave the high bits as they are.
    let quote_or_control = (word ^ (ONES * 0x02)).wrapping_sub(ONES * 0x21);
    let backslash = (word ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES);
    (quote_or_control | backslash) & !word & HIGHS
}

impl<'de> Reader<'de> {
    /// The number at the cursor (a `-` or a digit), as serde_json parses it. An integer of up
    /// to 19 digits is read here; any other number's text goes to serde_json's own parser, so
    /// that floats and big integers come out bit for bit as serde_json makes them (rounded to
    /// `f32` when one is read, `single_precision`, as serde_json rounds them then).
    #[inline]
    pub(super) fn number(&mut self, single_precision: bool) -> Result<Number, Bail> {
        let bytes = self.bytes();
        let start = self.pos;
        let negative = bytes.get(start) == Some(&b'-');
        let mut at = start + usize::from(negative);
        let mut significand = 0u64;
        match bytes.get(at) {
            Some(b'0') => at += 1,
            Some(&digit @ b'1'..=b'9') => {
                let digits_start = at;
                significand = u64::from(digit - b'0');
                at += 1;
                while let Some(&digit @ b'0'..=b'9') = bytes.get(at) {
                    // 19 digits always fit a u64
                    if at - digits_start >= 19 {
                        return self.long_number(start, single_precision);
                    }
                    significand = significand * 10 + u64::from(digit - b'0');
                    at += 1;
                }
            }
            _ => return Err(self.number_error(start, single_precision)),
        }
        if matches!(bytes.get(at), Some(b'0'..=b'9' | b'.' | b'e' | b'E')) {
            return self.long_number(start, single_precision);
        }
        self.pos = at;
        Ok(if !negative {
            Number::U64(significand)
        } else {
            // serde_json: `-0` and what does not fit an i64 are floats
            #[allow(clippy::cast_possible_wrap, clippy::cast_precision_loss)]
            let negated = (significand as i64).wrapping_neg();
            if negated >= 0 {
                #[allow(clippy::cast_precision_loss)]
                Number::F64(-(significand as f64))
            } else {
                Number::I64(negated)
            }
        })
    }

    /// A number with a fraction, an exponent or many digits: its text (as far as the grammar
    /// goes) read by serde_json's own parser. Read for an `f32` (`single_precision`), serde_json
    /// rounds a float, or an integer beyond u64, to `f32` and hands the visitor that as an
    /// `f64`: so does this.
    #[cold]
    fn long_number(&mut self, start: usize, single_precision: bool) -> Result<Number, Bail> {
        let Some(end) = self.number_end(start) else {
            return Err(self.number_error(start, single_precision));
        };
        let text = &self.text[start..end];
        let number = if single_precision && (text.contains(['.', 'e', 'E']) || !fits_u64(text)) {
            serde_json::from_str::<f32>(text)
                .ok()
                .map(|value| Number::F64(f64::from(value)))
        } else {
            serde_json::from_str::<serde_json::Number>(text)
                .ok()
                .and_then(|number| Number::of(&number))
        };
        match number {
            Some(number) => {
                self.pos = end;
                Ok(number)
            }
            None => Err(self.number_error(start, single_precision)),
        }
    }

    /// serde_json's error for the number at `start`: its parser reads it from there, as an
    /// `f32` or an `f64` (which reads any number's grammar, and gives an out-of-range error as
    /// that type's range says).
    #[cold]
    #[inline(never)]
    fn number_error(&mut self, start: usize, single_precision: bool) -> Bail {
        let mut parser = serde_json::Deserializer::from_str(&self.text[start..]);
        let result = if single_precision {
            f32::deserialize(&mut parser).map(drop)
        } else {
            f64::deserialize(&mut parser).map(drop)
        };
        match result {
            Err(error) => self.moved(start, &error),
            Ok(()) => {
                let error = self.error_at(code::INVALID_NUMBER, start);
                self.refuse(error)
            }
        }
    }

    /// The text from `start` to the cursor.
    pub(super) fn raw_text(&self, start: usize) -> &'de str {
        &self.text[start..self.pos]
    }

    /// Looks through the object whose `{` is at the cursor for its `@odata.type` (or `@type`)
    /// member, without moving the cursor or counting an error: what a `Polymorphic` enum needs
    /// to choose its variant before the object is read. Anything the look does not settle
    /// (the type's member first, a name or a type's text with escapes, two type members, a
    /// type that is not a string, text that is not JSON) is [`TypeAhead::AsItComes`]: the
    /// object is read as it comes, and its errors are met where they are.
    pub(super) fn type_ahead(&mut self) -> TypeAhead<'de> {
        let start = self.pos;
        let found = self.look_for_type();
        self.pos = start;
        found
    }

    fn look_for_type(&mut self) -> TypeAhead<'de> {
        let bytes = self.bytes();
        self.pos += 1;
        match self.skip_ws() {
            Some(b'}') => return TypeAhead::Absent,
            Some(b'"') => {}
            _ => return TypeAhead::AsItComes,
        }
        let mut found = None;
        let mut first = true;
        loop {
            // at a name's opening quote
            let name_start = self.pos + 1;
            let name_end = self.to_special(name_start);
            if bytes.get(name_end) != Some(&b'"') {
                return TypeAhead::AsItComes;
            }
            self.pos = name_end + 1;
            if self.skip_ws() != Some(b':') {
                return TypeAhead::AsItComes;
            }
            self.pos += 1;
            if matches!(&bytes[name_start..name_end], b"@odata.type" | b"@type") {
                if first || found.is_some() || self.skip_ws() != Some(b'"') {
                    return TypeAhead::AsItComes;
                }
                let text_start = self.pos + 1;
                let text_end = self.to_special(text_start);
                if bytes.get(text_end) != Some(&b'"') {
                    return TypeAhead::AsItComes;
                }
                found = Some(&self.text[text_start..text_end]);
                self.pos = text_end + 1;
            } else if !self.skip(SKIP_DEPTH) {
                return TypeAhead::AsItComes;
            }
            first = false;
            match self.skip_ws() {
                Some(b',') => {
                    self.pos += 1;
                    if self.skip_ws() != Some(b'"') {
                        return TypeAhead::AsItComes;
                    }
                }
                Some(b'}') => break,
                _ => return TypeAhead::AsItComes,
            }
        }
        match found {
            Some(text) => TypeAhead::Later(text),
            None => TypeAhead::Absent,
        }
    }

    /// Skips the value at the cursor, checking it as serde_json checks a value it ignores
    /// (escapes' letters and hex digits, numbers' grammar, no control characters in strings;
    /// no limit on nesting); its error is serde_json's, from serde_json's parser reading the
    /// value from the same place.
    pub(super) fn skip_value(&mut self) -> Result<(), Bail> {
        let start = self.pos;
        if self.skip(SKIP_DEPTH) {
            Ok(())
        } else {
            Err(self.skip_error(start))
        }
    }

    /// serde_json's error for the value skipped from `start`.
    #[cold]
    #[inline(never)]
    fn skip_error(&mut self, start: usize) -> Bail {
        let mut parser = serde_json::Deserializer::from_str(&self.text[start..]);
        match serde::de::IgnoredAny::deserialize(&mut parser) {
            Err(error) => self.moved(start, &error),
            Ok(_) => {
                let error = self.error_at("value not skipped", start);
                self.refuse(error)
            }
        }
    }

    /// Skips the value at the cursor; `false` where it is not JSON. `levels`: how much deeper
    /// this may recurse before handing the rest to [`skip_deep`](Self::skip_deep).
    fn skip(&mut self, levels: u8) -> bool {
        match self.skip_ws() {
            Some(b'"') => {
                self.pos += 1;
                self.skip_string()
            }
            Some(b'n') => self.skip_word(b"null"),
            Some(b't') => self.skip_word(b"true"),
            Some(b'f') => self.skip_word(b"false"),
            Some(b'-' | b'0'..=b'9') => match self.number_end(self.pos) {
                Some(end) => {
                    self.pos = end;
                    true
                }
                None => false,
            },
            Some(b'[' | b'{') if levels == 0 => self.skip_deep(),
            Some(b'[') => {
                self.pos += 1;
                if self.skip_ws() == Some(b']') {
                    self.pos += 1;
                    return true;
                }
                loop {
                    if !self.skip(levels - 1) {
                        return false;
                    }
                    match self.skip_ws() {
                        Some(b',') => self.pos += 1,
                        Some(b']') => {
                            self.pos += 1;
                            return true;
                        }
                        _ => return false,
                    }
                }
            }
            Some(b'{') => {
                self.pos += 1;
                if self.skip_ws() == Some(b'}') {
                    self.pos += 1;
                    return true;
                }
                loop {
                    if self.skip_ws() != Some(b'"') {
                        return false;
                    }
                    self.pos += 1;
                    if !self.skip_string() || self.skip_ws() != Some(b':') {
                        return false;
                    }
                    self.pos += 1;
                    if !self.skip(levels - 1) {
                        return false;
                    }
                    match self.skip_ws() {
                        Some(b',') => self.pos += 1,
                        Some(b'}') => {
                            self.pos += 1;
                            return true;
                        }
                        _ => return false,
                    }
                }
            }
            _ => false,
        }
    }

    /// Skips a value nested deeper than this reader recurses: serde_json's parser finds where
    /// it ends (as a raw value: the text it spans).
    #[cold]
    #[inline(never)]
    fn skip_deep(&mut self) -> bool {
        let rest = &self.text[self.pos..];
        let mut parser = serde_json::Deserializer::from_str(rest);
        match <&serde_json::value::RawValue>::deserialize(&mut parser) {
            Ok(raw) => {
                // the raw value is a slice of `rest`
                let offset = raw.get().as_ptr() as usize - rest.as_ptr() as usize;
                self.pos += offset + raw.get().len();
                true
            }
            Err(_) => false,
        }
    }

    /// Consumes `word` when it is at the cursor.
    fn skip_word(&mut self, word: &[u8]) -> bool {
        let found = self.bytes()[self.pos..].starts_with(word);
        if found {
            self.pos += word.len();
        }
        found
    }

    /// Skips a string whose opening quote was consumed.
    fn skip_string(&mut self) -> bool {
        let bytes = self.bytes();
        let mut at = self.pos;
        loop {
            at = self.to_special(at);
            match bytes.get(at) {
                Some(b'"') => {
                    self.pos = at + 1;
                    return true;
                }
                Some(b'\\') => match bytes.get(at + 1) {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => at += 2,
                    // serde_json checks an ignored `\u`'s hex digits, not its surrogates
                    Some(b'u') if self.hex4(at + 2).is_some() => at += 6,
                    _ => return false,
                },
                _ => return false,
            }
        }
    }

    /// Where the number at `start` ends: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`,
    /// not followed by a digit (serde_json refuses a leading zero). `None` when it does not
    /// follow that grammar.
    fn number_end(&self, start: usize) -> Option<usize> {
        let bytes = self.bytes();
        let mut at = start + usize::from(bytes.get(start) == Some(&b'-'));
        let digits = |at: usize| {
            bytes[at.min(bytes.len())..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
        };
        match bytes.get(at) {
            Some(b'0') => at += 1,
            Some(b'1'..=b'9') => at += digits(at),
            _ => return None,
        }
        if bytes.get(at) == Some(&b'.') {
            let fraction = digits(at + 1);
            if fraction == 0 {
                return None;
            }
            at += 1 + fraction;
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            let exponent = digits(at);
            if exponent == 0 {
                return None;
            }
            at += exponent;
        }
        // `0` followed by a digit
        if bytes.get(at).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        Some(at)
    }
}

/// Whether `rest` starts with `name` and a closing quote. Compared eight bytes at a time (the
/// first and the last eight overlapping), without a call.
#[inline]
fn is_at(rest: &[u8], name: &[u8]) -> bool {
    let len = name.len();
    if rest.get(len) != Some(&b'"') {
        return false;
    }
    let word = |bytes: &[u8], at: usize| {
        u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or_default())
    };
    if len < 8 {
        // the first and the last four (or two) bytes, overlapping
        let four = |bytes: &[u8], at: usize| {
            u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap_or_default())
        };
        let two = |bytes: &[u8], at: usize| {
            u16::from_le_bytes(bytes[at..at + 2].try_into().unwrap_or_default())
        };
        return match len {
            4.. => four(rest, 0) == four(name, 0) && four(rest, len - 4) == four(name, len - 4),
            2.. => two(rest, 0) == two(name, 0) && two(rest, len - 2) == two(name, len - 2),
            _ => rest[..len] == *name,
        };
    }
    let mut at = 0;
    while at + 8 < len {
        if word(rest, at) != word(name, at) {
            return false;
        }
        at += 8;
    }
    word(rest, len - 8) == word(name, len - 8)
}

/// Whether the digits of an integer's text (after its `-`, if any) fit a u64.
fn fits_u64(text: &str) -> bool {
    text.trim_start_matches('-').parse::<u64>().is_ok()
}

impl Number {
    /// A number serde_json parsed, as its parser hands it to a visitor.
    fn of(number: &serde_json::Number) -> Option<Self> {
        if let Some(value) = number.as_u64() {
            Some(Number::U64(value))
        } else if let Some(value) = number.as_i64() {
            Some(Number::I64(value))
        } else {
            number.as_f64().map(Number::F64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{special, Reader, TypeAhead};

    /// A declared name is found wherever the last match left the prediction (after it, before
    /// it, at it, past the end), in any order; another name consumes nothing.
    #[test]
    fn declared_names_are_found_from_any_prediction() {
        const DECLARED: &[&str] = &[
            "id",
            "appId",
            "displayName",
            "appIdUri",
            "passwordCredentials",
        ];
        for (index, name) in DECLARED.iter().enumerate() {
            for predicted in 0..=DECLARED.len() + 1 {
                let text = format!("\"{name}\":1");
                let mut reader = Reader::new(&text);
                reader.pos = 1;
                let mut next = predicted;
                assert_eq!(reader.declared_name(DECLARED, &mut next), Some(*name));
                assert_eq!(
                    (reader.pos, next),
                    (name.len() + 2, index + 1),
                    "{name} from {predicted}"
                );
            }
        }
        // one text, objects sending their names in other orders than the declaration's (and
        // than each other's): whatever was learned, each name is found
        let orders: [&[usize]; 5] = [
            &[2, 0, 4, 1],
            &[2, 0, 4, 1],
            &[4, 3, 2, 1, 0],
            &[2, 0, 1],
            &[2, 0, 4, 1],
        ];
        let text: String = orders
            .iter()
            .flat_map(|order| order.iter().map(|&i| format!("\"{}\":", DECLARED[i])))
            .collect();
        let mut reader = Reader::new(&text);
        for order in orders {
            let mut next = 0;
            for &index in order {
                reader.pos += 1;
                assert_eq!(
                    reader.declared_name(DECLARED, &mut next),
                    Some(DECLARED[index])
                );
                reader.pos += 1;
            }
        }
        assert_eq!(reader.pos, text.len());
        for other in ["app", "appIdUr", "appIdUrix", "@odata.type", "i\\u0064"] {
            let text = format!("\"{other}\":1");
            let mut reader = Reader::new(&text);
            reader.pos = 1;
            let mut next = 2;
            assert_eq!(reader.declared_name(DECLARED, &mut next), None, "{other}");
            assert_eq!((reader.pos, next), (1, 2));
        }
    }

    /// Names read as a derived type reads them (the prediction inline, then the search): an
    /// object that sends its members in the order an earlier one of the same text did, not the
    /// declaration's, has each name after its first predicted (`*next` is the next one sent),
    /// and the first found at once from what the earlier object's first miss learned.
    #[test]
    fn an_order_seen_earlier_in_the_text_is_predicted() {
        // a static: a type's names are told apart by their address, and a `const` used at two
        // places may have two (the derive hands one literal to both paths)
        static DECLARED: &[&str] = &["a", "b", "c", "d", "e"];
        // (name index, read on the inline path, `next` after it)
        type Read = (usize, bool, usize);
        fn read(reader: &mut Reader<'_>, order: &[usize]) -> Vec<Read> {
            let mut next = 0;
            let mut reads = Vec::new();
            for _ in order {
                reader.pos += 1;
                let inline = reader.predicted_name(DECLARED, &mut next);
                let name = inline.or_else(|| reader.declared_name(DECLARED, &mut next));
                let index = DECLARED.iter().position(|n| Some(*n) == name).unwrap();
                reads.push((index, inline.is_some(), next));
                reader.pos += 1;
            }
            reads
        }
        let order = [2, 0, 4, 1];
        let object: String = order
            .iter()
            .map(|&i| format!("\"{}\":", DECLARED[i]))
            .collect();
        let text = object.repeat(3);
        let mut reader = Reader::new(&text);
        // the first object: every name missed and searched, then the declared one after it
        let first: [Read; 4] = [(2, false, 3), (0, false, 1), (4, false, 5), (1, false, 2)];
        assert_eq!(read(&mut reader, &order), first);
        // later ones: the first name missed (found where the first object's was), the rest inline
        let later: [Read; 4] = [(2, false, 0), (0, true, 4), (4, true, 1), (1, true, 2)];
        assert_eq!(read(&mut reader, &order), later);
        assert_eq!(read(&mut reader, &order), later);
        assert_eq!(reader.pos, text.len());
    }

    /// What the look ahead through an object settles, and that it leaves the cursor where it
    /// was.
    #[test]
    fn the_look_ahead_settles_a_type_not_first_or_absent_only() {
        let cases: &[(&str, &str)] = &[
            (r##"{"a":1,"@odata.type":"#x.y"}"##, "later #x.y"),
            (
                r##" { "a" : [1,{"@odata.type":"n"}] , "@type" : "x.y" } "##,
                "later x.y",
            ),
            (r##"{"a":{"@odata.type":"#x.y"}}"##, "absent"),
            ("{}", "absent"),
            (r##"{"a":1}"##, "absent"),
            // not settled: the type first, escapes, two types, not a string, not JSON
            (r##"{"@odata.type":"#x.y","a":1}"##, "as it comes"),
            (r##"{"a":1,"@odata\u002etype":"#x.y"}"##, "as it comes"),
            (r##"{"a\n":1,"@odata.type":"#x.y"}"##, "as it comes"),
            (r##"{"a":1,"@odata.type":"#x\u002ey"}"##, "as it comes"),
            (
                r##"{"a":1,"@odata.type":"#x.y","@type":"#x.z"}"##,
                "as it comes",
            ),
            (r##"{"a":1,"@odata.type":null}"##, "as it comes"),
            (r##"{"a":1,"@odata.type":"#x.y""##, "as it comes"),
            (r##"{"a":1 "b":2}"##, "as it comes"),
            (r##"{"a":[1,}"##, "as it comes"),
            (r##"{"a":1,}"##, "as it comes"),
            (r##"{"a"}"##, "as it comes"),
        ];
        for &(text, expected) in cases {
            let mut reader = Reader::new(text);
            reader.skip_ws();
            let at = reader.pos;
            let found = match reader.type_ahead() {
                TypeAhead::AsItComes => "as it comes".to_owned(),
                TypeAhead::Absent => "absent".to_owned(),
                TypeAhead::Later(name) => format!("later {name}"),
            };
            assert_eq!(found, expected, "{text}");
            assert_eq!((reader.pos, reader.faults), (at, 0), "{text}");
        }
    }

    /// The first byte `special` flags is the first `"`, `\` or control character, for every
    /// pair of neighbouring bytes at every place in a word, among plain and non-ASCII bytes.
    #[test]
    fn special_flags_the_first_special_byte_exactly() {
        let is_special = |b: u8| b == b'"' || b == b'\\' || b < 0x20;
        for filler in [b'x', b' ', b'!', b'#', 0x7f, 0x80, 0xa2, 0xdc, 0xff] {
            for at in 0..7 {
                for first in 0..=255u8 {
                    for second in 0..=255u8 {
                        let mut bytes = [filler; 8];
                        bytes[at] = first;
                        bytes[at + 1] = second;
                        let expected = bytes.iter().position(|&b| is_special(b)).unwrap_or(8);
                        let found = special(u64::from_le_bytes(bytes));
                        assert_eq!((found.trailing_zeros() / 8) as usize, expected, "{bytes:?}");
                    }
                }
            }
        }
    }
}
