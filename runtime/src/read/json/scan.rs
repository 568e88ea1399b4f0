//! [`Reader`]: the cursor over a JSON text and its tokens (whitespace, literals, strings,
//! numbers, skipped values). Every refusal is a [`Bail`]: the text is then read again by
//! serde_json, whose answer (a value or its error) is the one given.

use super::bail::Bail;

/// serde_json's recursion limit: an array or object nested 128 deep is an error there.
const DEPTH: u8 = 128;

/// A position in the JSON text being read, and what reading it needs besides.
pub(super) struct Reader<'de> {
    text: &'de str,
    pub(super) pos: usize,
    /// Nesting levels left before serde_json's limit.
    depth: u8,
    /// Whether this reader refused anything (an error a visitor might have swallowed).
    pub(super) refused: bool,
    /// The end of the first raw value (`Decimal`'s digits) whose visitor refused it: serde_json
    /// gives such an error the position of an enclosing object's end, this one says where the
    /// value was (`read::locate`).
    pub(super) raw_value_fault: Option<usize>,
    /// Where a string with escapes is decoded.
    scratch: String,
}

/// A decoded string: borrowed from the text when it had no escapes.
pub(super) enum Text<'de, 's> {
    Borrowed(&'de str),
    Copied(&'s str),
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
            raw_value_fault: None,
            scratch: String::new(),
        }
    }

    /// Refuses what is being read: notes it and gives the error.
    #[cold]
    #[inline(never)]
    pub(super) fn bail(&mut self) -> Bail {
        self.refused = true;
        Bail
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

    /// Skips whitespace and consumes `byte`, or refuses.
    #[inline]
    pub(super) fn expect(&mut self, byte: u8) -> Result<(), Bail> {
        if self.skip_ws() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.bail())
        }
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

    /// Consumes `word` (the rest of `null`, `true`, `false` after its first byte).
    #[inline]
    pub(super) fn word(&mut self, word: &[u8]) -> Result<(), Bail> {
        if self.bytes()[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.bail())
        }
    }

    /// One more level of nesting (an array or object just opened).
    #[inline]
    pub(super) fn enter(&mut self) -> Result<(), Bail> {
        // the 128th level is refused, as by serde_json (and the count never goes below 1)
        if self.depth == 1 {
            return Err(self.bail());
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
    /// escapes and lone surrogates are refused (serde_json refuses them too).
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
            _ => Err(self.bail()),
        }
    }

    /// The name at the cursor (after its opening quote) when it is one of `declared`, which are
    /// plain names (no `"`, `\\` or control character: the derive checks its wire names): the
    /// one at `*next` is tried first, then the others; the cursor moves past its closing quote
    /// and `*next` to the one after it. `None` (nothing consumed) for any other name, or one
    /// written with escapes.
    #[inline]
    pub(super) fn declared_name(
        &mut self,
        declared: &'static [&'static str],
        next: &mut usize,
    ) -> Option<&'static str> {
        let rest = self.bytes().get(self.pos..)?;
        let predicted = *next;
        let (found, name) = match declared.get(predicted) {
            Some(&name) if is_at(rest, name.as_bytes()) => (predicted, name),
            // an annotation: never a declared name (the derive refuses wire names with an `@`)
            _ if rest.first() == Some(&b'@') => return None,
            _ => declared
                .iter()
                .enumerate()
                .find(|(_, name)| is_at(rest, name.as_bytes()))
                .map(|(found, &name)| (found, name))?,
        };
        debug_assert!(!name.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20));
        self.pos += name.len() + 1;
        *next = found + 1;
        Some(name)
    }

    /// [`declared_name`](Self::declared_name)'s first try, inlined into every derived type's
    /// reading: the name at `*next` when it is the one at the cursor (services write members in
    /// declaration order); the cursor moves past its closing quote and `*next` to the one after
    /// it. `None` (nothing consumed) otherwise.
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
        *next += 1;
        Some(name)
    }

    /// Where the text of an `Edm.DateTimeOffset` starting at `start` ends (its closing quote),
    /// from the shape services write: nineteen bytes of date and time, maybe a `.` and digits,
    /// then `Z` or `±hh:mm`, then `"`. Only the bytes this shape stands on are looked at; the
    /// parser checks the rest. `None` for any other shape.
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
            b'+' | b'-' => 6,
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
            _ => Err(self.bail()),
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
    fn to_special(&self, from: usize) -> usize {
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
    /// that floats and big integers come out bit for bit as serde_json makes them. Reading an
    /// `f32` (`single_precision`), serde_json rounds differently: such a float is refused.
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
            _ => return Err(self.bail()),
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

    /// A number with a fraction, an exponent or many digits: its text (the run of number
    /// characters at `start`) read by serde_json's own parser. Read for an `f32`
    /// (`single_precision`), serde_json rounds a float to `f32` and hands the visitor that as an
    /// `f64`: so does this.
    #[cold]
    fn long_number(&mut self, start: usize, single_precision: bool) -> Result<Number, Bail> {
        let bytes = self.bytes();
        let mut end = start + 1;
        while matches!(
            bytes.get(end),
            Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
        ) {
            end += 1;
        }
        let text = &self.text[start..end];
        let float = text.contains(['.', 'e', 'E']);
        let number = if single_precision && float {
            serde_json::from_str::<f32>(text)
                .ok()
                .map(|value| Number::F64(f64::from(value)))
        } else {
            serde_json::from_str::<serde_json::Number>(text)
                .ok()
                .and_then(|number| Number::of(&number))
        };
        match number {
            // an integer beyond u64 becomes a float with the precision asked for: refused for f32
            Some(Number::F64(_)) if single_precision && !float && !fits_u64(text) => {
                Err(self.bail())
            }
            Some(number) => {
                self.pos = end;
                Ok(number)
            }
            None => Err(self.bail()),
        }
    }

    /// The text from `start` to the cursor.
    pub(super) fn raw_text(&self, start: usize) -> &'de str {
        &self.text[start..self.pos]
    }

    /// Skips the value at the cursor, checking it as serde_json checks a value it ignores
    /// (escapes' letters and hex digits, numbers' grammar, no control characters in strings).
    pub(super) fn skip_value(&mut self) -> Result<(), Bail> {
        match self.skip_ws() {
            Some(b'"') => {
                self.pos += 1;
                self.skip_string()
            }
            Some(b'n') => self.word(b"null"),
            Some(b't') => self.word(b"true"),
            Some(b'f') => self.word(b"false"),
            Some(b'-' | b'0'..=b'9') => self.skip_number(),
            Some(b'[') => {
                self.pos += 1;
                self.enter()?;
                if self.skip_ws() == Some(b']') {
                    self.pos += 1;
                } else {
                    loop {
                        self.skip_value()?;
                        match self.skip_ws() {
                            Some(b',') => self.pos += 1,
                            Some(b']') => {
                                self.pos += 1;
                                break;
                            }
                            _ => return Err(self.bail()),
                        }
                    }
                }
                self.leave();
                Ok(())
            }
            Some(b'{') => {
                self.pos += 1;
                self.enter()?;
                if self.skip_ws() == Some(b'}') {
                    self.pos += 1;
                } else {
                    loop {
                        self.expect(b'"')?;
                        self.skip_string()?;
                        self.expect(b':')?;
                        self.skip_value()?;
                        match self.skip_ws() {
                            Some(b',') => self.pos += 1,
                            Some(b'}') => {
                                self.pos += 1;
                                break;
                            }
                            _ => return Err(self.bail()),
                        }
                    }
                }
                self.leave();
                Ok(())
            }
            _ => Err(self.bail()),
        }
    }

    /// Skips a string whose opening quote was consumed.
    fn skip_string(&mut self) -> Result<(), Bail> {
        let bytes = self.bytes();
        let mut at = self.pos;
        loop {
            at = self.to_special(at);
            match bytes.get(at) {
                Some(b'"') => {
                    self.pos = at + 1;
                    return Ok(());
                }
                Some(b'\\') => match bytes.get(at + 1) {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => at += 2,
                    // serde_json checks an ignored `\u`'s hex digits, not its surrogates
                    Some(b'u') if self.hex4(at + 2).is_some() => at += 6,
                    _ => return Err(self.bail()),
                },
                _ => return Err(self.bail()),
            }
        }
    }

    /// Skips a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn skip_number(&mut self) -> Result<(), Bail> {
        let bytes = self.bytes();
        let mut at = self.pos + usize::from(bytes.get(self.pos) == Some(&b'-'));
        let digits = |at: usize| {
            bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
        };
        match bytes.get(at) {
            Some(b'0') => at += 1,
            Some(b'1'..=b'9') => at += digits(at),
            _ => return Err(self.bail()),
        }
        if bytes.get(at) == Some(&b'.') {
            let fraction = digits(at + 1);
            if fraction == 0 {
                return Err(self.bail());
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
                return Err(self.bail());
            }
            at += exponent;
        }
        // `0` followed by a digit: serde_json refuses the leading zero
        if bytes.get(at).is_some_and(u8::is_ascii_digit) {
            return Err(self.bail());
        }
        self.pos = at;
        Ok(())
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
    use super::special;

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
