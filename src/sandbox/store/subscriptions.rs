//! Callback subscriptions (`…/subscriptions`) per account, and the notifications they are owed.
//!
//! Every lifecycle transition of an order is an `OrderHistory` entry and every note a row of
//! `notes`, so the store does not need to be told when to notify: [`Store::take_notifications`]
//! reads the entries written since the last call (a cursor per table, kept in
//! `notify_cursor`), pairs each with the subscriptions that cover it (same account, `lsrorders`,
//! the order or every order, created before the entry, not expired at its time), and moves the
//! cursors on. Delivery is the server's (`sandbox::notify`), off the request path.

use rusqlite::{OptionalExtension, Row, params};

use super::super::clock::Millis;
use super::{Store, StoreError, corrupt};
use crate::model::OrderStatus;

/// The tables of this module (created with the rest of the schema).
pub(super) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS subscriptions (id TEXT PRIMARY KEY, account_id TEXT NOT NULL,
  order_type TEXT NOT NULL, order_id TEXT, url TEXT NOT NULL, username TEXT, password TEXT,
  created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, after_history INTEGER NOT NULL,
  after_note INTEGER NOT NULL, status TEXT);
CREATE INDEX IF NOT EXISTS subscriptions_account ON subscriptions(account_id);
CREATE TABLE IF NOT EXISTS notify_cursor (source TEXT PRIMARY KEY, last INTEGER NOT NULL);
";

/// At most this many history entries (and as many notes) are read per call.
const BATCH: i64 = 500;

/// A subscription as the sandbox keeps it (the password is never answered).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSubscription {
    pub id: String,
    pub account_id: String,
    pub order_type: String,
    pub order_id: Option<String>,
    pub url: String,
    pub username: Option<String>,
    pub password: Option<String>,
    pub created_at: Millis,
    pub expires_at: Millis,
    /// The outcome of the latest delivery attempt, if any.
    pub status: Option<String>,
}

/// A subscription as requested (POST, or PUT replacing it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSubscription {
    pub order_type: String,
    pub order_id: Option<String>,
    pub url: String,
    pub username: Option<String>,
    pub password: Option<String>,
    pub expiry_secs: u64,
}

/// Something that happened to an order that subscribers hear about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderEvent {
    pub order_id: String,
    pub customer_order_id: Option<String>,
    /// The order's status after the event.
    pub status: OrderStatus,
    pub at: Millis,
    /// The history entry's text (a state change), or `None` for a note.
    pub message: Option<String>,
    /// The note's text (a note), or `None` for a state change.
    pub note: Option<String>,
    /// The order's TNs when the event completed it.
    pub completed_tns: Vec<String>,
}

/// One notification owed to one subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub subscription: StoredSubscription,
    pub event: OrderEvent,
}

const COLUMNS: &str = "id, account_id, order_type, order_id, url, username, password, created_at, \
     expires_at, status, after_history, after_note";

/// A row with the cursors it was created after.
type SubscriptionRow = (StoredSubscription, i64, i64);

/// An event row: rowid, order id, account, customer order id, time, text, status.
type EventRow = (i64, String, String, Option<String>, Millis, String, String);

fn subscription_from_row(row: &Row<'_>) -> rusqlite::Result<SubscriptionRow> {
    Ok((
        StoredSubscription {
            id: row.get(0)?,
            account_id: row.get(1)?,
            order_type: row.get(2)?,
            order_id: row.get(3)?,
            url: row.get(4)?,
            username: row.get(5)?,
            password: row.get(6)?,
            created_at: row.get(7)?,
            expires_at: row.get(8)?,
            status: row.get(9)?,
        },
        row.get(10)?,
        row.get(11)?,
    ))
}

fn expiry_ms(secs: u64) -> Millis {
    Millis::try_from(secs)
        .unwrap_or(Millis::MAX)
        .saturating_mul(1_000)
}

impl Store {
    fn max_rowid(&self, sql: &str) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row(sql, [], |r| r.get::<_, Option<i64>>(0))?
            .unwrap_or(0))
    }

    fn last_history_rowid(&self) -> Result<i64, StoreError> {
        self.max_rowid("SELECT max(rowid) FROM history")
    }

    fn last_note_id(&self) -> Result<i64, StoreError> {
        self.max_rowid("SELECT max(id) FROM notes")
    }

    /// Creates a subscription for an account at the sandbox time; it hears of what happens
    /// from now on.
    pub fn create_subscription(
        &mut self,
        account_id: &str,
        new: &NewSubscription,
    ) -> Result<StoredSubscription, StoreError> {
        let now = self.now()?;
        let id = uuid::Uuid::new_v4().to_string();
        let after_history = self.last_history_rowid()?;
        let after_note = self.last_note_id()?;
        self.conn
            .prepare_cached(
                "INSERT INTO subscriptions (id, account_id, order_type, order_id, url, username, \
                 password, created_at, expires_at, after_history, after_note, status) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, NULL)",
            )?
            .execute(params![
                id,
                account_id,
                new.order_type,
                new.order_id,
                new.url,
                new.username,
                new.password,
                now,
                now.saturating_add(expiry_ms(new.expiry_secs)),
                after_history,
                after_note,
            ])?;
        self.subscription(account_id, &id)?
            .ok_or_else(|| corrupt("a subscription vanished as it was created"))
    }

    /// The account's subscriptions, oldest first.
    pub fn subscriptions(&self, account_id: &str) -> Result<Vec<StoredSubscription>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM subscriptions WHERE account_id = ?1 ORDER BY created_at, id"
        ))?;
        let rows = stmt
            .query_map([account_id], subscription_from_row)?
            .map(|r| r.map(|(s, _, _)| s))
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// One subscription of the account.
    pub fn subscription(
        &self,
        account_id: &str,
        id: &str,
    ) -> Result<Option<StoredSubscription>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM subscriptions WHERE account_id = ?1 AND id = ?2"
            ))?
            .query_row([account_id, id], subscription_from_row)
            .optional()?
            .map(|(s, _, _)| s))
    }

    /// The account's subscription with the same target (order type, order, URL), if any:
    /// Bandwidth answers 409 to a second one.
    pub fn subscription_for_target(
        &self,
        account_id: &str,
        new: &NewSubscription,
    ) -> Result<Option<StoredSubscription>, StoreError> {
        Ok(self.subscriptions(account_id)?.into_iter().find(|s| {
            s.order_type == new.order_type && s.order_id == new.order_id && s.url == new.url
        }))
    }

    /// Replaces a subscription's target, credentials and expiry (counted from now); `None`
    /// when the account has no such subscription.
    pub fn update_subscription(
        &mut self,
        account_id: &str,
        id: &str,
        new: &NewSubscription,
    ) -> Result<Option<StoredSubscription>, StoreError> {
        let now = self.now()?;
        let changed = self
            .conn
            .prepare_cached(
                "UPDATE subscriptions SET order_type = ?3, order_id = ?4, url = ?5, username = ?6, \
                 password = ?7, expires_at = ?8 WHERE account_id = ?1 AND id = ?2",
            )?
            .execute(params![
                account_id,
                id,
                new.order_type,
                new.order_id,
                new.url,
                new.username,
                new.password,
                now.saturating_add(expiry_ms(new.expiry_secs)),
            ])?;
        if changed == 0 {
            return Ok(None);
        }
        self.subscription(account_id, id)
    }

    /// Deletes a subscription; false when the account has no such subscription.
    pub fn delete_subscription(&mut self, account_id: &str, id: &str) -> Result<bool, StoreError> {
        let deleted = self
            .conn
            .prepare_cached("DELETE FROM subscriptions WHERE account_id = ?1 AND id = ?2")?
            .execute([account_id, id])?;
        Ok(deleted > 0)
    }

    /// Records the outcome of the latest delivery attempt (`Status` in the GET answer).
    pub fn set_subscription_status(&self, id: &str, status: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("UPDATE subscriptions SET status = ?2 WHERE id = ?1")?
            .execute([id, status])?;
        Ok(())
    }

    fn cursor(&self, source: &str) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT last FROM notify_cursor WHERE source = ?1")?
            .query_row([source], |r| r.get(0))
            .optional()?
            .unwrap_or(0))
    }

    fn set_cursor(&self, source: &str, last: i64) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("INSERT OR REPLACE INTO notify_cursor (source, last) VALUES (?1, ?2)")?
            .execute(params![source, last])?;
        Ok(())
    }

    /// The notifications owed for what happened since the last call, in the order it happened
    /// per subscription; the cursors move past everything read, delivered or not (Bandwidth
    /// does not retry, and neither does the sandbox).
    pub fn take_notifications(&mut self) -> Result<Vec<Delivery>, StoreError> {
        self.refresh()?;
        let history_from = self.cursor("history")?;
        let note_from = self.cursor("notes")?;
        let none: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM subscriptions", [], |r| r.get(0))?;
        if none == 0 {
            // Nobody listens: skip what happened so far without reading it.
            let (h, n) = (self.last_history_rowid()?, self.last_note_id()?);
            if (h, n) != (history_from, note_from) {
                self.set_cursor("history", h)?;
                self.set_cursor("notes", n)?;
            }
            return Ok(Vec::new());
        }
        let mut events: Vec<(i64, bool, String, OrderEvent)> = Vec::new();
        let mut read = |sql: &str, from: i64, is_note: bool| -> Result<i64, StoreError> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows: Vec<EventRow> = stmt
                .query_map(params![from, BATCH], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                })?
                .collect::<Result<_, _>>()?;
            let mut last = from;
            for (rowid, order_id, account_id, customer_order_id, at, text, status) in rows {
                last = rowid;
                let status: OrderStatus = status.parse().map_err(corrupt)?;
                events.push((
                    rowid,
                    is_note,
                    account_id,
                    OrderEvent {
                        order_id,
                        customer_order_id,
                        status,
                        at,
                        message: (!is_note).then(|| text.clone()),
                        note: is_note.then_some(text),
                        completed_tns: Vec::new(),
                    },
                ));
            }
            Ok(last)
        };
        let history_to = read(
            "SELECT h.rowid, h.order_id, o.account_id, o.customer_order_id, h.at, h.note, h.status \
             FROM history h JOIN orders o ON o.id = h.order_id WHERE h.rowid > ?1 \
             ORDER BY h.rowid LIMIT ?2",
            history_from,
            false,
        )?;
        let note_to = read(
            "SELECT n.id, n.order_id, o.account_id, o.customer_order_id, n.modified_at, \
             n.description, o.status FROM notes n JOIN orders o ON o.id = n.order_id \
             WHERE n.id > ?1 ORDER BY n.id LIMIT ?2",
            note_from,
            true,
        )?;
        events.sort_by_key(|(rowid, is_note, _, event)| (event.at, *is_note, *rowid));
        let subscriptions: Vec<SubscriptionRow> = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM subscriptions ORDER BY created_at, id"
            ))?
            .query_map([], subscription_from_row)?
            .collect::<Result<_, _>>()?;
        let mut deliveries = Vec::new();
        for (rowid, is_note, account_id, mut event) in events {
            if event.status == OrderStatus::Complete && !is_note {
                event.completed_tns = self.order_tn_digits(&event.order_id)?;
            }
            for (subscription, after_history, after_note) in &subscriptions {
                let after = if is_note { *after_note } else { *after_history };
                let covers = subscription.account_id == account_id
                    && subscription.order_type == crate::wire::ORDER_TYPE_LSR
                    && subscription
                        .order_id
                        .as_ref()
                        .is_none_or(|id| *id == event.order_id)
                    && rowid > after
                    && event.at < subscription.expires_at;
                if covers {
                    deliveries.push(Delivery {
                        subscription: subscription.clone(),
                        event: event.clone(),
                    });
                }
            }
        }
        self.set_cursor("history", history_to)?;
        self.set_cursor("notes", note_to)?;
        Ok(deliveries)
    }

    fn order_tn_digits(&self, order_id: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT tn FROM order_tns WHERE order_id = ?1 ORDER BY tn")?;
        let tns = stmt
            .query_map([order_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(tns)
    }
}
