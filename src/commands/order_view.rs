//! The order as `submit`, `status`, `search` and `resubmit` show it (the stable JSON
//! shape): status, FOC date, window last day, business days left, errors and next steps.

use chrono::NaiveDate;
use serde::Serialize;

use crate::client::BandwidthError;
use crate::model::OrderStatus;
use crate::validate::{BusinessCalendar, codes};

/// One order, ready to print. Field names are the stable JSON keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderView {
    pub order_id: String,
    pub pon: String,
    pub pon_version: Option<u32>,
    pub customer_order_id: Option<String>,
    /// The backend's status word (`FOC`), kept as sent even when it is not one we know.
    pub status: String,
    /// The day the order was placed, when known.
    pub submitted: Option<NaiveDate>,
    pub requested_foc_date: Option<NaiveDate>,
    pub actual_foc_date: Option<NaiveDate>,
    pub foc_window_last_day: Option<NaiveDate>,
    pub business_days_left: Option<u32>,
    pub tns: Vec<String>,
    pub errors: Vec<ErrorView>,
    pub next_steps: Vec<String>,
}

/// An error on the order, with the catalog's plain-words title when the code is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorView {
    pub code: u32,
    pub description: String,
    pub explanation: Option<String>,
}

/// What a backend or the history store says about an order, before interpretation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderFacts {
    pub order_id: String,
    pub pon: String,
    pub pon_version: Option<u32>,
    pub customer_order_id: Option<String>,
    pub status: String,
    pub submitted: Option<NaiveDate>,
    pub requested_foc_date: Option<NaiveDate>,
    pub actual_foc_date: Option<NaiveDate>,
    pub tns: Vec<String>,
    pub errors: Vec<BandwidthError>,
}

impl OrderFacts {
    pub fn parsed_status(&self) -> Option<OrderStatus> {
        self.status.parse().ok()
    }
}

/// Interprets the facts: the FOC window of R1 relative to `today` and the FAQ's next steps.
pub fn order_view(facts: &OrderFacts, calendar: &BusinessCalendar, today: NaiveDate) -> OrderView {
    let status = facts.parsed_status();
    let window = facts.actual_foc_date.and_then(|foc| {
        calendar
            .foc_window(calendar.this_or_next_business_day(foc))
            .ok()
    });
    let open = status.is_some_and(|s| !s.is_terminal());
    let (last_day, days_left) = match (&window, open) {
        (Some(w), true) => (Some(w.last_day()), Some(w.business_days_left(today))),
        (Some(w), false) => (Some(w.last_day()), None),
        (None, _) => (None, None),
    };
    let errors = facts
        .errors
        .iter()
        .map(|e| ErrorView {
            code: e.code,
            description: e.description.clone(),
            explanation: codes::by_code(e.code).map(|c| c.title.to_string()),
        })
        .collect();
    OrderView {
        order_id: facts.order_id.clone(),
        pon: facts.pon.clone(),
        pon_version: facts.pon_version,
        customer_order_id: facts.customer_order_id.clone(),
        status: facts.status.clone(),
        submitted: facts.submitted,
        requested_foc_date: facts.requested_foc_date,
        actual_foc_date: facts.actual_foc_date,
        foc_window_last_day: last_day,
        business_days_left: days_left,
        tns: facts.tns.clone(),
        errors,
        next_steps: next_steps(facts, status, last_day, days_left, today),
    }
}

/// The FAQ's advice for where the order stands (R1–R6, R9, R10).
fn next_steps(
    facts: &OrderFacts,
    status: Option<OrderStatus>,
    last_day: Option<NaiveDate>,
    days_left: Option<u32>,
    today: NaiveDate,
) -> Vec<String> {
    let reference = order_reference(facts);
    let has = |code: u32| facts.errors.iter().any(|e| e.code == code);
    let mut steps = Vec::new();
    match status {
        Some(OrderStatus::Pending) => {
            if has(7521) {
                steps.push(format!(
                    "a TN needs manual handling (7521): email Bandwidth now, the agent is not \
                     alerted otherwise (`lsr email manual-handling {reference}`); an agent updates \
                     the LSR within 24 hours (R6)"
                ));
            } else {
                steps.push(format!(
                    "wait for the FOC: Bandwidth confirms the port date (`lsr status {reference} --wait foc`)"
                ));
            }
        }
        Some(OrderStatus::Foc) => {
            if let Some(foc) = facts.actual_foc_date {
                if today <= foc {
                    steps.push(format!(
                        "build the NPAC subscriptions before the FOC date {foc}; with medium timers \
                         Bandwidth auto-concurs 6 hours after they are built (R2)"
                    ));
                } else {
                    steps.push(
                        "build and activate the NPAC subscriptions; with medium timers Bandwidth \
                         auto-concurs 6 hours after they are built (R2)"
                            .to_string(),
                    );
                }
            }
            steps.push(format!(
                "there is no early concurrence: to port on another date, supp the requested FOC \
                 date (`lsr supp {reference} --foc YYYY-MM-DD`) (R2)"
            ));
            if let (Some(last), Some(left)) = (last_day, days_left) {
                if left == 0 {
                    steps.push(format!(
                        "the FOC window closed on {last}: the order fails; place a new order \
                         (`lsr resubmit {reference}`) (R1)"
                    ));
                } else {
                    steps.push(format!(
                        "activate by {last} ({left} business day{} left) or the LSR fails (R1)",
                        if left == 1 { "" } else { "s" }
                    ));
                }
            }
        }
        Some(OrderStatus::Exception) => {
            steps.push(format!(
                "EXCEPTION is not final: correct the order with a supp (`lsr supp {reference} …`) (R3)"
            ));
        }
        Some(OrderStatus::Failed) => {
            steps.push(format!(
                "FAILED is final: nothing can change this order; place a new order \
                 (`lsr resubmit {reference}`) (R3)"
            ));
        }
        Some(OrderStatus::Cancelled) => {
            if has(7517) {
                steps.push(format!(
                    "the reseller requires one TN per request (7517): resubmit each TN on its own \
                     (`lsr resubmit {reference} --split per-tn`) (R5)"
                ));
            } else {
                steps.push(format!(
                    "CANCELLED is final: place a new order if the port is still wanted \
                     (`lsr resubmit {reference}`)"
                ));
            }
        }
        Some(OrderStatus::Partial) => steps.push(format!(
            "some TNs did not port: place a new order for the remaining TNs (`lsr resubmit {reference} --remove-tn …`)"
        )),
        Some(OrderStatus::Complete) => steps.push("nothing to do: the numbers have ported".to_string()),
        None => {}
    }
    for error in &facts.errors {
        if matches!(error.code, 7517 | 7521) {
            continue; // said above, in the status's own words
        }
        if let Some(entry) = codes::by_code(error.code) {
            let step = format!("{}: {}", error.code, entry.action);
            if !steps.contains(&step) {
                steps.push(step);
            }
        }
    }
    steps
}

/// How to name the order in a suggested command: `PON@N` when the version is known.
fn order_reference(facts: &OrderFacts) -> String {
    match facts.pon_version {
        Some(v) if !facts.pon.is_empty() => format!("{}@{v}", facts.pon),
        _ if !facts.pon.is_empty() => facts.pon.clone(),
        _ => facts.order_id.clone(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(t: &str) -> NaiveDate {
        NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap()
    }

    fn facts(status: &str) -> OrderFacts {
        OrderFacts {
            order_id: "id-1".into(),
            pon: "ACME".into(),
            pon_version: Some(2),
            status: status.into(),
            ..OrderFacts::default()
        }
    }

    #[test]
    fn status_foc_gives_window_and_r2_steps() {
        let mut f = facts("FOC");
        f.actual_foc_date = Some(d("2026-12-21"));
        let v = order_view(&f, &BusinessCalendar::us_npac(), d("2026-12-25"));
        assert_eq!(v.foc_window_last_day, Some(d("2027-01-05")));
        assert_eq!(v.business_days_left, Some(6));
        let all = v.next_steps.join("\n");
        assert!(all.contains("auto-concurs 6 hours"), "{all}");
        assert!(all.contains("lsr supp ACME@2 --foc"), "{all}");
        assert!(
            all.contains("activate by 2027-01-05 (6 business days left)"),
            "{all}"
        );
    }

    #[test]
    fn status_terminal_orders_point_to_resubmit() {
        let mut f = facts("CANCELLED");
        f.errors.push(BandwidthError {
            code: 7517,
            description: "Too many Telephone numbers in this request".into(),
        });
        let v = order_view(&f, &BusinessCalendar::us_npac(), d("2026-12-01"));
        assert!(
            v.next_steps[0].contains("--split per-tn"),
            "{:?}",
            v.next_steps
        );
        let v = order_view(
            &facts("FAILED"),
            &BusinessCalendar::us_npac(),
            d("2026-12-01"),
        );
        assert!(v.next_steps[0].contains("FAILED is final"));
        assert_eq!(v.business_days_left, None);
    }

    #[test]
    fn status_manual_handling_says_email_now() {
        let mut f = facts("PENDING");
        f.errors.push(BandwidthError {
            code: 7521,
            description: "manual".into(),
        });
        let v = order_view(&f, &BusinessCalendar::us_npac(), d("2026-12-01"));
        assert!(v.next_steps[0].contains("lsr email manual-handling ACME@2"));
        assert_eq!(v.errors[0].code, 7521);
    }
}
