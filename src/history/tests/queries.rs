//! Tests of the history's queries: recording, resolving, searching, status events, pending FOCs,
//! learned rules, backends kept apart, search plans, order references.

use super::*;

#[test]
fn history_round_trips_every_field() {
    let (_dir, store) = open_temp();
    let mut order = record("ord-1", "ATT-0115", 1, &["9195551234", "9195551235"], 0);
    order.status = OrderStatus::Exception;
    order.actual_foc_date = Some(day("2026-12-08"));
    order.errors = vec![BandwidthError::new(7512, "PIN missing")];
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
    order.errors = vec![BandwidthError::new(7513, "wrong PIN")];
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
    cancelled.errors = vec![BandwidthError::new(7517, "too many TNs")];
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

    use crate::history::{OrderRef, OrderRefError};

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
fn history_numbers_a_pon_by_creation_whatever_the_server_sends() {
    let (_dir, store) = open_temp();
    let backend = sandbox();
    // Seen in the order: the second order placed first, then the first one (a colleague's).
    store
        .record_order(&backend, &record("second", "P", 0, &["9195551234"], 10))
        .unwrap();
    assert_eq!(
        store
            .resolve_ref(&backend, &order_ref("P"))
            .unwrap()
            .unwrap()
            .pon_count,
        1
    );
    store
        .record_order(&backend, &record("first", "P", 0, &["9195551235"], 0))
        .unwrap();
    let at = |n: &str| {
        store
            .resolve_ref(&backend, &order_ref(&format!("P@{n}")))
            .unwrap()
            .unwrap()
            .order_id
    };
    assert_eq!(
        (at("1"), at("2")),
        ("first".to_string(), "second".to_string())
    );
    assert_eq!(
        store
            .next_pon_version_hint(&backend, &Pon::parse("P").unwrap())
            .unwrap(),
        3
    );
}
