//! The sandbox's lifecycle rules (docs/sandbox.md): every decision about an order, as pure
//! functions. The store reads the facts (the stored order, the clock, the inventory), calls the
//! engine, and writes the outcome; the engine never touches SQLite or the network.
//!
//! - `lines.rs`: the losing side's processing — the TN-line table and the FOC date it confirms;
//! - `orders.rs`: POST-time validation, a new order (R8), supps and cancels (R3, R9);
//! - `timers.rs`: what is due when (processing delay, R6 manual handling, R1 FOC window, R2 NPAC
//!   concurrence) and the NPAC simulation's subscribe and activate.

mod lines;
mod orders;
mod texts;
mod timers;

use chrono::NaiveDate;

use super::clock::{HOUR_MS, Millis, date_of, start_of};
use super::order::{HistoryEntry, OrderError, Stage, StoredOrder, Transition};
use crate::model::OrderStatus;
use crate::validate::{BusinessCalendar, codes};
use crate::wire::SearchQuery;

pub use crate::wire::admin::Behaviour;
pub use lines::{
    Decision, LINE_TABLE, LineFacts, PendingFocHit, PinCheck, decide, line_behaviour,
    pending_foc_text, process,
};
pub use orders::{accept_new_order, create, set_foc, supp_changes, update, validation_errors};
pub use texts::{EMITTED_CODES, bandwidth_errors, is_documented_text, spid_mismatch};
pub use timers::{Due, Timer, apply_timer, manual_foc, next_due, npac_activate, npac_subscribe};

/// The author of changes the sandbox makes by itself (as Bandwidth's `LastModifiedBy`).
pub const SYSTEM_USER: &str = "System";
/// How long an agent takes to handle a 7521 order by hand (R6).
pub const MANUAL_HANDLING_MS: Millis = 24 * HOUR_MS;
/// Concurrence delay when the gaining carrier supports medium timers (R2).
pub const MEDIUM_TIMER_MS: Millis = 6 * HOUR_MS;
/// The long (default) NPAC timers: 18 hours counted only on business days.
pub const LONG_TIMER_BUSINESS_HOURS: u32 = 18;
/// How far out the simulated other carrier's FOC is (5000–5999 lines).
pub const OTHER_CARRIER_FOC_BUSINESS_DAYS: u32 = 5;
/// How far back an unfiltered order list reaches, in months (Bandwidth's limit).
pub const UNFILTERED_LIST_MONTHS: u32 = 24;

/// Bandwidth's text for a code the engine attaches, from the code catalog.
pub fn code_text(code: u32) -> &'static str {
    codes::by_code(code)
        .and_then(|entry| entry.bandwidth_text)
        .unwrap_or(match code {
            17036 => "LSR order completion failed, all numbers are not activated.",
            _ => "Lsr order error",
        })
}

/// Bandwidth's text for a code with its placeholders (`%s`, `%d`, `%1$d`) filled in order.
pub fn code_text_with(code: u32, values: &[&str]) -> String {
    let template = code_text(code);
    let mut out = String::with_capacity(template.len() + 16);
    let mut values = values.iter();
    let mut rest = template;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        let spec = tail
            .find(['s', 'd'])
            .filter(|&i| tail[..i].chars().all(|c| c.is_ascii_digit() || c == '$'));
        match (spec, values.next()) {
            (Some(i), Some(value)) => {
                out.push_str(value);
                rest = &tail[i + 1..];
            }
            _ => {
                out.push('%');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// An error with Bandwidth's text for its code.
fn coded(code: u32) -> OrderError {
    OrderError {
        code,
        description: code_text(code).to_string(),
    }
}

/// Puts an order in `status` with nothing scheduled by processing, changed `by` at `at`.
fn settle(order: &mut StoredOrder, status: OrderStatus, at: Millis, by: &str) {
    order.status = status;
    order.stage = Stage::Settled;
    order.modified_at = at;
    order.modified_by = by.to_string();
}

/// A history entry for `order` as it is now (its status at this point).
fn history(
    order: &StoredOrder,
    at: Millis,
    note: impl Into<String>,
    author: &str,
    difference: Option<String>,
) -> HistoryEntry {
    HistoryEntry {
        at,
        note: note.into(),
        author: Some(author.to_string()),
        status: order.status,
        difference,
    }
}

/// An order after a change with its one history entry (by `author`, at `at`).
fn transition(order: StoredOrder, at: Millis, note: &str, author: &str) -> Transition {
    let entry = history(&order, at, note, author, None);
    Transition {
        order,
        history: vec![entry],
    }
}

/// The FOC date the losing side confirms: the requested date when it is a business day not in
/// the past, the next business day on or after it otherwise, and the next business day after
/// `today` when none was requested.
pub fn confirmed_foc_date(
    requested: Option<NaiveDate>,
    today: NaiveDate,
    calendar: &BusinessCalendar,
) -> NaiveDate {
    match requested {
        Some(date) if date > today => calendar.this_or_next_business_day(date),
        _ => calendar.next_business_day(today),
    }
}

/// When concurrence arrives for subscriptions built at `subscribed_at`: 6 hours later with medium
/// timers (R2), otherwise after 18 hours that fall on business days (the long timers).
pub fn concurrence_due(
    subscribed_at: Millis,
    medium_timers: bool,
    calendar: &BusinessCalendar,
) -> Millis {
    if medium_timers {
        return subscribed_at + MEDIUM_TIMER_MS;
    }
    let mut at = subscribed_at;
    let mut counted = 0;
    while counted < LONG_TIMER_BUSINESS_HOURS {
        let day = date_of(at);
        if calendar.is_business_day(day) {
            at += HOUR_MS;
            counted += 1;
        } else {
            at = start_of(calendar.next_business_day(day));
        }
    }
    at
}

/// The instant an order in FOC fails when not activated (R1): the start of the day after the
/// window's last day; `None` when the FOC date cannot start a window.
pub fn foc_window_expiry(foc_date: NaiveDate, calendar: &BusinessCalendar) -> Option<Millis> {
    let window = calendar.foc_window(foc_date).ok()?;
    window.last_day().succ_opt().map(start_of)
}

/// The oldest creation instant an order list reaches: a list that names no order (PON, TN,
/// customer order id, id fragment) and has no date range covers the last two years only, as
/// Bandwidth's does; `None` when the filter is bounded already.
pub fn list_created_floor(filter: &SearchQuery, now: Millis) -> Option<Millis> {
    if filter.names_orders() || filter.has_date_range() {
        return None;
    }
    Some(
        date_of(now)
            .checked_sub_months(chrono::Months::new(UNFILTERED_LIST_MONTHS))
            .map(start_of)
            .unwrap_or(0),
    )
}

#[cfg(test)]
mod tests;
