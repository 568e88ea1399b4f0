//! Writing a [`DateTimeOffset`] back exactly as it was read, into a stack buffer.

/// `"00010203…99"`: the two digits of every number below 100.
const PAIRS: [u8; 200] = {
    let mut pairs = [0u8; 200];
    let mut i = 0;
    while i < 100 {
        pairs[2 * i] = b'0' + (i / 10) as u8;
        pairs[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    pairs
};

/// Writes `value % 100` as two digits at `at`.
#[inline]
pub(super) fn put_two(b: &mut [u8; MAX_LEN], at: usize, value: u8) {
    let i = usize::from(value % 100) * 2;
    b[at] = PAIRS[i];
    b[at + 1] = PAIRS[i + 1];
}

/// Fills `slots` with the last `slots.len()` decimal digits of `value`, leading zeros included;
/// two at a time, right to left.
#[inline]
pub(super) fn put_digits(slots: &mut [u8], mut value: u32) {
    let mut end = slots.len();
    while end >= 2 {
        let i = (value % 100) as usize * 2;
        slots[end - 2] = PAIRS[i];
        slots[end - 1] = PAIRS[i + 1];
        value /= 100;
        end -= 2;
    }
    if end == 1 {
        slots[0] = b'0' + (value % 10) as u8;
    }
}

/// `10^n` for `n` in `0..=9`.
pub(super) const POW10: [u32; 10] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
];

/// The longest text form: `-9999-12-31T23:59:59.999999999999+23:59`.
pub(super) const MAX_LEN: usize = 39;

/// A text form written into a stack buffer (ASCII only).
pub(super) struct Encoded {
    pub(super) bytes: [u8; MAX_LEN],
    pub(super) len: usize,
}

impl Encoded {
    pub(super) fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }

    pub(super) fn as_str(&self) -> &str {
        // Only ASCII is ever written, so this never falls back.
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}
