//! Lenient readers for element text (trimmed strings, dates, timestamps, integers) and the
//! exact date and timestamp forms Bandwidth writes.
//!
//! Dates and timestamps stay strings in the wire types, normalised when read: a recognisable
//! form becomes Bandwidth's canonical one (`2015-02-25 00:00:00` → `2015-02-25`), anything else
//! is kept as sent so the validator can report it (17013) instead of the whole body failing.

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer};

use super::error::snippet;
use crate::model::Pin;

/// `yyyy-MM-dd`, the form Bandwidth reads and writes for FOC dates.
pub fn format_wire_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// ISO-8601 UTC with milliseconds, `2015-02-06T12:57:45.607Z`, as in Bandwidth's examples.
pub fn format_wire_timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Reads a date in any form Bandwidth has been seen to send: `yyyy-MM-dd`,
/// `yyyy-MM-dd HH:mm:ss` (the 201 example's `RequestedFocDate`), or an ISO-8601 timestamp (the
/// date as written, whatever the offset).
pub fn parse_wire_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let head = text.get(..10)?;
    let date = NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    let rest = &text[10..];
    if rest.is_empty() || (rest.starts_with([' ', 'T']) && parse_wire_timestamp(text).is_some()) {
        Some(date)
    } else {
        None
    }
}

/// Reads a timestamp: RFC 3339 (`…T12:57:45.607Z`, any offset, converted to UTC), the same
/// without a zone or with a space for `T` (taken as UTC), or a bare date (midnight UTC).
pub fn parse_wire_timestamp(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.with_timezone(&Utc));
    }
    let zoneless = text.strip_suffix(['Z', 'z']).unwrap_or(text);
    for form in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(at) = NaiveDateTime::parse_from_str(zoneless, form) {
            return Some(at.and_utc());
        }
    }
    if text.len() == 10 {
        return NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|at| at.and_utc());
    }
    None
}

/// Trims and turns empty text into `None`, reusing the allocation when nothing is trimmed.
fn tidy(text: String) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        None
    } else if trimmed.len() == text.len() {
        Some(text)
    } else {
        Some(trimmed.to_string())
    }
}

/// An optional text element: trimmed (Bandwidth pretty-prints some values), empty → absent.
pub(crate) fn opt_text<'de, D: Deserializer<'de>>(de: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<String>::deserialize(de)?.and_then(tidy))
}

/// An optional PIN element, read as an optional text.
pub(crate) fn opt_pin<'de, D: Deserializer<'de>>(de: D) -> Result<Option<Pin>, D::Error> {
    Ok(opt_text(de)?.map(Pin::from))
}

/// A required-ish text element: trimmed, empty when absent or blank.
pub(crate) fn text<'de, D: Deserializer<'de>>(de: D) -> Result<String, D::Error> {
    Ok(opt_text(de)?.unwrap_or_default())
}

/// An optional date, normalised to `yyyy-MM-dd` when recognisable, kept as sent otherwise.
pub(crate) fn opt_date<'de, D: Deserializer<'de>>(de: D) -> Result<Option<String>, D::Error> {
    Ok(opt_text(de)?.map(|raw| match parse_wire_date(&raw) {
        Some(date) => {
            let canonical = format_wire_date(date);
            if canonical == raw { raw } else { canonical }
        }
        None => raw,
    }))
}

/// An optional timestamp, normalised to `…T12:57:45.607Z` when recognisable, kept otherwise.
pub(crate) fn opt_timestamp<'de, D: Deserializer<'de>>(de: D) -> Result<Option<String>, D::Error> {
    Ok(opt_text(de)?.map(|raw| match parse_wire_timestamp(&raw) {
        Some(at) => {
            let canonical = format_wire_timestamp(at);
            if canonical == raw { raw } else { canonical }
        }
        None => raw,
    }))
}

fn whole_number<E: serde::de::Error>(raw: &str) -> Result<u64, E> {
    raw.parse::<u64>()
        .map_err(|_| E::custom(format!("`{}` is not a whole number", snippet(raw))))
}

/// An optional integer (counts, versions, ids), padding allowed, empty → absent.
pub(crate) fn opt_u64<'de, D: Deserializer<'de>>(de: D) -> Result<Option<u64>, D::Error> {
    opt_text(de)?.map(|raw| whole_number(&raw)).transpose()
}

/// An optional 32-bit integer.
pub(crate) fn opt_u32<'de, D: Deserializer<'de>>(de: D) -> Result<Option<u32>, D::Error> {
    opt_u64(de)?
        .map(|n| {
            u32::try_from(n).map_err(|_| serde::de::Error::custom(format!("{n} is too large")))
        })
        .transpose()
}

/// An error code: an opaque integer (7324, 16005, 17008 …); 0 when absent or blank.
pub(crate) fn code<'de, D: Deserializer<'de>>(de: D) -> Result<u32, D::Error> {
    Ok(opt_u32(de)?.unwrap_or(0))
}

/// True for the Unicode bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F,
/// U+061C): printed raw they reorder what a terminal shows around them (a PON that reads
/// differently from what it is, "Trojan Source").
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// Untrusted text (from a server or a file) made safe to print on a terminal: control
/// characters (terminal escapes among them) and bidirectional controls become `?`; text longer
/// than `max_chars` is cut and ends with `…`.
pub fn printable_excerpt(text: &str, max_chars: usize) -> String {
    let mut out: String = text
        .chars()
        .take(max_chars)
        .map(|c| {
            if c.is_control() || is_bidi_control(c) {
                '?'
            } else {
                c
            }
        })
        .collect();
    if text.chars().nth(max_chars).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn wire_dates_accept_bandwidth_forms() {
        let day = NaiveDate::from_ymd_opt(2015, 2, 25).unwrap();
        for form in [
            "2015-02-25",
            " 2015-02-25 ",
            "2015-02-25 00:00:00",
            "2015-02-25T00:00:00.000Z",
            "2015-02-25T10:11:12Z",
        ] {
            assert_eq!(parse_wire_date(form), Some(day), "{form}");
        }
        for bad in [
            "",
            "2015-02-30",
            "25/02/2015",
            "2015-02-25x",
            "2015-02-25 junk",
            "é",
        ] {
            assert_eq!(parse_wire_date(bad), None, "{bad}");
        }
        assert_eq!(format_wire_date(day), "2015-02-25");
    }

    #[test]
    fn printable_excerpt_hides_controls_and_bidi_overrides() {
        assert_eq!(printable_excerpt("a\u{1b}[2Jb", 100), "a?[2Jb");
        for bidi in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
        ] {
            assert_eq!(
                printable_excerpt(&format!("PON{bidi}1"), 100),
                "PON?1",
                "{bidi:?}"
            );
        }
        // Other format characters and ordinary non-ASCII text stay.
        assert_eq!(printable_excerpt("Zoë\u{200D}", 100), "Zoë\u{200D}");
        assert_eq!(printable_excerpt("abcdef", 3), "abc…");
    }

    #[test]
    fn wire_timestamps_round_trip_with_millis() {
        let at = parse_wire_timestamp("2015-02-06T12:57:45.607Z").unwrap();
        assert_eq!(format_wire_timestamp(at), "2015-02-06T12:57:45.607Z");
        let shifted = parse_wire_timestamp("2015-02-06T07:57:45.607-05:00").unwrap();
        assert_eq!(shifted, at);
        assert_eq!(
            format_wire_timestamp(parse_wire_timestamp("2015-02-06 12:57:45").unwrap()),
            "2015-02-06T12:57:45.000Z"
        );
        assert_eq!(
            format_wire_timestamp(parse_wire_timestamp("2015-02-06").unwrap()),
            "2015-02-06T00:00:00.000Z"
        );
        assert_eq!(parse_wire_timestamp("yesterday"), None);
    }
}
