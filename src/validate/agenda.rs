//! The porting desk's day, as pure functions of the open orders: what to act on now and what
//! is coming (FOC dates, the last day of each FOC window), each with its next step. The words
//! are the FAQ's advice ([`super::advice`]); this module only decides what is urgent.
//!
//! Act now, most urgent first:
//! 1. a FOC window ending within `within` business days (R1: activate, or the LSR fails);
//! 2. a FOC date today (R2: build the NPAC subscriptions, activate);
//! 3. a FOC date passed without activation (activate while the window is open);
//! 4. EXCEPTION (R3: the supp that answers its codes);
//! 5. PENDING with 7521 (R6: email Bandwidth, the agent is not alerted otherwise).
//!
//! Upcoming, by date: FOC dates after today and every window's last day not already urgent.
//! Other PENDING orders are waiting for Bandwidth's FOC.

use chrono::NaiveDate;
use serde::Serialize;

use super::BusinessCalendar;
use super::advice::{WindowStanding, next_steps, r1_window_standing};
use crate::model::{Order, OrderStatus};

/// What an agenda line is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AgendaKind {
    WindowClosing,
    FocToday,
    FocPassed,
    Exception,
    ManualHandling,
    FocDate,
    WindowLastDay,
    WaitingForFoc,
}

/// One line of the agenda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct AgendaItem {
    pub kind: AgendaKind,
    /// The day it is about (FOC date, the window's last day, the requested date).
    pub date: Option<NaiveDate>,
    /// `PON@N`.
    pub order: String,
    pub order_id: String,
    pub status: String,
    /// What is the matter, in a few words.
    pub what: String,
    pub next_step: String,
}

/// The desk's day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Agenda {
    pub today: Option<NaiveDate>,
    pub within_business_days: u32,
    pub act_now: Vec<AgendaItem>,
    pub upcoming: Vec<AgendaItem>,
    /// PENDING orders without 7521: Bandwidth has not confirmed a FOC yet.
    pub waiting: Vec<AgendaItem>,
}

fn item(
    order: &Order,
    kind: AgendaKind,
    date: Option<NaiveDate>,
    what: String,
    next: String,
) -> AgendaItem {
    AgendaItem {
        kind,
        date,
        order: order.label(),
        order_id: order.order_id.clone(),
        status: order.status_text.clone(),
        what,
        next_step: next,
    }
}

fn plural(n: u32) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The advice step that mentions `needle`, else the first one.
fn step_with(steps: &[String], needle: &str) -> String {
    steps
        .iter()
        .find(|s| s.contains(needle))
        .or_else(|| steps.first())
        .cloned()
        .unwrap_or_default()
}

/// The agenda lines of one open FOC order.
fn foc_items(
    order: &Order,
    foc: NaiveDate,
    window: WindowStanding,
    steps: &[String],
    today: NaiveDate,
    within: u32,
    agenda: &mut Agenda,
) {
    let reference = order.label();
    let left = window.business_days_left.unwrap_or(0);
    let last = window.last_day;
    let closing = left <= within;
    if closing {
        let what = if left == 0 {
            format!("FOC window closed on {last}")
        } else {
            format!(
                "FOC window ends {last}: {left} business day{} left",
                plural(left)
            )
        };
        agenda.act_now.push(item(
            order,
            AgendaKind::WindowClosing,
            Some(last),
            what,
            step_with(steps, "(R1)"),
        ));
    }
    if foc == today {
        agenda.act_now.push(item(
            order,
            AgendaKind::FocToday,
            Some(foc),
            "FOC date today".to_string(),
            format!(
                "build the NPAC subscriptions if not built yet, then activate today (`lsr status {reference}`); with medium timers Bandwidth concurs 6 hours after they are built (R2)"
            ),
        ));
    } else if foc < today && !closing {
        agenda.act_now.push(item(
            order,
            AgendaKind::FocPassed,
            Some(foc),
            format!("FOC date {foc} passed; not activated yet"),
            format!(
                "activate by {last} ({left} business day{} left) or the LSR fails (R1)",
                plural(left)
            ),
        ));
    } else if foc > today {
        agenda.upcoming.push(item(
            order,
            AgendaKind::FocDate,
            Some(foc),
            "FOC date".to_string(),
            step_with(steps, "build the NPAC subscriptions"),
        ));
    }
    if !closing {
        agenda.upcoming.push(item(
            order,
            AgendaKind::WindowLastDay,
            Some(last),
            "last day of the FOC window".to_string(),
            format!("activate by this day or the LSR fails (`lsr foc-window {reference}`) (R1)"),
        ));
    }
}

/// The agenda of `orders` (final ones are skipped) on `today`: act now, upcoming, waiting.
pub fn agenda(
    orders: &[Order],
    calendar: &BusinessCalendar,
    today: NaiveDate,
    within: u32,
) -> Agenda {
    let mut agenda = Agenda {
        today: Some(today),
        within_business_days: within,
        ..Agenda::default()
    };
    for order in orders {
        let window = r1_window_standing(order, calendar, today);
        let steps = next_steps(order, window, today);
        match order.status {
            Some(OrderStatus::Foc) => match (order.actual_foc_date, window) {
                (Some(foc), Some(window)) => {
                    foc_items(order, foc, window, &steps, today, within, &mut agenda);
                }
                _ => agenda.waiting.push(item(
                    order,
                    AgendaKind::WaitingForFoc,
                    order.requested_foc_date,
                    "FOC without a date".to_string(),
                    format!("check the order (`lsr status {}`)", order.label()),
                )),
            },
            Some(OrderStatus::Exception) => {
                let codes: Vec<String> = order.errors.iter().map(|e| e.code.to_string()).collect();
                let what = if codes.is_empty() {
                    "in EXCEPTION".to_string()
                } else {
                    format!("in EXCEPTION ({})", codes.join(", "))
                };
                // The codes' own actions say what the supp must carry; the status's advice
                // says how to send it.
                let code_steps: Vec<&String> = steps
                    .iter()
                    .filter(|s| s.starts_with(char::is_numeric))
                    .collect();
                let next = match code_steps.as_slice() {
                    [] => step_with(&steps, "supp"),
                    some => format!(
                        "{}; {}",
                        some.iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join("; "),
                        step_with(&steps, "supp")
                    ),
                };
                agenda
                    .act_now
                    .push(item(order, AgendaKind::Exception, None, what, next));
            }
            Some(OrderStatus::Pending) if order.has_error(7521) => {
                agenda.act_now.push(item(
                    order,
                    AgendaKind::ManualHandling,
                    None,
                    "needs manual handling (7521)".to_string(),
                    step_with(&steps, "7521"),
                ));
            }
            Some(OrderStatus::Pending) => agenda.waiting.push(item(
                order,
                AgendaKind::WaitingForFoc,
                order.requested_foc_date,
                "waiting for Bandwidth's FOC".to_string(),
                step_with(&steps, "wait"),
            )),
            _ => {}
        }
    }
    let key = |i: &AgendaItem| (i.kind, i.date, i.order.clone());
    agenda.act_now.sort_by_key(key);
    agenda
        .upcoming
        .sort_by_key(|i| (i.date, i.kind, i.order.clone()));
    agenda.waiting.sort_by_key(|i| (i.date, i.order.clone()));
    agenda
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::BandwidthError;

    fn d(t: &str) -> NaiveDate {
        NaiveDate::parse_from_str(t, "%Y-%m-%d").unwrap()
    }

    fn order(pon: &str, status: OrderStatus) -> Order {
        Order {
            order_id: format!("id-{pon}"),
            pon: pon.into(),
            pon_version: Some(1),
            status: Some(status),
            status_text: status.as_str().into(),
            ..Order::default()
        }
    }

    fn foc(pon: &str, date: &str) -> Order {
        let mut o = order(pon, OrderStatus::Foc);
        o.actual_foc_date = Some(d(date));
        o
    }

    /// Wednesday 2026-12-09.
    const TODAY: &str = "2026-12-09";

    fn day(orders: &[Order]) -> Agenda {
        agenda(orders, &BusinessCalendar::us_npac(), d(TODAY), 2)
    }

    fn kinds(items: &[AgendaItem]) -> Vec<(AgendaKind, &str)> {
        items.iter().map(|i| (i.kind, i.order.as_str())).collect()
    }

    #[test]
    fn agenda_exception_asks_for_the_supp_with_the_codes_action() {
        let mut o = order("EXC", OrderStatus::Exception);
        o.errors.push(BandwidthError::new(7512, "PIN required"));
        let a = day(&[o]);
        assert_eq!(kinds(&a.act_now), vec![(AgendaKind::Exception, "EXC@1")]);
        let next = &a.act_now[0].next_step;
        assert!(next.starts_with("7512:"), "{next}");
        assert!(next.contains("lsr supp EXC@1"), "{next}");
        assert!(a.act_now[0].what.contains("7512"));
    }

    #[test]
    fn agenda_7521_asks_for_the_email() {
        let mut o = order("MAN", OrderStatus::Pending);
        o.errors.push(BandwidthError::new(7521, "manual"));
        let a = day(&[o, order("WAIT", OrderStatus::Pending)]);
        assert_eq!(
            kinds(&a.act_now),
            vec![(AgendaKind::ManualHandling, "MAN@1")]
        );
        assert!(
            a.act_now[0]
                .next_step
                .contains("lsr email manual-handling MAN@1"),
            "{}",
            a.act_now[0].next_step
        );
        assert_eq!(
            kinds(&a.waiting),
            vec![(AgendaKind::WaitingForFoc, "WAIT@1")]
        );
    }

    #[test]
    fn agenda_window_ending_within_n_business_days_is_urgent() {
        // FOC Wed 2026-11-25: window day 10 is Wed 2026-12-09 (Thanksgiving 11-26 skipped).
        let ending = foc("END", "2026-11-25");
        // FOC Mon 2026-11-30: 2026-12-11 is day 10, three business days left.
        let later = foc("LATER", "2026-11-30");
        let a = day(&[ending.clone(), later.clone()]);
        assert_eq!(kinds(&a.act_now)[0], (AgendaKind::WindowClosing, "END@1"));
        assert!(
            a.act_now[0].what.contains("1 business day left"),
            "{:?}",
            a.act_now
        );
        assert!(a.act_now[0].next_step.contains("(R1)"));
        // LATER's date passed but its window has 3 days: act now as passed, window upcoming.
        assert!(kinds(&a.act_now).contains(&(AgendaKind::FocPassed, "LATER@1")));
        assert!(kinds(&a.upcoming).contains(&(AgendaKind::WindowLastDay, "LATER@1")));
        // --within 3 makes LATER urgent too.
        let wide = agenda(&[later], &BusinessCalendar::us_npac(), d(TODAY), 3);
        assert_eq!(
            kinds(&wide.act_now),
            vec![(AgendaKind::WindowClosing, "LATER@1")]
        );
    }

    #[test]
    fn agenda_foc_today_builds_subscriptions_and_activates() {
        let a = day(&[foc("TODAY", TODAY)]);
        assert_eq!(kinds(&a.act_now), vec![(AgendaKind::FocToday, "TODAY@1")]);
        assert!(a.act_now[0].next_step.contains("activate today"));
        assert_eq!(
            a.upcoming
                .iter()
                .map(|i| (i.kind, i.date))
                .collect::<Vec<_>>(),
            vec![(AgendaKind::WindowLastDay, Some(d("2026-12-22")))]
        );
    }

    #[test]
    fn agenda_upcoming_lists_foc_dates_and_window_last_days_by_date() {
        let a = day(&[foc("B", "2026-12-16"), foc("A", "2026-12-14")]);
        assert!(a.act_now.is_empty(), "{:?}", a.act_now);
        let dates: Vec<(Option<NaiveDate>, AgendaKind, &str)> = a
            .upcoming
            .iter()
            .map(|i| (i.date, i.kind, i.order.as_str()))
            .collect();
        assert_eq!(
            dates[0],
            (Some(d("2026-12-14")), AgendaKind::FocDate, "A@1")
        );
        assert_eq!(
            dates[1],
            (Some(d("2026-12-16")), AgendaKind::FocDate, "B@1")
        );
        assert_eq!(dates.len(), 4);
        assert!(a.upcoming[0].next_step.contains("NPAC subscriptions"));
        // Final orders are not on the agenda.
        assert_eq!(
            day(&[order("DONE", OrderStatus::Complete)]),
            Agenda {
                today: Some(d(TODAY)),
                within_business_days: 2,
                ..Agenda::default()
            }
        );
    }
}
