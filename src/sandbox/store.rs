//! The sandbox store: accounts, credentials, tokens, orders, history, notes, inventory, clock and
//! faults in one SQLite file (WAL), and the lifecycle operations that change them.
//!
//! One connection does all the work (the server serialises access with a mutex), so PON
//! versions and TN conflicts are decided without races. Every lifecycle rule runs against the
//! sandbox clock: due events are persisted (`due_at`) and applied by `advance_due`, which the
//! server calls before every request and on a background tick.

use std::path::Path;

use chrono::{Months, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use super::clock::{self, Millis, date_of, format_timestamp, real_now_ms, start_of};
use super::engine::{self, Behaviour, Decision, PendingFocHit};
use super::{DEMO_ACCOUNTS, Faults};
use crate::model::{OrderDraft, OrderStatus, Tn};
use crate::validate::BusinessCalendar;

/// The author of changes the sandbox makes by itself (as Bandwidth's `LastModifiedBy`).
pub const SYSTEM_USER: &str = "System";
/// Lifetime of an OAuth2 access token, in seconds.
pub const TOKEN_LIFETIME_SECS: i64 = 3600;
/// At most this many orders in one list answer (Bandwidth's cap).
pub const LIST_CAP: usize = 1000;
/// The store file inside the data directory.
pub const STORE_FILE: &str = "sandbox.sqlite3";

/// A failure of the store itself (not a refusal of the request).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("sandbox store: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("sandbox store holds a corrupt value: {0}")]
    Corrupt(String),
    #[error("cannot create sandbox data directory `{path}`: {source}")]
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

/// A code and text attached to an order (`LsrOrderErrors/LsrOrderError`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderError {
    pub code: u32,
    pub description: String,
}

/// Who is calling: an API user or OAuth2 client, and the account it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub name: String,
    pub account_id: String,
}

/// Where an order is inside its status (what the next due event is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Received (or supped from EXCEPTION): the TN-line table runs after the processing delay.
    Received,
    /// 7521: an agent sets the FOC 24 hours later (R6).
    ManualHandling,
    /// Nothing scheduled by processing (FOC timers are derived from the NPAC fields).
    Settled,
}

impl Stage {
    fn as_str(self) -> &'static str {
        match self {
            Stage::Received => "received",
            Stage::ManualHandling => "manual",
            Stage::Settled => "settled",
        }
    }

    fn parse(text: &str) -> Stage {
        match text {
            "received" => Stage::Received,
            "manual" => Stage::ManualHandling,
            _ => Stage::Settled,
        }
    }
}

/// The gaining carrier's NPAC subscriptions for an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NpacState {
    pub subscribed_at: Millis,
    pub medium_timers: bool,
    pub concurred_at: Option<Millis>,
}

/// An order as the sandbox keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredOrder {
    pub id: String,
    pub account_id: String,
    pub pon: String,
    pub pon_version: u32,
    pub status: OrderStatus,
    /// The order's fields as submitted (and supped), in the untyped form the wire maps to.
    pub draft: OrderDraft,
    pub tns: Vec<Tn>,
    pub requested_foc: Option<NaiveDate>,
    pub actual_foc: Option<NaiveDate>,
    pub errors: Vec<OrderError>,
    pub created_at: Millis,
    pub modified_at: Millis,
    pub created_by: String,
    pub modified_by: String,
    pub stage: Stage,
    pub stage_since: Millis,
    pub npac: Option<NpacState>,
}

/// One `OrderHistory` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryEntry {
    pub at: Millis,
    pub note: String,
    pub author: Option<String>,
    pub status: OrderStatus,
    pub difference: Option<String>,
}

/// One note on an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredNote {
    pub id: i64,
    pub user_id: String,
    pub description: String,
    pub modified_at: Millis,
}

/// The list filters of `GET /lsrorders`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderFilter {
    pub pon: Option<String>,
    pub tn: Option<String>,
    pub statuses: Vec<OrderStatus>,
    pub customer_order_id: Option<String>,
    pub order_id_fragment: Option<String>,
    pub created_from: Option<NaiveDate>,
    pub created_to: Option<NaiveDate>,
    pub modified_from: Option<NaiveDate>,
    pub modified_to: Option<NaiveDate>,
}

/// A new order that passed validation.
#[derive(Debug, Clone)]
pub struct NewOrder {
    pub draft: OrderDraft,
    pub pon: String,
    pub tns: Vec<Tn>,
    pub requested_foc: Option<NaiveDate>,
}

/// A supp or cancel as sent by the client.
#[derive(Debug, Clone, Default)]
pub struct OrderUpdate {
    /// The fields present in the body.
    pub draft: OrderDraft,
    /// `OrderStatus` when present (only `CANCELLED` is allowed).
    pub order_status: Option<String>,
}

/// An inventory entry: a TN with explicit behaviour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InventoryEntry {
    pub tn: String,
    #[serde(flatten)]
    pub behaviour: Behaviour,
}

/// The SQLite store and the lifecycle operations.
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
";

const ORDER_COLUMNS: &str = "id, account_id, pon, pon_version, status, draft, requested_foc, \
     actual_foc, errors, created_at, modified_at, created_by, modified_by, stage, stage_since, \
     npac_subscribed_at, npac_medium, concurred_at";

fn corrupt(what: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(what.to_string())
}

fn parse_date(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok())
}

fn order_from_row(row: &Row<'_>) -> rusqlite::Result<(StoredOrder, String, String, String)> {
    let npac_subscribed_at: Option<Millis> = row.get(15)?;
    let npac_medium: bool = row.get(16)?;
    let concurred_at: Option<Millis> = row.get(17)?;
    let order = StoredOrder {
        id: row.get(0)?,
        account_id: row.get(1)?,
        pon: row.get(2)?,
        pon_version: row.get(3)?,
        status: OrderStatus::Pending,
        draft: OrderDraft::default(),
        tns: Vec::new(),
        requested_foc: parse_date(row.get(6)?),
        actual_foc: parse_date(row.get(7)?),
        errors: Vec::new(),
        created_at: row.get(9)?,
        modified_at: row.get(10)?,
        created_by: row.get(11)?,
        modified_by: row.get(12)?,
        stage: Stage::parse(&row.get::<_, String>(13)?),
        stage_since: row.get(14)?,
        npac: npac_subscribed_at.map(|subscribed_at| NpacState {
            subscribed_at,
            medium_timers: npac_medium,
            concurred_at,
        }),
    };
    // Status, draft and errors are parsed by `complete_order`, which can report corruption.
    Ok((order, row.get(4)?, row.get(5)?, row.get(8)?))
}

impl Store {
    /// Opens (creating) the store under `data_dir`, with WAL and a busy timeout, and seeds the
    /// demo accounts into a fresh store.
    pub fn open(
        data_dir: &Path,
        calendar: BusinessCalendar,
        processing_delay_ms: Millis,
    ) -> Result<Store, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::DataDir {
            path: data_dir.display().to_string(),
            source,
        })?;
        let conn = Connection::open(data_dir.join(STORE_FILE))?;
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
        Ok(store)
    }

    fn seed_demo_accounts(&mut self) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for demo in DEMO_ACCOUNTS {
            tx.execute(
                "INSERT OR REPLACE INTO accounts (id, spid) VALUES (?1, ?2)",
                params![demo.account_id, demo.spid],
            )?;
            tx.execute(
                "INSERT OR REPLACE INTO api_clients (client_id, secret, account_id) VALUES (?1, ?2, ?3)",
                params![demo.client_id, demo.client_secret, demo.account_id],
            )?;
            tx.execute(
                "INSERT OR REPLACE INTO api_users (username, password, account_id) VALUES (?1, ?2, ?3)",
                params![demo.username, demo.password, demo.account_id],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Reloads the clock offset and faults when another connection (a CLI acting on the same
    /// data directory) changed them.
    fn refresh(&mut self) -> Result<(), StoreError> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if version == self.data_version {
            return Ok(());
        }
        self.data_version = version;
        self.clock_offset_ms = self
            .setting("clock_offset_ms")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        self.faults = match self.setting("faults")? {
            Some(text) => serde_json::from_str(&text).map_err(corrupt)?,
            None => Faults::default(),
        };
        Ok(())
    }

    fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
            .query_row([key], |r| r.get(0))
            .optional()?)
    }

    fn put_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)")?
            .execute([key, value])?;
        Ok(())
    }

    pub fn calendar(&self) -> &BusinessCalendar {
        &self.calendar
    }

    /// The sandbox time now.
    pub fn now(&mut self) -> Result<Millis, StoreError> {
        self.refresh()?;
        Ok(real_now_ms() + self.clock_offset_ms)
    }

    /// The sandbox date today.
    pub fn today(&mut self) -> Result<NaiveDate, StoreError> {
        Ok(date_of(self.now()?))
    }

    /// Sets the sandbox clock to `at` and applies every event that became due.
    pub fn set_clock(&mut self, at: Millis) -> Result<Millis, StoreError> {
        self.refresh()?;
        self.clock_offset_ms = at - real_now_ms();
        self.put_setting("clock_offset_ms", &self.clock_offset_ms.to_string())?;
        self.advance_due()?;
        self.now()
    }

    /// Sets the sandbox clock to `at` unless it was ever set in this store (a fresh store
    /// starts on a pinned date; later runs continue from where it was).
    pub fn set_clock_if_unset(&mut self, at: Millis) -> Result<bool, StoreError> {
        self.refresh()?;
        if self.setting("clock_offset_ms")?.is_some() {
            return Ok(false);
        }
        self.set_clock(at)?;
        Ok(true)
    }

    /// Moves the sandbox clock forward by `by` and applies every event that became due.
    pub fn advance_clock(&mut self, by: Millis) -> Result<Millis, StoreError> {
        let now = self.now()?;
        self.set_clock(now + by)
    }

    pub fn faults(&mut self) -> Result<Faults, StoreError> {
        self.refresh()?;
        Ok(self.faults.clone())
    }

    pub fn set_faults(&mut self, faults: &Faults) -> Result<(), StoreError> {
        let text = serde_json::to_string(faults).map_err(corrupt)?;
        self.put_setting("faults", &text)?;
        self.faults = faults.clone();
        Ok(())
    }

    /// Deletes every order, note, token and inventory entry, resets clock and faults, and
    /// restores the demo accounts.
    pub fn reset(&mut self) -> Result<(), StoreError> {
        self.conn.execute_batch(
            "BEGIN; DELETE FROM orders; DELETE FROM order_tns; DELETE FROM history; \
             DELETE FROM notes; DELETE FROM inventory; DELETE FROM tokens; DELETE FROM settings; \
             DELETE FROM api_clients; DELETE FROM api_users; DELETE FROM accounts; COMMIT;",
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

    // ---- authentication ----

    /// Legacy HTTP Basic with an API user's name and password.
    pub fn authenticate_user(
        &self,
        username: &str,
        password: &str,
    ) -> Result<Option<Principal>, StoreError> {
        let found: Option<(String, String)> = self
            .conn
            .prepare_cached("SELECT password, account_id FROM api_users WHERE username = ?1")?
            .query_row([username], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(found
            .filter(|(stored, _)| stored == password)
            .map(|(_, account_id)| Principal {
                name: username.to_string(),
                account_id,
            }))
    }

    /// OAuth2 client credentials: a new Bearer token, or `None` for bad credentials.
    pub fn issue_token(
        &self,
        client_id: &str,
        secret: &str,
    ) -> Result<Option<(String, i64)>, StoreError> {
        let found: Option<(String, String)> = self
            .conn
            .prepare_cached("SELECT secret, account_id FROM api_clients WHERE client_id = ?1")?
            .query_row([client_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((_, account_id)) = found.filter(|(stored, _)| stored == secret) else {
            return Ok(None);
        };
        let token = format!(
            "{}{}",
            uuid::Uuid::new_v4().simple(),
            uuid::Uuid::new_v4().simple()
        );
        // Token expiry runs on the real clock: moving the sandbox clock must not log users out.
        let expires_at = real_now_ms() + TOKEN_LIFETIME_SECS * 1000;
        self.conn
            .prepare_cached(
                "INSERT INTO tokens (token, principal, account_id, expires_at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![token, client_id, account_id, expires_at])?;
        self.conn
            .prepare_cached("DELETE FROM tokens WHERE expires_at < ?1")?
            .execute([real_now_ms()])?;
        Ok(Some((token, TOKEN_LIFETIME_SECS)))
    }

    /// The principal of a Bearer token that has not expired.
    pub fn authenticate_token(&self, token: &str) -> Result<Option<Principal>, StoreError> {
        let found: Option<(String, String, Millis)> = self
            .conn
            .prepare_cached(
                "SELECT principal, account_id, expires_at FROM tokens WHERE token = ?1",
            )?
            .query_row([token], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        Ok(found
            .filter(|(_, _, expires_at)| *expires_at > real_now_ms())
            .map(|(name, account_id, _)| Principal { name, account_id }))
    }

    /// The SPID of an account (the default for orders that give none).
    pub fn account_spid(&self, account_id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT spid FROM accounts WHERE id = ?1")?
            .query_row([account_id], |r| r.get(0))
            .optional()?)
    }

    // ---- orders ----

    fn load_order(
        &self,
        where_sql: &str,
        args: &[&str],
    ) -> Result<Option<StoredOrder>, StoreError> {
        let sql = format!("SELECT {ORDER_COLUMNS} FROM orders WHERE {where_sql}");
        let found = self
            .conn
            .prepare_cached(&sql)?
            .query_row(rusqlite::params_from_iter(args), order_from_row)
            .optional()?;
        found.map(|raw| self.complete_order(raw)).transpose()
    }

    fn complete_order(
        &self,
        (mut order, status, draft, errors): (StoredOrder, String, String, String),
    ) -> Result<StoredOrder, StoreError> {
        order.status = status.parse().map_err(corrupt)?;
        order.draft = serde_json::from_str(&draft).map_err(corrupt)?;
        order.errors = serde_json::from_str(&errors).map_err(corrupt)?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT tn FROM order_tns WHERE order_id = ?1")?;
        let digits: Vec<String> = stmt
            .query_map([&order.id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        // Keep the submitted order of the TNs: the draft has them as sent.
        let mut tns: Vec<Tn> = order
            .draft
            .tns
            .iter()
            .filter_map(|t| Tn::parse(t).ok())
            .collect();
        if tns.len() != digits.len() {
            tns = digits.iter().filter_map(|d| Tn::parse(d).ok()).collect();
        }
        order.tns = tns;
        Ok(order)
    }

    /// One order of an account.
    pub fn order(
        &self,
        account_id: &str,
        order_id: &str,
    ) -> Result<Option<StoredOrder>, StoreError> {
        self.load_order("id = ?1 AND account_id = ?2", &[order_id, account_id])
    }

    /// An order by id or by a PON unique in the sandbox (admin commands work across accounts).
    pub fn resolve_order(&self, reference: &str) -> Result<StoredOrder, AdminError> {
        if let Some(order) = self.load_order("id = ?1", &[reference])? {
            return Ok(order);
        }
        let ids: Vec<String> = self
            .conn
            .prepare_cached("SELECT id FROM orders WHERE pon = ?1 ORDER BY created_at")
            .and_then(|mut stmt| {
                stmt.query_map([reference], |r| r.get(0))?
                    .collect::<Result<_, _>>()
            })
            .map_err(StoreError::from)?;
        match ids.as_slice() {
            [] => Err(AdminError::NotFound(format!(
                "order `{reference}` not found in the sandbox"
            ))),
            [id] => self
                .load_order("id = ?1", &[id])?
                .ok_or_else(|| AdminError::NotFound(format!("order `{reference}` not found"))),
            many => Err(AdminError::Invalid(format!(
                "PON `{reference}` names {} orders ({}); give an order id",
                many.len(),
                many.join(", ")
            ))),
        }
    }

    fn write_order(&self, order: &StoredOrder, insert: bool) -> Result<(), StoreError> {
        let draft = serde_json::to_string(&order.draft).map_err(corrupt)?;
        let errors = serde_json::to_string(&order.errors).map_err(corrupt)?;
        let due_at = self.next_due(order);
        let date = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        let sql = if insert {
            "INSERT INTO orders (id, account_id, pon, pon_version, customer_order_id, status, draft, \
             requested_foc, actual_foc, errors, created_at, modified_at, created_by, modified_by, \
             stage, stage_since, due_at, npac_subscribed_at, npac_medium, concurred_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)"
        } else {
            "UPDATE orders SET account_id = ?2, pon = ?3, pon_version = ?4, customer_order_id = ?5, \
             status = ?6, draft = ?7, requested_foc = ?8, actual_foc = ?9, errors = ?10, \
             created_at = ?11, modified_at = ?12, created_by = ?13, modified_by = ?14, stage = ?15, \
             stage_since = ?16, due_at = ?17, npac_subscribed_at = ?18, npac_medium = ?19, \
             concurred_at = ?20 WHERE id = ?1"
        };
        self.conn.prepare_cached(sql)?.execute(params![
            order.id,
            order.account_id,
            order.pon,
            order.pon_version,
            order.draft.customer_order_id,
            order.status.as_str(),
            draft,
            date(order.requested_foc),
            date(order.actual_foc),
            errors,
            order.created_at,
            order.modified_at,
            order.created_by,
            order.modified_by,
            order.stage.as_str(),
            order.stage_since,
            due_at,
            order.npac.map(|n| n.subscribed_at),
            order.npac.is_some_and(|n| n.medium_timers),
            order.npac.and_then(|n| n.concurred_at),
        ])?;
        Ok(())
    }

    fn add_history(
        &self,
        order: &StoredOrder,
        at: Millis,
        note: &str,
        author: Option<&str>,
        difference: Option<String>,
    ) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO history (order_id, at, note, author, status, difference) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                order.id,
                at,
                note,
                author,
                order.status.as_str(),
                difference
            ])?;
        Ok(())
    }

    /// Stores a validated order as PENDING; its PON version counts this account's orders with
    /// the same PON, this one included (R8).
    pub fn create_order(
        &mut self,
        principal: &Principal,
        new: NewOrder,
    ) -> Result<StoredOrder, StoreError> {
        let now = self.now()?;
        let tx = self.conn.unchecked_transaction()?;
        let earlier: u32 = tx
            .prepare_cached("SELECT COUNT(*) FROM orders WHERE account_id = ?1 AND pon = ?2")?
            .query_row(params![principal.account_id, new.pon], |r| r.get(0))?;
        let mut tns = new.tns;
        tns.dedup();
        let order = StoredOrder {
            id: uuid::Uuid::new_v4().to_string(),
            account_id: principal.account_id.clone(),
            pon: new.pon,
            pon_version: earlier + 1,
            status: OrderStatus::Pending,
            draft: new.draft,
            tns,
            requested_foc: new.requested_foc,
            actual_foc: None,
            errors: Vec::new(),
            created_at: now,
            modified_at: now,
            created_by: principal.name.clone(),
            modified_by: principal.name.clone(),
            stage: Stage::Received,
            stage_since: now,
            npac: None,
        };
        self.write_order(&order, true)?;
        {
            let mut insert_tn = tx
                .prepare_cached("INSERT OR IGNORE INTO order_tns (order_id, tn) VALUES (?1, ?2)")?;
            for tn in &order.tns {
                insert_tn.execute(params![order.id, tn.digits()])?;
            }
        }
        self.add_history(
            &order,
            now,
            "LSR has been received by the system and is being processed",
            Some(&principal.name),
            None,
        )?;
        tx.commit()?;
        Ok(order)
    }

    /// The orders of an account matching `filter` (at most [`LIST_CAP`]) and how many matched.
    pub fn list_orders(
        &mut self,
        account_id: &str,
        filter: &OrderFilter,
    ) -> Result<(Vec<StoredOrder>, usize), StoreError> {
        let now = self.now()?;
        let mut clauses = vec!["account_id = ?".to_string()];
        let mut args: Vec<rusqlite::types::Value> = vec![account_id.to_string().into()];
        let mut text_arg = |clause: &str, value: &Option<String>, args: &mut Vec<_>| {
            if let Some(v) = value {
                clauses.push(clause.to_string());
                args.push(rusqlite::types::Value::from(v.clone()));
            }
        };
        text_arg("pon = ?", &filter.pon, &mut args);
        text_arg(
            "id IN (SELECT order_id FROM order_tns WHERE tn = ?)",
            &filter.tn,
            &mut args,
        );
        text_arg(
            "customer_order_id = ?",
            &filter.customer_order_id,
            &mut args,
        );
        text_arg("id LIKE ? || '%'", &filter.order_id_fragment, &mut args);
        if !filter.statuses.is_empty() {
            let marks = vec!["?"; filter.statuses.len()].join(", ");
            clauses.push(format!("status IN ({marks})"));
            for s in &filter.statuses {
                args.push(s.as_str().to_string().into());
            }
        }
        let mut range = |column: &str, from: Option<NaiveDate>, to: Option<NaiveDate>| {
            if let Some(from) = from {
                clauses.push(format!("{column} >= ?"));
                args.push(start_of(from).into());
            }
            if let Some(to) = to.and_then(|d| d.succ_opt()) {
                clauses.push(format!("{column} < ?"));
                args.push(start_of(to).into());
            }
        };
        range("created_at", filter.created_from, filter.created_to);
        range("modified_at", filter.modified_from, filter.modified_to);
        let starred = filter.pon.is_some()
            || filter.tn.is_some()
            || filter.customer_order_id.is_some()
            || filter.order_id_fragment.is_some();
        let dated = filter.created_from.is_some()
            || filter.created_to.is_some()
            || filter.modified_from.is_some()
            || filter.modified_to.is_some();
        if !starred && !dated {
            // Bandwidth limits unfiltered lists to the last two years.
            let two_years_ago = date_of(now)
                .checked_sub_months(Months::new(24))
                .map(start_of)
                .unwrap_or(0);
            clauses.push("created_at >= ?".to_string());
            args.push(two_years_ago.into());
        }
        let where_sql = clauses.join(" AND ");
        let total: usize = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM orders WHERE {where_sql}"),
            rusqlite::params_from_iter(args.iter()),
            |r| r.get(0),
        )?;
        let sql = format!(
            "SELECT {ORDER_COLUMNS} FROM orders WHERE {where_sql} ORDER BY created_at, rowid LIMIT {LIST_CAP}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let raws: Vec<_> = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), order_from_row)?
            .collect::<Result<_, _>>()?;
        drop(stmt);
        let orders = raws
            .into_iter()
            .map(|raw| self.complete_order(raw))
            .collect::<Result<_, _>>()?;
        Ok((orders, total))
    }

    /// An order's history, oldest first.
    pub fn history(&self, order_id: &str) -> Result<Vec<HistoryEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT at, note, author, status, difference FROM history WHERE order_id = ?1 ORDER BY at, rowid",
        )?;
        type HistoryRow = (Millis, String, Option<String>, String, Option<String>);
        let rows: Vec<HistoryRow> = stmt
            .query_map([order_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(at, note, author, status, difference)| {
                Ok(HistoryEntry {
                    at,
                    note,
                    author,
                    status: status.parse().map_err(corrupt)?,
                    difference,
                })
            })
            .collect()
    }

    /// Applies a supp or a cancel (R3, R9) and returns the updated order. `validate` checks the
    /// order as it would be after the supp and returns its errors.
    pub fn update_order(
        &mut self,
        principal: &Principal,
        mut order: StoredOrder,
        update: &OrderUpdate,
        validate: impl FnOnce(&OrderDraft, NaiveDate) -> Vec<OrderError>,
    ) -> Result<StoredOrder, UpdateError> {
        let now = self.now()?;
        let today = date_of(now);
        let cancel = match update.order_status.as_deref().map(str::trim) {
            None | Some("") => false,
            Some(s) if s.parse::<OrderStatus>() == Ok(OrderStatus::Cancelled) => true,
            Some(other) => {
                return Err(UpdateError::Rejected(vec![OrderError {
                    code: 17025,
                    description: format!(
                        "OrderStatus cannot be changed to {other}. Only cancelled value allowed."
                    ),
                }]));
            }
        };
        if let Some(explanation) = order.status.terminal_explanation() {
            return Err(UpdateError::Rejected(vec![OrderError {
                code: 17015,
                description: format!(
                    "{}: {explanation}",
                    engine::code_text(17015).trim_end_matches('.')
                ),
            }]));
        }
        if cancel {
            // Other fields sent with a cancel are ignored (17018).
            order.status = OrderStatus::Cancelled;
            order.stage = Stage::Settled;
            order.modified_at = now;
            order.modified_by = principal.name.clone();
            let tx = self
                .conn
                .unchecked_transaction()
                .map_err(StoreError::from)?;
            self.write_order(&order, false)?;
            self.add_history(
                &order,
                now,
                "LSR has been cancelled by the customer",
                Some(&principal.name),
                None,
            )?;
            tx.commit().map_err(StoreError::from)?;
            return Ok(order);
        }
        // R9: the PON and the TN list are fixed once submitted.
        let mut fixed = Vec::new();
        if let Some(pon) = update.draft.pon.as_deref().map(str::trim)
            && pon != order.pon
        {
            fixed.push("Pon");
        }
        if !update.draft.tns.is_empty() {
            let mut sent: Vec<String> = update
                .draft
                .tns
                .iter()
                .map(|t| {
                    Tn::parse(t)
                        .map(|t| t.digits())
                        .unwrap_or_else(|_| t.clone())
                })
                .collect();
            let mut held: Vec<String> = order.tns.iter().map(|t| t.digits()).collect();
            sent.sort();
            sent.dedup();
            held.sort();
            if sent != held {
                fixed.push("ListOfTelephoneNumbers");
            }
        }
        if !fixed.is_empty() {
            let plural = if fixed.len() > 1 { "s" } else { "" };
            return Err(UpdateError::Rejected(vec![OrderError {
                code: 17025,
                description: engine::code_text_with(17025, &[&fixed.join(", "), plural]),
            }]));
        }
        let mut changes = update.draft.clone();
        changes.pon = None;
        changes.tns.clear();
        let merged = order.draft.clone().overlay(&changes);
        // The date rules (not in the past, a business day) apply to a date the supp sends: an
        // address change after the original requested date has passed is still fine.
        let mut checked = merged.clone();
        checked.requested_foc_date = changes.requested_foc_date.clone();
        let errors = validate(&checked, today);
        if !errors.is_empty() {
            return Err(UpdateError::Rejected(errors));
        }
        let new_requested = changes
            .requested_foc_date
            .as_deref()
            .and_then(|d| crate::validate::parse_requested_date(d, today, &self.calendar).ok());
        order.draft = merged;
        order.modified_at = now;
        order.modified_by = principal.name.clone();
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(StoreError::from)?;
        let mut difference = None;
        if let Some(date) = new_requested {
            if order.requested_foc != Some(date) {
                difference = Some(format!(
                    "RequestedFocDate : \"{}\" --> {date}",
                    order
                        .requested_foc
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                ));
            }
            order.requested_foc = Some(date);
        }
        let mut note = "LSR has been supplemented";
        match order.status {
            OrderStatus::Exception => {
                // A supp answers the exception: the losing side checks the order again.
                order.status = OrderStatus::Pending;
                order.stage = Stage::Received;
                order.stage_since = now;
                order.errors.clear();
                note = "LSR has been supplemented and is being processed again";
            }
            OrderStatus::Foc if new_requested.is_some() => {
                self.add_history(&order, now, note, Some(&principal.name), difference.take())?;
                let foc = engine::confirmed_foc_date(order.requested_foc, today, &self.calendar);
                self.set_foc(&mut order, foc, now)?;
                self.write_order(&order, false)?;
                tx.commit().map_err(StoreError::from)?;
                return Ok(order);
            }
            _ => {}
        }
        self.write_order(&order, false)?;
        self.add_history(&order, now, note, Some(&principal.name), difference)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(order)
    }

    /// Moves an order to FOC on `foc`, with the history entry Bandwidth writes.
    fn set_foc(
        &self,
        order: &mut StoredOrder,
        foc: NaiveDate,
        at: Millis,
    ) -> Result<(), StoreError> {
        let before = order.actual_foc.map(|d| d.to_string()).unwrap_or_default();
        order.status = OrderStatus::Foc;
        order.stage = Stage::Settled;
        order.actual_foc = Some(foc);
        order.errors.clear();
        order.modified_at = at;
        order.modified_by = SYSTEM_USER.to_string();
        self.add_history(
            order,
            at,
            "Port-out date has been set",
            Some(SYSTEM_USER),
            Some(format!("ActualFocDate : \"{before}\" --> {foc}")),
        )
    }

    // ---- the lifecycle engine ----

    /// The next instant something happens to an order by itself, if anything will.
    fn next_due(&self, order: &StoredOrder) -> Option<Millis> {
        match (order.status, order.stage) {
            (OrderStatus::Pending, Stage::Received) => {
                Some(order.stage_since + self.processing_delay_ms)
            }
            (OrderStatus::Pending, Stage::ManualHandling) => {
                Some(order.stage_since + engine::MANUAL_HANDLING_MS)
            }
            (OrderStatus::Foc, _) => {
                let expiry = order
                    .actual_foc
                    .and_then(|d| engine::foc_window_expiry(d, &self.calendar));
                let concurrence = order.npac.filter(|n| n.concurred_at.is_none()).map(|n| {
                    engine::concurrence_due(n.subscribed_at, n.medium_timers, &self.calendar)
                });
                match (concurrence, expiry) {
                    (Some(c), Some(e)) => Some(c.min(e)),
                    (c, e) => c.or(e),
                }
            }
            _ => None,
        }
    }

    /// Applies every event that is due on the sandbox clock; returns how many orders moved.
    pub fn advance_due(&mut self) -> Result<usize, StoreError> {
        let now = self.now()?;
        let ids: Vec<String> = self
            .conn
            .prepare_cached("SELECT id FROM orders WHERE due_at <= ?1 ORDER BY due_at")?
            .query_map([now], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        if ids.is_empty() {
            return Ok(0);
        }
        // One transaction for the batch: one commit however many orders moved. Orders are
        // applied in due order and see each other's changes (a FOC set earlier in the batch
        // makes a later order with the same TN fail with 17008).
        let tx = self.conn.unchecked_transaction()?;
        for id in &ids {
            let Some(mut order) = self.load_order("id = ?1", &[id])? else {
                continue;
            };
            while let Some(due) = self.next_due(&order).filter(|due| *due <= now) {
                self.apply_due_event(&mut order, due)?;
            }
            self.write_order(&order, false)?;
        }
        tx.commit()?;
        Ok(ids.len())
    }

    fn apply_due_event(&self, order: &mut StoredOrder, at: Millis) -> Result<(), StoreError> {
        let today = date_of(at);
        match (order.status, order.stage) {
            (OrderStatus::Pending, Stage::Received) => self.process_order(order, at),
            (OrderStatus::Pending, Stage::ManualHandling) => {
                // R6: the agent handled it by hand and set the FOC.
                let foc = engine::confirmed_foc_date(order.requested_foc, today, &self.calendar);
                self.set_foc(order, foc, at)
            }
            (OrderStatus::Foc, _) => {
                let concurrence = order.npac.filter(|n| n.concurred_at.is_none()).map(|n| {
                    (
                        n,
                        engine::concurrence_due(n.subscribed_at, n.medium_timers, &self.calendar),
                    )
                });
                if let Some((mut npac, due)) = concurrence
                    && due <= at
                {
                    npac.concurred_at = Some(due);
                    order.npac = Some(npac);
                    let timers = if npac.medium_timers { "medium" } else { "long" };
                    return self.add_history(
                        order,
                        at,
                        &format!("NPAC concurrence received ({timers} timers)"),
                        Some(SYSTEM_USER),
                        None,
                    );
                }
                // R1: the window closed without activation.
                let error = OrderError {
                    code: 17036,
                    description: engine::code_text(17036).to_string(),
                };
                order.status = OrderStatus::Failed;
                order.stage = Stage::Settled;
                order.modified_at = at;
                order.modified_by = SYSTEM_USER.to_string();
                let note = format!(
                    "LSR has failed: the FOC window closed without activation ({} {})",
                    error.code, error.description
                );
                order.errors = vec![error];
                self.add_history(order, at, &note, Some(SYSTEM_USER), None)
            }
            _ => Ok(()),
        }
    }

    fn behaviour_of(&self, tn: Tn) -> Result<Behaviour, StoreError> {
        let explicit: Option<String> = self
            .conn
            .prepare_cached("SELECT behaviour FROM inventory WHERE tn = ?1")?
            .query_row([tn.digits()], |r| r.get(0))
            .optional()?;
        match explicit {
            Some(json) => serde_json::from_str(&json).map_err(corrupt),
            None => Ok(Behaviour::for_line(tn)),
        }
    }

    fn pending_foc_on(&self, order: &StoredOrder) -> Result<Option<PendingFocHit>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT o.pon, o.actual_foc FROM order_tns t JOIN orders o ON o.id = t.order_id \
             WHERE t.tn = ?1 AND o.id <> ?2 AND o.status = 'FOC' AND o.actual_foc IS NOT NULL LIMIT 1",
        )?;
        for tn in &order.tns {
            let found: Option<(String, String)> = stmt
                .query_row(params![tn.digits(), order.id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            if let Some((pon, date)) = found {
                let foc_date = parse_date(Some(date)).ok_or_else(|| corrupt("actual_foc"))?;
                return Ok(Some(PendingFocHit {
                    tn: *tn,
                    pon,
                    foc_date,
                }));
            }
        }
        Ok(None)
    }

    /// The losing side's processing: the first matching line of the TN-line table decides.
    fn process_order(&self, order: &mut StoredOrder, at: Millis) -> Result<(), StoreError> {
        let today = date_of(at);
        let tns = order
            .tns
            .iter()
            .map(|tn| Ok((*tn, self.behaviour_of(*tn)?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        let pending = self.pending_foc_on(order)?;
        let decision = engine::decide(
            &tns,
            order.draft.subscriber.pin.as_deref(),
            pending.as_ref(),
            order.requested_foc,
            today,
            &self.calendar,
        );
        order.modified_at = at;
        order.modified_by = SYSTEM_USER.to_string();
        order.stage = Stage::Settled;
        let (status, note, error) = match decision {
            Decision::Foc { date } => return self.set_foc(order, date, at),
            Decision::ManualHandling => {
                order.stage = Stage::ManualHandling;
                order.stage_since = at;
                let error = OrderError {
                    code: 7521,
                    description: engine::code_text(7521).to_string(),
                };
                (
                    OrderStatus::Pending,
                    "LSR needs manual handling; an agent will update it within 24 hours",
                    error,
                )
            }
            Decision::Failed { code, description } => (
                OrderStatus::Failed,
                "LSR has failed",
                OrderError { code, description },
            ),
            Decision::Cancelled { code, description } => (
                OrderStatus::Cancelled,
                "LSR has been cancelled by the losing carrier",
                OrderError { code, description },
            ),
            Decision::Exception { code, description } => (
                OrderStatus::Exception,
                "LSR is in exception: supp the order with the requested information",
                OrderError { code, description },
            ),
        };
        order.status = status;
        let note = format!("{note}: {} {}", error.code, error.description);
        order.errors = vec![error];
        self.add_history(order, at, &note, Some(SYSTEM_USER), None)
    }

    // ---- NPAC simulation ----

    /// Records the gaining carrier's subscriptions (only for orders in FOC).
    pub fn npac_subscribe(
        &mut self,
        reference: &str,
        medium_timers: bool,
    ) -> Result<StoredOrder, AdminError> {
        self.advance_due()?;
        let now = self.now()?;
        let mut order = self.resolve_order(reference)?;
        if order.status != OrderStatus::Foc {
            return Err(AdminError::Conflict(format!(
                "order `{}` is {}; NPAC subscriptions are built only for orders in FOC",
                order.id, order.status
            )));
        }
        order.npac = Some(NpacState {
            subscribed_at: now,
            medium_timers,
            concurred_at: None,
        });
        let due = engine::concurrence_due(now, medium_timers, &self.calendar);
        let timers = if medium_timers {
            "medium timers: concurrence in 6 hours"
        } else {
            "long timers: concurrence after 18 business hours"
        };
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(StoreError::from)?;
        self.write_order(&order, false)?;
        self.add_history(
            &order,
            now,
            &format!(
                "NPAC subscriptions created by the gaining carrier ({timers}, due {})",
                format_timestamp(due)
            ),
            Some(SYSTEM_USER),
            None,
        )?;
        tx.commit().map_err(StoreError::from)?;
        Ok(order)
    }

    /// Activates the subscriptions: from the FOC date on, once concurred, inside the window.
    pub fn npac_activate(&mut self, reference: &str) -> Result<StoredOrder, AdminError> {
        self.advance_due()?;
        let now = self.now()?;
        let today = date_of(now);
        let mut order = self.resolve_order(reference)?;
        let refuse = |why: String| Err(AdminError::Conflict(why));
        if order.status != OrderStatus::Foc {
            return refuse(format!(
                "order `{}` is {}; only an order in FOC can be activated",
                order.id, order.status
            ));
        }
        let Some(foc) = order.actual_foc else {
            return refuse(format!("order `{}` has no FOC date", order.id));
        };
        match order.npac {
            None => {
                return refuse(format!(
                    "order `{}` has no NPAC subscriptions; run `lsr sandbox npac subscribe` first",
                    order.id
                ));
            }
            Some(NpacState {
                concurred_at: None,
                subscribed_at,
                medium_timers,
            }) => {
                let due = engine::concurrence_due(subscribed_at, medium_timers, &self.calendar);
                return refuse(format!(
                    "order `{}` has no concurrence yet (due {}); no early concurrence (R2)",
                    order.id,
                    format_timestamp(due)
                ));
            }
            Some(_) => {}
        }
        if today < foc {
            return refuse(format!(
                "order `{}` cannot be activated before its FOC date {foc} (today is {today})",
                order.id
            ));
        }
        order.status = OrderStatus::Complete;
        order.stage = Stage::Settled;
        order.modified_at = now;
        order.modified_by = SYSTEM_USER.to_string();
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(StoreError::from)?;
        self.write_order(&order, false)?;
        self.add_history(
            &order,
            now,
            "Port-out has been completed: the telephone numbers were activated in NPAC",
            Some(SYSTEM_USER),
            None,
        )?;
        tx.commit().map_err(StoreError::from)?;
        Ok(order)
    }

    // ---- notes ----

    pub fn notes(&self, order_id: &str) -> Result<Vec<StoredNote>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, user_id, description, modified_at FROM notes WHERE order_id = ?1 ORDER BY id",
        )?;
        let notes = stmt
            .query_map([order_id], |r| {
                Ok(StoredNote {
                    id: r.get(0)?,
                    user_id: r.get(1)?,
                    description: r.get(2)?,
                    modified_at: r.get(3)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(notes)
    }

    pub fn add_note(
        &mut self,
        order_id: &str,
        user_id: &str,
        description: &str,
    ) -> Result<i64, StoreError> {
        let now = self.now()?;
        self.conn
            .prepare_cached(
                "INSERT INTO notes (order_id, user_id, description, modified_at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![order_id, user_id, description, now])?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Updates a note; false when the order has no such note.
    pub fn update_note(
        &mut self,
        order_id: &str,
        note_id: i64,
        user_id: &str,
        description: &str,
    ) -> Result<bool, StoreError> {
        let now = self.now()?;
        let changed = self
            .conn
            .prepare_cached(
                "UPDATE notes SET user_id = ?3, description = ?4, modified_at = ?5 \
                 WHERE id = ?1 AND order_id = ?2",
            )?
            .execute(params![note_id, order_id, user_id, description, now])?;
        Ok(changed > 0)
    }

    // ---- inventory ----

    pub fn inventory(&self) -> Result<Vec<InventoryEntry>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT tn, behaviour FROM inventory ORDER BY tn")?;
        let rows: Vec<(String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        rows.into_iter()
            .map(|(tn, json)| {
                Ok(InventoryEntry {
                    tn,
                    behaviour: serde_json::from_str(&json).map_err(corrupt)?,
                })
            })
            .collect()
    }

    pub fn add_inventory(&mut self, tn: Tn, behaviour: &Behaviour) -> Result<(), StoreError> {
        let json = serde_json::to_string(behaviour).map_err(corrupt)?;
        self.conn
            .prepare_cached("INSERT OR REPLACE INTO inventory (tn, behaviour) VALUES (?1, ?2)")?
            .execute(params![tn.digits(), json])?;
        Ok(())
    }
}

/// Formats a sandbox instant for admin output.
pub fn show_time(ms: Millis) -> String {
    clock::format_timestamp(ms)
}
