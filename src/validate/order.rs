//! The whole-order validator: every rule over an `OrderDraft`, all findings at once.
//! (Being written; see issue 2.)

use chrono::NaiveDate;

use super::{BusinessCalendar, Report, ValidationContext};
use crate::model::OrderDraft;

/// At most this many TNs per LSR (R7, code 5095).
pub const MAX_TNS_PER_ORDER: usize = 999;

/// Why a requested FOC date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("date `{0}` is not YYYY-MM-DD, MM/DD/YYYY or +Nbd")]
    Format(String),
}

/// Parses `YYYY-MM-DD`, `MM/DD/YYYY`, or `+Nbd` (N business days after `today`).
pub fn parse_requested_date(
    text: &str,
    today: NaiveDate,
    calendar: &BusinessCalendar,
) -> Result<NaiveDate, DateError> {
    let t = text.trim();
    if let Some(n) = t.strip_prefix('+').and_then(|r| r.strip_suffix("bd")) {
        return n
            .parse::<u32>()
            .map(|n| calendar.add_business_days(today, n))
            .map_err(|_| DateError::Format(t.to_string()));
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%m/%d/%Y"))
        .map_err(|_| DateError::Format(t.to_string()))
}

/// Checks a whole order and returns every finding.
pub fn validate_order(_draft: &OrderDraft, _ctx: &ValidationContext<'_>) -> Report {
    Report {
        findings: Vec::new(),
        order: None,
    }
}
