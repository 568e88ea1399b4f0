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
/// time without a branch per word, so text without escapes is copied in one go. Text of eight
/// bytes or more ends with one more word that overlaps the last whole one; shorter text is
/// looked up byte by byte.
#[inline]
fn needs_escaping(bytes: &[u8]) -> bool {
    let len = bytes.len();
    if len < 8 {
        return bytes.iter().any(|&b| ESCAPE[usize::from(b)] != 0);
    }
    let word = |at: usize| {
        let mut eight = [0; 8];
        eight.copy_from_slice(&bytes[at..at + 8]);
        escape_flags(u64::from_le_bytes(eight))
    };
    let mut flags = word(len - 8);
    let mut at = 0;
    while at + 8 <= len {
        flags |= word(at);
        at += 8;
    }
    flags & HIGH != 0
}

/// `0x0101…01`: one in every byte.
const ONES: u64 = u64::MAX / 255;
/// `0x8080…80`: the high bit of every byte.
const HIGH: u64 = ONES * 0x80;

/// A word whose [`HIGH`] bits are all clear exactly when none of its eight bytes is below 0x20,
/// `"` or `\\` (the bit tricks of "Bit Twiddling Hacks": `has_less(x, n)` and
/// `has_zero(x ^ byte)`, each exact for "any"; or-ed, so one test covers all three).
#[inline]
fn escape_flags(word: u64) -> u64 {
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x;
    let below_space = word.wrapping_sub(ONES * 0x20) & !word;
    below_space
        | has_zero(word ^ (ONES * u64::from(b'"')))
        | has_zero(word ^ (ONES * u64::from(b'\\')))
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
        // every ASCII byte at every position of texts of 1 to 25 bytes: byte by byte below
        // eight, whole words, and a last word overlapping the one before
        for len in 1..=25 {
            for at in 0..len {
                for b in 0u8..0x80 {
                    let mut text = "abcdefghijklmnopqrstuvwxy".as_bytes()[..len].to_vec();
                    text[at] = b;
                    cases.push(String::from_utf8(text).unwrap());
                }
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
