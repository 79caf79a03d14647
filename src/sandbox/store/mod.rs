//! The sandbox store: accounts, credentials, tokens, orders, history, notes, inventory, clock and
//! faults in one SQLite file (WAL). It reads and writes; every lifecycle decision is the
//! engine's (`sandbox::engine`).
//!
//! One connection does all the work (the server serialises access with a mutex), so PON
//! versions and TN conflicts are decided without races. Due events are persisted (`due_at`) and
//! applied by `advance_due`, which the server calls before every request and on a background
//! tick.
//!
//! - `mod.rs`: opening, the schema, transactions, reset;
//! - `auth.rs`: accounts, API users, OAuth2 clients and tokens;
//! - `orders.rs`: orders and their history, and applying due events;
//! - `npac.rs`: the NPAC simulation's subscribe and activate;
//! - `notes.rs`: notes on orders;
//! - `pins.rs`: how an order's PIN compared with its TNs' (the PIN itself is never stored);
//! - `settings.rs`: the clock offset, faults and the TN inventory;
//! - `subscriptions.rs`: callback subscriptions and the notifications they are owed.

mod auth;
mod notes;
mod npac;
mod orders;
mod pins;
mod settings;
mod subscriptions;
#[cfg(test)]
mod tests;

use std::path::Path;

use rusqlite::{Connection, params};

use super::Faults;
use super::clock::Millis;
use super::order::Transition;
use crate::validate::BusinessCalendar;

pub use super::engine::SYSTEM_USER;
pub use super::order::{
    HistoryEntry, NewOrder, NpacState, OrderError, OrderUpdate, Stage, StoredOrder,
};
pub use crate::wire::admin::InventoryEntry;
pub use auth::{Caller, Principal, SANDBOX_ROLES, TOKEN_LIFETIME_SECS};
pub use notes::StoredNote;
pub use orders::LIST_CAP;
pub use subscriptions::{Delivery, NewSubscription, OrderEvent, StoredSubscription};

/// The store file inside the data directory.
pub const STORE_FILE: &str = "sandbox.sqlite3";

/// A failure of the store itself (not a refusal of the request).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("sandbox store: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("sandbox store holds a corrupt value: {0}")]
    Corrupt(String),
    #[error("cannot create the sandbox store in `{path}`: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
}

/// Why an admin action (clock, NPAC, inventory) was refused.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a supp or cancel was refused: Bandwidth's code and text for each problem.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    #[error("lsr order update refused")]
    Rejected(Vec<OrderError>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The SQLite store.
pub struct Store {
    conn: Connection,
    calendar: BusinessCalendar,
    processing_delay_ms: Millis,
    clock_offset_ms: Millis,
    faults: Faults,
    data_version: i64,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS accounts (id TEXT PRIMARY KEY, spid TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS api_clients (client_id TEXT PRIMARY KEY, secret TEXT NOT NULL, account_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS api_users (username TEXT PRIMARY KEY, password TEXT NOT NULL, account_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS client_accounts (client_id TEXT NOT NULL, account_id TEXT NOT NULL, PRIMARY KEY (client_id, account_id));
CREATE TABLE IF NOT EXISTS tokens (token TEXT PRIMARY KEY, principal TEXT NOT NULL, account_id TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS orders (
  id TEXT PRIMARY KEY, account_id TEXT NOT NULL, pon TEXT NOT NULL, pon_version INTEGER NOT NULL,
  customer_order_id TEXT, status TEXT NOT NULL, draft TEXT NOT NULL, requested_foc TEXT, actual_foc TEXT,
  errors TEXT NOT NULL, created_at INTEGER NOT NULL, modified_at INTEGER NOT NULL,
  created_by TEXT NOT NULL, modified_by TEXT NOT NULL, stage TEXT NOT NULL, stage_since INTEGER NOT NULL,
  due_at INTEGER, npac_subscribed_at INTEGER, npac_medium INTEGER NOT NULL DEFAULT 0, concurred_at INTEGER);
CREATE INDEX IF NOT EXISTS orders_account_pon ON orders(account_id, pon);
CREATE INDEX IF NOT EXISTS orders_account_created ON orders(account_id, created_at);
CREATE INDEX IF NOT EXISTS orders_due ON orders(due_at) WHERE due_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS order_tns (order_id TEXT NOT NULL, tn TEXT NOT NULL, PRIMARY KEY (order_id, tn)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS order_tns_tn ON order_tns(tn);
CREATE TABLE IF NOT EXISTS history (order_id TEXT NOT NULL, at INTEGER NOT NULL, note TEXT NOT NULL,
  author TEXT, status TEXT NOT NULL, difference TEXT);
CREATE INDEX IF NOT EXISTS history_order ON history(order_id);
CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY AUTOINCREMENT, order_id TEXT NOT NULL,
  user_id TEXT NOT NULL, description TEXT NOT NULL, modified_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS notes_order ON notes(order_id);
CREATE TABLE IF NOT EXISTS inventory (tn TEXT PRIMARY KEY, behaviour TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS order_pins (order_id TEXT PRIMARY KEY, pin_check TEXT NOT NULL) WITHOUT ROWID;
";

/// Creates the store file 0600 in a 0700 directory before SQLite opens it (its `-wal` and
/// `-shm` files take the same mode), and tightens the files of a store created readable.
fn make_store_files_private(path: &Path) -> std::io::Result<()> {
    crate::files::create_private_file(path)?;
    for suffix in ["-wal", "-shm"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        crate::files::tighten_file(Path::new(&side))?;
    }
    Ok(())
}

fn corrupt(what: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(what.to_string())
}

impl Store {
    /// Opens (creating) the store under `data_dir`, with WAL and a busy timeout, and seeds the
    /// demo accounts into a fresh store. It holds tokens and orders: its files are 0600 in a
    /// 0700 directory.
    pub fn open(
        data_dir: &Path,
        calendar: BusinessCalendar,
        processing_delay_ms: Millis,
    ) -> Result<Store, StoreError> {
        let path = data_dir.join(STORE_FILE);
        make_store_files_private(&path).map_err(|source| StoreError::DataDir {
            path: data_dir.display().to_string(),
            source,
        })?;
        let conn = Connection::open(&path)?;
        Store::with_connection(conn, calendar, processing_delay_ms)
    }

    /// An in-memory store (unit tests).
    pub fn open_in_memory(
        calendar: BusinessCalendar,
        processing_delay_ms: Millis,
    ) -> Result<Store, StoreError> {
        Store::with_connection(Connection::open_in_memory()?, calendar, processing_delay_ms)
    }

    fn with_connection(
        conn: Connection,
        calendar: BusinessCalendar,
        processing_delay_ms: Millis,
    ) -> Result<Store, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // WAL + NORMAL: a commit survives a process crash; only an OS crash may lose the last
        // transactions, which is fine for a test backend and keeps creations fast.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.execute_batch(SCHEMA)?;
        conn.execute_batch(subscriptions::SCHEMA)?;
        let mut store = Store {
            conn,
            calendar,
            processing_delay_ms,
            clock_offset_ms: 0,
            faults: Faults::default(),
            data_version: -1,
        };
        let accounts: i64 = store
            .conn
            .query_row("SELECT COUNT(*) FROM accounts", [], |r| r.get(0))?;
        if accounts == 0 {
            store.seed_demo_accounts()?;
        }
        store.refresh()?;
        store.scrub_stored_pins()?;
        Ok(store)
    }

    pub fn calendar(&self) -> &BusinessCalendar {
        &self.calendar
    }

    /// Runs `work` in one transaction: committed when it succeeds, rolled back otherwise. It
    /// begins IMMEDIATE: the write lock is taken up front, so another process on the same file
    /// makes it wait (busy timeout) instead of failing "database is locked" when a read would
    /// have to upgrade to a write.
    fn in_transaction<T, E: From<StoreError>>(
        &self,
        work: impl FnOnce(&Store) -> Result<T, E>,
    ) -> Result<T, E> {
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )
        .map_err(StoreError::from)?;
        let value = work(self)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// Writes an order the engine changed and its history entries, in one transaction.
    fn write_transition(&self, transition: &Transition) -> Result<(), StoreError> {
        self.in_transaction(|store| {
            store.write_order(&transition.order, false)?;
            store.add_history(&transition.order.id, &transition.history)
        })
    }

    /// Appends history entries to an order, in the order given.
    fn add_history(&self, order_id: &str, entries: &[HistoryEntry]) -> Result<(), StoreError> {
        let mut insert = self.conn.prepare_cached(
            "INSERT INTO history (order_id, at, note, author, status, difference) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for entry in entries {
            insert.execute(params![
                order_id,
                entry.at,
                entry.note,
                entry.author,
                entry.status.as_str(),
                entry.difference
            ])?;
        }
        Ok(())
    }

    /// Deletes every order, note, token and inventory entry, resets clock and faults, and
    /// restores the demo accounts.
    pub fn reset(&mut self) -> Result<(), StoreError> {
        self.conn.execute_batch(
            "BEGIN IMMEDIATE; DELETE FROM orders; DELETE FROM order_tns; DELETE FROM history; \
             DELETE FROM order_pins; DELETE FROM notes; DELETE FROM inventory; DELETE FROM tokens; DELETE FROM settings; \
             DELETE FROM api_clients; DELETE FROM client_accounts; DELETE FROM api_users; \
             DELETE FROM accounts; DELETE FROM subscriptions; DELETE FROM notify_cursor; COMMIT;",
        )?;
        self.clock_offset_ms = 0;
        self.faults = Faults::default();
        self.seed_demo_accounts()
    }

    /// Writes the WAL back into the database file (clean shutdown).
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}
