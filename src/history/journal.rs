//! The batch journal: each split submission's plan, its parent order and every child's outcome,
//! written before and after each POST so that an interrupted batch can be finished without
//! sending any child twice.

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode, OptionalExtension, Row, params};
use serde::Serialize;

use super::error::StoreError;
use super::open::HistoryStore;
use super::orders::{ensure_backend, find_backend};
use super::record::BackendKey;
use crate::model::Tn;

/// A child the backend created, whose `sent` the runner writes with the next child's `sending`
/// mark (one commit for both) or when the run ends, rather than in a commit of its own. Until
/// then the journal says `sending`, which is safe: a run stopped in between leaves it to
/// `batch resume`, which looks it up by its identity and finds it, as for any answer that was
/// lost. Only `sent` waits: a refusal or an unclear outcome is written at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub index: usize,
    pub order_id: String,
}

fn write_placed(
    conn: &Connection,
    batch_id: i64,
    placed: &[Placed],
    now: i64,
) -> rusqlite::Result<()> {
    let mut update = conn.prepare_cached(
        "UPDATE batch_children
            SET state = 'sent', order_id = ?3, error = NULL, updated_at = ?4
          WHERE batch_id = ?1 AND position = ?2",
    )?;
    for child in placed {
        update.execute(params![batch_id, child.index as i64, child.order_id, now])?;
    }
    Ok(())
}

/// Where one child of a batch stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ChildState {
    /// Not sent yet.
    Planned,
    /// Marked just before its POST: the outcome is unknown until checked on the backend.
    Sending,
    /// The backend created it (the journal holds its order id).
    Sent,
    /// The backend refused it (4xx): it does not exist and is not sent again by `resume`.
    Rejected,
    /// The POST's outcome stayed unclear even after the client's own lookups.
    Unknown,
    /// Never sent and never to be: a single submission that stopped before its POST, or whose
    /// unclear POST a later lookup proved missing (the user submits again instead).
    Withdrawn,
}

impl ChildState {
    pub fn as_str(self) -> &'static str {
        match self {
            ChildState::Planned => "planned",
            ChildState::Sending => "sending",
            ChildState::Sent => "sent",
            ChildState::Rejected => "rejected",
            ChildState::Unknown => "unknown",
            ChildState::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(text: &str) -> Option<ChildState> {
        Some(match text {
            "planned" => ChildState::Planned,
            "sending" => ChildState::Sending,
            "sent" => ChildState::Sent,
            "rejected" => ChildState::Rejected,
            "unknown" => ChildState::Unknown,
            "withdrawn" => ChildState::Withdrawn,
            _ => return None,
        })
    }

    /// True when the child may exist on the backend without the journal knowing its order id.
    pub fn is_uncertain(self) -> bool {
        matches!(self, ChildState::Sending | ChildState::Unknown)
    }
}

/// A new batch: what `create_batch` writes before anything is sent.
#[derive(Debug, Clone, Copy)]
pub struct NewBatch<'a> {
    pub parent_pon: &'a str,
    /// `per-tn` or the largest number of TNs per child.
    pub split: &'a str,
    /// The parent order without TNs, as JSON, to rebuild each child's body.
    pub template: &'a str,
    pub replaces_order_id: Option<&'a str>,
}

/// One child as planned.
#[derive(Debug, Clone, Copy)]
pub struct PlannedChild<'a> {
    /// 1-based.
    pub index: usize,
    pub pon: &'a str,
    pub customer_order_id: &'a str,
    pub tns: &'a [Tn],
    /// Orders that carried `customer_order_id` before anything was sent: never this child.
    pub known_before: &'a [String],
    /// The customer order id is the user's own (not an lsr token): an order found by it must
    /// also have been created after the first POST.
    pub strict_identity: bool,
}

/// One child as the journal holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct JournalChild {
    pub index: usize,
    pub pon: String,
    pub customer_order_id: String,
    pub tns: Vec<Tn>,
    pub state: ChildState,
    pub order_id: Option<String>,
    pub error: Option<String>,
    pub updated_at: DateTime<Utc>,
    /// Orders that carried the customer order id before anything was sent: never this child.
    pub known_before: Vec<String>,
    /// See [`PlannedChild::strict_identity`].
    pub strict_identity: bool,
    /// When its first POST went out, on the backend's clock.
    pub attempt_at: Option<DateTime<Utc>>,
}

/// How many children are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct StateCounts {
    pub planned: usize,
    pub sending: usize,
    pub sent: usize,
    pub rejected: usize,
    pub unknown: usize,
    pub withdrawn: usize,
}

impl StateCounts {
    pub fn total(&self) -> usize {
        self.planned + self.sending + self.sent + self.rejected + self.unknown + self.withdrawn
    }

    /// Children `resume` still has work for: unsent, or of unknown outcome.
    pub fn unfinished(&self) -> usize {
        self.planned + self.sending + self.unknown
    }

    fn add(&mut self, state: ChildState, n: usize) {
        match state {
            ChildState::Planned => self.planned += n,
            ChildState::Sending => self.sending += n,
            ChildState::Sent => self.sent += n,
            ChildState::Rejected => self.rejected += n,
            ChildState::Unknown => self.unknown += n,
            ChildState::Withdrawn => self.withdrawn += n,
        }
    }
}

/// A batch with its counts (the children are read separately: there may be 100,000).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct BatchSummary {
    pub id: i64,
    pub base_url: String,
    pub account_id: String,
    pub parent_pon: String,
    pub split: String,
    #[serde(skip)]
    pub template: String,
    pub replaces_order_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub counts: StateCounts,
}

impl BatchSummary {
    pub fn backend(&self) -> BackendKey {
        BackendKey::new(&self.base_url, &self.account_id)
    }
}

/// Held while a process sends a batch: a second `resume` of the same batch would send the
/// children the first is about to send. An exclusive SQLite lock on a small per-batch file, so
/// the operating system releases it when the holder dies, even by `kill -9`.
#[derive(Debug)]
pub struct BatchLock {
    _conn: Connection,
    pub path: PathBuf,
}

impl BatchLock {
    /// Releases the lock and removes its file: for a batch whose every child is settled, which
    /// nothing will lock again to send (a single submission ends this way, so that one file per
    /// submit does not pile up).
    pub fn release_settled(self) {
        // Removed while still held: whoever opened it meanwhile finds it gone and starts over.
        let _ = std::fs::remove_file(&self.path);
        drop(self);
    }
}

impl HistoryStore {
    /// Takes the batch's lock, or `None` when another live process holds it.
    pub fn lock_batch(&self, batch_id: i64) -> Result<Option<BatchLock>, StoreError> {
        let dir = self.path().with_file_name("batch-locks");
        let path = dir.join(format!("{batch_id}.lock"));
        std::fs::create_dir_all(&dir).map_err(|source| StoreError::Create {
            path: dir.clone(),
            source,
        })?;
        let sqlite = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        // A settled batch's file may be removed while another process opens it
        // ([`BatchLock::release_settled`]): a failed attempt on a vanished file is tried again
        // on a fresh one.
        let mut attempt = 0;
        loop {
            attempt += 1;
            let conn = Connection::open(&path).map_err(|source| StoreError::Open {
                path: path.clone(),
                source,
            })?;
            conn.busy_timeout(Duration::ZERO).map_err(sqlite)?;
            match conn.execute_batch("BEGIN EXCLUSIVE") {
                Ok(()) => return Ok(Some(BatchLock { _conn: conn, path })),
                Err(e)
                    if matches!(
                        e.sqlite_error_code(),
                        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
                    ) =>
                {
                    return Ok(None);
                }
                Err(_) if attempt < 3 => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(e) => return Err(sqlite(e)),
            }
        }
    }

    /// Writes a batch and all its children as `planned`, in one transaction; returns its id.
    pub fn create_batch(
        &self,
        backend: &BackendKey,
        batch: &NewBatch<'_>,
        children: &[PlannedChild<'_>],
    ) -> Result<i64, StoreError> {
        let now = self.nanos(Utc::now())?;
        self.write(|conn| {
            let backend_id = ensure_backend(conn, backend)?;
            conn.prepare_cached(
                "INSERT INTO batches (backend_id, parent_pon, split, template, replaces_order_id, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                backend_id,
                batch.parent_pon,
                batch.split,
                batch.template,
                batch.replaces_order_id,
                now
            ])?;
            let batch_id = conn.last_insert_rowid();
            let mut insert = conn.prepare_cached(
                "INSERT INTO batch_children
                   (batch_id, position, pon, customer_order_id, tns, state, updated_at,
                    known_before, strict_identity)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'planned', ?6, ?7, ?8)",
            )?;
            for child in children {
                insert.execute(params![
                    batch_id,
                    child.index as i64,
                    child.pon,
                    child.customer_order_id,
                    tns_to_sql(child.tns),
                    now,
                    child.known_before.join(","),
                    child.strict_identity,
                ])?;
            }
            Ok(batch_id)
        })
    }

    /// Records a child's new state (committed before this returns: `sending` is written
    /// before the POST goes out).
    pub fn mark_child(
        &self,
        batch_id: i64,
        index: usize,
        state: ChildState,
        order_id: Option<&str>,
        error: Option<&str>,
    ) -> Result<(), StoreError> {
        let now = self.nanos(Utc::now())?;
        self.write(|conn| {
            conn.prepare_cached(
                "UPDATE batch_children
                    SET state = ?3,
                        order_id = COALESCE(?4, order_id),
                        error = ?5,
                        updated_at = ?6
                  WHERE batch_id = ?1 AND position = ?2",
            )?
            .execute(params![
                batch_id,
                index as i64,
                state.as_str(),
                order_id,
                error,
                now
            ])?;
            Ok(())
        })
    }

    /// Marks a child `sending` just before its POST (committed before this returns), with when
    /// the first POST went out on the backend's clock (kept from the first attempt on); in the
    /// same transaction, marks `placed` children `sent` (see [`Placed`]).
    pub fn mark_sending(
        &self,
        batch_id: i64,
        index: usize,
        attempt_at: DateTime<Utc>,
        placed: &[Placed],
    ) -> Result<(), StoreError> {
        let now = self.nanos(Utc::now())?;
        let attempt = self.nanos(attempt_at)?;
        self.write(|conn| {
            write_placed(conn, batch_id, placed, now)?;
            conn.prepare_cached(
                "UPDATE batch_children
                    SET state = 'sending', error = NULL, updated_at = ?3,
                        attempt_at = COALESCE(attempt_at, ?4)
                  WHERE batch_id = ?1 AND position = ?2",
            )?
            .execute(params![batch_id, index as i64, now, attempt])?;
            Ok(())
        })
    }

    /// Marks `placed` children `sent`, in one transaction (the end of a run: see [`Placed`]).
    pub fn mark_placed(&self, batch_id: i64, placed: &[Placed]) -> Result<(), StoreError> {
        if placed.is_empty() {
            return Ok(());
        }
        let now = self.nanos(Utc::now())?;
        self.write(|conn| write_placed(conn, batch_id, placed, now))
    }

    /// The children of this backend's batches whose outcome is unknown (`sending`, `unknown`),
    /// and the unsent order of single submissions (split `none`, `planned`: the process stopped
    /// between the journal and the POST), each with its batch id and split, oldest batch
    /// first: the submissions a later one touching the same PON or TNs settles first.
    pub fn uncertain_children(
        &self,
        backend: &BackendKey,
    ) -> Result<Vec<(i64, String, JournalChild)>, StoreError> {
        self.read(|conn| {
            let Some(backend_id) = find_backend(conn, backend)? else {
                return Ok(Vec::new());
            };
            conn.prepare_cached(&format!(
                "SELECT c.batch_id, b.split, {CHILD_COLUMNS}
                   FROM batch_children c JOIN batches b ON b.id = c.batch_id
                  WHERE b.backend_id = ?1
                    AND (c.state IN ('sending', 'unknown')
                         OR (c.state = 'planned' AND b.split = 'none'))
                  ORDER BY c.batch_id, c.position"
            ))?
            .query_map(params![backend_id], |row| {
                Ok((row.get(0)?, row.get(1)?, child_row_at(row, 2)?))
            })?
            .collect()
        })
    }

    /// Every batch, newest first.
    pub fn batches(&self) -> Result<Vec<BatchSummary>, StoreError> {
        self.read(|conn| {
            let ids: Vec<i64> = conn
                .prepare_cached("SELECT id FROM batches ORDER BY id DESC")?
                .query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut out = Vec::with_capacity(ids.len());
            for id in ids {
                if let Some(summary) = load_summary(conn, id)? {
                    out.push(summary);
                }
            }
            Ok(out)
        })
    }

    /// One batch, if it exists.
    pub fn batch(&self, batch_id: i64) -> Result<Option<BatchSummary>, StoreError> {
        self.read(|conn| load_summary(conn, batch_id))
    }

    /// One child of a batch, as the journal holds it now.
    pub fn batch_child(
        &self,
        batch_id: i64,
        index: usize,
    ) -> Result<Option<JournalChild>, StoreError> {
        self.read(|conn| {
            conn.prepare_cached(&format!(
                "SELECT {CHILD_COLUMNS} FROM batch_children c
                  WHERE c.batch_id = ?1 AND c.position = ?2"
            ))?
            .query_row(params![batch_id, index as i64], |row| child_row_at(row, 0))
            .optional()
        })
    }

    /// The children of a batch, in plan order.
    pub fn batch_children(&self, batch_id: i64) -> Result<Vec<JournalChild>, StoreError> {
        self.read(|conn| {
            conn.prepare_cached(&format!(
                "SELECT {CHILD_COLUMNS} FROM batch_children c
                  WHERE c.batch_id = ?1 ORDER BY c.position"
            ))?
            .query_map(params![batch_id], |row| child_row_at(row, 0))?
            .collect()
        })
    }
}

fn load_summary(conn: &Connection, batch_id: i64) -> rusqlite::Result<Option<BatchSummary>> {
    let head = conn
        .prepare_cached(
            "SELECT b.id, k.base_url, k.account_id, b.parent_pon, b.split, b.template,
                    b.replaces_order_id, b.created_at
               FROM batches b JOIN backends k ON k.id = b.backend_id
              WHERE b.id = ?1",
        )?
        .query_row(params![batch_id], |row| {
            Ok(BatchSummary {
                id: row.get(0)?,
                base_url: row.get(1)?,
                account_id: row.get(2)?,
                parent_pon: row.get(3)?,
                split: row.get(4)?,
                template: row.get(5)?,
                replaces_order_id: row.get(6)?,
                created_at: DateTime::from_timestamp_nanos(row.get(7)?),
                counts: StateCounts::default(),
            })
        })
        .optional()?;
    let Some(mut summary) = head else {
        return Ok(None);
    };
    let mut counts = conn.prepare_cached(
        "SELECT state, count(*) FROM batch_children WHERE batch_id = ?1 GROUP BY state",
    )?;
    let rows = counts.query_map(params![batch_id], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
    })?;
    for row in rows {
        let (state, n) = row?;
        let state = ChildState::parse(&state).unwrap_or(ChildState::Unknown);
        summary
            .counts
            .add(state, usize::try_from(n).unwrap_or_default());
    }
    Ok(Some(summary))
}

/// The columns [`child_row_at`] reads, in order.
const CHILD_COLUMNS: &str = "c.position, c.pon, c.customer_order_id, c.tns, c.state, c.order_id, \
     c.error, c.updated_at, c.known_before, c.strict_identity, c.attempt_at";

/// A child from [`CHILD_COLUMNS`], starting at column `at`.
fn child_row_at(row: &Row<'_>, at: usize) -> rusqlite::Result<JournalChild> {
    let position: i64 = row.get(at)?;
    let tns_text: String = row.get(at + 3)?;
    let tns = tns_text
        .split(',')
        .filter(|t| !t.is_empty())
        .map(|t| {
            Tn::parse(t).map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    at + 3,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })
        })
        .collect::<rusqlite::Result<Vec<Tn>>>()?;
    let state_text: String = row.get(at + 4)?;
    let known_before: String = row.get(at + 8)?;
    let attempt_at: Option<i64> = row.get(at + 10)?;
    Ok(JournalChild {
        index: usize::try_from(position).unwrap_or_default(),
        pon: row.get(at + 1)?,
        customer_order_id: row.get(at + 2)?,
        tns,
        // A state this lsr does not know is treated as the most careful one.
        state: ChildState::parse(&state_text).unwrap_or(ChildState::Unknown),
        order_id: row.get(at + 5)?,
        error: row.get(at + 6)?,
        updated_at: DateTime::from_timestamp_nanos(row.get(at + 7)?),
        known_before: known_before
            .split(',')
            .filter(|id| !id.is_empty())
            .map(str::to_string)
            .collect(),
        strict_identity: row.get(at + 9)?,
        attempt_at: attempt_at.map(DateTime::from_timestamp_nanos),
    })
}

fn tns_to_sql(tns: &[Tn]) -> String {
    let mut text = String::with_capacity(tns.len() * 11);
    for (i, tn) in tns.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&tn.digits());
    }
    text
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn tn(text: &str) -> Tn {
        Tn::parse(text).unwrap()
    }

    #[test]
    fn journal_records_a_batch_and_child_states() {
        let dir = tempfile::tempdir().unwrap();
        let store = HistoryStore::open_in(dir.path()).unwrap();
        let key = BackendKey::new("http://127.0.0.1:1/api/v1", "9900001");
        let tns = [tn("9197200001"), tn("9197200002"), tn("9197200003")];
        let children = [
            PlannedChild {
                index: 1,
                pon: "P-0001",
                customer_order_id: "B-0001",
                tns: &tns[..2],
                known_before: &[],
                strict_identity: false,
            },
            PlannedChild {
                index: 2,
                pon: "P-0002",
                customer_order_id: "B-0002",
                tns: &tns[2..],
                known_before: &[],
                strict_identity: false,
            },
        ];
        let batch = NewBatch {
            parent_pon: "P",
            split: "2",
            template: "{}",
            replaces_order_id: None,
        };
        let id = store.create_batch(&key, &batch, &children).unwrap();
        store
            .mark_child(id, 1, ChildState::Sending, None, None)
            .unwrap();
        store
            .mark_child(id, 1, ChildState::Sent, Some("ord-1"), None)
            .unwrap();
        store
            .mark_child(id, 2, ChildState::Rejected, None, Some("17008"))
            .unwrap();

        let summary = store.batch(id).unwrap().unwrap();
        assert_eq!(summary.parent_pon, "P");
        assert_eq!(summary.backend(), key);
        assert_eq!(summary.counts.sent, 1);
        assert_eq!(summary.counts.rejected, 1);
        assert_eq!(summary.counts.unfinished(), 0);
        let kids = store.batch_children(id).unwrap();
        assert_eq!(kids[0].tns, tns[..2].to_vec());
        assert_eq!(kids[0].order_id.as_deref(), Some("ord-1"));
        assert_eq!(kids[1].state, ChildState::Rejected);
        assert_eq!(kids[1].error.as_deref(), Some("17008"));
        assert_eq!(store.batches().unwrap().len(), 1);
        assert!(store.batch(id + 1).unwrap().is_none());
    }

    #[test]
    fn journal_a_creation_s_sent_is_written_with_the_next_sending_mark() {
        let dir = tempfile::tempdir().unwrap();
        let store = HistoryStore::open_in(dir.path()).unwrap();
        let key = BackendKey::new("http://127.0.0.1:1/api/v1", "9900001");
        let tns = [tn("9197200001"), tn("9197200002")];
        let children: Vec<PlannedChild<'_>> = (0..2)
            .map(|i| PlannedChild {
                index: i + 1,
                pon: ["P-0001", "P-0002"][i],
                customer_order_id: ["B-0001", "B-0002"][i],
                tns: &tns[i..=i],
                known_before: &[],
                strict_identity: false,
            })
            .collect();
        let batch = NewBatch {
            parent_pon: "P",
            split: "per-tn",
            template: "{}",
            replaces_order_id: None,
        };
        let id = store.create_batch(&key, &batch, &children).unwrap();
        let at = Utc::now();
        store.mark_sending(id, 1, at, &[]).unwrap();
        let states = |store: &HistoryStore| {
            store
                .batch_children(id)
                .unwrap()
                .into_iter()
                .map(|c| (c.state, c.order_id))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            states(&store),
            [(ChildState::Sending, None), (ChildState::Planned, None)]
        );
        let first = Placed {
            index: 1,
            order_id: "ord-1".into(),
        };
        store.mark_sending(id, 2, at, &[first]).unwrap();
        assert_eq!(
            states(&store),
            [
                (ChildState::Sent, Some("ord-1".to_string())),
                (ChildState::Sending, None)
            ]
        );
        let second = Placed {
            index: 2,
            order_id: "ord-2".into(),
        };
        store.mark_placed(id, &[second]).unwrap();
        assert_eq!(
            states(&store),
            [
                (ChildState::Sent, Some("ord-1".to_string())),
                (ChildState::Sent, Some("ord-2".to_string()))
            ]
        );
        assert_eq!(store.batch(id).unwrap().unwrap().counts.sent, 2);
    }

    #[test]
    fn journal_batch_lock_is_exclusive_until_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = HistoryStore::open_in(dir.path()).unwrap();
        let second = HistoryStore::open_in(dir.path()).unwrap();
        let held = first.lock_batch(7).unwrap().unwrap();
        assert!(second.lock_batch(7).unwrap().is_none(), "held elsewhere");
        assert!(
            second.lock_batch(8).unwrap().is_some(),
            "other batches are free"
        );
        drop(held);
        assert!(second.lock_batch(7).unwrap().is_some(), "released");
    }

    #[test]
    fn journal_child_states_round_trip() {
        for state in [
            ChildState::Planned,
            ChildState::Sending,
            ChildState::Sent,
            ChildState::Rejected,
            ChildState::Unknown,
        ] {
            assert_eq!(ChildState::parse(state.as_str()), Some(state));
        }
        assert!(ChildState::Sending.is_uncertain());
        assert!(!ChildState::Planned.is_uncertain());
    }
}
