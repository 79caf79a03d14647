//! The history database schema as a list of forward migrations; `PRAGMA user_version` records
//! how many have been applied.

use rusqlite::{Connection, TransactionBehavior};

/// All forward migrations in order, as SQL batches. Migration `i` (0-based) brings the database
/// from schema `i` to `i + 1`. To change the schema, append a migration here (e.g. the batch
/// journal); never edit a released one. Opening a history written by an older lsr applies the
/// missing ones in one transaction.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: backends, orders, their TNs, errors and status events, learned TN rules.
    r#"
        CREATE TABLE backends (
            id          INTEGER PRIMARY KEY,
            base_url    TEXT NOT NULL,
            account_id  TEXT NOT NULL,
            UNIQUE (base_url, account_id)
        );

        -- Timestamps are UTC nanoseconds since the Unix epoch; dates are YYYY-MM-DD text.
        CREATE TABLE orders (
            id                  INTEGER PRIMARY KEY,
            backend_id          INTEGER NOT NULL REFERENCES backends (id),
            order_id            TEXT NOT NULL,
            pon                 TEXT NOT NULL,
            pon_version         INTEGER NOT NULL,
            customer_order_id   TEXT,
            status              TEXT NOT NULL,
            requested_foc_date  TEXT,
            actual_foc_date     TEXT,
            created_at          INTEGER NOT NULL,
            updated_at          INTEGER NOT NULL,
            UNIQUE (backend_id, order_id)
        );
        CREATE INDEX orders_by_pon ON orders (backend_id, pon, pon_version);
        CREATE INDEX orders_by_customer_order_id ON orders (backend_id, customer_order_id);
        CREATE INDEX orders_by_created_at ON orders (backend_id, created_at);

        -- TNs as integers (Tn::as_u64): the (tn) index answers `search --tn` over millions of
        -- rows with one b-tree lookup.
        CREATE TABLE order_tns (
            order_row  INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
            position   INTEGER NOT NULL,
            tn         INTEGER NOT NULL,
            PRIMARY KEY (order_row, position)
        ) WITHOUT ROWID;
        CREATE INDEX order_tns_by_tn ON order_tns (tn);

        CREATE TABLE order_errors (
            order_row    INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
            position     INTEGER NOT NULL,
            code         INTEGER NOT NULL,
            description  TEXT NOT NULL,
            PRIMARY KEY (order_row, position)
        ) WITHOUT ROWID;

        CREATE TABLE status_events (
            id                  INTEGER PRIMARY KEY,
            order_row           INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
            at                  INTEGER NOT NULL,
            status              TEXT NOT NULL,
            requested_foc_date  TEXT,
            actual_foc_date     TEXT,
            error_codes         TEXT NOT NULL
        );
        CREATE INDEX status_events_by_order ON status_events (order_row, at);

        -- 7517 / 7521 per TN (R5, R6); `code` is Bandwidth's code.
        CREATE TABLE learned_tns (
            backend_id  INTEGER NOT NULL REFERENCES backends (id),
            tn          INTEGER NOT NULL,
            code        INTEGER NOT NULL,
            order_id    TEXT NOT NULL,
            learned_at  INTEGER NOT NULL,
            PRIMARY KEY (backend_id, tn, code)
        ) WITHOUT ROWID;
    "#,
    // 2: the batch journal of split submissions: the plan and the parent order are written
    // before anything is sent; each child is marked `sending` before its POST and `sent`,
    // `rejected` or `unknown` after, so that `lsr batch resume` never sends a child twice.
    r#"
        CREATE TABLE batches (
            id                 INTEGER PRIMARY KEY,
            backend_id         INTEGER NOT NULL REFERENCES backends (id),
            parent_pon         TEXT NOT NULL,
            split              TEXT NOT NULL,
            -- The parent order without its TNs (JSON of model::LsrOrder): each child's body is
            -- this with the child's PON, customer order id and TNs.
            template           TEXT NOT NULL,
            -- The order a `resubmit --split` replaces, if any.
            replaces_order_id  TEXT,
            created_at         INTEGER NOT NULL
        );

        CREATE TABLE batch_children (
            batch_id           INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
            position           INTEGER NOT NULL,
            pon                TEXT NOT NULL,
            customer_order_id  TEXT NOT NULL,
            -- TNs as 10-digit strings separated by commas.
            tns                TEXT NOT NULL,
            -- planned | sending | sent | rejected | unknown
            state              TEXT NOT NULL,
            order_id           TEXT,
            error              TEXT,
            updated_at         INTEGER NOT NULL,
            PRIMARY KEY (batch_id, position)
        ) WITHOUT ROWID;
    "#,
    // Notifications (`lsr listen`): where each status event came from — NULL when a command
    // read the backend, `notification` when Bandwidth pushed it, `poll` when listen's reconcile
    // found a change the notifications missed — with the notification's message; and the notes
    // notifications carried. Kept its own step so it follows any other migration of this era.
    r#"
        ALTER TABLE status_events ADD COLUMN source TEXT;
        ALTER TABLE status_events ADD COLUMN message TEXT;

        CREATE TABLE order_notes (
            id         INTEGER PRIMARY KEY,
            order_row  INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
            at         INTEGER NOT NULL,
            text       TEXT NOT NULL,
            source     TEXT NOT NULL,
            UNIQUE (order_row, at, text)
        );
    "#,
    // 4: lsr's own PON version count next to the server's `PonVersion` (R8: `PON@N` is the N-th
    // order placed with the PON, by creation time, whatever number the server sends), and what
    // the journal needs to prove that an order found after an unclear create is this child's.
    r#"
        -- The N of `PON@N`: 1 + the orders of the same backend and PON created before this one
        -- (ties by order id). The store renumbers a PON whenever it records one of its orders.
        ALTER TABLE orders ADD COLUMN pon_count INTEGER NOT NULL DEFAULT 0;
        UPDATE orders SET pon_count = (
            SELECT count(*) FROM orders p
             WHERE p.backend_id = orders.backend_id AND p.pon = orders.pon
               AND (+p.created_at < orders.created_at
                    OR (+p.created_at = orders.created_at AND +p.order_id <= orders.order_id)));
        CREATE INDEX orders_by_pon_count ON orders (backend_id, pon, pon_count);

        -- Order ids that carried the child's customer order id before its first POST (written
        -- with the plan): whatever a lookup finds later, these are never this child.
        ALTER TABLE batch_children ADD COLUMN known_before TEXT NOT NULL DEFAULT '';
        -- 1 when the customer order id is the user's own rather than an lsr token: an order
        -- found by it must also have been created after the first POST went out.
        ALTER TABLE batch_children ADD COLUMN strict_identity INTEGER NOT NULL DEFAULT 0;
        -- When the first POST went out, on the backend's clock (UTC nanoseconds).
        ALTER TABLE batch_children ADD COLUMN attempt_at INTEGER;
    "#,
];

/// The schema version this lsr writes.
pub(crate) fn current_version() -> u32 {
    // Invariant: a handful of migrations, far below u32::MAX.
    MIGRATIONS.len() as u32
}

/// What a migration run found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MigrationOutcome {
    /// The schema is at `to` now (`from == to` when nothing was needed).
    Migrated { from: u32, to: u32 },
    /// The database is at a schema newer than `migrations` knows; nothing was changed.
    Newer { found: u32 },
}

pub(crate) fn read_user_version(conn: &Connection) -> rusqlite::Result<u32> {
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    Ok(u32::try_from(version).unwrap_or(u32::MAX))
}

/// Applies the missing `migrations` in order inside one IMMEDIATE transaction, re-reading the
/// version under the write lock so that concurrent processes opening a fresh file migrate it
/// exactly once.
pub(crate) fn migrate(
    conn: &mut Connection,
    migrations: &[&str],
) -> rusqlite::Result<MigrationOutcome> {
    let known = u32::try_from(migrations.len()).unwrap_or(u32::MAX);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let from = read_user_version(&tx)?;
    if from > known {
        return Ok(MigrationOutcome::Newer { found: from });
    }
    if from == known {
        return Ok(MigrationOutcome::Migrated { from, to: known });
    }
    for migration in migrations.iter().skip(from as usize) {
        tx.execute_batch(migration)?;
    }
    tx.pragma_update(None, "user_version", known)?;
    tx.commit()?;
    Ok(MigrationOutcome::Migrated { from, to: known })
}
