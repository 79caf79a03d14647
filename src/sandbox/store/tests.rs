//! The store's own tests, on a SQLite file in a temporary directory: round trips of orders,
//! history and notes, account isolation, tokens, the persisted clock offset, faults, inventory,
//! due events and reset.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use super::*;
use crate::model::{OrderDraft, OrderStatus, Tn};
use crate::sandbox::clock::{self, HOUR_MS, SECOND_MS};
use crate::sandbox::engine::Behaviour;
use crate::sandbox::{DEMO_ACCOUNT_1, DEMO_ACCOUNT_2};
use crate::wire::SearchQuery;

/// Monday 2026-11-30, noon UTC.
const START: &str = "2026-11-30T12:00:00Z";
/// The processing delay of these stores.
const DELAY_MS: Millis = 2 * SECOND_MS;

fn open(dir: &Path) -> Store {
    Store::open(dir, BusinessCalendar::us_npac(), DELAY_MS).unwrap()
}

fn started(dir: &Path) -> Store {
    let mut store = open(dir);
    store.set_clock(clock::parse_time(START).unwrap()).unwrap();
    store
}

fn principal(demo: crate::sandbox::DemoAccount) -> Principal {
    Principal {
        name: demo.username.to_string(),
        account_id: demo.account_id.to_string(),
    }
}

fn new_order(pon: &str, tns: &[&str]) -> NewOrder {
    let tns: Vec<Tn> = tns.iter().map(|t| Tn::parse(t).unwrap()).collect();
    NewOrder {
        draft: OrderDraft {
            pon: Some(pon.to_string()),
            customer_order_id: Some(format!("{pon}-c")),
            tns: tns.iter().map(|t| t.digits()).collect(),
            ..OrderDraft::default()
        },
        pon: pon.to_string(),
        tns,
        requested_foc: None,
    }
}

fn by_status(store: &mut Store, account: &str, status: OrderStatus) -> usize {
    let filter = SearchQuery {
        statuses: vec![status],
        ..SearchQuery::default()
    };
    store.list_orders(account, &filter).unwrap().1
}

#[test]
fn an_order_reads_back_as_written_with_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = started(dir.path());
    let user = principal(DEMO_ACCOUNT_1);
    let created = store
        .create_order(&user, new_order("ACME-1", &["9195550100", "9195550101"]))
        .unwrap();
    assert_eq!(created.status, OrderStatus::Pending);
    assert_eq!(created.pon_version, 1);
    drop(store);

    let store = open(dir.path());
    let read = store
        .order(DEMO_ACCOUNT_1.account_id, &created.id)
        .unwrap()
        .unwrap();
    assert_eq!(read, created);
    let history = store.history(&created.id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].author.as_deref(), Some(DEMO_ACCOUNT_1.username));
    assert_eq!(history[0].status, OrderStatus::Pending);
}

#[test]
fn pon_versions_count_the_accounts_orders_with_that_pon() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = started(dir.path());
    let one = principal(DEMO_ACCOUNT_1);
    let two = principal(DEMO_ACCOUNT_2);
    let first = store
        .create_order(&one, new_order("SAME", &["9195550100"]))
        .unwrap();
    let second = store
        .create_order(&one, new_order("SAME", &["9195550102"]))
        .unwrap();
    let other = store
        .create_order(&two, new_order("SAME", &["9195550103"]))
        .unwrap();
    assert_eq!(
        (first.pon_version, second.pon_version, other.pon_version),
        (1, 2, 1)
    );
}

#[test]
fn accounts_see_only_their_own_orders() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = started(dir.path());
    let mine = store
        .create_order(
            &principal(DEMO_ACCOUNT_1),
            new_order("MINE", &["9195550100"]),
        )
        .unwrap();
    assert!(
        store
            .order(DEMO_ACCOUNT_2.account_id, &mine.id)
            .unwrap()
            .is_none()
    );
    let everything = SearchQuery::default();
    let (orders, total) = store
        .list_orders(DEMO_ACCOUNT_2.account_id, &everything)
        .unwrap();
    assert!(orders.is_empty());
    assert_eq!(total, 0);
    let (orders, total) = store
        .list_orders(DEMO_ACCOUNT_1.account_id, &everything)
        .unwrap();
    assert_eq!((orders.len(), total), (1, 1));
    assert_eq!(
        store
            .account_spid(DEMO_ACCOUNT_2.account_id)
            .unwrap()
            .as_deref(),
        Some(DEMO_ACCOUNT_2.spid)
    );
}

#[test]
fn list_filters_select_by_pon_tn_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = started(dir.path());
    let user = principal(DEMO_ACCOUNT_1);
    store
        .create_order(&user, new_order("A", &["9195550100"]))
        .unwrap();
    store
        .create_order(&user, new_order("B", &["9195550101"]))
        .unwrap();
    let account = DEMO_ACCOUNT_1.account_id;
    let by_tn = SearchQuery {
        tn: Some(Tn::parse("919-555-0101").unwrap()),
        ..SearchQuery::default()
    };
    let (found, _) = store.list_orders(account, &by_tn).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].pon, "B");
    let by_pon = SearchQuery {
        pon: Some("A".into()),
        ..SearchQuery::default()
    };
    assert_eq!(store.list_orders(account, &by_pon).unwrap().1, 1);
    assert_eq!(by_status(&mut store, account, OrderStatus::Pending), 2);
    assert_eq!(by_status(&mut store, account, OrderStatus::Foc), 0);
}

#[test]
fn due_events_move_orders_when_the_clock_moves() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = started(dir.path());
    let user = principal(DEMO_ACCOUNT_1);
    let first = store
        .create_order(&user, new_order("FIRST", &["9195550100"]))
        .unwrap();
    assert_eq!(store.advance_due().unwrap(), 0);
    store.advance_clock(DELAY_MS).unwrap();
    let first = store
        .order(DEMO_ACCOUNT_1.account_id, &first.id)
        .unwrap()
        .unwrap();
    assert_eq!(first.status, OrderStatus::Foc);
    assert_eq!(
        first.actual_foc,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
    );
    assert_eq!(first.modified_by, SYSTEM_USER);
    // A second order for the same TN meets the first one's pending FOC (17008).
    let second = store
        .create_order(&user, new_order("SECOND", &["9195550100"]))
        .unwrap();
    store.advance_clock(DELAY_MS).unwrap();
    let second = store
        .order(DEMO_ACCOUNT_1.account_id, &second.id)
        .unwrap()
        .unwrap();
    assert_eq!(second.status, OrderStatus::Failed);
    assert_eq!(second.errors[0].code, 17008);
    let notes: Vec<String> = store
        .history(&first.id)
        .unwrap()
        .into_iter()
        .map(|h| h.note)
        .collect();
    assert_eq!(
        notes,
        [
            "LSR has been received by the system and is being processed",
            "Port-out date has been set"
        ]
    );
}

#[test]
fn supps_and_refusals_go_through_the_engine() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = started(dir.path());
    let user = principal(DEMO_ACCOUNT_1);
    let order = store
        .create_order(&user, new_order("SUPP", &["9195550100"]))
        .unwrap();
    let cancel = OrderUpdate {
        draft: OrderDraft::default(),
        order_status: Some("CANCELLED".into()),
    };
    let cancelled = store.update_order(&user, order.clone(), &cancel).unwrap();
    assert_eq!(cancelled.status, OrderStatus::Cancelled);
    let stored = store
        .order(DEMO_ACCOUNT_1.account_id, &order.id)
        .unwrap()
        .unwrap();
    assert_eq!(stored, cancelled);
    assert_eq!(store.history(&order.id).unwrap().len(), 2);
    // R3: a cancelled order cannot change; nothing is written.
    let again = store.update_order(&user, stored, &cancel);
    assert!(matches!(again, Err(UpdateError::Rejected(ref e)) if e[0].code == 17015));
    assert_eq!(store.history(&order.id).unwrap().len(), 2);
}

#[test]
fn tokens_and_api_users_authenticate_to_their_account() {
    let dir = tempfile::tempdir().unwrap();
    let store = open(dir.path());
    let (token, lifetime) = store
        .issue_token(DEMO_ACCOUNT_2.client_id, DEMO_ACCOUNT_2.client_secret)
        .unwrap()
        .unwrap();
    assert_eq!(lifetime, TOKEN_LIFETIME_SECS);
    let who = store
        .authenticate_token(&token)
        .unwrap()
        .unwrap()
        .principal_for(DEMO_ACCOUNT_2.account_id)
        .unwrap();
    assert_eq!(who.account_id, DEMO_ACCOUNT_2.account_id);
    assert_eq!(who.name, DEMO_ACCOUNT_2.client_id);
    // A JWT like Bandwidth's, listing the one account and the roles.
    let claims = crate::wire::jwt::claims_of(&token).unwrap();
    assert_eq!(claims.accounts, vec![DEMO_ACCOUNT_2.account_id]);
    assert_eq!(claims.sub.as_deref(), Some(DEMO_ACCOUNT_2.client_id));
    assert!(!claims.roles.is_empty());
    // Another store's key does not sign for this one; a changed payload breaks the signature.
    let other = tempfile::tempdir().unwrap();
    assert!(
        open(other.path())
            .authenticate_token(&token)
            .unwrap()
            .is_none()
    );
    let mut parts: Vec<&str> = token.split('.').collect();
    let forged =
        crate::wire::jwt::b64url(br#"{"sub":"x","accounts":["9900001"],"exp":99999999999}"#);
    parts[1] = &forged;
    assert!(
        store
            .authenticate_token(&parts.join("."))
            .unwrap()
            .is_none()
    );
    let (multi, _) = store
        .issue_token(
            crate::sandbox::DEMO_MULTI_CLIENT.0,
            crate::sandbox::DEMO_MULTI_CLIENT.1,
        )
        .unwrap()
        .unwrap();
    let both = store.authenticate_token(&multi).unwrap().unwrap();
    assert_eq!(
        both.accounts,
        vec![DEMO_ACCOUNT_1.account_id, DEMO_ACCOUNT_2.account_id]
    );
    assert!(store.authenticate_token("not-a-token").unwrap().is_none());
    assert!(
        store
            .issue_token(DEMO_ACCOUNT_2.client_id, "wrong")
            .unwrap()
            .is_none()
    );
    let user = store
        .authenticate_user(DEMO_ACCOUNT_1.username, DEMO_ACCOUNT_1.password)
        .unwrap()
        .unwrap();
    assert_eq!(user, principal(DEMO_ACCOUNT_1));
    assert!(
        store
            .authenticate_user(DEMO_ACCOUNT_1.username, DEMO_ACCOUNT_2.password)
            .unwrap()
            .is_none()
    );
}

#[test]
fn the_clock_offset_survives_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let at = clock::parse_time("2030-01-02T03:04:05Z").unwrap();
    let mut store = open(dir.path());
    store.set_clock(at).unwrap();
    drop(store);
    let mut store = open(dir.path());
    let now = store.now().unwrap();
    assert!((at..at + 60 * SECOND_MS).contains(&now), "{now}");
    // A clock that was set is not reset by an initial clock.
    assert!(!store.set_clock_if_unset(START_MS).unwrap());
    assert!(store.now().unwrap() >= at);
    let later = store.advance_clock(6 * HOUR_MS).unwrap();
    assert!(later >= at + 6 * HOUR_MS);
}

const START_MS: Millis = 1_796_040_000_000;

#[test]
fn a_fresh_store_takes_its_initial_clock() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    assert!(store.set_clock_if_unset(START_MS).unwrap());
    assert_eq!(
        store.today().unwrap(),
        chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
    );
}

#[test]
fn faults_persist_and_another_connection_sees_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = open(dir.path());
    assert!(server.faults().unwrap().is_clear());
    let mut cli = open(dir.path());
    let faults = Faults {
        latency_ms: 5,
        error_rate: 0.25,
        drop_after_commit: 0.0,
        rate_limit: 20,
    };
    cli.set_faults(&faults).unwrap();
    assert_eq!(server.faults().unwrap(), faults);
    drop((server, cli));
    assert_eq!(open(dir.path()).faults().unwrap(), faults);
}

#[test]
fn inventory_entries_persist_and_replace_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(dir.path());
    let tn = Tn::parse("919-720-6100").unwrap();
    store
        .add_inventory(tn, &Behaviour::Pin { pin: "4321".into() })
        .unwrap();
    store.add_inventory(tn, &Behaviour::NotOurs).unwrap();
    drop(store);
    let store = open(dir.path());
    assert_eq!(
        store.inventory().unwrap(),
        vec![InventoryEntry {
            tn: "9197206100".into(),
            behaviour: Behaviour::NotOurs
        }]
    );
    assert_eq!(
        store.inventory_behaviour(tn).unwrap(),
        Some(Behaviour::NotOurs)
    );
}

#[test]
fn orders_resolve_by_id_or_a_unique_pon() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = started(dir.path());
    let user = principal(DEMO_ACCOUNT_1);
    let one = store
        .create_order(&user, new_order("ONE", &["9195550100"]))
        .unwrap();
    store
        .create_order(&user, new_order("TWICE", &["9195550101"]))
        .unwrap();
    store
        .create_order(&user, new_order("TWICE", &["9195550102"]))
        .unwrap();
    assert_eq!(store.resolve_order(&one.id).unwrap().id, one.id);
    assert_eq!(store.resolve_order("ONE").unwrap().id, one.id);
    assert!(matches!(
        store.resolve_order("TWICE"),
        Err(AdminError::Invalid(_))
    ));
    assert!(matches!(
        store.resolve_order("NONE"),
        Err(AdminError::NotFound(_))
    ));
    // NPAC subscriptions need an order in FOC.
    assert!(matches!(
        store.npac_subscribe("ONE", true),
        Err(AdminError::Conflict(_))
    ));
}

#[test]
fn notes_are_added_and_changed_per_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = started(dir.path());
    let order = store
        .create_order(
            &principal(DEMO_ACCOUNT_1),
            new_order("NOTE", &["9195550100"]),
        )
        .unwrap();
    let id = store.add_note(&order.id, "demo-user-1", "first").unwrap();
    assert!(
        store
            .update_note(&order.id, id, "demo-user-1", "changed")
            .unwrap()
    );
    assert!(
        !store
            .update_note("other-order", id, "demo-user-1", "x")
            .unwrap()
    );
    let notes = store.notes(&order.id).unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].description, "changed");
    assert!(store.notes("other-order").unwrap().is_empty());
}

#[test]
fn reset_deletes_everything_and_restores_the_demo_accounts() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = started(dir.path());
    let user = principal(DEMO_ACCOUNT_1);
    store
        .create_order(&user, new_order("GONE", &["9195550100"]))
        .unwrap();
    store
        .add_inventory(Tn::parse("9195550100").unwrap(), &Behaviour::Manual)
        .unwrap();
    store
        .set_faults(&Faults {
            latency_ms: 1,
            ..Faults::default()
        })
        .unwrap();
    store.reset().unwrap();
    assert_eq!(
        store
            .list_orders(DEMO_ACCOUNT_1.account_id, &SearchQuery::default())
            .unwrap()
            .1,
        0
    );
    assert!(store.inventory().unwrap().is_empty());
    assert!(store.faults().unwrap().is_clear());
    let real = clock::real_now_ms();
    assert!((store.now().unwrap() - real).abs() < 60 * SECOND_MS);
    assert!(
        store
            .authenticate_user(DEMO_ACCOUNT_1.username, DEMO_ACCOUNT_1.password)
            .unwrap()
            .is_some()
    );
}

#[test]
fn two_stores_on_one_file_create_orders_side_by_side() {
    // Two `sandbox serve --data SAME` (or two `lsr --sandbox` runs) are two connections on one
    // file: their writes wait for each other (busy timeout) instead of failing "locked".
    let dir = tempfile::tempdir().unwrap();
    drop(started(dir.path()));
    let workers: Vec<_> = (0..2)
        .map(|worker| {
            let dir = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let mut store = open(&dir);
                let user = principal(DEMO_ACCOUNT_1);
                (0..60)
                    .filter(|i| {
                        let tn = format!("91955{worker}{i:04}");
                        let order = new_order(&format!("TWO-{worker}-{i}"), &[tn.as_str()]);
                        store.create_order(&user, order).is_err()
                    })
                    .count()
            })
        })
        .collect();
    let failures: usize = workers.into_iter().map(|w| w.join().unwrap()).sum();
    assert_eq!(failures, 0, "creates failed on a shared store");
    let total = open(dir.path())
        .list_orders(DEMO_ACCOUNT_1.account_id, &SearchQuery::default())
        .unwrap()
        .1;
    assert_eq!(total, 120);
}

fn stored_drafts(dir: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(dir.join(STORE_FILE)).unwrap();
    let mut stmt = conn.prepare("SELECT draft FROM orders").unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn with_pin(mut order: NewOrder, pin: &str) -> NewOrder {
    order.draft.subscriber.pin = Some(crate::model::Pin::new(pin));
    order
}

#[test]
fn the_store_is_private_and_keeps_no_pin_yet_checks_it() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("sandbox");
    let mut store = started(&dir);
    let user = principal(DEMO_ACCOUNT_1);
    // Lines 4000-4999: the port-out PIN is the line itself.
    let right = store
        .create_order(
            &user,
            with_pin(new_order("PIN-OK", &["9195554321"]), "4321"),
        )
        .unwrap();
    let wrong = store
        .create_order(
            &user,
            with_pin(new_order("PIN-BAD", &["9195554322"]), "7788"),
        )
        .unwrap();
    let missing = store
        .create_order(&user, new_order("PIN-NONE", &["9195554323"]))
        .unwrap();
    assert_eq!(right.draft.subscriber.pin, None);
    store.advance_clock(DELAY_MS + SECOND_MS).unwrap();
    let status = |store: &Store, id: &str| {
        let order = store.order(DEMO_ACCOUNT_1.account_id, id).unwrap().unwrap();
        (order.status, order.errors.first().map(|e| e.code))
    };
    assert_eq!(status(&store, &right.id), (OrderStatus::Foc, None));
    assert_eq!(
        status(&store, &wrong.id),
        (OrderStatus::Exception, Some(7513))
    );
    assert_eq!(
        status(&store, &missing.id),
        (OrderStatus::Exception, Some(7512))
    );
    for draft in stored_drafts(&dir) {
        assert!(!draft.contains("pin") && !draft.contains("7788"), "{draft}");
    }
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    for file in [STORE_FILE, "sandbox.sqlite3-wal", "sandbox.sqlite3-shm"] {
        assert_eq!(mode(&dir.join(file)), 0o600, "{file}");
    }
}

#[test]
fn a_store_written_with_pins_is_scrubbed_when_opened() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mut store = started(dir.path());
    let user = principal(DEMO_ACCOUNT_1);
    let mut old = new_order("OLD-1", &["9195554400"]);
    old.draft.subscriber.last_name = Some("Doe".into());
    let order = store.create_order(&user, old).unwrap();
    drop(store);
    // As an older lsr left it: the PIN in the draft, no check, a readable file.
    let conn = rusqlite::Connection::open(dir.path().join(STORE_FILE)).unwrap();
    let mut draft = stored_drafts(dir.path()).remove(0);
    draft = draft.replace(r#""subscriber":{"#, r#""subscriber":{"pin":"4400","#);
    assert!(draft.contains(r#""pin":"4400""#), "{draft}");
    conn.execute(
        "UPDATE orders SET draft = ?1 WHERE id = ?2",
        params![draft, order.id],
    )
    .unwrap();
    conn.execute_batch("DELETE FROM order_pins; DELETE FROM settings WHERE key = 'pins_scrubbed'")
        .unwrap();
    drop(conn);
    let path = dir.path().join(STORE_FILE);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let mut store = open(dir.path());
    assert!(stored_drafts(dir.path()).iter().all(|d| !d.contains("pin")));
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // The check made from the old PIN still decides processing.
    store.advance_clock(DELAY_MS + SECOND_MS).unwrap();
    let order = store
        .order(DEMO_ACCOUNT_1.account_id, &order.id)
        .unwrap()
        .unwrap();
    assert_eq!(order.status, OrderStatus::Foc);
}

fn callback(url: &str, order_id: Option<&str>, expiry_secs: u64) -> NewSubscription {
    NewSubscription {
        order_type: "lsrorders".into(),
        order_id: order_id.map(str::to_string),
        url: url.into(),
        username: Some("desk".into()),
        password: Some("pw".into()),
        expiry_secs,
    }
}

#[test]
fn subscriptions_hear_of_their_accounts_orders_from_their_creation_until_expiry() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = started(dir.path());
    let one = principal(DEMO_ACCOUNT_1);
    let before = store
        .create_order(&one, new_order("EARLY", &["9195550001"]))
        .unwrap();
    let all = store
        .create_subscription(
            DEMO_ACCOUNT_1.account_id,
            &callback("http://h/a", None, 3_600),
        )
        .unwrap();
    let other = store
        .create_subscription(
            DEMO_ACCOUNT_2.account_id,
            &callback("http://h/b", None, 3_600),
        )
        .unwrap();
    // Events before the subscription are not owed to it.
    assert!(store.take_notifications().unwrap().is_empty());
    let order = store
        .create_order(&one, new_order("LATE", &["9195550002"]))
        .unwrap();
    store
        .add_note(&before.id, "demo-user-1", "called the customer")
        .unwrap();
    store
        .set_clock(clock::parse_time(START).unwrap() + 10 * SECOND_MS)
        .unwrap();
    let owed = store.take_notifications().unwrap();
    assert!(owed.iter().all(|d| d.subscription.id == all.id), "{owed:?}");
    assert!(owed.iter().all(|d| d.subscription.id != other.id));
    let seen: Vec<(&str, OrderStatus, bool)> = owed
        .iter()
        .map(|d| {
            (
                d.event.order_id.as_str(),
                d.event.status,
                d.event.note.is_some(),
            )
        })
        .collect();
    assert!(
        seen.contains(&(order.id.as_str(), OrderStatus::Pending, false)),
        "{seen:?}"
    );
    assert!(
        seen.contains(&(order.id.as_str(), OrderStatus::Foc, false)),
        "{seen:?}"
    );
    assert!(
        seen.contains(&(before.id.as_str(), OrderStatus::Foc, true)),
        "{seen:?}"
    );
    // Taken once: the cursor moved on.
    assert!(store.take_notifications().unwrap().is_empty());
    // One order only; a subscription expires on the sandbox clock.
    store
        .update_subscription(
            DEMO_ACCOUNT_1.account_id,
            &all.id,
            &callback("http://h/a", Some(&order.id), 60),
        )
        .unwrap()
        .unwrap();
    store
        .add_note(&before.id, "demo-user-1", "not this order")
        .unwrap();
    store
        .add_note(&order.id, "demo-user-1", "this order")
        .unwrap();
    let owed = store.take_notifications().unwrap();
    assert_eq!(owed.len(), 1, "{owed:?}");
    assert_eq!(owed[0].event.note.as_deref(), Some("this order"));
    store
        .set_clock(clock::parse_time(START).unwrap() + 2 * HOUR_MS)
        .unwrap();
    store
        .add_note(&order.id, "demo-user-1", "too late")
        .unwrap();
    assert!(store.take_notifications().unwrap().is_empty());
    // Per account, and gone on delete and reset.
    assert!(
        store
            .subscription(DEMO_ACCOUNT_2.account_id, &all.id)
            .unwrap()
            .is_none()
    );
    assert!(
        !store
            .delete_subscription(DEMO_ACCOUNT_2.account_id, &all.id)
            .unwrap()
    );
    assert!(
        store
            .delete_subscription(DEMO_ACCOUNT_1.account_id, &all.id)
            .unwrap()
    );
    store.reset().unwrap();
    assert!(
        store
            .subscriptions(DEMO_ACCOUNT_2.account_id)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn tokens_issued_by_processes_meeting_a_fresh_store_at_once_all_verify() {
    // Parallel `lsr --sandbox` runs meet a fresh store together: each must sign with the one
    // key the store keeps (the first written), or some of their tokens get 401.
    for _ in 0..10 {
        let dir = tempfile::tempdir().unwrap();
        drop(open(dir.path()));
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(6));
        let tokens: Vec<String> = (0..6)
            .map(|_| {
                let (dir, barrier) = (dir.path().to_path_buf(), barrier.clone());
                std::thread::spawn(move || {
                    let store = open(&dir);
                    barrier.wait();
                    store
                        .issue_token(DEMO_ACCOUNT_1.client_id, DEMO_ACCOUNT_1.client_secret)
                        .unwrap()
                        .unwrap()
                        .0
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        let store = open(dir.path());
        for token in &tokens {
            assert!(store.authenticate_token(token).unwrap().is_some());
        }
    }
}
