//! What keeps the server answering under abuse: a cap on open connections, read timeouts for
//! headers and bodies, and the body caps (small before the caller is known).
//!
//! When every connection slot is taken, the connection that has been idle longest (no request
//! in progress: a half-sent request head, a keep-alive connection nobody uses) is closed to make
//! room, so a flood of slow or silent connections cannot lock out a client that sends its
//! request. Only when every slot is in the middle of a request is the newcomer refused, with a
//! short `503` (`text/plain`, `Connection: close`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::Notify;

/// The most connections served at once (fewer when the process may open fewer files: see
/// [`connection_limit`]).
pub(super) const MAX_CONNECTIONS: usize = 256;
/// File descriptors kept free for the store, the listener and the runtime.
const RESERVED_FDS: usize = 64;
/// How long a client may take to send a request head (and how long an idle keep-alive
/// connection stays open).
pub(super) const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a client may take to send a request body.
pub(super) const BODY_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// hyper's read buffer per connection (request heads must fit in it).
pub(super) const MAX_BUF_SIZE: usize = 64 * 1024;
/// What the server reads of a request whose caller it does not know yet (the token endpoint's
/// form, an unauthenticated order's body before the 401): enough for any credentials form.
pub(super) const UNAUTHENTICATED_BODY_BYTES: usize = 64 * 1024;
/// How long reading such a body may take.
pub(super) const UNAUTHENTICATED_BODY_TIMEOUT: Duration = Duration::from_secs(2);
/// Authenticated bodies read (and held in memory) at the same time; more wait their turn.
pub(super) const CONCURRENT_BODY_READS: usize = 16;

/// The refusal written to a connection when every slot is busy with a request.
pub(super) const BUSY_ANSWER: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\n\
Content-Type: text/plain; charset=utf-8\r\nContent-Length: 51\r\nRetry-After: 1\r\n\
Connection: close\r\n\r\nsandbox busy: too many connections; try again soon\n";

/// The connection cap for this process: [`MAX_CONNECTIONS`], or fewer when the open-files
/// limit (Linux: `/proc/self/limits`) leaves less room than that.
pub(super) fn connection_limit() -> usize {
    let soft_limit = std::fs::read_to_string("/proc/self/limits")
        .ok()
        .and_then(|text| open_files_soft_limit(&text));
    match soft_limit {
        Some(fds) => fds.saturating_sub(RESERVED_FDS).clamp(8, MAX_CONNECTIONS),
        None => MAX_CONNECTIONS,
    }
}

/// The soft `Max open files` of a `/proc/PID/limits` text.
fn open_files_soft_limit(limits: &str) -> Option<usize> {
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    let soft = line["Max open files".len()..].split_whitespace().next()?;
    soft.parse().ok()
}

/// One open connection as the table knows it.
struct Entry {
    kill: Arc<Notify>,
    /// A request is being handled (the connection is not closed to make room).
    busy: bool,
    /// Since when it has been waiting for a request.
    idle_since: Instant,
}

#[derive(Default)]
struct Table {
    next_id: u64,
    open: HashMap<u64, Entry>,
}

/// The open connections, at most `limit` of them.
pub(super) struct Connections {
    limit: usize,
    table: Mutex<Table>,
}

/// A connection's place in the table; it leaves the table when dropped.
pub(super) struct Slot {
    id: u64,
    connections: Arc<Connections>,
    /// Notified to close the connection (to make room, or drop-after-commit).
    pub(super) kill: Arc<Notify>,
}

impl Connections {
    pub(super) fn new(limit: usize) -> Arc<Connections> {
        Arc::new(Connections {
            limit: limit.max(1),
            table: Mutex::new(Table::default()),
        })
    }

    fn table(&self) -> std::sync::MutexGuard<'_, Table> {
        // The table holds no invariant a panic elsewhere could break halfway.
        self.table
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A slot for a new connection, closing the idlest one when full; `None` when every open
    /// connection is in the middle of a request (the caller refuses the newcomer).
    pub(super) fn admit(self: &Arc<Self>) -> Option<Slot> {
        let mut table = self.table();
        if table.open.len() >= self.limit {
            let idlest = table
                .open
                .iter()
                .filter(|(_, e)| !e.busy)
                .min_by_key(|(id, e)| (e.idle_since, **id))
                .map(|(id, _)| *id)?;
            if let Some(evicted) = table.open.remove(&idlest) {
                evicted.kill.notify_one();
            }
        }
        let id = table.next_id;
        table.next_id += 1;
        let kill = Arc::new(Notify::new());
        table.open.insert(
            id,
            Entry {
                kill: kill.clone(),
                busy: false,
                idle_since: Instant::now(),
            },
        );
        Some(Slot {
            id,
            connections: self.clone(),
            kill,
        })
    }

    /// How many connections are open.
    #[cfg(test)]
    fn open(&self) -> usize {
        self.table().open.len()
    }
}

impl Slot {
    /// A request arrived: the connection is not closed to make room until it is answered.
    pub(super) fn begin_request(&self) {
        if let Some(entry) = self.connections.table().open.get_mut(&self.id) {
            entry.busy = true;
        }
    }

    /// The request was answered: the connection waits for the next one.
    pub(super) fn end_request(&self) {
        if let Some(entry) = self.connections.table().open.get_mut(&self.id) {
            entry.busy = false;
            entry.idle_since = Instant::now();
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.connections.table().open.remove(&self.id);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_full_table_closes_the_idlest_connection_and_refuses_only_when_all_are_busy() {
        let connections = Connections::new(2);
        let first = connections.admit().unwrap();
        let second = connections.admit().unwrap();
        second.begin_request();
        // Full: the idle first connection makes room.
        let third = connections.admit().unwrap();
        assert_eq!(connections.open(), 2);
        assert!(
            futures_util::FutureExt::now_or_never(first.kill.notified()).is_some(),
            "the idle connection was not told to close"
        );
        assert!(
            futures_util::FutureExt::now_or_never(second.kill.notified()).is_none(),
            "a connection in the middle of a request was closed"
        );
        // Both remaining connections busy: the next one is refused.
        third.begin_request();
        assert!(connections.admit().is_none());
        third.end_request();
        assert!(connections.admit().is_some());
        drop((first, second, third));
        assert_eq!(connections.open(), 0);
    }

    #[test]
    fn the_limit_leaves_room_under_a_low_open_files_limit() {
        let limits = "Limit                     Soft Limit           Hard Limit           Units\n\
                      Max open files            256                  4096                 files\n";
        assert_eq!(open_files_soft_limit(limits), Some(256));
        assert_eq!(open_files_soft_limit("nothing"), None);
        assert!(connection_limit() <= MAX_CONNECTIONS);
        let body = BUSY_ANSWER
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .map(|at| BUSY_ANSWER.len() - at - 4);
        assert_eq!(body, Some(51));
    }
}
