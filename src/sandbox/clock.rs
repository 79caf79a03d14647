//! The sandbox clock: real time plus a settable offset, and the duration syntax of `clock advance`.
//!
//! Every lifecycle rule is evaluated against this clock, so a test that moves the clock sees the
//! same result as one that waits.

use chrono::{DateTime, NaiveDate, NaiveTime, SecondsFormat, TimeZone, Utc};

/// Milliseconds since the Unix epoch, on the sandbox clock unless said otherwise.
pub type Millis = i64;

pub const SECOND_MS: Millis = 1_000;
pub const MINUTE_MS: Millis = 60 * SECOND_MS;
pub const HOUR_MS: Millis = 60 * MINUTE_MS;
pub const DAY_MS: Millis = 24 * HOUR_MS;

/// Why a clock argument could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    #[error("duration `{0}` is not like 90s, 15m, 6h, 2d or 1d12h")]
    Duration(String),
    #[error("time `{0}` is not RFC 3339 (2026-12-01T09:00:00Z) or YYYY-MM-DD")]
    Time(String),
    #[error("the sandbox clock cannot move backwards by `advance`; use `clock set`")]
    Backwards,
    #[error("the sandbox clock must stay between {MIN_CLOCK_TEXT} and {MAX_CLOCK_TEXT}")]
    OutOfRange,
}

const MIN_CLOCK_TEXT: &str = "1970-01-01";
const MAX_CLOCK_TEXT: &str = "2999-12-31";

/// The earliest sandbox time: the Unix epoch.
pub const MIN_CLOCK_MS: Millis = 0;
/// The latest sandbox time: the end of 2999-12-31 UTC. Far beyond any port, well inside what
/// dates and the business calendar handle.
pub const MAX_CLOCK_MS: Millis = 32_503_680_000_000 - 1;

/// `at` when it is a sane sandbox time ([`MIN_CLOCK_MS`]..=[`MAX_CLOCK_MS`]).
pub fn checked_clock(at: Millis) -> Result<Millis, ClockError> {
    if (MIN_CLOCK_MS..=MAX_CLOCK_MS).contains(&at) {
        Ok(at)
    } else {
        Err(ClockError::OutOfRange)
    }
}

/// The time `by` after `now`, when it is a sane sandbox time (no overflow, no wrap-around).
pub fn checked_advance(now: Millis, by: Millis) -> Result<Millis, ClockError> {
    now.checked_add(by)
        .ok_or(ClockError::OutOfRange)
        .and_then(checked_clock)
}

/// The real wall clock, in milliseconds.
pub fn real_now_ms() -> Millis {
    Utc::now().timestamp_millis()
}

/// A sandbox instant as a UTC date-time.
pub fn to_datetime(ms: Millis) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

/// The sandbox date of an instant (UTC).
pub fn date_of(ms: Millis) -> NaiveDate {
    to_datetime(ms).date_naive()
}

/// Midnight UTC at the start of `date`.
pub fn start_of(date: NaiveDate) -> Millis {
    date.and_time(NaiveTime::MIN).and_utc().timestamp_millis()
}

/// Bandwidth's timestamp form: ISO-8601 UTC with milliseconds (`2015-03-03T13:54:00.450Z`).
pub fn format_timestamp(ms: Millis) -> String {
    to_datetime(ms).to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parses a duration (`90s`, `15m`, `6h`, `2d`, `1w`, sums like `1d12h`) in sandbox
/// milliseconds; the syntax is the one every flag shares.
pub fn parse_duration(text: &str) -> Result<Millis, ClockError> {
    crate::validate::parse_duration(text)
        .ok()
        .and_then(|d| Millis::try_from(d.as_millis()).ok())
        .ok_or_else(|| ClockError::Duration(text.to_string()))
}

/// Parses an RFC 3339 instant, or a date (its midnight UTC).
pub fn parse_time(text: &str) -> Result<Millis, ClockError> {
    let t = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(t) {
        return Ok(at.timestamp_millis());
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .map(start_of)
        .map_err(|_| ClockError::Time(t.to_string()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn durations_parse_and_sum() {
        assert_eq!(parse_duration("6h").unwrap(), 6 * HOUR_MS);
        assert_eq!(parse_duration("1d12h").unwrap(), 36 * HOUR_MS);
        assert_eq!(parse_duration("90m").unwrap(), 90 * MINUTE_MS);
        for bad in ["", "6", "h", "6x", "-1h"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_clock_stays_in_a_sane_range() {
        assert_eq!(format_timestamp(MAX_CLOCK_MS), "2999-12-31T23:59:59.999Z");
        assert_eq!(checked_clock(MAX_CLOCK_MS), Ok(MAX_CLOCK_MS));
        assert_eq!(checked_clock(MAX_CLOCK_MS + 1), Err(ClockError::OutOfRange));
        assert_eq!(checked_clock(-1), Err(ClockError::OutOfRange));
        let far = parse_duration("9999999999w").unwrap();
        assert_eq!(checked_advance(0, far), Err(ClockError::OutOfRange));
        assert_eq!(checked_advance(far, far), Err(ClockError::OutOfRange));
        assert_eq!(checked_advance(Millis::MAX, 1), Err(ClockError::OutOfRange));
        assert_eq!(checked_advance(0, DAY_MS), Ok(DAY_MS));
    }

    #[test]
    fn times_parse_as_rfc3339_or_date() {
        let day = parse_time("2026-12-01").unwrap();
        assert_eq!(format_timestamp(day), "2026-12-01T00:00:00.000Z");
        let at = parse_time("2026-12-01T09:30:00Z").unwrap();
        assert_eq!(at - day, 9 * HOUR_MS + 30 * MINUTE_MS);
        assert!(parse_time("tomorrow").is_err());
    }
}
