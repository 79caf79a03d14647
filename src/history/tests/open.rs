//! Tests of opening the history: migrations, a fresh file, permissions, refusing foreign or newer
//! files, timestamps it cannot store, concurrent writers and WAL checkpoints.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Barrier};

use super::*;
use crate::history::schema::{MigrationOutcome, migrate, read_user_version};

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
    // The test's name as the harness knows it: this module's path without the crate.
    let (_crate, module) = module_path!().split_once("::").unwrap();
    let child_test_name = format!("{module}::history_concurrent_writer_child");
    let children: Vec<_> = (0..WRITERS)
        .map(|writer| {
            std::process::Command::new(&exe)
                .args(["--exact", &child_test_name, "--ignored", "--test-threads=1"])
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

#[test]
fn history_schema_4_numbers_the_versions_an_older_file_holds() {
    // A history written before schema 4: the server's PonVersion was all it had (0 for an
    // unmodified order on Bandwidth), so `PON@N` could name nothing or the wrong order.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(HISTORY_FILE_NAME);
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrate(&mut conn, &crate::history::schema::MIGRATIONS[..3]).unwrap();
        conn.execute(
            "INSERT INTO backends (id, base_url, account_id) VALUES (1, 'https://x/api/v1', '1')",
            [],
        )
        .unwrap();
        for (id, order_id, pon, server_version, created) in [
            (1, "b", "P", 0, 20),
            (2, "a", "P", 0, 10),
            (3, "c", "Q", 7, 30),
        ] {
            conn.execute(
                "INSERT INTO orders (id, backend_id, order_id, pon, pon_version, status,
                                     created_at, updated_at)
                 VALUES (?1, 1, ?2, ?3, ?4, 'PENDING', ?5, ?5)",
                rusqlite::params![id, order_id, pon, server_version, created],
            )
            .unwrap();
        }
    }
    let store = HistoryStore::open(&path).unwrap();
    let backend = BackendKey::new("https://x/api/v1", "1");
    let first = store
        .resolve_ref(&backend, &order_ref("P@1"))
        .unwrap()
        .unwrap();
    let second = store
        .resolve_ref(&backend, &order_ref("P@2"))
        .unwrap()
        .unwrap();
    assert_eq!((first.order_id.as_str(), first.pon_count), ("a", 1));
    assert_eq!((second.order_id.as_str(), second.pon_count), ("b", 2));
    assert_eq!(second.pon_version, 0, "the server's number is kept");
    let only = store
        .resolve_ref(&backend, &order_ref("Q"))
        .unwrap()
        .unwrap();
    assert_eq!((only.pon_count, only.pon_version), (1, 7));
    assert!(
        store
            .resolve_ref(&backend, &order_ref("Q@7"))
            .unwrap()
            .is_none()
    );
}
