//! Where the history's knowledge comes from: a command reading the backend, a notification
//! Bandwidth pushed (`lsr listen`), or a poll that found what notifications missed (listen's
//! reconcile); and the notes notifications carry.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::error::StoreError;
use super::open::HistoryStore;
use super::orders::find_backend;
use super::record::BackendKey;

/// How lsr learned of a status event or a note.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EventSource {
    /// A command read the order from the backend (status, search, submit …).
    #[default]
    Read,
    /// Bandwidth pushed a notification (`lsr listen`).
    Notification,
    /// Found by polling: `lsr listen`'s reconcile saw a change no notification brought.
    Poll,
}

impl EventSource {
    /// The stored form (`NULL` for [`EventSource::Read`], which every older row is).
    pub(super) fn stored(self) -> Option<&'static str> {
        match self {
            EventSource::Read => None,
            EventSource::Notification => Some("notification"),
            EventSource::Poll => Some("poll"),
        }
    }

    pub(super) fn from_stored(text: Option<String>) -> EventSource {
        match text.as_deref() {
            Some("notification") => EventSource::Notification,
            Some("poll") => EventSource::Poll,
            _ => EventSource::Read,
        }
    }

    /// How people read it: `read`, `notification`, `found by polling`.
    pub fn describe(self) -> &'static str {
        match self {
            EventSource::Read => "read",
            EventSource::Notification => "notification",
            EventSource::Poll => "found by polling",
        }
    }
}

/// Where a snapshot being recorded came from, and the message that came with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    pub source: EventSource,
    pub message: Option<String>,
}

impl Origin {
    pub fn new(source: EventSource, message: Option<String>) -> Origin {
        Origin { source, message }
    }
}

/// A note a notification carried.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct OrderNote {
    pub at: DateTime<Utc>,
    pub text: String,
    pub source: EventSource,
}

impl HistoryStore {
    /// Records a note on an order the history knows; false when the order is unknown or the
    /// same note (time and text) is recorded already.
    pub fn add_order_note(
        &self,
        backend: &BackendKey,
        order_id: &str,
        note: &OrderNote,
    ) -> Result<bool, StoreError> {
        let at = self.nanos(note.at)?;
        let source = note.source.stored().unwrap_or("read");
        self.write(|conn| {
            let Some(backend_id) = find_backend(conn, backend)? else {
                return Ok(false);
            };
            let row: Option<i64> = conn
                .prepare_cached("SELECT id FROM orders WHERE backend_id = ?1 AND order_id = ?2")?
                .query_row(params![backend_id, order_id], |r| r.get(0))
                .optional()?;
            let Some(row) = row else {
                return Ok(false);
            };
            let added = conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO order_notes (order_row, at, text, source)
                     VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![row, at, note.text, source])?;
            Ok(added > 0)
        })
    }

    /// The notes recorded for an order, oldest first.
    pub fn order_notes(
        &self,
        backend: &BackendKey,
        order_id: &str,
    ) -> Result<Vec<OrderNote>, StoreError> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT n.at, n.text, n.source FROM order_notes n
                 JOIN orders o ON o.id = n.order_row
                 JOIN backends b ON b.id = o.backend_id
                 WHERE b.base_url = ?1 AND b.account_id = ?2 AND o.order_id = ?3
                 ORDER BY n.at, n.id",
            )?;
            let notes = statement
                .query_map(
                    params![backend.base_url(), backend.account_id(), order_id],
                    |row| {
                        Ok(OrderNote {
                            at: DateTime::from_timestamp_nanos(row.get(0)?),
                            text: row.get(1)?,
                            source: EventSource::from_stored(row.get(2)?),
                        })
                    },
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(notes)
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use chrono::TimeZone;

    use super::*;
    use crate::history::{OrderRecord, RecordOutcome};
    use crate::model::{OrderStatus, Pon, Tn};

    fn record(status: OrderStatus, minute: u32) -> OrderRecord {
        let at = Utc.with_ymd_and_hms(2026, 11, 30, 12, minute, 0).unwrap();
        OrderRecord {
            order_id: "ord-1".into(),
            pon: Pon::parse("ACME").unwrap(),
            pon_version: 1,
            pon_count: 1,
            customer_order_id: None,
            status,
            requested_foc_date: None,
            actual_foc_date: None,
            tns: vec![Tn::parse("9195552001").unwrap()],
            errors: Vec::new(),
            created_at: at,
            updated_at: at,
        }
    }

    #[test]
    fn history_events_keep_their_source_and_notes_are_recorded_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = HistoryStore::open_in(dir.path()).unwrap();
        let backend = BackendKey::new("http://127.0.0.1:1/api/v1", "9900001");
        store
            .record_order(&backend, &record(OrderStatus::Pending, 0))
            .unwrap();
        let pushed = Origin::new(
            EventSource::Notification,
            Some("Port-out date has been set".into()),
        );
        let outcome = store
            .record_orders_from(&backend, &[record(OrderStatus::Foc, 5)], &pushed)
            .unwrap();
        assert_eq!(outcome, vec![RecordOutcome::Updated { status_event: true }]);
        // Stale: an older snapshot found by polling changes nothing.
        let polled = Origin::new(EventSource::Poll, None);
        let outcome = store
            .record_orders_from(&backend, &[record(OrderStatus::Pending, 1)], &polled)
            .unwrap();
        assert_eq!(outcome, vec![RecordOutcome::Stale]);
        store
            .record_orders_from(&backend, &[record(OrderStatus::Complete, 9)], &polled)
            .unwrap();
        let events = store.status_events(&backend, "ord-1").unwrap();
        let sources: Vec<EventSource> = events.iter().map(|e| e.source).collect();
        assert_eq!(
            sources,
            vec![
                EventSource::Read,
                EventSource::Notification,
                EventSource::Poll
            ]
        );
        assert_eq!(
            events[1].message.as_deref(),
            Some("Port-out date has been set")
        );
        assert_eq!(EventSource::Poll.describe(), "found by polling");

        let note = OrderNote {
            at: Utc.with_ymd_and_hms(2026, 11, 30, 13, 0, 0).unwrap(),
            text: "called the customer".into(),
            source: EventSource::Notification,
        };
        assert!(store.add_order_note(&backend, "ord-1", &note).unwrap());
        assert!(!store.add_order_note(&backend, "ord-1", &note).unwrap());
        assert!(!store.add_order_note(&backend, "unknown", &note).unwrap());
        assert_eq!(store.order_notes(&backend, "ord-1").unwrap(), vec![note]);
    }
}
