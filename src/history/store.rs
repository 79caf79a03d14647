//! `HistoryStore`: the connection to the history database and every query on it.

use std::collections::HashSet;
use std::fs::OpenOptions;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::{Type, Value};
use rusqlite::{
    Connection, ErrorCode, OpenFlags, OptionalExtension, Row, TransactionBehavior, params,
    params_from_iter,
};

use super::error::StoreError;
use super::record::{
    BackendKey, ErrorEntry, Learned, LearnedRule, LocalQuery, OrderRecord, OrderRef, RecordOutcome,
    StatusEvent,
};
use super::schema::{MIGRATIONS, MigrationOutcome, current_version, migrate};
use crate::model::{OrderStatus, Pon, Tn};
use crate::validate::PendingFoc;

/// The history file's name inside the config directory.
pub const HISTORY_FILE_NAME: &str = "history.sqlite3";

/// How long SQLite itself waits for another connection's lock before answering BUSY. CI runs
/// several lsr processes at once; their write transactions are short, so seconds are plenty.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How long we keep retrying a transaction that still met SQLITE_BUSY (some cases, such as WAL
/// recovery or switching the journal mode, return BUSY without calling the busy handler).
const RETRY_DEADLINE: Duration = Duration::from_secs(30);

/// Statuses of an open order (R3); only these can hold a pending FOC (R4).
const OPEN_STATUSES: [OrderStatus; 3] = [
    OrderStatus::Pending,
    OrderStatus::Foc,
    OrderStatus::Exception,
];

const ORDER_COLUMNS: &str = "o.id, o.order_id, o.pon, o.pon_version, o.customer_order_id, \
     o.status, o.requested_foc_date, o.actual_foc_date, o.created_at, o.updated_at";

/// The local history of orders, per backend, in one SQLite file (WAL mode, safe for several lsr
/// processes at once). Cheap to share: `HistoryStore` is `Send + Sync` and serialises its own
/// use of the connection.
#[derive(Debug)]
pub struct HistoryStore {
    path: PathBuf,
    conn: Mutex<Connection>,
}

impl HistoryStore {
    /// Where the history lives inside a config directory.
    pub fn path_in(config_dir: &Path) -> PathBuf {
        config_dir.join(HISTORY_FILE_NAME)
    }

    /// Opens (creating if needed) the history in a config directory.
    pub fn open_in(config_dir: &Path) -> Result<HistoryStore, StoreError> {
        HistoryStore::open(&HistoryStore::path_in(config_dir))
    }

    /// Opens the history file, creating it (mode 0600, parent directories 0700) when missing and
    /// bringing its schema up to date. A file that is not an SQLite database, holds another
    /// program's tables, or was written by a newer lsr is refused and left byte-for-byte as it
    /// was.
    pub fn open(path: &Path) -> Result<HistoryStore, StoreError> {
        create_private_file(path)?;
        let open_error = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(open_error)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_error)?;

        // Look before writing anything: this read is the first access to the file and fails
        // with NOTADB on garbage; a newer schema must not even get the WAL switch. One
        // statement, so both answers come from the same snapshot even while another process
        // is migrating the file.
        let known = current_version();
        let (found, foreign_tables) = retry_busy(path, || {
            conn.query_row(
                "SELECT (SELECT user_version FROM pragma_user_version),
                        (SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite%')",
                [],
                |row| Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?)),
            )
        })?;
        let found = u32::try_from(found).unwrap_or(u32::MAX);
        if found > known {
            return Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found,
                known,
            });
        }
        if found == 0 && foreign_tables > 0 {
            return Err(StoreError::NotHistory {
                path: path.to_path_buf(),
            });
        }

        // WAL lets readers run beside the one writer; synchronous=NORMAL is safe from
        // corruption in WAL mode and saves an fsync per transaction.
        retry_busy(path, || {
            conn.query_row("PRAGMA journal_mode = WAL", [], |row| {
                row.get::<_, String>(0)
            })
        })?;
        retry_busy(path, || {
            conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
        })?;
        // Each `lsr` run is one short-lived connection: checkpointing the WAL on every close
        // would cost two fsyncs per command (most of `lsr status`'s time). SQLite still
        // checkpoints automatically once the WAL passes 1,000 pages.
        retry_busy(path, || {
            conn.set_db_config(
                rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
                true,
            )
        })?;
        // An up-to-date file needs no write lock at all; otherwise `migrate` re-checks under the
        // lock, since another process may be migrating the same file right now.
        if found < known {
            match retry_busy(path, || migrate(&mut conn, MIGRATIONS))? {
                MigrationOutcome::Migrated { .. } => {}
                MigrationOutcome::Newer { found } => {
                    return Err(StoreError::NewerSchema {
                        path: path.to_path_buf(),
                        found,
                        known,
                    });
                }
            }
        }
        // A large WAL left by a bulk write (there is no checkpoint on close) would be re-read by
        // every later command: fold it into the database once.
        checkpoint_if_large(&conn, path);
        conn.set_prepared_statement_cache_capacity(64);
        Ok(HistoryStore {
            path: path.to_path_buf(),
            conn: Mutex::new(conn),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version this lsr writes (`PRAGMA user_version`).
    pub fn schema_version() -> u32 {
        current_version()
    }

    /// Records one snapshot of an order; see [`HistoryStore::record_orders`].
    pub fn record_order(
        &self,
        backend: &BackendKey,
        record: &OrderRecord,
    ) -> Result<RecordOutcome, StoreError> {
        let mut outcomes = self.record_orders(backend, std::slice::from_ref(record))?;
        Ok(outcomes.pop().unwrap_or(RecordOutcome::Unchanged))
    }

    /// Records snapshots of orders in one short transaction, upserting by order id. A status
    /// event is appended when the status or a FOC date changed (so `status` can draw the
    /// timeline); a snapshot older than the stored one is ignored (`Stale`). Errors 7517 and
    /// 7521 on a record teach the store about its TNs (see [`HistoryStore::learned`]).
    pub fn record_orders(
        &self,
        backend: &BackendKey,
        records: &[OrderRecord],
    ) -> Result<Vec<RecordOutcome>, StoreError> {
        let stamped = records
            .iter()
            .map(|record| {
                Ok(Stamped {
                    record,
                    created_at: self.nanos(record.created_at)?,
                    updated_at: self.nanos(record.updated_at)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        self.write(|conn| {
            let backend_id = ensure_backend(conn, backend)?;
            stamped
                .iter()
                .map(|item| upsert_order(conn, backend_id, item))
                .collect()
        })
    }

    /// Finds the order a user named: an order id, a PON (its latest version) or `PON@N`.
    /// `Ok(None)` when the history does not know it (ask the backend next).
    pub fn resolve_ref(
        &self,
        backend: &BackendKey,
        reference: &OrderRef,
    ) -> Result<Option<OrderRecord>, StoreError> {
        self.read(|conn| {
            let Some(backend_id) = find_backend(conn, backend)? else {
                return Ok(None);
            };
            let row = match reference {
                OrderRef::IdOrPon(text) => {
                    let by_id = query_order_rows(
                        conn,
                        &select_orders("o.backend_id = ?1 AND o.order_id = ?2", "LIMIT 1"),
                        params_vec([Value::Integer(backend_id), Value::Text(text.clone())]),
                    )?;
                    match (by_id.into_iter().next(), Pon::parse(text)) {
                        (Some(row), _) => Some(row),
                        (None, Ok(pon)) => latest_version(conn, backend_id, &pon, None)?,
                        (None, Err(_)) => None,
                    }
                }
                OrderRef::PonVersion { pon, version } => {
                    latest_version(conn, backend_id, pon, Some(*version))?
                }
            };
            row.map(|row| complete_record(conn, row)).transpose()
        })
    }

    /// The orders matching every filter of `query`, newest first (all versions of a PON).
    pub fn search(
        &self,
        backend: &BackendKey,
        query: &LocalQuery,
    ) -> Result<Vec<OrderRecord>, StoreError> {
        self.read(|conn| {
            let Some(backend_id) = find_backend(conn, backend)? else {
                return Ok(Vec::new());
            };
            let (sql, values) = search_statement(backend_id, query);
            let rows = query_order_rows(conn, &sql, values)?;
            rows.into_iter()
                .map(|row| complete_record(conn, row))
                .collect()
        })
    }

    /// The status events of an order, oldest first (empty when the order is unknown).
    pub fn status_events(
        &self,
        backend: &BackendKey,
        order_id: &str,
    ) -> Result<Vec<StatusEvent>, StoreError> {
        self.read(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT e.at, e.status, e.requested_foc_date, e.actual_foc_date, e.error_codes
                 FROM status_events e
                 JOIN orders o ON o.id = e.order_row
                 JOIN backends b ON b.id = o.backend_id
                 WHERE b.base_url = ?1 AND b.account_id = ?2 AND o.order_id = ?3
                 ORDER BY e.at, e.id",
            )?;
            let events = statement
                .query_map(
                    params![backend.base_url(), backend.account_id(), order_id],
                    |row| {
                        Ok(StatusEvent {
                            at: DateTime::from_timestamp_nanos(row.get(0)?),
                            status: status_column(row, 1)?,
                            requested_foc_date: date_column(row, 2)?,
                            actual_foc_date: date_column(row, 3)?,
                            error_codes: codes_column(row, 4)?,
                        })
                    },
                )?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(events)
        })
    }

    /// TNs among `tns` that sit on an open order (PENDING, FOC, EXCEPTION) with a confirmed FOC
    /// date: submitting them again would meet 17008 (R4). Ordered by the TNs as given, then by
    /// FOC date.
    pub fn pending_focs(
        &self,
        backend: &BackendKey,
        tns: &[Tn],
    ) -> Result<Vec<PendingFoc>, StoreError> {
        self.read(|conn| {
            let Some(backend_id) = find_backend(conn, backend)? else {
                return Ok(Vec::new());
            };
            // CROSS JOIN: start from the TN index, never from the orders (see `search_statement`).
            let mut statement = conn.prepare_cached(
                "SELECT o.pon, o.actual_foc_date, o.order_id
                 FROM order_tns t
                 CROSS JOIN orders o ON o.id = t.order_row
                 WHERE t.tn = ?1 AND o.backend_id = ?2
                   AND o.status IN (?3, ?4, ?5) AND o.actual_foc_date IS NOT NULL
                 GROUP BY o.id
                 ORDER BY o.actual_foc_date, o.created_at",
            )?;
            let mut seen = HashSet::new();
            let mut found = Vec::new();
            for tn in tns.iter().filter(|tn| seen.insert(**tn)) {
                let rows = statement.query_map(
                    params![
                        tn_to_sql(*tn),
                        backend_id,
                        OPEN_STATUSES[0].as_str(),
                        OPEN_STATUSES[1].as_str(),
                        OPEN_STATUSES[2].as_str(),
                    ],
                    |row| {
                        let pon: String = row.get(0)?;
                        let order_id: String = row.get(2)?;
                        Ok(date_column(row, 1)?.map(|foc_date| PendingFoc {
                            tn: *tn,
                            pon,
                            foc_date,
                            order_id: Some(order_id),
                        }))
                    },
                )?;
                for pending in rows {
                    found.extend(pending?);
                }
            }
            Ok(found)
        })
    }

    /// Remembers that `tns` met `rule` on order `order_id` (7517 / 7521). Recording an order
    /// whose errors carry those codes does this by itself.
    pub fn record_learned(
        &self,
        backend: &BackendKey,
        tns: &[Tn],
        rule: LearnedRule,
        order_id: &str,
    ) -> Result<(), StoreError> {
        let now = self.nanos(Utc::now())?;
        self.write(|conn| {
            let backend_id = ensure_backend(conn, backend)?;
            insert_learned(conn, backend_id, tns, rule, order_id, now)
        })
    }

    /// What the store has learned about `tns`, for `validate::ValidationContext`.
    pub fn learned(&self, backend: &BackendKey, tns: &[Tn]) -> Result<Learned, StoreError> {
        self.read(|conn| {
            let mut learned = Learned::default();
            let Some(backend_id) = find_backend(conn, backend)? else {
                return Ok(learned);
            };
            let mut statement = conn
                .prepare_cached("SELECT code FROM learned_tns WHERE backend_id = ?1 AND tn = ?2")?;
            for tn in tns {
                let codes = statement
                    .query_map(params![backend_id, tn_to_sql(*tn)], |row| {
                        row.get::<_, i64>(0)
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                for code in codes {
                    match u32::try_from(code).ok().and_then(LearnedRule::from_code) {
                        Some(LearnedRule::OneTnPerRequest) => {
                            learned.one_tn_required.insert(*tn);
                        }
                        Some(LearnedRule::ManualHandling) => {
                            learned.manual_handling.insert(*tn);
                        }
                        None => {}
                    }
                }
            }
            Ok(learned)
        })
    }

    /// The PON version the next order with `pon` will probably get (R8): one more than the
    /// highest version this history knows, or 1. Only a hint: orders placed elsewhere count too.
    pub fn next_pon_version_hint(
        &self,
        backend: &BackendKey,
        pon: &Pon,
    ) -> Result<u32, StoreError> {
        self.read(|conn| {
            let Some(backend_id) = find_backend(conn, backend)? else {
                return Ok(1);
            };
            let highest: Option<i64> = conn
                .prepare_cached(
                    "SELECT max(pon_version) FROM orders WHERE backend_id = ?1 AND pon = ?2",
                )?
                .query_row(params![backend_id, pon.as_str()], |row| row.get(0))?;
            let highest = u32::try_from(highest.unwrap_or(0)).unwrap_or(u32::MAX);
            Ok(highest.saturating_add(1))
        })
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic elsewhere while holding the lock left at most an open transaction, which
        // rusqlite rolled back on drop; the connection itself is fine.
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `op` in a short IMMEDIATE transaction (the write lock is taken up front, so it never
    /// has to be upgraded and cannot deadlock), retrying on BUSY.
    pub(super) fn write<T>(
        &self,
        mut op: impl FnMut(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        let mut conn = self.lock();
        let value = retry_busy(&self.path, || {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = op(&tx)?;
            tx.commit()?;
            Ok(value)
        })?;
        checkpoint_if_large(&conn, &self.path);
        Ok(value)
    }

    /// Runs `op` in a read transaction so that its several queries see one snapshot.
    pub(super) fn read<T>(
        &self,
        mut op: impl FnMut(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        let mut conn = self.lock();
        retry_busy(&self.path, || {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
            op(&tx)
        })
    }

    pub(super) fn nanos(&self, at: DateTime<Utc>) -> Result<i64, StoreError> {
        at.timestamp_nanos_opt()
            .ok_or_else(|| StoreError::TimestampOutOfRange {
                path: self.path.clone(),
                at,
            })
    }
}

/// Creates the file with mode 0600 (and its directory with 0700) if it does not exist yet, so
/// the history (customer TNs and names) is never readable by others, not even for a moment.
/// An existing file is not opened here at all.
fn create_private_file(path: &Path) -> Result<(), StoreError> {
    let create_error = |source| StoreError::Create {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !parent.exists() {
            let mut builder = std::fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            builder.create(parent).map_err(create_error)?;
        }
    }
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(create_error(e)),
    }
}

fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// Runs `op`, retrying with a short random pause while SQLite answers BUSY, then turns the error
/// into a `StoreError` naming the file.
/// A WAL above this size is checkpointed and truncated (commands skip the checkpoint on close,
/// so after a bulk write every reader would otherwise re-read the whole log).
const LARGE_WAL_BYTES: u64 = 4 * 1024 * 1024;

/// Checkpoints and truncates the WAL when it has grown past [`LARGE_WAL_BYTES`]. Best effort:
/// a busy database (another process reading) just keeps its WAL until a later command.
fn checkpoint_if_large(conn: &Connection, path: &Path) {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let large = std::fs::metadata(&wal).is_ok_and(|m| m.len() > LARGE_WAL_BYTES);
    if large {
        let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    }
}

fn retry_busy<T>(
    path: &Path,
    mut op: impl FnMut() -> rusqlite::Result<T>,
) -> Result<T, StoreError> {
    let started = Instant::now();
    loop {
        match op() {
            Ok(value) => return Ok(value),
            Err(error) if is_busy(&error) => {
                if started.elapsed() >= RETRY_DEADLINE {
                    return Err(StoreError::Busy {
                        path: path.to_path_buf(),
                        seconds: started.elapsed().as_secs(),
                    });
                }
                // Jitter so that processes woken together do not collide again.
                std::thread::sleep(Duration::from_millis(fastrand::u64(2..40)));
            }
            Err(error) => return Err(classify(path, error)),
        }
    }
}

fn classify(path: &Path, error: rusqlite::Error) -> StoreError {
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: error.to_string(),
        },
        _ => match error {
            rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..) => StoreError::InvalidData {
                path: path.to_path_buf(),
                detail: error.to_string(),
            },
            source => StoreError::Sqlite {
                path: path.to_path_buf(),
                source,
            },
        },
    }
}

/// An order record with its timestamps already converted for storage.
struct Stamped<'a> {
    record: &'a OrderRecord,
    created_at: i64,
    updated_at: i64,
}

/// An `orders` row before its TNs and errors are loaded.
struct OrderRow {
    row_id: i64,
    order_id: String,
    pon: Pon,
    pon_version: u32,
    customer_order_id: Option<String>,
    status: OrderStatus,
    requested_foc_date: Option<NaiveDate>,
    actual_foc_date: Option<NaiveDate>,
    created_at: i64,
    updated_at: i64,
}

fn params_vec<const N: usize>(values: [Value; N]) -> Vec<Value> {
    values.into_iter().collect()
}

fn tn_to_sql(tn: Tn) -> i64 {
    // Invariant: a Tn has ten digits, far below i64::MAX.
    tn.as_u64() as i64
}

fn day_start_nanos(day: NaiveDate) -> Option<i64> {
    day.and_hms_opt(0, 0, 0)?.and_utc().timestamp_nanos_opt()
}

fn conversion_error(column: usize, detail: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, Type::Text, detail.into())
}

fn date_to_sql(date: Option<NaiveDate>) -> Option<String> {
    date.map(|d| d.format("%Y-%m-%d").to_string())
}

fn date_column(row: &Row<'_>, column: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let text: Option<String> = row.get(column)?;
    text.map(|text| {
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map_err(|e| conversion_error(column, format!("date `{text}`: {e}")))
    })
    .transpose()
}

fn status_column(row: &Row<'_>, column: usize) -> rusqlite::Result<OrderStatus> {
    let text: String = row.get(column)?;
    OrderStatus::from_str(&text).map_err(|e| conversion_error(column, e.to_string()))
}

fn codes_column(row: &Row<'_>, column: usize) -> rusqlite::Result<Vec<u32>> {
    let text: String = row.get(column)?;
    text.split(',')
        .filter(|part| !part.is_empty())
        .map(|part| {
            part.parse::<u32>()
                .map_err(|e| conversion_error(column, format!("error code `{part}`: {e}")))
        })
        .collect()
}

fn codes_to_sql(errors: &[ErrorEntry]) -> String {
    errors
        .iter()
        .map(|e| e.code.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

fn tn_from_sql(value: i64) -> rusqlite::Result<Tn> {
    Tn::parse(&format!("{value:010}")).map_err(|e| conversion_error(0, e.to_string()))
}

fn order_row(row: &Row<'_>) -> rusqlite::Result<OrderRow> {
    let pon_text: String = row.get(2)?;
    let pon = Pon::parse(&pon_text).map_err(|e| conversion_error(2, e.to_string()))?;
    let version: i64 = row.get(3)?;
    Ok(OrderRow {
        row_id: row.get(0)?,
        order_id: row.get(1)?,
        pon,
        pon_version: u32::try_from(version)
            .map_err(|_| conversion_error(3, format!("PON version {version}")))?,
        customer_order_id: row.get(4)?,
        status: status_column(row, 5)?,
        requested_foc_date: date_column(row, 6)?,
        actual_foc_date: date_column(row, 7)?,
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
    })
}

/// The SQL and parameters of a local search. Without statistics SQLite's planner likes to walk
/// `orders_by_created_at` just to avoid a sort, which turns a TN or PON lookup into a scan of
/// every order of the backend; so when a selective filter is given, the TN lookup drives the
/// join (CROSS JOIN fixes the loop order) and unary `+` keeps `created_at` from being used as
/// an index.
pub(crate) fn search_statement(backend_id: i64, query: &LocalQuery) -> (String, Vec<Value>) {
    let selective = query.tn.is_some() || query.pon.is_some() || query.customer_order_id.is_some();
    let created = if selective {
        "+o.created_at"
    } else {
        "o.created_at"
    };
    let mut from = "orders o".to_string();
    let mut clauses = Vec::new();
    let mut values = Vec::new();
    if let Some(tn) = query.tn {
        from = "order_tns t CROSS JOIN orders o ON o.id = t.order_row".to_string();
        clauses.push("t.tn = ?".to_string());
        values.push(Value::Integer(tn_to_sql(tn)));
    }
    clauses.push("o.backend_id = ?".to_string());
    values.push(Value::Integer(backend_id));
    if let Some(pon) = &query.pon {
        clauses.push("o.pon = ?".to_string());
        values.push(Value::Text(pon.as_str().to_string()));
    }
    if !query.statuses.is_empty() {
        let marks = vec!["?"; query.statuses.len()].join(", ");
        clauses.push(format!("o.status IN ({marks})"));
        values.extend(
            query
                .statuses
                .iter()
                .map(|s| Value::Text(s.as_str().to_string())),
        );
    }
    if let Some(id) = &query.customer_order_id {
        clauses.push("o.customer_order_id = ?".to_string());
        values.push(Value::Text(id.clone()));
    }
    if let Some(from_day) = query.created_from {
        clauses.push(format!("{created} >= ?"));
        values.push(Value::Integer(
            day_start_nanos(from_day).unwrap_or(i64::MIN),
        ));
    }
    if let Some(end) = query
        .created_to
        .and_then(|to| to.succ_opt())
        .and_then(day_start_nanos)
    {
        clauses.push(format!("{created} < ?"));
        values.push(Value::Integer(end));
    }
    // A TN listed twice on one order must not list the order twice.
    let group = if query.tn.is_some() {
        "GROUP BY o.id"
    } else {
        ""
    };
    let order = if selective {
        "ORDER BY +o.created_at DESC, +o.pon_version DESC, +o.id DESC"
    } else {
        "ORDER BY o.created_at DESC, o.pon_version DESC, o.id DESC"
    };
    let limit = query
        .limit
        .map(|limit| format!("LIMIT {limit}"))
        .unwrap_or_default();
    let sql = format!(
        "SELECT {ORDER_COLUMNS} FROM {from} WHERE {} {group} {order} {limit}",
        clauses.join(" AND ")
    );
    (sql, values)
}

fn query_order_rows(
    conn: &Connection,
    sql: &str,
    values: Vec<Value>,
) -> rusqlite::Result<Vec<OrderRow>> {
    conn.prepare_cached(sql)?
        .query_map(params_from_iter(values), order_row)?
        .collect()
}

/// `SELECT` of the order columns from `orders o` with a filter and a tail (ORDER BY, LIMIT).
fn select_orders(filter: &str, tail: &str) -> String {
    format!("SELECT {ORDER_COLUMNS} FROM orders o WHERE {filter} {tail}")
}

/// The newest order with `pon`, of exactly `version` when given, else of the highest version.
fn latest_version(
    conn: &Connection,
    backend_id: i64,
    pon: &Pon,
    version: Option<u32>,
) -> rusqlite::Result<Option<OrderRow>> {
    let mut values = params_vec([
        Value::Integer(backend_id),
        Value::Text(pon.as_str().to_string()),
    ]);
    let filter = match version {
        Some(version) => {
            values.push(Value::Integer(i64::from(version)));
            "o.backend_id = ?1 AND o.pon = ?2 AND o.pon_version = ?3"
        }
        None => "o.backend_id = ?1 AND o.pon = ?2",
    };
    // `+` keeps the planner on `orders_by_pon` (see `search_statement`).
    let sql = select_orders(
        filter,
        "ORDER BY o.pon_version DESC, +o.created_at DESC, +o.id DESC LIMIT 1",
    );
    let rows = query_order_rows(conn, &sql, values)?;
    Ok(rows.into_iter().next())
}

fn load_tns(conn: &Connection, row_id: i64) -> rusqlite::Result<Vec<i64>> {
    conn.prepare_cached("SELECT tn FROM order_tns WHERE order_row = ?1 ORDER BY position")?
        .query_map([row_id], |row| row.get(0))?
        .collect()
}

fn load_errors(conn: &Connection, row_id: i64) -> rusqlite::Result<Vec<ErrorEntry>> {
    conn.prepare_cached(
        "SELECT code, description FROM order_errors WHERE order_row = ?1 ORDER BY position",
    )?
    .query_map([row_id], |row| {
        let code: i64 = row.get(0)?;
        Ok(ErrorEntry {
            code: u32::try_from(code)
                .map_err(|_| conversion_error(0, format!("error code {code}")))?,
            description: row.get(1)?,
        })
    })?
    .collect()
}

fn complete_record(conn: &Connection, row: OrderRow) -> rusqlite::Result<OrderRecord> {
    let tns = load_tns(conn, row.row_id)?
        .into_iter()
        .map(tn_from_sql)
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(OrderRecord {
        order_id: row.order_id,
        pon: row.pon,
        pon_version: row.pon_version,
        customer_order_id: row.customer_order_id,
        status: row.status,
        requested_foc_date: row.requested_foc_date,
        actual_foc_date: row.actual_foc_date,
        tns,
        errors: load_errors(conn, row.row_id)?,
        created_at: DateTime::from_timestamp_nanos(row.created_at),
        updated_at: DateTime::from_timestamp_nanos(row.updated_at),
    })
}

pub(super) fn find_backend(
    conn: &Connection,
    backend: &BackendKey,
) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached("SELECT id FROM backends WHERE base_url = ?1 AND account_id = ?2")?
        .query_row(params![backend.base_url(), backend.account_id()], |row| {
            row.get(0)
        })
        .optional()
}

pub(super) fn ensure_backend(conn: &Connection, backend: &BackendKey) -> rusqlite::Result<i64> {
    if let Some(id) = find_backend(conn, backend)? {
        return Ok(id);
    }
    conn.prepare_cached("INSERT INTO backends (base_url, account_id) VALUES (?1, ?2)")?
        .execute(params![backend.base_url(), backend.account_id()])?;
    Ok(conn.last_insert_rowid())
}

fn insert_tns(conn: &Connection, row_id: i64, tns: &[Tn]) -> rusqlite::Result<()> {
    let mut statement =
        conn.prepare_cached("INSERT INTO order_tns (order_row, position, tn) VALUES (?1, ?2, ?3)")?;
    for (position, tn) in tns.iter().enumerate() {
        statement.execute(params![row_id, position as i64, tn_to_sql(*tn)])?;
    }
    Ok(())
}

fn insert_errors(conn: &Connection, row_id: i64, errors: &[ErrorEntry]) -> rusqlite::Result<()> {
    let mut statement = conn.prepare_cached(
        "INSERT INTO order_errors (order_row, position, code, description)
         VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, error) in errors.iter().enumerate() {
        statement.execute(params![
            row_id,
            position as i64,
            i64::from(error.code),
            error.description
        ])?;
    }
    Ok(())
}

fn insert_event(conn: &Connection, row_id: i64, item: &Stamped<'_>) -> rusqlite::Result<()> {
    let record = item.record;
    conn.prepare_cached(
        "INSERT INTO status_events
            (order_row, at, status, requested_foc_date, actual_foc_date, error_codes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        row_id,
        item.updated_at,
        record.status.as_str(),
        date_to_sql(record.requested_foc_date),
        date_to_sql(record.actual_foc_date),
        codes_to_sql(&record.errors),
    ])?;
    Ok(())
}

fn insert_learned(
    conn: &Connection,
    backend_id: i64,
    tns: &[Tn],
    rule: LearnedRule,
    order_id: &str,
    at: i64,
) -> rusqlite::Result<()> {
    // The first order that taught a rule stays the one cited.
    let mut statement = conn.prepare_cached(
        "INSERT INTO learned_tns (backend_id, tn, code, order_id, learned_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (backend_id, tn, code) DO NOTHING",
    )?;
    for tn in tns {
        statement.execute(params![
            backend_id,
            tn_to_sql(*tn),
            i64::from(rule.code()),
            order_id,
            at
        ])?;
    }
    Ok(())
}

/// Learns 7517 / 7521 from a record's errors (R5, R6).
fn learn_from_errors(
    conn: &Connection,
    backend_id: i64,
    item: &Stamped<'_>,
) -> rusqlite::Result<()> {
    let record = item.record;
    let rules: HashSet<LearnedRule> = record
        .errors
        .iter()
        .filter_map(|e| LearnedRule::from_code(e.code))
        .collect();
    for rule in rules {
        insert_learned(
            conn,
            backend_id,
            &record.tns,
            rule,
            &record.order_id,
            item.updated_at,
        )?;
    }
    Ok(())
}

fn upsert_order(
    conn: &Connection,
    backend_id: i64,
    item: &Stamped<'_>,
) -> rusqlite::Result<RecordOutcome> {
    let record = item.record;
    let existing = query_order_rows(
        conn,
        &select_orders("o.backend_id = ?1 AND o.order_id = ?2", "LIMIT 1"),
        params_vec([
            Value::Integer(backend_id),
            Value::Text(record.order_id.clone()),
        ]),
    )?
    .into_iter()
    .next();

    let Some(existing) = existing else {
        conn.prepare_cached(
            "INSERT INTO orders (backend_id, order_id, pon, pon_version, customer_order_id,
                 status, requested_foc_date, actual_foc_date, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?
        .execute(params![
            backend_id,
            record.order_id,
            record.pon.as_str(),
            i64::from(record.pon_version),
            record.customer_order_id,
            record.status.as_str(),
            date_to_sql(record.requested_foc_date),
            date_to_sql(record.actual_foc_date),
            item.created_at,
            item.updated_at,
        ])?;
        let row_id = conn.last_insert_rowid();
        insert_tns(conn, row_id, &record.tns)?;
        insert_errors(conn, row_id, &record.errors)?;
        insert_event(conn, row_id, item)?;
        learn_from_errors(conn, backend_id, item)?;
        return Ok(RecordOutcome::Inserted);
    };

    if item.updated_at < existing.updated_at {
        return Ok(RecordOutcome::Stale);
    }
    let status_event = existing.status != record.status
        || existing.requested_foc_date != record.requested_foc_date
        || existing.actual_foc_date != record.actual_foc_date;
    let new_tns: Vec<i64> = record.tns.iter().map(|tn| tn_to_sql(*tn)).collect();
    let tns_changed = load_tns(conn, existing.row_id)? != new_tns;
    let errors_changed = load_errors(conn, existing.row_id)? != record.errors;
    // Keep the earliest creation time seen: a first snapshot taken before the backend answered
    // may carry a later local time than the backend's own creation date.
    let created_at = existing.created_at.min(item.created_at);
    let fields_changed = status_event
        || existing.pon != record.pon
        || existing.pon_version != record.pon_version
        || existing.customer_order_id != record.customer_order_id
        || existing.created_at != created_at;

    conn.prepare_cached(
        "UPDATE orders SET pon = ?2, pon_version = ?3, customer_order_id = ?4, status = ?5,
             requested_foc_date = ?6, actual_foc_date = ?7, created_at = ?8, updated_at = ?9
         WHERE id = ?1",
    )?
    .execute(params![
        existing.row_id,
        record.pon.as_str(),
        i64::from(record.pon_version),
        record.customer_order_id,
        record.status.as_str(),
        date_to_sql(record.requested_foc_date),
        date_to_sql(record.actual_foc_date),
        created_at,
        item.updated_at,
    ])?;
    if tns_changed {
        conn.prepare_cached("DELETE FROM order_tns WHERE order_row = ?1")?
            .execute([existing.row_id])?;
        insert_tns(conn, existing.row_id, &record.tns)?;
    }
    if errors_changed {
        conn.prepare_cached("DELETE FROM order_errors WHERE order_row = ?1")?
            .execute([existing.row_id])?;
        insert_errors(conn, existing.row_id, &record.errors)?;
        learn_from_errors(conn, backend_id, item)?;
    }
    if status_event {
        insert_event(conn, existing.row_id, item)?;
    }
    if fields_changed || tns_changed || errors_changed {
        Ok(RecordOutcome::Updated { status_event })
    } else {
        Ok(RecordOutcome::Unchanged)
    }
}
