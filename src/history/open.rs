//! Opening the history database: its path and permissions, WAL and busy handling, migrations on
//! open, WAL checkpoints, and the read / write transactions every query runs in.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use super::error::StoreError;
use super::schema::{MIGRATIONS, MigrationOutcome, current_version, migrate};

/// The history file's name inside the config directory.
pub const HISTORY_FILE_NAME: &str = "history.sqlite3";

/// How long SQLite itself waits for another connection's lock before answering BUSY. CI runs
/// several lsr processes at once; their write transactions are short, so seconds are plenty.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How long we keep retrying a transaction that still met SQLITE_BUSY (some cases, such as WAL
/// recovery or switching the journal mode, return BUSY without calling the busy handler).
const RETRY_DEADLINE: Duration = Duration::from_secs(30);

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
    crate::files::create_private_file(path).map_err(|source| StoreError::Create {
        path: path.to_path_buf(),
        source,
    })
}

fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

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

/// Runs `op`, retrying with a short random pause while SQLite answers BUSY, then turns the error
/// into a `StoreError` naming the file.
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
