//! Writing a [`DateTimeOffset`](super::DateTimeOffset) back exactly as it was read, into a stack
//! buffer; its date and its time of day are written as `Edm.Date` and `Edm.TimeOfDay`
//! (`types::edm`) are.

use time::{Date, Time};

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
pub(crate) fn put_two(b: &mut [u8; MAX_LEN], at: usize, value: u8) {
    let i = usize::from(value % 100) * 2;
    b[at] = PAIRS[i];
    b[at + 1] = PAIRS[i + 1];
}

/// Fills `slots` with the last `slots.len()` decimal digits of `value`, leading zeros included;
/// two at a time, right to left.
#[inline]
pub(crate) fn put_digits(slots: &mut [u8], mut value: u32) {
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

/// Writes `date` at the start of `b`, `[-]yyyy-mm-dd` (`-0000` if `negative_zero_year`); returns
/// where it ends.
#[inline]
pub(crate) fn encode_date(b: &mut [u8; MAX_LEN], date: Date, negative_zero_year: bool) -> usize {
    // one calendar computation rather than one each for the month and the day
    let (year, month, day) = date.to_calendar_date();
    let mut at = 0;
    if year < 0 || negative_zero_year {
        b[0] = b'-';
        at = 1;
    }
    // `time` keeps years within ±9999: four digits
    let year = year.unsigned_abs();
    put_two(b, at, (year / 100) as u8);
    put_two(b, at + 2, (year % 100) as u8);
    b[at + 4] = b'-';
    put_two(b, at + 5, u8::from(month));
    b[at + 7] = b'-';
    put_two(b, at + 8, day);
    at + 10
}

/// Writes `time` at `at` in `b` as `hh:mm`, then `:ss` if `seconds_written`, then
/// `fraction_digits` digits of its nanoseconds and of `sub_nanos` (digits 10 to 12); returns
/// where it ends. Bytes after it may have been written too (the fraction's digits are written
/// nine at a time).
#[inline]
pub(crate) fn encode_time(
    b: &mut [u8; MAX_LEN],
    at: usize,
    time: Time,
    sub_nanos: u16,
    fraction_digits: u8,
    seconds_written: bool,
) -> usize {
    let (hour, minute, second) = time.as_hms();
    put_two(b, at, hour);
    b[at + 2] = b':';
    put_two(b, at + 3, minute);
    let mut at = at + 5;
    if !seconds_written {
        return at;
    }
    b[at] = b':';
    put_two(b, at + 1, second);
    at += 3;
    if fraction_digits > 0 {
        b[at] = b'.';
        at += 1;
        // all 9 nanosecond digits (a fixed count: no loop, no division by a power of ten), of
        // which the first `shown` stay; what follows writes over the rest
        let shown = usize::from(fraction_digits.min(9));
        put_digits(&mut b[at..at + 9], time.nanosecond());
        at += shown;
        if fraction_digits > 9 {
            // digits 10 to 12, the same way
            put_digits(&mut b[at..at + 3], u32::from(sub_nanos));
            at += usize::from(fraction_digits - 9);
        }
    }
    at
}

/// The fewest fraction digits (0 to 9) that represent `nanos` exactly.
pub(crate) fn fewest_fraction_digits(nanos: u32) -> u8 {
    if nanos == 0 {
        return 0;
    }
    let mut digits = 9;
    let mut rest = nanos;
    while rest % 10 == 0 {
        rest /= 10;
        digits -= 1;
    }
    digits
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
pub(crate) const MAX_LEN: usize = 39;

/// A text form written into a stack buffer (ASCII only).
pub(crate) struct Encoded {
    pub(crate) bytes: [u8; MAX_LEN],
    pub(crate) len: usize,
}

impl Encoded {
    /// The text `write` writes at the start of a buffer, returning its length.
    #[inline]
    pub(crate) fn written(write: impl FnOnce(&mut [u8; MAX_LEN]) -> usize) -> Self {
        let mut buf = Encoded {
            bytes: [0; MAX_LEN],
            len: 0,
        };
        buf.len = write(&mut buf.bytes);
        buf
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII is ever written, so this never falls back.
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}
