//! [`RetryAfter`]: the `Retry-After` response header of a throttled (429) or unavailable (503)
//! response.
//!
//! ```
//! use std::time::Duration;
//! use odata_resource_runtime::RetryAfter;
//!
//! // Microsoft Graph sends fractional seconds.
//! assert_eq!(RetryAfter::parse("2.128"), Some(RetryAfter::Delay(Duration::from_millis(2128))));
//! ```

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// When to retry a request, as given by a `Retry-After` header: a delay or a point in time.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use odata_resource_runtime::RetryAfter;
///
/// let delay = RetryAfter::parse("120").unwrap();
/// assert_eq!(delay, RetryAfter::Delay(Duration::from_secs(120)));
///
/// let at = RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
/// assert_eq!(at, RetryAfter::At(UNIX_EPOCH + Duration::from_secs(784_111_777)));
/// assert_eq!(at.to_string(), "Sun, 06 Nov 1994 08:49:37 GMT");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryAfter {
    /// Retry after this long (`Retry-After: 120`, or Graph's fractional `Retry-After: 2.128`).
    Delay(Duration),
    /// Retry at (or after) this time (`Retry-After: Fri, 31 Dec 1999 23:59:59 GMT`).
    At(SystemTime),
}

impl RetryAfter {
    /// Parses a `Retry-After` header value, with surrounding whitespace ignored:
    ///
    /// - delay-seconds as a non-negative integer (`120`) or, as Microsoft Graph sends them, a
    ///   non-negative decimal number (`2.128`), read exactly (no floating point) to the
    ///   nanosecond; digits below a nanosecond round the delay up, so a retry is never early;
    /// - an HTTP-date in the IMF-fixdate form (`Sun, 06 Nov 1994 08:49:37 GMT`) or one of the
    ///   obsolete RFC 850 and asctime forms (dates before 1970 are rejected).
    ///
    /// Anything else is `None`: signs, exponents (`1e3`), `NaN`, `inf`, an empty value, a `.`
    /// without digits on both sides, or a delay beyond `u64::MAX` seconds.
    ///
    /// ```
    /// use std::time::Duration;
    /// use odata_resource_runtime::RetryAfter;
    ///
    /// assert_eq!(RetryAfter::parse(" 2.128 "), Some(RetryAfter::Delay(Duration::from_millis(2128))));
    /// assert!(matches!(RetryAfter::parse("Sunday, 06-Nov-94 08:49:37 GMT"), Some(RetryAfter::At(_))));
    /// assert_eq!(RetryAfter::parse("-1"), None);
    /// assert_eq!(RetryAfter::parse("1e3"), None);
    /// ```
    #[must_use]
    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim();
        if let Some(delay) = parse_delay(value) {
            return Some(Self::Delay(delay));
        }
        httpdate::parse_http_date(value).ok().map(Self::At)
    }

    /// Reads the `Retry-After` header (the first one, if there are several) from `headers`.
    /// `None` when it is absent, not visible ASCII, or not [parsable](Self::parse).
    ///
    /// ```
    /// use std::time::Duration;
    /// use http::HeaderMap;
    /// use odata_resource_runtime::RetryAfter;
    ///
    /// let mut headers = HeaderMap::new();
    /// assert_eq!(RetryAfter::from_headers(&headers), None);
    /// headers.insert("Retry-After", "10".parse().unwrap());
    /// assert_eq!(RetryAfter::from_headers(&headers), Some(RetryAfter::Delay(Duration::from_secs(10))));
    /// ```
    #[must_use]
    pub fn from_headers(headers: &http::HeaderMap) -> Option<Self> {
        let value = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?;
        Self::parse(value)
    }

    /// How long to wait, counted from `now`: the delay itself, or the time from `now` until the
    /// date (zero if the date is not after `now`).
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use odata_resource_runtime::RetryAfter;
    ///
    /// let now = SystemTime::now();
    /// let delay = RetryAfter::Delay(Duration::from_secs(5));
    /// assert_eq!(delay.delay_from(now), Duration::from_secs(5));
    /// let at = RetryAfter::At(now + Duration::from_secs(30));
    /// assert_eq!(at.delay_from(now), Duration::from_secs(30));
    /// let past = RetryAfter::At(now - Duration::from_secs(30));
    /// assert_eq!(past.delay_from(now), Duration::ZERO);
    /// ```
    #[must_use]
    pub fn delay_from(&self, now: SystemTime) -> Duration {
        match *self {
            Self::Delay(delay) => delay,
            Self::At(at) => at.duration_since(now).unwrap_or(Duration::ZERO),
        }
    }
}

/// Parses `digits [ "." digits ]` exactly; `None` for anything else or beyond `u64::MAX` s.
fn parse_delay(value: &str) -> Option<Duration> {
    let (whole, fraction) = match value.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (value, None),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut seconds: u64 = 0;
    for byte in whole.bytes() {
        seconds = seconds
            .checked_mul(10)?
            .checked_add(u64::from(byte - b'0'))?;
    }
    let mut nanos: u32 = 0;
    let mut below_a_nanosecond = false;
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let mut scale = 100_000_000;
        for byte in fraction.bytes() {
            let digit = u32::from(byte - b'0');
            if scale > 0 {
                nanos += digit * scale;
                scale /= 10;
            } else if digit != 0 {
                below_a_nanosecond = true;
            }
        }
    }
    let delay = Duration::new(seconds, nanos);
    if below_a_nanosecond {
        delay.checked_add(Duration::from_nanos(1))
    } else {
        Some(delay)
    }
}

/// The last second [`httpdate`] can write: 9999-12-31T23:59:59Z.
const LAST_HTTP_DATE_SECOND: u64 = 253_402_300_799;

impl fmt::Display for RetryAfter {
    /// Writes a delay as decimal seconds without trailing zeros (`120`, `2.128`) and a date as an
    /// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the forms [`RetryAfter::parse`] reads.
    /// A date is written to the second and clamped to the years 1970 to 9999.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Delay(delay) => {
                write!(f, "{}", delay.as_secs())?;
                let nanos = delay.subsec_nanos();
                if nanos == 0 {
                    return Ok(());
                }
                let mut digits = format!("{nanos:09}");
                digits.truncate(digits.trim_end_matches('0').len());
                write!(f, ".{digits}")
            }
            Self::At(at) => {
                let seconds = at
                    .duration_since(UNIX_EPOCH)
                    .map_or(0, |since| since.as_secs())
                    .min(LAST_HTTP_DATE_SECOND);
                let clamped = UNIX_EPOCH + Duration::from_secs(seconds);
                f.write_str(&httpdate::fmt_http_date(clamped))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::{HeaderMap, HeaderName, HeaderValue};

    fn delay(value: &str) -> Option<Duration> {
        match RetryAfter::parse(value) {
            Some(RetryAfter::Delay(delay)) => Some(delay),
            Some(RetryAfter::At(at)) => panic!("{value:?} read as a date {at:?}"),
            None => None,
        }
    }

    fn at(seconds: u64) -> RetryAfter {
        RetryAfter::At(UNIX_EPOCH + Duration::from_secs(seconds))
    }

    #[test]
    fn integer_seconds() {
        assert_eq!(delay("120"), Some(Duration::from_secs(120)));
        assert_eq!(delay("0"), Some(Duration::ZERO));
        assert_eq!(delay("007"), Some(Duration::from_secs(7)));
        assert_eq!(
            delay("18446744073709551615"),
            Some(Duration::from_secs(u64::MAX))
        );
        assert_eq!(delay(" 120 "), Some(Duration::from_secs(120)));
        assert_eq!(delay("\t5\r\n"), Some(Duration::from_secs(5)));
    }

    #[test]
    fn decimal_seconds_are_exact() {
        assert_eq!(delay("2.128"), Some(Duration::from_millis(2128)));
        assert_eq!(delay("0.1"), Some(Duration::from_millis(100)));
        assert_eq!(delay("0.0"), Some(Duration::ZERO));
        assert_eq!(delay("1.000000000000"), Some(Duration::from_secs(1)));
        assert_eq!(delay("1.123456789"), Some(Duration::new(1, 123_456_789)));
        assert_eq!(delay("0.3"), Some(Duration::new(0, 300_000_000)));
        // below a nanosecond rounds up
        assert_eq!(delay("0.0000000001"), Some(Duration::from_nanos(1)));
        assert_eq!(delay("1.9999999999"), Some(Duration::from_secs(2)));
        assert_eq!(delay("18446744073709551615.999999999"), Some(Duration::MAX));
    }

    #[test]
    fn rejects_everything_else() {
        for value in [
            "",
            " ",
            "-1",
            "+1",
            "-0",
            "1e3",
            "1E3",
            "NaN",
            "nan",
            "inf",
            "Infinity",
            "1.",
            ".5",
            "1..2",
            "1.2.3",
            "1,5",
            "1 2",
            "0x10",
            "12s",
            "١٢",
            "１",
            "18446744073709551616",
            "99999999999999999999999999",
            "18446744073709551615.9999999999",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 Nov 1994 08:49:37",
            "1994-11-06T08:49:37Z",
            "Thu, 01 Jan 1960 00:00:00 GMT",
        ] {
            assert_eq!(RetryAfter::parse(value), None, "{value:?}");
        }
    }

    #[test]
    fn http_dates() {
        assert_eq!(
            RetryAfter::parse("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(at(784_111_777))
        );
        assert_eq!(
            RetryAfter::parse("Sunday, 06-Nov-94 08:49:37 GMT"),
            Some(at(784_111_777))
        );
        assert_eq!(
            RetryAfter::parse("Sun Nov  6 08:49:37 1994"),
            Some(at(784_111_777))
        );
        assert_eq!(
            RetryAfter::parse("  Fri, 31 Dec 1999 23:59:59 GMT "),
            Some(at(946_684_799))
        );
        assert_eq!(
            RetryAfter::parse("Thu, 01 Jan 1970 00:00:00 GMT"),
            Some(at(0))
        );
    }

    #[test]
    fn from_headers() {
        let mut headers = HeaderMap::new();
        assert_eq!(RetryAfter::from_headers(&headers), None);
        headers.insert(
            HeaderName::from_bytes(b"Retry-After").unwrap(),
            HeaderValue::from_static("2.128"),
        );
        assert_eq!(
            RetryAfter::from_headers(&headers),
            Some(RetryAfter::Delay(Duration::from_millis(2128)))
        );
        headers.insert(
            "retry-after",
            HeaderValue::from_static("Sun, 06 Nov 1994 08:49:37 GMT"),
        );
        assert_eq!(RetryAfter::from_headers(&headers), Some(at(784_111_777)));
        headers.insert("RETRY-AFTER", HeaderValue::from_static("soon"));
        assert_eq!(RetryAfter::from_headers(&headers), None);
        headers.insert("retry-after", HeaderValue::from_bytes(b"1\xff").unwrap());
        assert_eq!(RetryAfter::from_headers(&headers), None);
        // the first of several values counts
        let mut headers = HeaderMap::new();
        headers.append("retry-after", HeaderValue::from_static("3"));
        headers.append("retry-after", HeaderValue::from_static("4"));
        assert_eq!(
            RetryAfter::from_headers(&headers),
            Some(RetryAfter::Delay(Duration::from_secs(3)))
        );
    }

    #[test]
    fn delay_from() {
        let now = UNIX_EPOCH + Duration::from_secs(1_000_000);
        assert_eq!(
            RetryAfter::Delay(Duration::from_millis(2128)).delay_from(now),
            Duration::from_millis(2128)
        );
        assert_eq!(at(1_000_030).delay_from(now), Duration::from_secs(30));
        assert_eq!(at(1_000_000).delay_from(now), Duration::ZERO);
        assert_eq!(at(999_970).delay_from(now), Duration::ZERO);
    }

    #[test]
    fn display() {
        for (value, text) in [
            (RetryAfter::Delay(Duration::from_secs(120)), "120"),
            (RetryAfter::Delay(Duration::from_millis(2128)), "2.128"),
            (RetryAfter::Delay(Duration::ZERO), "0"),
            (RetryAfter::Delay(Duration::from_nanos(1)), "0.000000001"),
            (
                RetryAfter::Delay(Duration::MAX),
                "18446744073709551615.999999999",
            ),
            (at(784_111_777), "Sun, 06 Nov 1994 08:49:37 GMT"),
            (at(0), "Thu, 01 Jan 1970 00:00:00 GMT"),
        ] {
            assert_eq!(value.to_string(), text);
            assert_eq!(RetryAfter::parse(text), Some(value));
        }
        assert_eq!(
            RetryAfter::parse("2.1280").unwrap().to_string(),
            "2.128",
            "trailing zeros are not kept"
        );
        // dates httpdate cannot write are clamped instead of panicking
        let before = RetryAfter::At(UNIX_EPOCH - Duration::from_secs(1));
        assert_eq!(before.to_string(), "Thu, 01 Jan 1970 00:00:00 GMT");
        let after = at(LAST_HTTP_DATE_SECOND + 86_400 * 400);
        assert_eq!(after.to_string(), "Fri, 31 Dec 9999 23:59:59 GMT");
        assert_eq!(
            RetryAfter::At(UNIX_EPOCH + Duration::new(784_111_777, 500_000_000)).to_string(),
            "Sun, 06 Nov 1994 08:49:37 GMT"
        );
    }

    use crate::test_rng::XorShift;

    #[test]
    fn never_panics_on_pseudo_random_input() {
        const ALPHABET: &[&str] = &[
            "0", "1", "2", "5", "9", ".", " ", "\t", "-", "+", "e", ",", ":", "GMT", "Sun, ",
            "Nov", "é", "١", "\0",
        ];
        const SEEDS: &[&str] = &[
            "2.128",
            "120",
            "18446744073709551615",
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ];
        let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
        let mut parsed = 0;
        for round in 0..20_000 {
            let text: String = if round % 2 == 0 {
                let len = rng.below(40);
                (0..len)
                    .map(|_| ALPHABET[rng.below(ALPHABET.len())])
                    .collect()
            } else {
                let mut bytes = SEEDS[rng.below(SEEDS.len())].as_bytes().to_vec();
                for _ in 0..=rng.below(2) {
                    let index = rng.below(bytes.len() + 1);
                    match rng.below(3) {
                        0 if index < bytes.len() => {
                            bytes.remove(index);
                        }
                        1 => bytes.insert(index, rng.next().to_le_bytes()[0]),
                        _ => bytes.truncate(index),
                    }
                }
                String::from_utf8_lossy(&bytes).into_owned()
            };
            if let Some(value) = RetryAfter::parse(&text) {
                parsed += 1;
                let written = value.to_string();
                let _ = value.delay_from(SystemTime::now());
                if let RetryAfter::Delay(_) = value {
                    assert_eq!(RetryAfter::parse(&written), Some(value), "{text:?}");
                }
            }
        }
        assert!(parsed > 1_000, "only {parsed} parsed");
    }
}
