//! The FAQ's advice, as pure functions of an order: where its FOC window stands (R1) and the
//! next steps for its status and codes (R1–R6, R9, R10). Each rule's advice is its own function,
//! named by its R-number, so `grep r2_` finds where R2 is said.

use chrono::NaiveDate;

use super::{BusinessCalendar, codes};
use crate::model::{Order, OrderStatus};

/// Where an order's FOC window stands (R1): its last day, and while the order is open the
/// business days left in it (0 once it has closed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowStanding {
    pub last_day: NaiveDate,
    pub business_days_left: Option<u32>,
}

/// R1: a FOC is valid for 10 business days, day 1 = the FOC date (a FOC on a non-business day
/// counts from the next business day). `None` before the order has a FOC date.
pub fn r1_window_standing(
    order: &Order,
    calendar: &BusinessCalendar,
    today: NaiveDate,
) -> Option<WindowStanding> {
    let foc = order.actual_foc_date?;
    let window = calendar
        .foc_window(calendar.this_or_next_business_day(foc))
        .ok()?;
    let open = order.status.is_some_and(|s| !s.is_terminal());
    Some(WindowStanding {
        last_day: window.last_day(),
        business_days_left: open.then(|| window.business_days_left(today)),
    })
}

/// Whose order a PON named in a 17008 is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PonOwner {
    /// An order of ours (the history knows it, or our account's search found it): its name.
    Ours(String),
    /// Not an order of our account: another carrier's.
    NotOurs,
    /// Not looked up.
    Unknown,
}

/// The FAQ's advice for where the order stands, most urgent first; each code's own action from
/// the catalog follows the status's advice. PONs in a 17008 are of unknown owner.
pub fn next_steps(order: &Order, window: Option<WindowStanding>, today: NaiveDate) -> Vec<String> {
    next_steps_with(order, window, today, &|_| PonOwner::Unknown)
}

/// [`next_steps`], knowing whose PONs a pending-FOC 17008 names (`owner`): the next step of a
/// code depends on its text too (`codes::meaning_of`).
pub fn next_steps_with(
    order: &Order,
    window: Option<WindowStanding>,
    today: NaiveDate,
    owner: &dyn Fn(&str) -> PonOwner,
) -> Vec<String> {
    let reference = order.label();
    let mut steps = Vec::new();
    match order.status {
        Some(OrderStatus::Pending) => steps.push(pending_step(order, &reference)),
        Some(OrderStatus::Foc) => {
            if let Some(foc) = order.actual_foc_date {
                steps.push(r2_build_subscriptions(foc, today));
            }
            steps.push(r2_no_early_concurrence(&reference));
            if let Some(step) = window.and_then(|w| r1_activate_within_window(w, &reference)) {
                steps.push(step);
            }
        }
        Some(OrderStatus::Exception) => steps.push(r3_exception_is_supped(&reference)),
        Some(OrderStatus::Failed) => steps.push(r3_failed_is_final(&reference)),
        Some(OrderStatus::Cancelled) => steps.push(if order.has_error(7517) {
            r5_one_tn_per_request(&reference)
        } else {
            cancelled_step(&reference)
        }),
        Some(OrderStatus::Partial) => steps.push(r9_resubmit_the_rest(&reference)),
        Some(OrderStatus::Complete) => {
            steps.push("nothing to do: the numbers have ported".to_string())
        }
        None => {}
    }
    for error in &order.errors {
        if matches!(error.code, 7517 | 7521) {
            continue; // said above, in the status's own words
        }
        if error.code == 17008
            && let Some(hits) = codes::parse_pending_foc(&error.description)
        {
            for step in r4_pending_foc(&hits, &reference, owner) {
                if !steps.contains(&step) {
                    steps.push(step);
                }
            }
            continue;
        }
        if let Some(meaning) = codes::meaning_of(error.code, &error.description) {
            let step = format!("{}: {}", error.code, meaning.action);
            if !steps.contains(&step) {
                steps.push(step);
            }
        }
    }
    steps
}

/// R4: a TN with a pending FOC on another order. Whose PON it is decides: ours is supped or
/// cancelled; another carrier's is cancelled by the end user with that carrier, and a new
/// order fails until then.
fn r4_pending_foc(
    hits: &[(crate::model::Tn, String, NaiveDate)],
    reference: &str,
    owner: &dyn Fn(&str) -> PonOwner,
) -> Vec<String> {
    let mut steps = Vec::new();
    let mut pons: Vec<&str> = hits.iter().map(|(_, pon, _)| pon.as_str()).collect();
    pons.dedup();
    for pon in pons {
        let of_pon: Vec<String> = hits
            .iter()
            .filter(|(_, p, _)| p == pon)
            .map(|(tn, _, date)| format!("{} (FOC {date})", tn.digits()))
            .collect();
        let what = format!(
            "TN{} {} already {} a pending FOC on PON {pon}",
            if of_pon.len() == 1 { "" } else { "s" },
            of_pon.join(", "),
            if of_pon.len() == 1 { "has" } else { "have" }
        );
        steps.push(match owner(pon) {
            PonOwner::Ours(name) => format!(
                "{what}, your order {name}: change that port with a supp (`lsr supp {name} \
                 --foc YYYY-MM-DD`) or cancel it (`lsr cancel {name}`), then place this order \
                 again (`lsr resubmit {reference}`) (R4)"
            ),
            PonOwner::NotOurs => format!(
                "{what}, which is not an order of your account: the end user must have it \
                 cancelled with the carrier that placed it; until then a new order for the TN \
                 fails again with 17008 (R4)"
            ),
            PonOwner::Unknown => format!(
                "{what}: if it is your order, supp or cancel it (`lsr supp {pon}`, `lsr cancel \
                 {pon}`); if not, the end user must have it cancelled with the other carrier, \
                 and a new order for the TN fails until then (R4)"
            ),
        });
    }
    steps
}

fn pending_step(order: &Order, reference: &str) -> String {
    if order.has_error(7521) {
        r6_email_for_manual_handling(reference)
    } else {
        format!(
            "wait for the FOC: Bandwidth confirms the port date (`lsr status {reference} --wait foc`)"
        )
    }
}

/// R1: TNs not activated inside the window make the LSR fail.
fn r1_activate_within_window(window: WindowStanding, reference: &str) -> Option<String> {
    let left = window.business_days_left?;
    let last = window.last_day;
    Some(if left == 0 {
        format!(
            "the FOC window closed on {last}: the order fails; place a new order \
             (`lsr resubmit {reference}`) (R1)"
        )
    } else {
        format!(
            "activate by {last} ({left} business day{} left) or the LSR fails (R1)",
            if left == 1 { "" } else { "s" }
        )
    })
}

/// R2: build the NPAC subscriptions before the FOC date; Bandwidth auto-concurs 6 hours later
/// with medium timers.
fn r2_build_subscriptions(foc: NaiveDate, today: NaiveDate) -> String {
    if today <= foc {
        format!(
            "build the NPAC subscriptions before the FOC date {foc}; with medium timers \
             Bandwidth auto-concurs 6 hours after they are built (R2)"
        )
    } else {
        "build and activate the NPAC subscriptions; with medium timers Bandwidth \
         auto-concurs 6 hours after they are built (R2)"
            .to_string()
    }
}

/// R2: no early concurrence; another port date is a supp of the requested FOC date.
fn r2_no_early_concurrence(reference: &str) -> String {
    format!(
        "there is no early concurrence: to port on another date, supp the requested FOC \
         date (`lsr supp {reference} --foc YYYY-MM-DD`) (R2)"
    )
}

/// R3: EXCEPTION is not final, a supp answers it.
fn r3_exception_is_supped(reference: &str) -> String {
    format!("EXCEPTION is not final: correct the order with a supp (`lsr supp {reference} …`) (R3)")
}

/// R3: FAILED is final, only a new order helps.
fn r3_failed_is_final(reference: &str) -> String {
    format!(
        "FAILED is final: nothing can change this order; place a new order \
         (`lsr resubmit {reference}`) (R3)"
    )
}

fn cancelled_step(reference: &str) -> String {
    format!(
        "CANCELLED is final: place a new order if the port is still wanted \
         (`lsr resubmit {reference}`)"
    )
}

/// R5: 7517 means the reseller wants one TN per request.
fn r5_one_tn_per_request(reference: &str) -> String {
    format!(
        "the reseller requires one TN per request (7517): resubmit each TN on its own \
         (`lsr resubmit {reference} --split per-tn`) (R5)"
    )
}

/// R6: 7521 manual handling; the agent is not alerted unless someone emails.
fn r6_email_for_manual_handling(reference: &str) -> String {
    format!(
        "a TN needs manual handling (7521): email Bandwidth now, the agent is not \
         alerted otherwise (`lsr email manual-handling {reference}`); an agent updates \
         the LSR within 24 hours (R6)"
    )
}

/// R9: TNs are never removed by a supp; what did not port goes on a new order.
fn r9_resubmit_the_rest(reference: &str) -> String {
    format!(
        "some TNs did not port: place a new order for the remaining TNs (`lsr resubmit {reference} --remove-tn …`) (R9)"
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::BandwidthError;

    fn d(t: &str) -> NaiveDate {
        NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap()
    }

    fn order(status: OrderStatus) -> Order {
        Order {
            order_id: "id-1".into(),
            pon: "ACME".into(),
            pon_version: Some(2),
            status: Some(status),
            status_text: status.as_str().into(),
            ..Order::default()
        }
    }

    fn steps(order: &Order, today: NaiveDate) -> Vec<String> {
        let calendar = BusinessCalendar::us_npac();
        next_steps(order, r1_window_standing(order, &calendar, today), today)
    }

    #[test]
    fn r1_window_counts_business_days_from_the_foc_date() {
        let mut o = order(OrderStatus::Foc);
        o.actual_foc_date = Some(d("2026-12-21"));
        let w = r1_window_standing(&o, &BusinessCalendar::us_npac(), d("2026-12-25")).unwrap();
        assert_eq!(w.last_day, d("2027-01-05"));
        assert_eq!(w.business_days_left, Some(6));
        o.status = Some(OrderStatus::Complete);
        let w = r1_window_standing(&o, &BusinessCalendar::us_npac(), d("2026-12-25")).unwrap();
        assert_eq!(
            w.business_days_left, None,
            "a final order has no days left to count"
        );
    }

    #[test]
    fn r1_closed_window_says_the_order_fails() {
        let mut o = order(OrderStatus::Foc);
        o.actual_foc_date = Some(d("2026-12-01"));
        let all = steps(&o, d("2027-01-20")).join("\n");
        assert!(all.contains("the FOC window closed on"), "{all}");
    }

    #[test]
    fn r2_advice_depends_on_the_foc_date() {
        let mut o = order(OrderStatus::Foc);
        o.actual_foc_date = Some(d("2026-12-21"));
        let before = steps(&o, d("2026-12-18")).join("\n");
        assert!(
            before.contains("before the FOC date 2026-12-21"),
            "{before}"
        );
        let after = steps(&o, d("2026-12-22")).join("\n");
        assert!(after.contains("build and activate"), "{after}");
        assert!(after.contains("lsr supp ACME@2 --foc"), "{after}");
    }

    #[test]
    fn r3_exception_and_failed() {
        assert!(steps(&order(OrderStatus::Exception), d("2026-12-01"))[0].contains("supp"));
        assert!(steps(&order(OrderStatus::Failed), d("2026-12-01"))[0].contains("FAILED is final"));
    }

    #[test]
    fn r6_manual_handling_comes_first_and_is_not_repeated() {
        let mut o = order(OrderStatus::Pending);
        o.errors.push(BandwidthError::new(7521, "manual"));
        let s = steps(&o, d("2026-12-01"));
        assert!(s[0].contains("lsr email manual-handling ACME@2"), "{s:?}");
        assert_eq!(s.iter().filter(|x| x.contains("7521")).count(), 1, "{s:?}");
    }

    #[test]
    fn r4_next_step_depends_on_whose_pon_and_on_the_text() {
        let mut o = order(OrderStatus::Failed);
        o.errors.push(BandwidthError::new(
            17008,
            "TNs found with a pending FOC Date: TN: [9195550100, 9195550101], PON: [MINE, OTHERCO-1], FOC Date: [12/07/2026, 12/08/2026]",
        ));
        let calendar = BusinessCalendar::us_npac();
        let today = d("2026-12-01");
        let owner = |pon: &str| {
            if pon == "MINE" {
                PonOwner::Ours("MINE@1".into())
            } else {
                PonOwner::NotOurs
            }
        };
        let s = next_steps_with(&o, r1_window_standing(&o, &calendar, today), today, &owner);
        let all = s.join("\n");
        assert!(all.contains("TN 9195550100 (FOC 2026-12-07) already has a pending FOC on PON MINE, your order MINE@1"), "{all}");
        assert!(all.contains("lsr cancel MINE@1"), "{all}");
        assert!(
            all.contains("PON OTHERCO-1, which is not an order of your account: the end user must"),
            "{all}"
        );
        assert!(!all.contains("lsr supp OTHERCO-1"), "{all}");

        // Bandwidth's spec example: 17008 with another text is its errors table's meaning.
        let mut holiday = order(OrderStatus::Failed);
        holiday.errors.push(BandwidthError::new(
            17008,
            "FOC date cannot fall on a holiday",
        ));
        let s = steps(&holiday, today).join("\n");
        assert!(
            s.contains("1 business day") && s.contains("lsr email escalation"),
            "{s}"
        );
        assert!(!s.contains("pending FOC"), "{s}");
    }

    #[test]
    fn codes_add_their_catalog_action_once() {
        let mut o = order(OrderStatus::Exception);
        o.errors.push(BandwidthError::new(7512, "PIN required"));
        o.errors.push(BandwidthError::new(7512, "PIN required"));
        let s = steps(&o, d("2026-12-01"));
        assert_eq!(
            s.iter().filter(|x| x.starts_with("7512:")).count(),
            1,
            "{s:?}"
        );
    }
}
