//! [`RetryPolicy`]: when a throttled or unavailable answer is retried, and after how long.

use std::time::{Duration, SystemTime};

use crate::retry_after::RetryAfter;

/// When the [`Client`](super::Client) retries, and how long it waits.
///
/// Retried: 429 Too Many Requests (throttling), 503 Service Unavailable and 504 Gateway Timeout.
/// The wait is the response's `Retry-After` (seconds, fractional too, or an HTTP date) when it has
/// one, else exponential backoff with jitter. Attempts and the total wait are capped; a
/// `Retry-After` that would pass the cap returns the error at once instead of sleeping. Transport
/// errors (a dropped connection) are never retried, so a failing service sees no retry storm.
///
/// ```
/// use std::time::Duration;
/// use odata_resource_runtime::client::RetryPolicy;
///
/// let policy = RetryPolicy::default()
///     .max_attempts(5)
///     .max_total_wait(Duration::from_secs(30))
///     .throttling(false); // hand 429s to the caller, still retry 503/504
/// assert_eq!(policy.get_max_attempts(), 5);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    max_total_wait: Duration,
    base_delay: Duration,
    max_delay: Duration,
    throttling: bool,
    unavailable: bool,
}

impl Default for RetryPolicy {
    /// 4 attempts, at most 60 s of waiting in all, backoff from 500 ms up to 30 s, retrying 429,
    /// 503 and 504.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            max_total_wait: Duration::from_secs(60),
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
            throttling: true,
            unavailable: true,
        }
    }
}

impl RetryPolicy {
    /// Never retries.
    ///
    /// ```
    /// # use odata_resource_runtime::client::RetryPolicy;
    /// assert_eq!(RetryPolicy::none().get_max_attempts(), 1);
    /// ```
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// How many times a request is sent at most, the first included (at least 1).
    #[must_use]
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The most the client sleeps for one request, all retries together.
    #[must_use]
    pub fn max_total_wait(mut self, wait: Duration) -> Self {
        self.max_total_wait = wait;
        self
    }

    /// The first backoff delay (without `Retry-After`); it doubles each retry.
    #[must_use]
    pub fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// The longest single backoff delay (without `Retry-After`).
    #[must_use]
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// Whether 429 Too Many Requests is retried.
    #[must_use]
    pub fn throttling(mut self, retry: bool) -> Self {
        self.throttling = retry;
        self
    }

    /// Whether 503 Service Unavailable and 504 Gateway Timeout are retried.
    #[must_use]
    pub fn unavailable(mut self, retry: bool) -> Self {
        self.unavailable = retry;
        self
    }

    /// The configured attempt limit.
    pub fn get_max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// How long to wait before sending again, or `None` to hand the answer to the caller.
    ///
    /// `attempt` counts the attempts made so far (1 after the first), `waited` the time already
    /// slept for this request, `jitter` a number in `[0, 1)`.
    pub(crate) fn next_delay(
        &self,
        status: http::StatusCode,
        attempt: u32,
        retry_after: Option<RetryAfter>,
        waited: Duration,
        now: SystemTime,
        jitter: f64,
    ) -> Option<Duration> {
        let retryable = match status.as_u16() {
            429 => self.throttling,
            503 | 504 => self.unavailable,
            _ => false,
        };
        if !retryable || attempt >= self.max_attempts {
            return None;
        }
        let delay = match retry_after {
            Some(advertised) => advertised.delay_from(now),
            None => self.backoff(attempt, jitter),
        };
        (waited.saturating_add(delay) <= self.max_total_wait).then_some(delay)
    }

    /// Exponential backoff with "equal jitter": half the doubled delay, plus a random part of
    /// the other half, so clients that failed together do not retry together.
    fn backoff(&self, attempt: u32, jitter: f64) -> Duration {
        let doubled = self
            .base_delay
            .saturating_mul(1u32 << (attempt - 1).min(20))
            .min(self.max_delay);
        let half = doubled / 2;
        half + half.mul_f64(jitter.clamp(0.0, 1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOO_MANY: http::StatusCode = http::StatusCode::TOO_MANY_REQUESTS;

    fn delay(
        policy: &RetryPolicy,
        status: u16,
        attempt: u32,
        retry_after: Option<RetryAfter>,
        waited_ms: u64,
    ) -> Option<Duration> {
        policy.next_delay(
            http::StatusCode::from_u16(status).unwrap(),
            attempt,
            retry_after,
            Duration::from_millis(waited_ms),
            SystemTime::UNIX_EPOCH,
            0.5,
        )
    }

    #[test]
    fn retry_after_is_honoured_fractional_or_dated() {
        let policy = RetryPolicy::default();
        let secs = RetryAfter::parse("2.128");
        assert_eq!(
            delay(&policy, 429, 1, secs, 0),
            Some(Duration::from_millis(2128))
        );
        let at = Some(RetryAfter::At(
            SystemTime::UNIX_EPOCH + Duration::from_secs(7),
        ));
        assert_eq!(delay(&policy, 503, 1, at, 0), Some(Duration::from_secs(7)));
    }

    #[test]
    fn only_429_503_504_are_retried() {
        let policy = RetryPolicy::default();
        for status in [400, 401, 404, 412, 500, 502] {
            assert_eq!(delay(&policy, status, 1, None, 0), None, "{status}");
        }
        for status in [429, 503, 504] {
            assert!(delay(&policy, status, 1, None, 0).is_some(), "{status}");
        }
    }

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let policy = RetryPolicy::default()
            .base_delay(Duration::from_millis(100))
            .max_delay(Duration::from_millis(350))
            .max_attempts(10);
        let at = |attempt, jitter| {
            policy.next_delay(
                TOO_MANY,
                attempt,
                None,
                Duration::ZERO,
                SystemTime::UNIX_EPOCH,
                jitter,
            )
        };
        assert_eq!(at(1, 0.0), Some(Duration::from_millis(50)));
        assert_eq!(at(1, 1.0), Some(Duration::from_millis(100)));
        assert_eq!(at(2, 0.5), Some(Duration::from_millis(150)));
        assert_eq!(
            at(3, 1.0),
            Some(Duration::from_millis(350)),
            "capped by max_delay"
        );
        assert_eq!(at(9, 1.0), Some(Duration::from_millis(350)));
    }

    #[test]
    fn attempts_and_total_wait_are_capped() {
        let policy = RetryPolicy::default()
            .max_attempts(3)
            .max_total_wait(Duration::from_secs(5));
        assert!(delay(&policy, 429, 2, None, 0).is_some());
        assert_eq!(
            delay(&policy, 429, 3, None, 0),
            None,
            "third attempt was the last"
        );
        let long = RetryAfter::parse("6");
        assert_eq!(
            delay(&policy, 429, 1, long, 0),
            None,
            "beyond the cap: no sleep at all"
        );
        let fits = RetryAfter::parse("2");
        assert_eq!(
            delay(&policy, 429, 1, fits, 3000),
            Some(Duration::from_secs(2))
        );
        assert_eq!(delay(&policy, 429, 1, fits, 3001), None);
    }

    #[test]
    fn switches() {
        let no_throttling = RetryPolicy::default().throttling(false);
        assert_eq!(delay(&no_throttling, 429, 1, None, 0), None);
        assert!(delay(&no_throttling, 503, 1, None, 0).is_some());
        let no_unavailable = RetryPolicy::default().unavailable(false);
        assert!(delay(&no_unavailable, 429, 1, None, 0).is_some());
        assert_eq!(delay(&no_unavailable, 504, 1, None, 0), None);
        assert_eq!(delay(&RetryPolicy::none(), 429, 1, None, 0), None);
    }
}
