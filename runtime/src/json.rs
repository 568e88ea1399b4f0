//! The JSON writer every generated body goes through: strings, numbers and raw serde values.

/// Appends `s` as a JSON string literal (quotes included) to `out`.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    if needs_escaping(bytes) {
        write_escaped(out, bytes);
    } else {
        out.extend_from_slice(bytes);
    }
    out.push(b'"');
}

/// Appends `s` between quotes without looking for characters to escape: for text known to
/// have none (a declared enum member's wire name, checked by the derive).
#[inline]
pub fn write_plain_str(out: &mut Vec<u8>, s: &str) {
    debug_assert!(!needs_escaping(s.as_bytes()), "{s:?} needs escaping");
    out.reserve(s.len() + 2);
    out.push(b'"');
    out.extend_from_slice(s.as_bytes());
    out.push(b'"');
}

/// Whether any byte needs an escape (a control character, `"` or `\\`), tested eight bytes at a
/// time, so text without escapes is copied in one go.
#[inline]
fn needs_escaping(bytes: &[u8]) -> bool {
    let mut words = bytes.chunks_exact(8);
    for word in words.by_ref() {
        if word_needs_escaping(u64::from_le_bytes([
            word[0], word[1], word[2], word[3], word[4], word[5], word[6], word[7],
        ])) {
            return true;
        }
    }
    // the last few bytes one at a time (at most seven)
    words
        .remainder()
        .iter()
        .any(|&b| ESCAPE[usize::from(b)] != 0)
}

/// Whether one of the eight bytes in `word` is below 0x20, `"` or `\\` (the bit tricks of
/// "Bit Twiddling Hacks": `has_less(x, n)` and `has_zero(x ^ byte)`; exact for "any").
fn word_needs_escaping(word: u64) -> bool {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES * 0x80;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH != 0;
    below_space
        || has_zero(word ^ (ONES * u64::from(b'"')))
        || has_zero(word ^ (ONES * u64::from(b'\\')))
}

/// The escaping loop, for text that needs it.
#[cold]
fn write_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = ESCAPE[usize::from(b)];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        match escape {
            b'u' => {
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            }
            other => out.extend_from_slice(&[b'\\', other]),
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// For each byte: 0 = copy as is, otherwise the character after the backslash (`u` = `\u00XX`).
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        table[i] = b'u';
        i += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Appends an integer in decimal.
pub fn write_integer<I: itoa::Integer>(out: &mut Vec<u8>, value: I) {
    out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
}

/// Appends a floating-point number; OData writes the non-finite values as the strings `"INF"`,
/// `"-INF"` and `"NaN"`.
pub fn write_float(out: &mut Vec<u8>, value: f64) {
    if value.is_nan() {
        out.extend_from_slice(b"\"NaN\"");
    } else if value.is_infinite() {
        out.extend_from_slice(if value > 0.0 { b"\"INF\"" } else { b"\"-INF\"" });
    } else {
        out.extend_from_slice(ryu::Buffer::new().format_finite(value).as_bytes());
    }
}

/// Appends any `serde` value through `serde_json` (used for untyped JSON values).
pub fn write_serde<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    // Writing a `serde_json::Value` or map into a Vec cannot fail: keys are strings and the
    // writer is infallible.
    if serde_json::to_writer(&mut *out, value).is_err() {
        out.extend_from_slice(b"null");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(s: &str) -> String {
        let mut out = Vec::new();
        write_str(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        let long = "x".repeat(70);
        let mut cases: Vec<String> = ["", "plain", "Tab\there", "q\"uote", "back\\slash", "ü€😀"]
            .map(str::to_owned)
            .into();
        cases.extend((0u8..0x80).map(|b| format!("a{}b", char::from(b))));
        // an escape in the first, a middle and the last 32-byte chunk, and none
        for at in [0, 31, 32, 69, 70] {
            let mut text = long.clone();
            text.insert(at, '\n');
            cases.push(text);
        }
        cases.push(long);
        cases.extend(["ééééé\"é", "€€€€\n€€", "😀😀😀😀", "ÿÿÿÿÿÿÿÿ\\"].map(str::to_owned));
        // every byte value at every position of a 16-byte text (two words, no remainder)
        for at in 0..16 {
            for b in 0u8..0x80 {
                let mut text = "abcdefghijklmnop".to_owned().into_bytes();
                text[at] = b;
                cases.push(String::from_utf8(text).unwrap());
            }
        }
        for case in cases {
            assert_eq!(
                written(&case),
                serde_json::to_string(&case).unwrap(),
                "{case:?}"
            );
        }
    }
}
