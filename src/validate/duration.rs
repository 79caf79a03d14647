//! The duration syntax every flag shares (`--timeout 10m`, `sandbox clock advance 1d12h`):
//! whole numbers with a unit, summed.

use std::time::Duration;

/// A text that is not a duration; the message quotes it and shows the accepted forms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("duration `{0}` is not like 90s, 15m, 6h, 2d or 1d12h")]
pub struct DurationError(pub String);

/// Parses `90s`, `15m`, `6h`, `2d`, `1w` and sums like `1d12h`. Overflow is an error, never a
/// wrap.
pub fn parse_duration(text: &str) -> Result<Duration, DurationError> {
    let bad = || DurationError(text.to_string());
    let t = text.trim();
    if t.is_empty() {
        return Err(bad());
    }
    let mut total: u64 = 0;
    let mut number = String::new();
    for c in t.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit_secs: u64 = match c {
            's' => 1,
            'm' => 60,
            'h' => 3_600,
            'd' => 86_400,
            'w' => 7 * 86_400,
            _ => return Err(bad()),
        };
        let n: u64 = number.parse().map_err(|_| bad())?;
        total = n
            .checked_mul(unit_secs)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(bad)?;
        number.clear();
    }
    if !number.is_empty() {
        return Err(bad());
    }
    Ok(Duration::from_secs(total))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn durations_parse_and_sum() {
        assert_eq!(
            parse_duration("6h").unwrap(),
            Duration::from_secs(6 * 3_600)
        );
        assert_eq!(
            parse_duration("1d12h").unwrap(),
            Duration::from_secs(36 * 3_600)
        );
        assert_eq!(parse_duration("90m").unwrap(), Duration::from_secs(90 * 60));
        assert_eq!(
            parse_duration("2w").unwrap(),
            Duration::from_secs(14 * 86_400)
        );
        for bad in ["", "6", "h", "6x", "-1h", "99999999999999999999s"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}
