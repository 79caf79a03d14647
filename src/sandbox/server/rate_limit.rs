//! The rate-limit fault (`lsr sandbox faults set --rate-limit N`): at most N API requests per
//! second for each account (the account in the request's path), the rest answered `429 Too Many
//! Requests` with `Retry-After`, as Bandwidth answers a client that sends too fast. Each second
//! is a window that starts with the first request after the last one ended. The 429s are
//! counted, and `GET /sandbox/faults` shows the count, so that a test can prove its client
//! backed off.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The window the limit counts requests in.
const WINDOW: Duration = Duration::from_secs(1);
/// Above this many accounts in the table, the ones whose window ended are forgotten (any path's
/// account is counted, so that strangers cannot grow the table without bound).
const PRUNE_ABOVE: usize = 1024;

/// One account's current window.
struct Window {
    started: Instant,
    admitted: u32,
}

/// Requests per account and second, and the 429s answered.
#[derive(Default)]
pub(super) struct RateLimiter {
    windows: Mutex<HashMap<String, Window>>,
    refused: AtomicU64,
}

impl RateLimiter {
    /// Admits one more request for `account` at `now` under `limit` per second (0: no limit),
    /// or says how long until its account's window ends (and counts the refusal).
    pub(super) fn admit(&self, account: &str, limit: u32, now: Instant) -> Result<(), Duration> {
        if limit == 0 {
            return Ok(());
        }
        // The table holds no invariant a panic elsewhere could break halfway.
        let mut windows = self
            .windows
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if windows.len() > PRUNE_ABOVE {
            windows.retain(|_, w| now.duration_since(w.started) < WINDOW);
        }
        let window = windows.entry(account.to_string()).or_insert(Window {
            started: now,
            admitted: 0,
        });
        if now.duration_since(window.started) >= WINDOW {
            *window = Window {
                started: now,
                admitted: 0,
            };
        }
        if window.admitted < limit {
            window.admitted += 1;
            return Ok(());
        }
        self.refused.fetch_add(1, Ordering::Relaxed);
        Err(WINDOW.saturating_sub(now.duration_since(window.started)))
    }

    /// How many requests were answered 429 since the server started.
    pub(super) fn refused(&self) -> u64 {
        self.refused.load(Ordering::Relaxed)
    }
}

/// `Retry-After` for a wait: whole seconds, at least one.
pub(super) fn retry_after_secs(wait: Duration) -> u64 {
    let rounded_up = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    rounded_up.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_account_gets_its_limit_per_window_and_refusals_are_counted() {
        let limiter = RateLimiter::default();
        let start = Instant::now();
        for _ in 0..3 {
            assert_eq!(limiter.admit("A", 3, start), Ok(()));
        }
        let later = start + Duration::from_millis(400);
        assert_eq!(
            limiter.admit("A", 3, later),
            Err(Duration::from_millis(600))
        );
        // Another account has a window of its own.
        assert_eq!(limiter.admit("B", 3, later), Ok(()));
        assert_eq!(limiter.refused(), 1);
        // The next window admits again.
        let next = start + WINDOW;
        assert_eq!(limiter.admit("A", 3, next), Ok(()));
        // No limit: everything passes, nothing is counted.
        for _ in 0..10 {
            assert_eq!(limiter.admit("A", 0, next), Ok(()));
        }
        assert_eq!(limiter.refused(), 1);
    }

    #[test]
    fn retry_after_is_whole_seconds_and_at_least_one() {
        assert_eq!(retry_after_secs(Duration::from_millis(600)), 1);
        assert_eq!(retry_after_secs(Duration::ZERO), 1);
        assert_eq!(retry_after_secs(Duration::from_millis(1000)), 1);
        assert_eq!(retry_after_secs(Duration::from_millis(1001)), 2);
    }
}
