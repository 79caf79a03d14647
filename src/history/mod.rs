//! The local PON version history (SQLite): every order this tool submitted or saw, per backend,
//! with its PON version (R8), TNs, statuses and FOC dates over time, errors, and the TNs the
//! tool has learned need care (7517, 7521).
//!
//! One file, `<config_dir>/history.sqlite3` (mode 0600), in WAL mode so that many lsr processes
//! (parallel CI jobs, batch runners) can read and write at once without losing an entry.
//!
//! ```no_run
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use lsr::history::{BackendKey, HistoryStore, LocalQuery, OrderRef};
//! let store = HistoryStore::open_in(std::path::Path::new("/home/me/.config/lsr"))?;
//! let backend = BackendKey::new("https://dashboard.bandwidth.com/api/v1/", "12345");
//! let order = store.resolve_ref(&backend, &"ATT-0115@2".parse::<OrderRef>()?)?;
//! let by_tn = LocalQuery { tn: Some("919-555-1234".parse()?), ..LocalQuery::default() };
//! let orders = store.search(&backend, &by_tn)?;
//! # let _ = (order, orders);
//! # Ok(())
//! # }
//! ```

mod completion;
mod error;
mod events;
mod journal;
mod learned;
mod lookup;
mod open;
mod orders;
mod record;
mod rows;
mod schema;

#[cfg(test)]
mod tests;

pub use completion::KnownReference;
pub use error::StoreError;
pub use events::{EventSource, OrderNote, Origin};
pub use journal::{
    BatchLock, BatchSummary, ChildState, JournalChild, NewBatch, Placed, PlannedChild, StateCounts,
};
pub use open::{HISTORY_FILE_NAME, HistoryStore};
pub use record::{
    BackendKey, Learned, LearnedRule, LocalQuery, OrderRecord, OrderRef, OrderRefError,
    RecordOutcome, StatusEvent,
};
