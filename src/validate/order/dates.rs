//! The requested FOC date: reading it (`YYYY-MM-DD`, `MM/DD/YYYY`, `+Nbd`) and its rules (past,
//! not a business day, today).

use chrono::{Datelike, NaiveDate};

use super::{Checker, present};
use crate::model::OrderDraft;
use crate::validate::{BusinessCalendar, ValidationContext};

/// How far ahead a requested FOC date may be: a year. A port is planned weeks ahead, not years;
/// a date beyond this is a typo (and far dates cost every calendar walk that reaches them).
pub const MAX_MONTHS_AHEAD: u32 = 12;

/// The latest requested FOC date accepted on `today`: a year later.
pub fn latest_requested_date(today: NaiveDate) -> NaiveDate {
    today
        .checked_add_months(chrono::Months::new(MAX_MONTHS_AHEAD))
        .unwrap_or(NaiveDate::MAX)
}

/// The furthest `+Nbd` reaches: about four years of business days. Keeps the calendar walk short
/// whatever a user types.
const MAX_BUSINESS_DAYS_AHEAD: u32 = 1000;

/// Why a requested FOC date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("date `{0}` is not YYYY-MM-DD, MM/DD/YYYY or +Nbd")]
    Format(String),
    #[error(
        "date `{0}` is out of range; use a date between today and year 9999, or at most +1000bd"
    )]
    OutOfRange(String),
}

/// Parses `YYYY-MM-DD`, `MM/DD/YYYY`, or `+Nbd` (N business days after `today`).
pub fn parse_requested_date(
    text: &str,
    today: NaiveDate,
    calendar: &BusinessCalendar,
) -> Result<NaiveDate, DateError> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    if let Some(n) = lower.strip_prefix('+').and_then(|r| r.strip_suffix("bd")) {
        let n = n
            .trim()
            .parse::<u32>()
            .map_err(|_| DateError::Format(t.to_string()))?;
        if n > MAX_BUSINESS_DAYS_AHEAD {
            return Err(DateError::OutOfRange(t.to_string()));
        }
        return Ok(calendar.add_business_days(today, n));
    }
    let date = NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%m/%d/%Y"))
        .map_err(|_| DateError::Format(t.to_string()))?;
    // chrono reads years far beyond any port; the calendar walks days one by one from there and
    // would overflow near `NaiveDate::MAX`.
    if !(1900..=9999).contains(&date.year()) {
        return Err(DateError::OutOfRange(t.to_string()));
    }
    Ok(date)
}

pub(super) fn check_requested_date(
    check: &mut Checker,
    draft: &OrderDraft,
    ctx: &ValidationContext<'_>,
) -> Option<NaiveDate> {
    // Absent is fine: Bandwidth defaults the FOC to the next day.
    let text = present(&draft.requested_foc_date)?;
    let field = "requested_foc_date";
    let calendar = ctx.calendar;
    let date = match parse_requested_date(text, ctx.today, calendar) {
        Ok(date) => date,
        Err(e) => {
            check.error(
                Some(17013),
                field,
                format!("requested FOC date: {e}"),
                Some("write the date as YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today".into()),
            );
            return None;
        }
    };
    let next = calendar.next_business_day(ctx.today);
    if date < ctx.today {
        check.error(
            Some(7208),
            field,
            format!(
                "requested FOC date {date} is in the past (today is {})",
                ctx.today
            ),
            Some(format!(
                "ask for {} ({}) or later, e.g. `+1bd`",
                next,
                next.format("%A")
            )),
        );
        return None;
    }
    let latest = latest_requested_date(ctx.today);
    if date > latest {
        check.error(
            None,
            field,
            format!(
                "requested FOC date {date} is more than a year out (today is {}; the latest is {latest})",
                ctx.today
            ),
            Some(format!(
                "ask for a date up to {latest}; a port is confirmed within weeks of the request"
            )),
        );
        return None;
    }
    if let Some(what) = calendar.describe_non_business_day(date) {
        let instead = calendar.next_business_day(date);
        check.error(
            Some(17019),
            field,
            format!("requested FOC date {date} is not a business day: it is {what}"),
            Some(format!(
                "the next business day is {} ({})",
                instead,
                instead.format("%A")
            )),
        );
        return None;
    }
    if date == ctx.today {
        check.warning(
            None,
            field,
            format!("requested FOC date {date} is today; Bandwidth needs time to process the LSR, so the port may not be confirmed for today"),
            Some(format!(
                "ask for the next business day, {} ({}), or later: `+1bd`",
                next,
                next.format("%A")
            )),
        );
    }
    Some(date)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn validate_requested_date_formats() {
        let cal = BusinessCalendar::us_npac();
        let parse = |t: &str| parse_requested_date(t, today(), &cal);
        assert_eq!(parse("2026-12-07"), Ok(d("2026-12-07")));
        assert_eq!(parse("12/07/2026"), Ok(d("2026-12-07")));
        assert_eq!(parse("+5bd"), Ok(d("2026-12-07")));
        assert_eq!(parse(" +1BD "), Ok(d("2026-12-01")));
        assert_eq!(parse("+0bd"), Ok(today()));
        assert!(matches!(parse("next week"), Err(DateError::Format(_))));
        assert!(matches!(parse("+bd"), Err(DateError::Format(_))));
        assert!(matches!(parse("+-1bd"), Err(DateError::Format(_))));
        assert!(matches!(parse("2026-13-01"), Err(DateError::Format(_))));
        assert!(matches!(parse("+1001bd"), Err(DateError::OutOfRange(_))));
        assert!(matches!(
            parse("+4294967295bd"),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(parse("1066-10-14"), Err(DateError::OutOfRange(_))));
        assert!(parse("262142-12-31").is_err());
    }

    #[test]
    fn validate_requested_date_rules() {
        let mut draft = base();
        draft.requested_foc_date = None;
        let report = run(&draft);
        assert!(report.findings.is_empty());
        assert_eq!(report.order.unwrap().requested_foc_date, None);

        draft.requested_foc_date = some("tomorrow");
        only_error(&draft, 17013, "requested_foc_date");

        draft.requested_foc_date = some("2026-11-27");
        let f = only_error(&draft, 7208, "requested_foc_date");
        assert!(f.hint.unwrap().contains("2026-12-01"));

        draft.requested_foc_date = some("2026-12-05");
        let f = only_error(&draft, 17019, "requested_foc_date");
        assert!(f.message.contains("Saturday"), "{}", f.message);
        assert!(f.hint.unwrap().contains("2026-12-07 (Monday)"));

        draft.requested_foc_date = some("12/25/2026");
        let f = only_error(&draft, 17019, "requested_foc_date");
        assert!(f.message.contains("Christmas Day"), "{}", f.message);
        assert!(f.hint.unwrap().contains("2026-12-28"));

        draft.requested_foc_date = some("2026-11-30");
        let f = only_warning(&draft, "requested_foc_date");
        assert_eq!(f.code, None);
        assert!(f.hint.unwrap().contains("2026-12-01"));

        draft.requested_foc_date = some("+1bd");
        assert!(run(&draft).findings.is_empty());
    }

    #[test]
    fn validate_requested_date_more_than_a_year_out() {
        let mut draft = base();
        // Today is 2026-11-30: a year later is fine, the business day after is not.
        draft.requested_foc_date = some("2027-11-30");
        assert!(run(&draft).findings.is_empty());
        for far in ["2027-12-01", "9999-12-30", "+300bd"] {
            draft.requested_foc_date = some(far);
            let report = run(&draft);
            let errors: Vec<_> = report.errors().collect();
            assert_eq!(errors.len(), 1, "{far}: {:?}", report.findings);
            assert_eq!(errors[0].code, None);
            assert_eq!(errors[0].field, "requested_foc_date");
            assert!(
                errors[0].message.contains("more than a year out"),
                "{}",
                errors[0].message
            );
            assert!(errors[0].hint.as_deref().unwrap().contains("2027-11-30"));
        }
    }
}
