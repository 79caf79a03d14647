//! What `lsr listen` does with what it hears: a notification updates the history (status,
//! errors, FOC date, note) and becomes a [`ListenEvent`]; the reconcile poll reads the open
//! orders the history knows and records what the notifications missed, marked as found by
//! polling.
//!
//! A notification names the order and its new status, not its FOC date or error codes, so when
//! the backend can be read the order is fetched too: its snapshot completes what the
//! notification said. The history's stale-snapshot rule (an older `LastModifiedDate` never
//! overwrites a newer state) keeps late or repeated notifications harmless.

use chrono::{NaiveDate, SecondsFormat, Utc};
use serde::Serialize;

use crate::history::{
    EventSource, LocalQuery, OrderNote, OrderRecord, OrderRef, Origin, RecordOutcome,
};
use crate::model::{Order, OrderStatus};
use crate::output::OrderView;
use crate::session::backend::{Backend, with_id};
use crate::validate::BusinessCalendar;
use crate::wire::{self, Notification};

/// One thing `lsr listen` heard or found: printed, and given to `--exec` as JSON.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ListenEvent {
    /// When lsr heard of it.
    pub received_at: String,
    /// `notification`, or `poll` (found by polling: a change no notification brought).
    pub source: EventSource,
    pub subscription_id: Option<String>,
    pub order_id: String,
    /// `PON@N`, when known.
    pub order: Option<String>,
    pub customer_order_id: Option<String>,
    pub status: Option<String>,
    /// The status the history had before, when it knew the order.
    pub previous_status: Option<String>,
    pub actual_foc_date: Option<NaiveDate>,
    pub message: Option<String>,
    pub note: Option<String>,
    pub last_modified: Option<String>,
    /// True when the history changed (a new status, FOC date, errors or note).
    pub recorded: bool,
    /// The order as the history now has it (errors explained, next steps), when known.
    pub view: Option<OrderView>,
}

/// The history's record of this exact order id, if any.
fn known(backend: &Backend, order_id: &str) -> Option<OrderRecord> {
    backend
        .history
        .resolve_ref(&backend.key, &OrderRef::IdOrPon(order_id.to_string()))
        .ok()
        .flatten()
        .filter(|r| r.order_id == order_id)
}

fn changed(outcome: &RecordOutcome) -> bool {
    matches!(
        outcome,
        RecordOutcome::Inserted | RecordOutcome::Updated { .. }
    )
}

fn now_text() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The notification's state as a record: the order's identity from `base` (what the history
/// knew, else what was read), with the status and time the notification says, and the FOC
/// dates and errors of `fetched` (the order read just now) when it is in that same status, or
/// else of `known` (the history's record before).
fn notified_record(
    base: &OrderRecord,
    known: Option<&OrderRecord>,
    status: OrderStatus,
    notification: &Notification,
    fetched: Option<&OrderRecord>,
) -> OrderRecord {
    let same = fetched.filter(|f| f.status == status);
    let at = notification.modified_at().unwrap_or_else(Utc::now);
    let errors = match (same, known) {
        (Some(f), _) => f.errors.clone(),
        (None, Some(k)) if k.status == status => k.errors.clone(),
        _ => Vec::new(),
    };
    OrderRecord {
        status,
        actual_foc_date: notification
            .foc_date()
            .or(same.and_then(|f| f.actual_foc_date))
            .or(known.and_then(|k| k.actual_foc_date)),
        requested_foc_date: same
            .and_then(|f| f.requested_foc_date)
            .or(base.requested_foc_date),
        errors,
        // Never older than the backend's own snapshot of that same state.
        updated_at: same.map_or(at, |f| f.updated_at.max(at)),
        ..base.clone()
    }
}

/// Applies a notification to the history and describes it. `fetch` reads the order from the
/// backend when true (the listener has credentials for it).
pub async fn apply_notification(
    backend: &Backend,
    calendar: &BusinessCalendar,
    notification: &Notification,
    today: NaiveDate,
    log: &(dyn Fn(&str) + Send + Sync),
) -> Option<ListenEvent> {
    let Some(order_id) = notification.order_id.clone() else {
        log("ignored a notification without an OrderId");
        return None;
    };
    let before = known(backend, &order_id);
    let fetched = match backend.client.get_order(&order_id).await {
        Ok(answer) => OrderRecord::from_order(&with_id(answer.to_order(), &order_id), Utc::now()),
        Err(e) => {
            log(&format!(
                "could not read order {order_id} after its notification: {e}"
            ));
            None
        }
    };
    let mut recorded = false;
    let base = before.clone().or_else(|| fetched.clone());
    match (notification.order_status(), &base) {
        (Some(status), Some(base)) => {
            // When the order moved on since, the newer state is left to its own notification
            // (or to the reconcile poll): each status is recorded as it came.
            let record = notified_record(
                base,
                before.as_ref(),
                status,
                notification,
                fetched.as_ref(),
            );
            let origin = Origin::new(EventSource::Notification, notification.message.clone());
            recorded |= record_one(backend, &record, &origin, log);
        }
        (None, _) => log(&format!(
            "order {order_id}: status `{}` is not one lsr knows; the history is unchanged",
            notification.status.as_deref().unwrap_or("")
        )),
        (_, None) => log(&format!(
            "order {order_id} is not in the history and could not be read; the history is unchanged"
        )),
    }
    if let Some(text) = &notification.note {
        let note = OrderNote {
            at: notification.modified_at().unwrap_or_else(Utc::now),
            text: text.clone(),
            source: EventSource::Notification,
        };
        match backend
            .history
            .add_order_note(&backend.key, &order_id, &note)
        {
            Ok(added) => recorded |= added,
            Err(e) => log(&format!(
                "could not record the note of order {order_id}: {e}"
            )),
        }
    }
    let after = known(backend, &order_id);
    Some(ListenEvent {
        received_at: now_text(),
        source: EventSource::Notification,
        subscription_id: notification.subscription_id.clone(),
        order: after.as_ref().map(OrderRecord::versioned_ref),
        customer_order_id: notification
            .customer_order_id
            .clone()
            .or_else(|| after.as_ref().and_then(|r| r.customer_order_id.clone())),
        status: notification.status.clone(),
        previous_status: before.map(|r| r.status.as_str().to_string()),
        actual_foc_date: after.as_ref().and_then(|r| r.actual_foc_date),
        message: notification.message.clone(),
        note: notification.note.clone(),
        last_modified: notification.last_modified_date.clone(),
        recorded,
        view: after.map(|r| OrderView::new(&r.to_order(), calendar, today)),
        order_id,
    })
}

fn record_one(
    backend: &Backend,
    record: &OrderRecord,
    origin: &Origin,
    log: &(dyn Fn(&str) + Send + Sync),
) -> bool {
    match backend
        .history
        .record_orders_from(&backend.key, std::slice::from_ref(record), origin)
    {
        Ok(outcomes) => outcomes.iter().any(changed),
        Err(e) => {
            log(&format!("could not update the history: {e}"));
            false
        }
    }
}

/// The open orders the history knows (PENDING, FOC, EXCEPTION), oldest activity first.
pub fn open_orders(backend: &Backend) -> Vec<OrderRecord> {
    let query = LocalQuery {
        statuses: vec![
            OrderStatus::Pending,
            OrderStatus::Foc,
            OrderStatus::Exception,
        ],
        ..LocalQuery::default()
    };
    backend
        .history
        .search(&backend.key, &query)
        .unwrap_or_default()
}

/// Reads every open order the history knows and records what changed, as found by polling;
/// returns one event per order that changed.
pub async fn reconcile(
    backend: &Backend,
    calendar: &BusinessCalendar,
    today: NaiveDate,
    log: &(dyn Fn(&str) + Send + Sync),
) -> Vec<ListenEvent> {
    let mut events = Vec::new();
    for before in open_orders(backend) {
        let order: Order = match backend.client.get_order(&before.order_id).await {
            Ok(answer) => with_id(answer.to_order(), &before.order_id),
            Err(e) => {
                log(&format!(
                    "reconcile: could not read order {}: {e}",
                    before.versioned_ref()
                ));
                continue;
            }
        };
        let Some(record) = OrderRecord::from_order(&order, Utc::now()) else {
            continue;
        };
        let moved = record.status != before.status
            || record.actual_foc_date != before.actual_foc_date
            || record.errors != before.errors;
        if !moved || !record_one(backend, &record, &Origin::new(EventSource::Poll, None), log) {
            continue;
        }
        events.push(ListenEvent {
            received_at: now_text(),
            source: EventSource::Poll,
            subscription_id: None,
            order_id: record.order_id.clone(),
            // The stored record has lsr's number for it (one read from the wire has none yet).
            order: Some(before.versioned_ref()),
            customer_order_id: record.customer_order_id.clone(),
            status: Some(record.status.as_str().to_string()),
            previous_status: Some(before.status.as_str().to_string()),
            actual_foc_date: record.actual_foc_date,
            message: None,
            note: None,
            last_modified: Some(wire::format_wire_timestamp(record.updated_at)),
            recorded: true,
            view: Some(OrderView::new(&order, calendar, today)),
        });
    }
    events
}

/// One line for people: time, how it came, the order, the change, and what it says.
pub fn event_line(event: &ListenEvent) -> String {
    let order = event
        .order
        .clone()
        .unwrap_or_else(|| event.order_id.clone());
    let mut line = format!(
        "{}  {:<16}  {order}",
        event.received_at,
        event.source.describe()
    );
    let status = event.status.as_deref().unwrap_or("?");
    match (&event.note, event.previous_status.as_deref()) {
        (Some(note), _) => line.push_str(&format!("  note: {note}")),
        (None, Some(before)) if before != status => {
            line.push_str(&format!("  {before} -> {status}"));
        }
        (None, _) => line.push_str(&format!("  {status}")),
    }
    if event.note.is_none()
        && let Some(foc) = event.actual_foc_date
    {
        line.push_str(&format!("  FOC {foc}"));
    }
    if let Some(message) = &event.message {
        line.push_str(&format!("  ({message})"));
    }
    if !event.recorded && event.source == EventSource::Notification {
        line.push_str("  [already known]");
    }
    crate::output::printable(&line)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use chrono::TimeZone;

    use super::*;
    use crate::model::{BandwidthError, Pon, Tn};

    fn base() -> OrderRecord {
        let at = Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap();
        OrderRecord {
            order_id: "ord-1".into(),
            pon: Pon::parse("ACME").unwrap(),
            pon_version: 1,
            pon_count: 1,
            customer_order_id: None,
            status: OrderStatus::Pending,
            requested_foc_date: NaiveDate::from_ymd_opt(2026, 12, 7),
            actual_foc_date: None,
            tns: vec![Tn::parse("9195552001").unwrap()],
            errors: vec![BandwidthError::new(7521, "manual")],
            created_at: at,
            updated_at: at,
        }
    }

    fn notification(status: &str, at: &str) -> Notification {
        Notification {
            order_id: Some("ord-1".into()),
            status: Some(status.into()),
            last_modified_date: Some(at.into()),
            ..Notification::default()
        }
    }

    #[test]
    fn listen_notified_record_takes_the_fetched_state_only_when_it_is_the_same() {
        let foc = notification("FOC", "2026-11-30T13:00:00.000Z");
        // Nothing read: the status and time from the notification, the 7521 gone with PENDING.
        let r = notified_record(&base(), Some(&base()), OrderStatus::Foc, &foc, None);
        assert_eq!(r.status, OrderStatus::Foc);
        assert!(r.errors.is_empty());
        assert_eq!(
            r.updated_at,
            wire::parse_wire_timestamp("2026-11-30T13:00:00Z").unwrap()
        );
        // Read in the same state: its FOC date and errors complete the notification.
        let mut fetched = base();
        fetched.status = OrderStatus::Foc;
        fetched.actual_foc_date = NaiveDate::from_ymd_opt(2026, 12, 8);
        fetched.errors.clear();
        let r = notified_record(
            &base(),
            Some(&base()),
            OrderStatus::Foc,
            &foc,
            Some(&fetched),
        );
        assert_eq!(r.actual_foc_date, NaiveDate::from_ymd_opt(2026, 12, 8));
        // Read after it moved on: the read's date is not this notification's.
        fetched.status = OrderStatus::Complete;
        let r = notified_record(
            &base(),
            Some(&base()),
            OrderStatus::Foc,
            &foc,
            Some(&fetched),
        );
        assert_eq!(r.actual_foc_date, None);
        // Unknown before: the read gives the identity, not its later FOC date.
        let r = notified_record(&fetched, None, OrderStatus::Pending, &foc, Some(&fetched));
        assert_eq!((r.status, r.actual_foc_date), (OrderStatus::Pending, None));
        // The same status again keeps the known errors (a 7521 stays until the status moves).
        let pending = notification("PENDING", "2026-11-30T13:00:00.000Z");
        let r = notified_record(&base(), Some(&base()), OrderStatus::Pending, &pending, None);
        assert_eq!(r.errors.len(), 1);
    }

    #[test]
    fn listen_event_line_says_what_changed_and_how_it_came() {
        let event = ListenEvent {
            received_at: "2026-11-30T13:00:00Z".into(),
            source: EventSource::Poll,
            subscription_id: None,
            order_id: "ord-1".into(),
            order: Some("ACME@1".into()),
            customer_order_id: None,
            status: Some("FOC".into()),
            previous_status: Some("PENDING".into()),
            actual_foc_date: NaiveDate::from_ymd_opt(2026, 12, 8),
            message: Some("Port-out date has been set\u{1b}[2J".into()),
            note: None,
            last_modified: None,
            recorded: true,
            view: None,
        };
        let line = event_line(&event);
        assert!(line.contains("found by polling"), "{line}");
        assert!(
            line.contains("ACME@1  PENDING -> FOC  FOC 2026-12-08"),
            "{line}"
        );
        assert!(!line.contains('\u{1b}'), "{line}");
    }
}
