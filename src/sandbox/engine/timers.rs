//! What happens to an order by itself, and when: processing after the delay, the agent's FOC
//! after manual handling (R6), NPAC concurrence (R2), the FOC window closing (R1); and the NPAC
//! simulation's subscribe and activate.

use super::super::clock::{Millis, date_of, format_timestamp};
use super::super::order::{HistoryEntry, NpacState, OrderError, Stage, StoredOrder, Transition};
use super::{MANUAL_HANDLING_MS, SYSTEM_USER, coded, history, set_foc, settle, transition};
use super::{concurrence_due, confirmed_foc_date, foc_window_expiry};
use crate::model::OrderStatus;
use crate::validate::BusinessCalendar;

/// A timer that fires on an order without anyone asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timer {
    /// R6: the agent handles a 7521 order by hand and sets the FOC.
    ManualFoc,
    /// R2: NPAC concurrence for the gaining carrier's subscriptions, due at `due`.
    Concurrence { due: Millis },
    /// R1: the FOC window closed without activation.
    WindowClosed,
}

/// The next event of an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// The losing side processes the order (needs the order's [`super::LineFacts`]).
    Processing,
    Timer(Timer),
}

/// The next instant something happens to an order by itself, and what, if anything will. For
/// an order in FOC, concurrence comes before the window closing at the same instant.
pub fn next_due(
    order: &StoredOrder,
    processing_delay_ms: Millis,
    calendar: &BusinessCalendar,
) -> Option<(Millis, Due)> {
    match (order.status, order.stage) {
        (OrderStatus::Pending, Stage::Received) => {
            Some((order.stage_since + processing_delay_ms, Due::Processing))
        }
        (OrderStatus::Pending, Stage::ManualHandling) => Some((
            order.stage_since + MANUAL_HANDLING_MS,
            Due::Timer(Timer::ManualFoc),
        )),
        (OrderStatus::Foc, _) => {
            let concurrence = order.npac.filter(|n| n.concurred_at.is_none()).map(|n| {
                let due = concurrence_due(n.subscribed_at, n.medium_timers, calendar);
                (due, Due::Timer(Timer::Concurrence { due }))
            });
            let expiry = order
                .actual_foc
                .and_then(|d| foc_window_expiry(d, calendar))
                .map(|at| (at, Due::Timer(Timer::WindowClosed)));
            match (concurrence, expiry) {
                (Some(c), Some(e)) => Some(if c.0 <= e.0 { c } else { e }),
                (c, e) => c.or(e),
            }
        }
        _ => None,
    }
}

/// R6 with R4: the agent handling a 7521 order sets its FOC, unless another order already holds
/// a pending FOC for one of its TNs (`pending`): then the order fails with 17008 naming them
/// all, as processing would, so one TN never has two FOCs.
pub fn manual_foc(
    order: &mut StoredOrder,
    pending: &[super::PendingFocHit],
    at: Millis,
    calendar: &BusinessCalendar,
) -> HistoryEntry {
    if pending.is_empty() {
        return apply_timer(order, Timer::ManualFoc, at, calendar);
    }
    let error = OrderError {
        code: 17008,
        description: super::pending_foc_text(pending),
    };
    settle(order, OrderStatus::Failed, at, SYSTEM_USER);
    let note = format!("LSR has failed: {} {}", error.code, error.description);
    order.errors = vec![error];
    history(order, at, note, SYSTEM_USER, None)
}

/// Fires a timer at `at` and returns the history entry it writes.
pub fn apply_timer(
    order: &mut StoredOrder,
    timer: Timer,
    at: Millis,
    calendar: &BusinessCalendar,
) -> HistoryEntry {
    match timer {
        Timer::ManualFoc => {
            // R6: the agent handled it by hand and set the FOC.
            let foc = confirmed_foc_date(order.requested_foc, date_of(at), calendar);
            set_foc(order, foc, at)
        }
        Timer::Concurrence { due } => {
            let medium = order.npac.is_some_and(|n| n.medium_timers);
            if let Some(npac) = order.npac.as_mut() {
                npac.concurred_at = Some(due);
            }
            let timers = if medium { "medium" } else { "long" };
            history(
                order,
                at,
                format!("NPAC concurrence received ({timers} timers)"),
                SYSTEM_USER,
                None,
            )
        }
        Timer::WindowClosed => {
            // R1: the window closed without activation.
            let error: OrderError = coded(17036);
            settle(order, OrderStatus::Failed, at, SYSTEM_USER);
            let note = format!(
                "LSR has failed: the FOC window closed without activation ({} {})",
                error.code, error.description
            );
            order.errors = vec![error];
            history(order, at, note, SYSTEM_USER, None)
        }
    }
}

/// The gaining carrier builds its NPAC subscriptions at `now` (only for an order in FOC);
/// the refusal says why not.
pub fn npac_subscribe(
    mut order: StoredOrder,
    medium_timers: bool,
    now: Millis,
    calendar: &BusinessCalendar,
) -> Result<Transition, String> {
    if order.status != OrderStatus::Foc {
        return Err(format!(
            "order `{}` is {}; NPAC subscriptions are built only for orders in FOC",
            order.id, order.status
        ));
    }
    order.npac = Some(NpacState {
        subscribed_at: now,
        medium_timers,
        concurred_at: None,
    });
    let due = concurrence_due(now, medium_timers, calendar);
    let timers = if medium_timers {
        "medium timers: concurrence in 6 hours"
    } else {
        "long timers: concurrence after 18 business hours"
    };
    let note = format!(
        "NPAC subscriptions created by the gaining carrier ({timers}, due {})",
        format_timestamp(due)
    );
    Ok(transition(order, now, &note, SYSTEM_USER))
}

/// Activates the subscriptions at `now`: only an order in FOC, with its FOC date reached and
/// concurrence received (no early concurrence, R2). An order whose window closed is FAILED by
/// then. The refusal says why not.
pub fn npac_activate(
    mut order: StoredOrder,
    now: Millis,
    calendar: &BusinessCalendar,
) -> Result<Transition, String> {
    let today = date_of(now);
    if order.status != OrderStatus::Foc {
        return Err(format!(
            "order `{}` is {}; only an order in FOC can be activated",
            order.id, order.status
        ));
    }
    let Some(foc) = order.actual_foc else {
        return Err(format!("order `{}` has no FOC date", order.id));
    };
    match order.npac {
        None => {
            return Err(format!(
                "order `{}` has no NPAC subscriptions; run `lsr sandbox npac subscribe` first",
                order.id
            ));
        }
        Some(NpacState {
            concurred_at: None,
            subscribed_at,
            medium_timers,
        }) => {
            let due = concurrence_due(subscribed_at, medium_timers, calendar);
            return Err(format!(
                "order `{}` has no concurrence yet (due {}); no early concurrence (R2)",
                order.id,
                format_timestamp(due)
            ));
        }
        Some(_) => {}
    }
    if today < foc {
        return Err(format!(
            "order `{}` cannot be activated before its FOC date {foc} (today is {today})",
            order.id
        ));
    }
    settle(&mut order, OrderStatus::Complete, now, SYSTEM_USER);
    Ok(transition(
        order,
        now,
        "Port-out has been completed: the telephone numbers were activated in NPAC",
        SYSTEM_USER,
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::super::clock::{HOUR_MS, start_of};
    use super::super::tests::{NOON, day, in_foc, received};
    use super::*;

    fn cal() -> BusinessCalendar {
        BusinessCalendar::us_npac()
    }

    #[test]
    fn a_received_order_is_processed_after_the_delay() {
        let order = received(&["0100"]);
        assert_eq!(
            next_due(&order, 2_000, &cal()),
            Some((NOON + 2_000, Due::Processing))
        );
        let mut manual = order.clone();
        manual.stage = Stage::ManualHandling;
        assert_eq!(
            next_due(&manual, 2_000, &cal()),
            Some((NOON + 24 * HOUR_MS, Due::Timer(Timer::ManualFoc)))
        );
        let mut done = order;
        done.status = OrderStatus::Cancelled;
        assert_eq!(next_due(&done, 2_000, &cal()), None);
    }

    #[test]
    fn r6_the_agent_sets_the_foc_a_day_later() {
        let mut order = received(&["2001"]);
        order.stage = Stage::ManualHandling;
        let at = NOON + 24 * HOUR_MS;
        let entry = apply_timer(&mut order, Timer::ManualFoc, at, &cal());
        assert_eq!(order.status, OrderStatus::Foc);
        assert_eq!(order.actual_foc, Some(day(12, 15)));
        assert_eq!(entry.note, "Port-out date has been set");
    }

    #[test]
    fn r4_manual_handling_never_gives_a_tn_a_second_foc() {
        let mut order = received(&["2001"]);
        order.stage = Stage::ManualHandling;
        let held = super::super::PendingFocHit {
            tn: crate::model::Tn::parse("9195552001").unwrap(),
            pon: "FIRST".into(),
            foc_date: day(12, 4),
        };
        let entry = manual_foc(&mut order, &[held], NOON + 24 * HOUR_MS, &cal());
        assert_eq!(order.status, OrderStatus::Failed);
        assert_eq!(order.actual_foc, None);
        assert_eq!(order.errors[0].code, 17008);
        assert!(entry.note.contains("PON: [FIRST]"), "{}", entry.note);
    }

    #[test]
    fn r1_the_window_closes_and_concurrence_comes_first() {
        let order = in_foc(day(12, 1));
        let closes = start_of(day(12, 15));
        assert_eq!(
            next_due(&order, 0, &cal()),
            Some((closes, Due::Timer(Timer::WindowClosed)))
        );
        let mut subscribed = order.clone();
        subscribed.npac = Some(NpacState {
            subscribed_at: NOON,
            medium_timers: true,
            concurred_at: None,
        });
        let due = NOON + 6 * HOUR_MS;
        assert_eq!(
            next_due(&subscribed, 0, &cal()),
            Some((due, Due::Timer(Timer::Concurrence { due })))
        );
        let entry = apply_timer(&mut subscribed, Timer::Concurrence { due }, due, &cal());
        assert_eq!(entry.note, "NPAC concurrence received (medium timers)");
        assert_eq!(subscribed.npac.unwrap().concurred_at, Some(due));
        assert_eq!(subscribed.status, OrderStatus::Foc);
        assert_eq!(
            next_due(&subscribed, 0, &cal()),
            Some((closes, Due::Timer(Timer::WindowClosed)))
        );

        let mut expired = order;
        let entry = apply_timer(&mut expired, Timer::WindowClosed, closes, &cal());
        assert_eq!(expired.status, OrderStatus::Failed);
        assert_eq!(expired.errors[0].code, 17036);
        assert!(
            entry
                .note
                .starts_with("LSR has failed: the FOC window closed")
        );
        assert_eq!(next_due(&expired, 0, &cal()), None);
    }

    #[test]
    fn npac_subscribe_needs_an_order_in_foc() {
        let refused = npac_subscribe(received(&["0100"]), true, NOON, &cal()).unwrap_err();
        assert!(refused.contains("only for orders in FOC"), "{refused}");
        let done = npac_subscribe(in_foc(day(12, 1)), false, NOON, &cal()).unwrap();
        let npac = done.order.npac.unwrap();
        assert_eq!((npac.subscribed_at, npac.medium_timers), (NOON, false));
        assert!(
            done.history[0].note.contains("long timers"),
            "{}",
            done.history[0].note
        );
    }

    #[test]
    fn npac_activate_refuses_until_concurred_and_the_foc_date() {
        let foc = in_foc(day(12, 1));
        let none = npac_activate(foc.clone(), NOON, &cal()).unwrap_err();
        assert!(none.contains("no NPAC subscriptions"), "{none}");
        let mut waiting = foc.clone();
        waiting.npac = Some(NpacState {
            subscribed_at: NOON,
            medium_timers: true,
            concurred_at: None,
        });
        let early = npac_activate(waiting.clone(), NOON, &cal()).unwrap_err();
        assert!(early.contains("no early concurrence (R2)"), "{early}");
        let mut concurred = waiting;
        concurred.npac = concurred.npac.map(|n| NpacState {
            concurred_at: Some(NOON),
            ..n
        });
        let before = npac_activate(concurred.clone(), NOON, &cal()).unwrap_err();
        assert!(
            before.contains("before its FOC date 2026-12-01"),
            "{before}"
        );
        let on_the_day = start_of(day(12, 1)) + HOUR_MS;
        let done = npac_activate(concurred, on_the_day, &cal()).unwrap();
        assert_eq!(done.order.status, OrderStatus::Complete);
        assert_eq!(done.history[0].status, OrderStatus::Complete);
        let mut failed = foc;
        failed.status = OrderStatus::Failed;
        assert!(npac_activate(failed, NOON, &cal()).is_err());
    }
}
