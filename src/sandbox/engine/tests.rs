//! Fixtures shared by the engine's tests (a received order on Monday 2026-11-30, noon UTC) and
//! the tests of the rules in `engine/mod.rs`.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::model::{OrderDraft, OrderStatus, Tn};
use crate::sandbox::clock;
use crate::sandbox::order::Stage;

/// Monday 2026-11-30, noon UTC: "now" in every engine test.
pub(super) const NOON: Millis = 1_796_040_000_000;

pub(super) fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, d).unwrap()
}

pub(super) fn tn(text: &str) -> Tn {
    Tn::parse(text).unwrap()
}

/// A draft that passes POST-time validation on 2026-11-30, with the given TN lines (919-555-…).
pub(super) fn valid_draft(lines: &[&str]) -> OrderDraft {
    let tns: Vec<String> = lines.iter().map(|l| format!("\"919555{l}\"")).collect();
    let text = format!(
        r#"
pon = "ACME-0001"
customer_order_id = "c-1"
requested_foc_date = "2026-12-15"
authorizing_person = "Jane Doe"
tns = [{}]

[subscriber]
type = "business"
business_name = "Acme Widgets"

[subscriber.address]
house_number = "11"
street = "Park Ave"
city = "Raleigh"
state = "NC"
zip = "27601"
"#,
        tns.join(", ")
    );
    OrderDraft::parse_file_text(Path::new("o.toml"), &text).unwrap()
}

/// An order of account 9900001 received at [`NOON`], PENDING, with the given TN lines.
pub(super) fn received(lines: &[&str]) -> StoredOrder {
    let draft = valid_draft(lines);
    StoredOrder {
        id: "order-1".into(),
        account_id: "9900001".into(),
        pon: "ACME-0001".into(),
        pon_version: 1,
        status: OrderStatus::Pending,
        tns: draft.tns.iter().map(|t| tn(t)).collect(),
        draft,
        requested_foc: Some(day(12, 15)),
        actual_foc: None,
        errors: Vec::new(),
        created_at: NOON,
        modified_at: NOON,
        created_by: "demo-user-1".into(),
        modified_by: "demo-user-1".into(),
        stage: Stage::Received,
        stage_since: NOON,
        npac: None,
    }
}

/// The same order in FOC on `foc`.
pub(super) fn in_foc(foc: NaiveDate) -> StoredOrder {
    let mut order = received(&["0100"]);
    order.status = OrderStatus::Foc;
    order.stage = Stage::Settled;
    order.actual_foc = Some(foc);
    order
}

#[test]
fn noon_is_monday_noon() {
    assert_eq!(clock::format_timestamp(NOON), "2026-11-30T12:00:00.000Z");
}

#[test]
fn long_timers_skip_weekends() {
    let cal = BusinessCalendar::us_npac();
    // Friday 2026-12-04 12:00 UTC: 12 hours on Friday, then 6 on Monday.
    let friday_noon = start_of(NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()) + 12 * HOUR_MS;
    let due = concurrence_due(friday_noon, false, &cal);
    let monday = start_of(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap());
    assert_eq!(due, monday + 6 * HOUR_MS);
    assert_eq!(
        concurrence_due(friday_noon, true, &cal),
        friday_noon + 6 * HOUR_MS
    );
}

#[test]
fn the_confirmed_foc_is_a_future_business_day() {
    let cal = BusinessCalendar::us_npac();
    let today = day(11, 30);
    // Saturday 2026-12-05 moves to Monday; a past date or none gives the next business day.
    assert_eq!(
        confirmed_foc_date(Some(day(12, 5)), today, &cal),
        day(12, 7)
    );
    assert_eq!(
        confirmed_foc_date(Some(day(12, 2)), today, &cal),
        day(12, 2)
    );
    assert_eq!(
        confirmed_foc_date(Some(day(11, 2)), today, &cal),
        day(12, 1)
    );
    assert_eq!(confirmed_foc_date(None, today, &cal), day(12, 1));
}

#[test]
fn the_foc_window_closes_after_ten_business_days() {
    let cal = BusinessCalendar::us_npac();
    // Tuesday 2026-12-01 is day 1; day 10 is Monday 2026-12-14; it closes at Tuesday's start.
    assert_eq!(
        foc_window_expiry(day(12, 1), &cal),
        Some(start_of(day(12, 15)))
    );
}

#[test]
fn code_texts_fill_their_placeholders() {
    assert_eq!(
        code_text(17036),
        "LSR order completion failed, all numbers are not activated."
    );
    let text = code_text_with(17025, &["Pon", ""]);
    assert!(text.starts_with("Pon field"), "{text}");
    assert!(!text.contains("%s"), "{text}");
}

#[test]
fn unfiltered_lists_reach_back_two_years() {
    let everything = SearchQuery::default();
    assert_eq!(
        list_created_floor(&everything, NOON),
        Some(start_of(NaiveDate::from_ymd_opt(2024, 11, 30).unwrap()))
    );
    let by_pon = SearchQuery {
        pon: Some("A".into()),
        ..SearchQuery::default()
    };
    assert_eq!(list_created_floor(&by_pon, NOON), None);
    let dated = SearchQuery {
        modified_to: Some(day(12, 1)),
        ..SearchQuery::default()
    };
    assert_eq!(list_created_floor(&dated, NOON), None);
    let by_status = SearchQuery {
        statuses: vec![OrderStatus::Foc],
        ..SearchQuery::default()
    };
    assert!(list_created_floor(&by_status, NOON).is_some());
}
