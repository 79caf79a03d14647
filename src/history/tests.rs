#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Barrier};

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::schema::{MigrationOutcome, migrate, read_user_version};
use super::*;
use crate::model::{OrderStatus, Pon, Tn};

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap() + Duration::minutes(minutes)
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn tn(text: &str) -> Tn {
    Tn::parse(text).unwrap()
}

fn sandbox() -> BackendKey {
    BackendKey::new("http://127.0.0.1:4100/api/v1/", "9900001")
}

fn record(order_id: &str, pon: &str, version: u32, tns: &[&str], minutes: i64) -> OrderRecord {
    OrderRecord {
        order_id: order_id.to_string(),
        pon: Pon::parse(pon).unwrap(),
        pon_version: version,
        customer_order_id: Some(format!("lsr-{order_id}")),
        status: OrderStatus::Pending,
        requested_foc_date: Some(day("2026-12-07")),
        actual_foc_date: None,
        tns: tns.iter().map(|t| tn(t)).collect(),
        errors: Vec::new(),
        created_at: at(minutes),
        updated_at: at(minutes),
    }
}

fn open_temp() -> (tempfile::TempDir, HistoryStore) {
    let dir = tempfile::tempdir().unwrap();
    let store = HistoryStore::open_in(dir.path()).unwrap();
    (dir, store)
}

fn order_ref(text: &str) -> OrderRef {
    text.parse().unwrap()
}

fn ids(records: &[OrderRecord]) -> Vec<&str> {
    records.iter().map(|r| r.order_id.as_str()).collect()
}

#[test]
fn history_round_trips_every_field() {
    let (_dir, store) = open_temp();
    let mut order = record("ord-1", "ATT-0115", 1, &["9195551234", "9195551235"], 0);
    order.status = OrderStatus::Exception;
    order.actual_foc_date = Some(day("2026-12-08"));
    order.errors = vec![ErrorEntry::new(7512, "PIN missing")];
    order.created_at = at(0) + Duration::nanoseconds(123_456_789);
    assert_eq!(
        store.record_order(&sandbox(), &order).unwrap(),
        RecordOutcome::Inserted
    );
    let found = store
        .resolve_ref(&sandbox(), &order_ref("ord-1"))
        .unwrap()
        .unwrap();
    assert_eq!(found, order);
}

#[test]
fn history_resolves_order_id_pon_and_pon_at_version() {
    let (_dir, store) = open_temp();
    let backend = sandbox();
    store
        .record_orders(
            &backend,
            &[
                record("ord-1", "ATT-0115", 1, &["9195551234"], 0),
                record("ord-2", "ATT-0115", 2, &["9195551234"], 10),
                record("ord-3", "OTHER", 1, &["9195551299"], 20),
            ],
        )
        .unwrap();
    let resolve = |text: &str| {
        store
            .resolve_ref(&backend, &order_ref(text))
            .unwrap()
            .map(|r| r.order_id)
    };
    assert_eq!(resolve("ord-1").as_deref(), Some("ord-1"));
    assert_eq!(resolve("ATT-0115").as_deref(), Some("ord-2"));
    assert_eq!(resolve("ATT-0115@1").as_deref(), Some("ord-1"));
    assert_eq!(resolve("ATT-0115@2").as_deref(), Some("ord-2"));
    assert_eq!(resolve("ATT-0115@3"), None);
    assert_eq!(resolve("NOPE"), None);
    // Not a PON and not a known id: unknown, not an error.
    assert_eq!(resolve("a b c"), None);
}

#[test]
fn history_order_id_wins_over_a_pon_of_the_same_text() {
    let (_dir, store) = open_temp();
    let backend = sandbox();
    store
        .record_orders(
            &backend,
            &[
                record("SAME", "P1", 1, &["9195551234"], 0),
                record("ord-9", "SAME", 1, &["9195551235"], 5),
            ],
        )
        .unwrap();
    let found = store
        .resolve_ref(&backend, &order_ref("SAME"))
        .unwrap()
        .unwrap();
    assert_eq!(found.order_id, "SAME");
}

#[test]
fn history_order_ref_parses_and_rejects() {
    assert_eq!(
        order_ref(" ATT-1@2 "),
        OrderRef::PonVersion {
            pon: Pon::parse("ATT-1").unwrap(),
            version: 2
        }
    );
    assert_eq!(order_ref("ord-1"), OrderRef::IdOrPon("ord-1".to_string()));
    assert_eq!(order_ref("ATT-1@2").to_string(), "ATT-1@2");
    assert_eq!("".parse::<OrderRef>(), Err(OrderRefError::Empty));
    for bad in ["ATT@0", "ATT@x", "ATT@", "ATT@-1"] {
        assert!(
            matches!(
                bad.parse::<OrderRef>(),
                Err(OrderRefError::BadVersion { .. })
            ),
            "{bad}"
        );
    }
    assert!(matches!(
        "A B@1".parse::<OrderRef>(),
        Err(OrderRefError::BadPon { .. })
    ));
}

#[test]
fn history_search_pon_lists_every_version_newest_first() {
    let (_dir, store) = open_temp();
    let backend = sandbox();
    for (id, version, minutes) in [("a", 1, 0), ("b", 2, 10), ("c", 3, 20)] {
        store
            .record_order(
                &backend,
                &record(id, "ATT-0115", version, &["9195551234"], minutes),
            )
            .unwrap();
    }
    store
        .record_order(&backend, &record("x", "ELSE", 1, &["9195551234"], 30))
        .unwrap();
    let query = LocalQuery {
        pon: Some(Pon::parse("ATT-0115").unwrap()),
        ..LocalQuery::default()
    };
    let found = store.search(&backend, &query).unwrap();
    assert_eq!(ids(&found), ["c", "b", "a"]);
    assert_eq!(
        found.iter().map(|r| r.pon_version).collect::<Vec<_>>(),
        [3, 2, 1]
    );
    let pon = Pon::parse("ATT-0115").unwrap();
    assert_eq!(store.next_pon_version_hint(&backend, &pon).unwrap(), 4);
    let fresh = Pon::parse("NEW").unwrap();
    assert_eq!(store.next_pon_version_hint(&backend, &fresh).unwrap(), 1);
}

#[test]
fn history_search_filters_combine() {
    let (_dir, store) = open_temp();
    let backend = sandbox();
    let mut complete = record(
        "done",
        "P-DONE",
        1,
        &["9195551234", "9195550001"],
        -3 * 24 * 60,
    );
    complete.status = OrderStatus::Complete;
    complete.customer_order_id = Some("cust-7".to_string());
    let open = record("open", "P-OPEN", 1, &["9195551234"], 0);
    let other = record("other", "P-OTHER", 1, &["9195550002"], 24 * 60);
    store
        .record_orders(&backend, &[complete, open, other])
        .unwrap();
    let search = |query: LocalQuery| ids(&store.search(&backend, &query).unwrap()).join(",");

    assert_eq!(search(LocalQuery::default()), "other,open,done");
    assert_eq!(
        search(LocalQuery {
            tn: Some(tn("919-555-1234")),
            ..LocalQuery::default()
        }),
        "open,done"
    );
    assert_eq!(
        search(LocalQuery {
            tn: Some(tn("9195559999")),
            ..LocalQuery::default()
        }),
        ""
    );
    assert_eq!(
        search(LocalQuery {
            statuses: vec![OrderStatus::Complete, OrderStatus::Failed],
            ..LocalQuery::default()
        }),
        "done"
    );
    assert_eq!(
        search(LocalQuery {
            tn: Some(tn("9195551234")),
            statuses: vec![OrderStatus::Pending],
            ..LocalQuery::default()
        }),
        "open"
    );
    assert_eq!(
        search(LocalQuery {
            customer_order_id: Some("cust-7".to_string()),
            ..LocalQuery::default()
        }),
        "done"
    );
    // at(0) is 2026-11-30; "done" was created 2026-11-27, "other" 2026-12-01.
    assert_eq!(
        search(LocalQuery {
            created_from: Some(day("2026-11-30")),
            ..LocalQuery::default()
        }),
        "other,open"
    );
    assert_eq!(
        search(LocalQuery {
            created_to: Some(day("2026-11-30")),
            ..LocalQuery::default()
        }),
        "open,done"
    );
    assert_eq!(
        search(LocalQuery {
            created_from: Some(day("2026-11-30")),
            created_to: Some(day("2026-11-30")),
            ..LocalQuery::default()
        }),
        "open"
    );
    assert_eq!(
        search(LocalQuery {
            limit: Some(2),
            ..LocalQuery::default()
        }),
        "other,open"
    );
}

#[test]
fn history_appends_status_events_only_on_change() {
    let (_dir, store) = open_temp();
    let backend = sandbox();
    let mut order = record("ord-1", "P", 1, &["9195551234"], 0);
    assert_eq!(
        store.record_order(&backend, &order).unwrap(),
        RecordOutcome::Inserted
    );

    order.updated_at = at(5);
    assert_eq!(
        store.record_order(&backend, &order).unwrap(),
        RecordOutcome::Unchanged
    );

    order.customer_order_id = Some("changed".to_string());
    order.updated_at = at(6);
    assert_eq!(
        store.record_order(&backend, &order).unwrap(),
        RecordOutcome::Updated {
            status_event: false
        }
    );

    order.status = OrderStatus::Foc;
    order.actual_foc_date = Some(day("2026-12-07"));
    order.updated_at = at(10);
    assert_eq!(
        store.record_order(&backend, &order).unwrap(),
        RecordOutcome::Updated { status_event: true }
    );

    // A supp moved the FOC date: same status, new event.
    order.actual_foc_date = Some(day("2026-12-09"));
    order.updated_at = at(20);
    store.record_order(&backend, &order).unwrap();

    // An older snapshot (another process saw it earlier) changes nothing.
    let mut stale = order.clone();
    stale.status = OrderStatus::Pending;
    stale.updated_at = at(15);
    assert_eq!(
        store.record_order(&backend, &stale).unwrap(),
        RecordOutcome::Stale
    );

    let events = store.status_events(&backend, "ord-1").unwrap();
    let summary: Vec<_> = events
        .iter()
        .map(|e| (e.at, e.status, e.actual_foc_date))
        .collect();
    assert_eq!(
        summary,
        [
            (at(0), OrderStatus::Pending, None),
            (at(10), OrderStatus::Foc, Some(day("2026-12-07"))),
            (at(20), OrderStatus::Foc, Some(day("2026-12-09"))),
        ]
    );
    let current = store
        .resolve_ref(&backend, &order_ref("ord-1"))
        .unwrap()
        .unwrap();
    assert_eq!(current.status, OrderStatus::Foc);
    assert_eq!(current.updated_at, at(20));
    assert_eq!(current.created_at, at(0));
    assert!(store.status_events(&backend, "nope").unwrap().is_empty());
}

#[test]
fn history_update_replaces_tns_and_errors() {
    let (_dir, store) = open_temp();
    let backend = sandbox();
    let mut order = record("ord-1", "P", 1, &["9195551234", "9195551235"], 0);
    store.record_order(&backend, &order).unwrap();
    order.tns = vec![tn("9195551235")];
    order.status = OrderStatus::Exception;
    order.errors = vec![ErrorEntry::new(7513, "wrong PIN")];
    order.updated_at = at(1);
    store.record_order(&backend, &order).unwrap();

    let by_old_tn = LocalQuery {
        tn: Some(tn("9195551234")),
        ..LocalQuery::default()
    };
    assert!(store.search(&backend, &by_old_tn).unwrap().is_empty());
    let found = store
        .resolve_ref(&backend, &order_ref("ord-1"))
        .unwrap()
        .unwrap();
    assert_eq!(found, order);
    let events = store.status_events(&backend, "ord-1").unwrap();
    assert_eq!(events.last().unwrap().error_codes, [7513]);
}

#[test]
fn history_pending_focs_only_open_orders_with_a_foc_date() {
    let (_dir, store) = open_temp();
    let backend = sandbox();
    let mut foc = record("foc", "P-FOC", 1, &["9195551234", "9195551235"], 0);
    foc.status = OrderStatus::Foc;
    foc.actual_foc_date = Some(day("2026-12-07"));
    let mut exception = record("exc", "P-EXC", 1, &["9195551236"], 1);
    exception.status = OrderStatus::Exception;
    exception.actual_foc_date = Some(day("2026-12-08"));
    // Pending without a confirmed FOC: no 17008 yet.
    let pending = record("pend", "P-PEND", 1, &["9195551237"], 2);
    let mut complete = record("comp", "P-COMP", 1, &["9195551238"], 3);
    complete.status = OrderStatus::Complete;
    complete.actual_foc_date = Some(day("2026-12-01"));
    store
        .record_orders(&backend, &[foc, exception, pending, complete])
        .unwrap();

    let asked: Vec<Tn> = [
        "9195551236",
        "9195551234",
        "9195551237",
        "9195551238",
        "9195551234",
        "9195559999",
    ]
    .iter()
    .map(|t| tn(t))
    .collect();
    let found = store.pending_focs(&backend, &asked).unwrap();
    assert_eq!(
        found,
        [
            crate::validate::PendingFoc {
                tn: tn("9195551236"),
                pon: "P-EXC".to_string(),
                foc_date: day("2026-12-08"),
                order_id: Some("exc".to_string()),
            },
            crate::validate::PendingFoc {
                tn: tn("9195551234"),
                pon: "P-FOC".to_string(),
                foc_date: day("2026-12-07"),
                order_id: Some("foc".to_string()),
            },
        ]
    );
    let elsewhere = BackendKey::new("https://dashboard.bandwidth.com/api/v1", "9900001");
    assert!(store.pending_focs(&elsewhere, &asked).unwrap().is_empty());
}

#[test]
fn history_learns_7517_and_7521() {
    let (_dir, store) = open_temp();
    let backend = sandbox();
    let mut cancelled = record("ord-1", "P", 1, &["9195551001", "9195551002"], 0);
    cancelled.status = OrderStatus::Cancelled;
    cancelled.errors = vec![ErrorEntry::new(7517, "too many TNs")];
    store.record_order(&backend, &cancelled).unwrap();
    store
        .record_learned(
            &backend,
            &[tn("9195552000")],
            LearnedRule::ManualHandling,
            "ord-2",
        )
        .unwrap();
    // Recording the same knowledge again is harmless.
    store
        .record_learned(
            &backend,
            &[tn("9195552000")],
            LearnedRule::ManualHandling,
            "ord-3",
        )
        .unwrap();

    let asked = [
        tn("9195551001"),
        tn("9195551002"),
        tn("9195552000"),
        tn("9195557777"),
    ];
    let learned = store.learned(&backend, &asked).unwrap();
    assert_eq!(
        learned.one_tn_required,
        [tn("9195551001"), tn("9195551002")].into_iter().collect()
    );
    assert_eq!(
        learned.manual_handling,
        [tn("9195552000")].into_iter().collect()
    );
    let elsewhere = BackendKey::new("http://127.0.0.1:4100/api/v1", "other-account");
    assert_eq!(
        store.learned(&elsewhere, &asked).unwrap(),
        Learned::default()
    );
    assert_eq!(
        LearnedRule::from_code(7517),
        Some(LearnedRule::OneTnPerRequest)
    );
    assert_eq!(
        LearnedRule::from_code(7521),
        Some(LearnedRule::ManualHandling)
    );
    assert_eq!(LearnedRule::from_code(7512), None);
}

#[test]
fn history_keeps_backends_apart() {
    let (_dir, store) = open_temp();
    let sandbox_slash = BackendKey::new("http://127.0.0.1:4100/api/v1/", "9900001");
    let sandbox_plain = BackendKey::new("http://127.0.0.1:4100/api/v1", "9900001");
    let production = BackendKey::new("https://dashboard.bandwidth.com/api/v1", "9900001");
    let other_account = BackendKey::new("http://127.0.0.1:4100/api/v1", "42");
    assert_eq!(sandbox_slash, sandbox_plain);
    assert_eq!(sandbox_plain.base_url(), "http://127.0.0.1:4100/api/v1");

    store
        .record_order(&sandbox_slash, &record("ord-1", "P", 1, &["9195551234"], 0))
        .unwrap();
    store
        .record_order(&production, &record("ord-1", "P", 7, &["9195551234"], 0))
        .unwrap();

    let in_sandbox = store
        .resolve_ref(&sandbox_plain, &order_ref("P"))
        .unwrap()
        .unwrap();
    assert_eq!(in_sandbox.pon_version, 1);
    let in_production = store
        .resolve_ref(&production, &order_ref("ord-1"))
        .unwrap()
        .unwrap();
    assert_eq!(in_production.pon_version, 7);
    assert_eq!(
        store
            .resolve_ref(&other_account, &order_ref("ord-1"))
            .unwrap(),
        None
    );
    assert!(
        store
            .search(&other_account, &LocalQuery::default())
            .unwrap()
            .is_empty()
    );
    let by_tn = LocalQuery {
        tn: Some(tn("9195551234")),
        ..LocalQuery::default()
    };
    assert_eq!(store.search(&production, &by_tn).unwrap().len(), 1);
}

#[test]
fn history_migrations_apply_forward_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("migrate.sqlite3");
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    let first = "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL);";
    let second = "ALTER TABLE things ADD COLUMN colour TEXT NOT NULL DEFAULT 'red';";

    assert_eq!(
        migrate(&mut conn, &[first]).unwrap(),
        MigrationOutcome::Migrated { from: 0, to: 1 }
    );
    conn.execute("INSERT INTO things (name) VALUES ('kept')", [])
        .unwrap();
    assert_eq!(
        migrate(&mut conn, &[first, second]).unwrap(),
        MigrationOutcome::Migrated { from: 1, to: 2 }
    );
    let row: (String, String) = conn
        .query_row("SELECT name, colour FROM things", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(row, ("kept".to_string(), "red".to_string()));
    assert_eq!(read_user_version(&conn).unwrap(), 2);
    // Running again is a no-op; an lsr that knows less refuses.
    assert_eq!(
        migrate(&mut conn, &[first, second]).unwrap(),
        MigrationOutcome::Migrated { from: 2, to: 2 }
    );
    assert_eq!(
        migrate(&mut conn, &[first]).unwrap(),
        MigrationOutcome::Newer { found: 2 }
    );

    // A failing migration leaves the schema where it was.
    let broken = "CREATE TABLE more (id INTEGER); THIS IS NOT SQL;";
    assert!(migrate(&mut conn, &[first, second, broken]).is_err());
    assert_eq!(read_user_version(&conn).unwrap(), 2);
    let more: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'more'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(more, 0);
}

#[test]
fn history_open_sets_up_a_fresh_file_at_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir
        .path()
        .join("nested")
        .join("dir")
        .join(HISTORY_FILE_NAME);
    let store = HistoryStore::open(&path).unwrap();
    assert_eq!(store.path(), path);
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(
        read_user_version(&conn).unwrap(),
        HistoryStore::schema_version()
    );
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    drop(conn);
    // Reopening an up-to-date file works and keeps data.
    let store = HistoryStore::open(&path).unwrap();
    store
        .record_order(&sandbox(), &record("ord-1", "P", 1, &["9195551234"], 0))
        .unwrap();
    drop(store);
    let store = HistoryStore::open(&path).unwrap();
    assert!(
        store
            .resolve_ref(&sandbox(), &order_ref("ord-1"))
            .unwrap()
            .is_some()
    );
}

#[cfg(unix)]
#[test]
fn history_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let store = HistoryStore::open_in(&config).unwrap();
    store
        .record_order(&sandbox(), &record("ord-1", "P", 1, &["9195551234"], 0))
        .unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(store.path()), 0o600);
    assert_eq!(mode(&config), 0o700);
    // SQLite gives the WAL the database's own mode.
    let wal = PathBuf::from(format!("{}-wal", store.path().display()));
    assert_eq!(mode(&wal), 0o600);
}

fn assert_refused_untouched(path: &Path, check: impl Fn(&StoreError)) {
    let before = std::fs::read(path).unwrap();
    let error = HistoryStore::open(path).unwrap_err();
    check(&error);
    assert!(
        error.to_string().contains(&path.display().to_string()),
        "{error}"
    );
    assert!(error.hint().is_some());
    assert_eq!(std::fs::read(path).unwrap(), before, "file was modified");
    // Asking twice gives the same answer (nothing was half-repaired).
    check(&HistoryStore::open(path).unwrap_err());
    assert_eq!(std::fs::read(path).unwrap(), before, "file was modified");
}

#[test]
fn history_refuses_a_newer_schema_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(HISTORY_FILE_NAME);
    let store = HistoryStore::open(&path).unwrap();
    store
        .record_order(&sandbox(), &record("ord-1", "P", 1, &["9195551234"], 0))
        .unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn); // the last connection checkpoints the WAL into the file

    let known = HistoryStore::schema_version();
    assert_refused_untouched(&path, |error| {
        assert!(
            matches!(error, StoreError::NewerSchema { found: 99, known: k, .. } if *k == known),
            "{error:?}"
        );
        assert!(
            error.to_string().contains(&format!(
                "was written by a newer lsr (schema 99, this lsr knows {known})"
            )),
            "{error}"
        );
    });
}

#[test]
fn history_refuses_a_corrupt_file_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        (
            "garbage.sqlite3",
            (0..8192u32)
                .map(|i| (i * 37 % 251) as u8)
                .collect::<Vec<_>>(),
        ),
        ("short.sqlite3", b"not a database\n".to_vec()),
        (
            "text.sqlite3",
            "[orders]\npon = \"x\"\n".repeat(300).into_bytes(),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        assert_refused_untouched(&path, |error| {
            assert!(
                matches!(error, StoreError::Corrupt { .. }),
                "{name}: {error:?}"
            );
        });
    }
}

#[test]
fn history_refuses_another_programs_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(HISTORY_FILE_NAME);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TABLE photos (id INTEGER PRIMARY KEY); INSERT INTO photos VALUES (1);",
    )
    .unwrap();
    drop(conn);
    assert_refused_untouched(&path, |error| {
        assert!(matches!(error, StoreError::NotHistory { .. }), "{error:?}");
    });
}

#[test]
fn history_rejects_timestamps_it_cannot_store() {
    let (_dir, store) = open_temp();
    let mut order = record("ord-1", "P", 1, &["9195551234"], 0);
    order.created_at = Utc.with_ymd_and_hms(2400, 1, 1, 0, 0, 0).unwrap();
    let error = store.record_order(&sandbox(), &order).unwrap_err();
    assert!(
        matches!(error, StoreError::TimestampOutOfRange { .. }),
        "{error:?}"
    );
    assert!(
        store
            .search(&sandbox(), &LocalQuery::default())
            .unwrap()
            .is_empty()
    );
}

const WRITERS: usize = 8;
const ORDERS_PER_WRITER: usize = 200;

/// The orders writer `writer` records, one short transaction each, as a CI job would.
fn write_orders_as(path: &Path, writer: usize) {
    let store = HistoryStore::open(path).unwrap();
    let backend = sandbox();
    for n in 0..ORDERS_PER_WRITER {
        let line = 1000 + writer * ORDERS_PER_WRITER + n;
        let order = record(
            &format!("w{writer}-{n}"),
            &format!("PON-{n}"),
            u32::try_from(writer + 1).unwrap(),
            &[&format!("919555{line:04}"), &format!("919556{line:04}")],
            i64::try_from(n).unwrap(),
        );
        store.record_order(&backend, &order).unwrap();
        if n % 50 == 0 {
            // Readers run beside the writers.
            store.search(&backend, &LocalQuery::default()).unwrap();
        }
    }
}

fn assert_every_order_present(path: &Path) {
    let store = HistoryStore::open(path).unwrap();
    let backend = sandbox();
    let all = store.search(&backend, &LocalQuery::default()).unwrap();
    assert_eq!(all.len(), WRITERS * ORDERS_PER_WRITER);
    for writer in 0..WRITERS {
        for n in 0..ORDERS_PER_WRITER {
            let line = 1000 + writer * ORDERS_PER_WRITER + n;
            let found = store
                .resolve_ref(&backend, &order_ref(&format!("w{writer}-{n}")))
                .unwrap()
                .unwrap_or_else(|| panic!("order w{writer}-{n} lost"));
            assert_eq!(found.tns.len(), 2);
            let by_tn = LocalQuery {
                tn: Some(tn(&format!("919556{line:04}"))),
                ..LocalQuery::default()
            };
            assert_eq!(store.search(&backend, &by_tn).unwrap().len(), 1);
        }
    }
    let pon = Pon::parse("PON-7").unwrap();
    assert_eq!(
        store.next_pon_version_hint(&backend, &pon).unwrap(),
        u32::try_from(WRITERS + 1).unwrap()
    );
}

#[test]
fn history_concurrent_threads_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = Arc::new(dir.path().join(HISTORY_FILE_NAME));
    // All writers open the fresh file at once: creation and migration race too.
    let barrier = Arc::new(Barrier::new(WRITERS));
    let handles: Vec<_> = (0..WRITERS)
        .map(|writer| {
            let path = Arc::clone(&path);
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                barrier.wait();
                write_orders_as(&path, writer);
            })
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    assert_every_order_present(&path);
}

const CHILD_ENV: &str = "LSR_HISTORY_TEST_WRITER";

/// Not a test on its own: `history_concurrent_processes_lose_nothing` runs it in child
/// processes, each one an independent writer.
#[test]
#[ignore = "run by history_concurrent_processes_lose_nothing in child processes"]
fn history_concurrent_writer_child() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let (writer, path) = spec.split_once(':').unwrap();
    write_orders_as(Path::new(path), writer.parse().unwrap());
}

#[test]
fn history_concurrent_processes_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(HISTORY_FILE_NAME);
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..WRITERS)
        .map(|writer| {
            std::process::Command::new(&exe)
                .args([
                    "--exact",
                    "history::tests::history_concurrent_writer_child",
                    "--ignored",
                    "--test-threads=1",
                ])
                .env(CHILD_ENV, format!("{writer}:{}", path.display()))
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "writer failed: {stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        // The filter must have matched, or nothing was tested.
        assert!(stdout.contains("1 passed"), "{stdout}");
    }
    assert_every_order_present(&path);
}

/// The query plans the 100k-order benchmark depends on: a selective filter must use its index,
/// never walk every order of the backend.
#[test]
fn history_search_plans_use_the_selective_index() {
    let (_dir, store) = open_temp();
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    let plan = |query: LocalQuery| {
        let (sql, values) = super::lookup::search_statement(1, &query);
        let mut statement = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        statement
            .query_map(rusqlite::params_from_iter(values), |row| {
                row.get::<_, String>(3)
            })
            .unwrap()
            .map(Result::unwrap)
            .collect::<Vec<_>>()
            .join("; ")
    };
    let by_tn = LocalQuery {
        tn: Some(tn("9195551234")),
        statuses: vec![OrderStatus::Pending],
        created_from: Some(day("2026-01-01")),
        created_to: Some(day("2026-12-31")),
        ..LocalQuery::default()
    };
    let by_pon = LocalQuery {
        pon: Some(Pon::parse("P").unwrap()),
        created_from: Some(day("2026-01-01")),
        ..LocalQuery::default()
    };
    let by_customer = LocalQuery {
        customer_order_id: Some("c".to_string()),
        created_to: Some(day("2026-12-31")),
        ..LocalQuery::default()
    };
    for (query, index) in [
        (by_tn, "order_tns_by_tn"),
        (by_pon, "orders_by_pon"),
        (by_customer, "orders_by_customer_order_id"),
    ] {
        let plan = plan(query);
        assert!(plan.contains(index), "{plan}");
        assert!(!plan.contains("orders_by_created_at"), "{plan}");
        assert!(!plan.contains("SCAN"), "{plan}");
    }
    let newest = plan(LocalQuery {
        limit: Some(20),
        ..LocalQuery::default()
    });
    assert!(newest.contains("orders_by_created_at"), "{newest}");
}

mod properties {
    use proptest::prelude::*;

    use super::super::{OrderRef, OrderRefError};

    proptest! {
            #[test]
            fn history_order_ref_parse_never_panics(input in ".{0,40}") {
                let _ = input.parse::<OrderRef>();
            }

            #[test]
            fn history_order_ref_round_trips(pon in "[A-Za-z0-9#_-]{1,25}", version in 1u32..10_000) {
                let text = format!("{pon}@{version}");
                let parsed: OrderRef = text.parse().unwrap();
                prop_assert_eq!(parsed.to_string(), text);
                let plain: OrderRef = pon.parse().unwrap();
                prop_assert_eq!(plain, OrderRef::IdOrPon(pon.clone()));
    let zero = format!("{pon}@0").parse::<OrderRef>();
                let refused = matches!(zero, Err(OrderRefError::BadVersion { .. }));
            prop_assert!(refused);
            }
        }
}

#[test]
fn history_bulk_write_leaves_no_large_wal_for_later_readers() {
    // Found by bench/search_local.sh: with no checkpoint on close, a 66 MB WAL from one bulk
    // write made every later `search --local` re-read it (23 ms instead of 2 ms).
    let (dir, store) = open_temp();
    let records: Vec<OrderRecord> = (0..20_000)
        .map(|i| {
            let tns: Vec<String> = (0..10)
                .map(|k| {
                    format!(
                        "919{}{:04}",
                        220 + (i * 10 + k) / 10_000,
                        (i * 10 + k) % 10_000
                    )
                })
                .collect();
            let tns: Vec<&str> = tns.iter().map(String::as_str).collect();
            record(&format!("bulk-{i}"), &format!("BULK-{i}"), 1, &tns, 0)
        })
        .collect();
    store.record_orders(&sandbox(), &records).unwrap();
    let wal = dir.path().join(format!("{}-wal", HISTORY_FILE_NAME));
    let size = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    assert!(size <= 4 * 1024 * 1024, "WAL left at {size} bytes");
    assert_eq!(
        store
            .search(&sandbox(), &LocalQuery::default())
            .unwrap()
            .len(),
        20_000
    );
}
