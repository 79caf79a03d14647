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
//! - `search.rs`: the order list, each filter answered from an index;
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
mod search;
#[cfg(test)]
mod search_tests;
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
    #[error("store work failed inside the transaction it shared with other requests")]
    GroupFailed,
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
    /// Store work failed inside the open group transaction: the group must not commit.
    group_failed: std::cell::Cell<bool>,
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

/// The indexes the order list and the lifecycle lookups use (`search.rs`), one per filter, so
/// that no lookup scans the orders. Run on every open after [`SCHEMA`]: a store written before
/// them gets them then (built once; later opens find them). `orders_pon_account` replaces
/// `orders_account_pon`: with the PON first it also serves the cross-account lookup of an
/// admin command's PON (`resolve_order`), and with both columns still the PON versions (R8).
const INDEXES: &str = "
DROP INDEX IF EXISTS orders_account_pon;
CREATE INDEX IF NOT EXISTS orders_pon_account ON orders(pon, account_id);
CREATE INDEX IF NOT EXISTS orders_account_customer ON orders(account_id, customer_order_id)
  WHERE customer_order_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS orders_account_status_created ON orders(account_id, status, created_at);
CREATE INDEX IF NOT EXISTS orders_account_modified ON orders(account_id, modified_at);
";

/// How many prepared statements the store keeps (each list filter combination is one).
const STATEMENT_CACHE: usize = 256;

/// How large the WAL may grow (in pages of 4 KiB) before the connection that writes copies it
/// back itself, once a [`Checkpointer`] does that beside it (SQLite's default is 1,000).
const WRITER_CHECKPOINT_PAGES: u32 = 8_000;

/// A second connection to a store's file that copies the WAL back into the database (a PASSIVE
/// checkpoint: it never blocks the writer) beside the connection that writes. The server runs
/// it on a thread of its own, so that requests do not wait for a checkpoint's writes and fsyncs.
pub struct Checkpointer {
    conn: Connection,
}

impl Checkpointer {
    /// Copies what the WAL holds back into the database file, as far as no reader needs it.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }
}

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

/// The schema step that adds the list's indexes ([`INDEXES`]) to a store of any age, in one
/// transaction.
fn migrate_indexes(conn: &Connection) -> Result<(), StoreError> {
    conn.execute_batch(&format!("BEGIN IMMEDIATE; {INDEXES} COMMIT;"))?;
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
        // Every statement the store runs stays prepared: a creation and its processing alone
        // use more than rusqlite's default 16, and re-preparing them cost a creation as much as
        // its commit.
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        conn.execute_batch(SCHEMA)?;
        conn.execute_batch(subscriptions::SCHEMA)?;
        migrate_indexes(&conn)?;
        let mut store = Store {
            conn,
            calendar,
            processing_delay_ms,
            clock_offset_ms: 0,
            faults: Faults::default(),
            data_version: -1,
            group_failed: std::cell::Cell::new(false),
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
    ///
    /// Inside the server's group transaction ([`Store::begin_group`]) it runs in that
    /// transaction, and a failure fails the whole group (rolled back, every request in it
    /// answered 500): what fails in here is the store itself (SQLite, a corrupt value), never a
    /// refusal, so that costs nothing in practice and spares a savepoint per request. Store code
    /// opens transactions only through here, so that it runs the same in and out of a group.
    fn in_transaction<T, E: From<StoreError>>(
        &self,
        work: impl FnOnce(&Store) -> Result<T, E>,
    ) -> Result<T, E> {
        if self.in_group() {
            let outcome = work(self);
            if outcome.is_err() {
                self.group_failed.set(true);
            }
            return outcome;
        }
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )
        .map_err(StoreError::from)?;
        let value = work(self)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(value)
    }

    /// Opens a group transaction: the server's store thread runs the work of concurrent
    /// requests in one (`server/worker.rs`) and answers them after [`Store::commit_group`].
    /// IMMEDIATE, as `Store::in_transaction` and for the same reason.
    pub fn begin_group(&self) -> Result<(), StoreError> {
        self.group_failed.set(false);
        self.conn.prepare_cached("BEGIN IMMEDIATE")?.execute([])?;
        Ok(())
    }

    /// Commits the group transaction; rolls it back instead when store work inside it failed
    /// (the error says why), or when the commit itself fails.
    pub fn commit_group(&self) -> Result<(), StoreError> {
        if !self.group_ok() {
            self.rollback_group();
            return Err(StoreError::GroupFailed);
        }
        if let Err(e) = self.conn.prepare_cached("COMMIT")?.execute([]) {
            self.rollback_group();
            return Err(e.into());
        }
        Ok(())
    }

    /// Undoes the group transaction, if it is still open.
    pub fn rollback_group(&self) {
        if self.in_group() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }

    /// Whether the group transaction can still commit: it is open (SQLite did not roll it
    /// back by itself after an I/O error or a full disk) and no store work in it failed.
    pub fn group_ok(&self) -> bool {
        self.in_group() && !self.group_failed.get()
    }

    fn in_group(&self) -> bool {
        !self.conn.is_autocommit()
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

    /// A [`Checkpointer`] for this store's file (`None` for an in-memory store); from now on
    /// this connection leaves the checkpoints to it, and copies the WAL back itself only when
    /// it grew past `WRITER_CHECKPOINT_PAGES` (the checkpointer could not keep up).
    pub fn checkpointer(&self) -> Result<Option<Checkpointer>, StoreError> {
        let Some(path) = self.conn.path().filter(|p| !p.is_empty()) else {
            return Ok(None);
        };
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn
            .pragma_update(None, "wal_autocheckpoint", WRITER_CHECKPOINT_PAGES)?;
        Ok(Some(Checkpointer { conn }))
    }

    /// Writes the WAL back into the database file (clean shutdown).
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}
