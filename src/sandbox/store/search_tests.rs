//! The indexed order list against a brute-force filter over the same orders: a store of a few
//! thousand orders over two accounts, five days and every status, searched with each filter
//! alone and in combinations, must answer the same orders in the same order with the same total.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;

use super::*;
use crate::model::{OrderDraft, OrderStatus, Tn};
use crate::sandbox::clock::{self, HOUR_MS, start_of};
use crate::sandbox::{DEMO_ACCOUNT_1, DEMO_ACCOUNT_2, engine};
use crate::wire::SearchQuery;

/// An order as the brute-force filter sees it, with its place in insertion order.
struct Row {
    rowid: i64,
    order: StoredOrder,
}

fn principal(demo: crate::sandbox::DemoAccount) -> Principal {
    Principal {
        name: demo.username.to_string(),
        account_id: demo.account_id.to_string(),
    }
}

/// TNs on every line rule (FOC, manual, PIN exception, not ours, other carrier, disconnected,
/// one TN only), few enough that TNs repeat across orders (17008 among our own orders).
fn tn(n: u64) -> Tn {
    let line = [0, 2000, 4000, 9000, 5000, 3000, 1000, 10, 20, 30][(n % 10) as usize] + n % 37;
    Tn::parse(&format!("919555{line:04}")).unwrap()
}

/// A store of `count` orders per day for five days (after a few orders from three years
/// earlier, outside a plain list's two-year floor), processed as the clock moves, some of them
/// cancelled.
fn fixture(dir: &std::path::Path, per_day: u64) -> Store {
    let mut store = Store::open(dir, BusinessCalendar::us_npac(), 2_000).unwrap();
    let users = [principal(DEMO_ACCOUNT_1), principal(DEMO_ACCOUNT_2)];
    let mut n = 0u64;
    let create = |store: &mut Store, n: &mut u64| {
        let i = *n;
        *n += 1;
        let tns: Vec<Tn> = (0..1 + i % 3).map(|k| tn(i * 7 + k * 13)).collect();
        let pon = format!("PON-{}", i % 150);
        let new = NewOrder {
            draft: OrderDraft {
                pon: Some(pon.clone()),
                customer_order_id: (!i.is_multiple_of(5)).then(|| format!("cust-{}", i % 400)),
                tns: tns.iter().map(|t| t.digits()).collect(),
                ..OrderDraft::default()
            },
            pon,
            tns,
            requested_foc: None,
        };
        // One order in ten for the second account.
        let user = &users[usize::from(i % 10 == 3)];
        let order = store.create_order(user, new).unwrap();
        if i.is_multiple_of(23) {
            let cancel = OrderUpdate {
                draft: OrderDraft::default(),
                order_status: Some("CANCELLED".into()),
            };
            let _ = store.update_order(user, order, &cancel);
        }
    };
    store
        .set_clock(clock::parse_time("2023-06-05T12:00:00Z").unwrap())
        .unwrap();
    for _ in 0..20 {
        create(&mut store, &mut n);
    }
    let start = clock::parse_time("2026-11-30T09:00:00Z").unwrap();
    for day in 0..5 {
        store.set_clock(start + day * 24 * HOUR_MS).unwrap();
        // Some orders whose FOC date came are activated (COMPLETE) after medium timers.
        let today = store.today().unwrap().to_string();
        let ready: Vec<String> = store
            .conn
            .prepare("SELECT id FROM orders WHERE status = 'FOC' AND actual_foc <= ?1 LIMIT 15")
            .unwrap()
            .query_map([today], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for id in &ready {
            store.npac_subscribe(id, true).unwrap();
        }
        for k in 0..per_day {
            create(&mut store, &mut n);
            if k % 100 == 99 {
                store.advance_clock(HOUR_MS).unwrap();
            }
        }
        let concurred = start + day * 24 * HOUR_MS + 7 * HOUR_MS;
        if store.now().unwrap() < concurred {
            store.set_clock(concurred).unwrap();
        }
        for id in &ready {
            store.npac_activate(id).unwrap();
        }
    }
    store.advance_clock(30 * HOUR_MS).unwrap();
    // The last few stay PENDING: nothing moves the clock after them.
    for _ in 0..per_day / 10 {
        create(&mut store, &mut n);
    }
    store
}

/// Every order with its rowid, in insertion order.
fn all_rows(store: &Store) -> Vec<Row> {
    let ids: Vec<(i64, String)> = store
        .conn
        .prepare("SELECT rowid, id FROM orders ORDER BY rowid")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    ids.into_iter()
        .map(|(rowid, id)| Row {
            rowid,
            order: store.load_order("id = ?1", &[&id]).unwrap().unwrap(),
        })
        .collect()
}

/// SQLite's `LIKE` as the list uses it: ASCII case folded, `_` any one character, `%` any run.
fn like(text: &[u8], pattern: &[u8]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some((b'%', rest)) => (0..=text.len()).any(|at| like(&text[at..], rest)),
        Some((&p, rest)) => text.split_first().is_some_and(|(&t, more)| {
            (p == b'_' || t.eq_ignore_ascii_case(&p)) && like(more, rest)
        }),
    }
}

fn in_range(at: Millis, from: Option<NaiveDate>, to: Option<NaiveDate>) -> bool {
    from.is_none_or(|d| at >= start_of(d))
        && to.is_none_or(|d| at < start_of(d.succ_opt().unwrap()))
}

/// The list by brute force: every order tested against every filter, sorted by creation.
fn brute_force(
    rows: &[Row],
    account: &str,
    filter: &SearchQuery,
    now: Millis,
) -> (Vec<String>, usize) {
    let floor = engine::list_created_floor(filter, now);
    let mut found: Vec<&Row> = rows
        .iter()
        .filter(|row| {
            let o = &row.order;
            o.account_id == account
                && filter.pon.as_ref().is_none_or(|p| *p == o.pon)
                && filter.tn.is_none_or(|t| o.tns.contains(&t))
                && filter
                    .customer_order_id
                    .as_ref()
                    .is_none_or(|c| o.draft.customer_order_id.as_ref() == Some(c))
                && filter
                    .order_id_fragment
                    .as_ref()
                    .is_none_or(|f| like(o.id.as_bytes(), format!("{f}%").as_bytes()))
                && (filter.statuses.is_empty() || filter.statuses.contains(&o.status))
                && in_range(o.created_at, filter.created_from, filter.created_to)
                && in_range(o.modified_at, filter.modified_from, filter.modified_to)
                && floor.is_none_or(|f| o.created_at >= f)
        })
        .collect();
    found.sort_by_key(|row| (row.order.created_at, row.rowid));
    let total = found.len();
    let ids = found
        .iter()
        .take(LIST_CAP)
        .map(|row| row.order.id.clone())
        .collect();
    (ids, total)
}

fn day(d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026, 12, d)
}

/// The filters to compare: each one alone over values that match many, few or no orders, and
/// combinations of them.
fn filters(rows: &[Row]) -> Vec<SearchQuery> {
    let q = SearchQuery::default;
    let some_id = &rows[rows.len() / 2].order.id;
    let mut filters = vec![q()];
    for n in [0, 1, 2, 7, 36, 99_999] {
        filters.push(SearchQuery {
            tn: Some(tn(n)),
            ..q()
        });
    }
    for pon in ["PON-0", "PON-17", "PON-149", "NOPE"] {
        filters.push(SearchQuery {
            pon: Some(pon.into()),
            ..q()
        });
    }
    for customer in ["cust-1", "cust-399", "nope"] {
        filters.push(SearchQuery {
            customer_order_id: Some(customer.into()),
            ..q()
        });
    }
    let fragments = [
        some_id[..1].to_string(),
        some_id[..2].to_uppercase(),
        some_id[..4].to_string(),
        some_id.clone(),
        some_id.to_uppercase(),
        format!("{}_{}", &some_id[..2], &some_id[3..5]),
        format!("%{}", &some_id[4..8]),
        String::new(),
        "zz".into(),
        "f".into(),
    ];
    for fragment in fragments {
        filters.push(SearchQuery {
            order_id_fragment: Some(fragment),
            ..q()
        });
    }
    use OrderStatus::*;
    for statuses in [
        vec![Foc],
        vec![Pending],
        vec![Exception],
        vec![Cancelled],
        vec![Failed],
        vec![Complete],
        vec![Foc, Pending],
        vec![Foc, Exception, Cancelled, Failed, Pending],
    ] {
        filters.push(SearchQuery { statuses, ..q() });
    }
    for (from, to) in [
        (day(1), day(1)),
        (day(2), None),
        (None, day(1)),
        (day(6), day(9)),
    ] {
        filters.push(SearchQuery {
            created_from: from,
            created_to: to,
            ..q()
        });
        filters.push(SearchQuery {
            modified_from: from,
            modified_to: to,
            ..q()
        });
        filters.push(SearchQuery {
            statuses: vec![Foc],
            created_from: from,
            created_to: to,
            ..q()
        });
        filters.push(SearchQuery {
            statuses: vec![Failed, Cancelled],
            modified_from: from,
            modified_to: to,
            ..q()
        });
    }
    filters.extend([
        SearchQuery {
            tn: Some(tn(0)),
            statuses: vec![Foc],
            ..q()
        },
        SearchQuery {
            tn: Some(tn(2)),
            pon: Some("PON-14".into()),
            ..q()
        },
        SearchQuery {
            pon: Some("PON-3".into()),
            created_from: day(2),
            ..q()
        },
        SearchQuery {
            customer_order_id: Some("cust-2".into()),
            statuses: vec![Failed, Foc],
            ..q()
        },
        SearchQuery {
            order_id_fragment: Some(some_id[..1].to_string()),
            statuses: vec![Foc],
            modified_to: day(3),
            ..q()
        },
        SearchQuery {
            created_from: day(1),
            modified_to: day(2),
            ..q()
        },
        SearchQuery {
            statuses: vec![Foc],
            created_from: day(1),
            modified_to: day(2),
            ..q()
        },
    ]);
    filters
}

#[test]
fn indexed_searches_answer_what_a_brute_force_filter_finds() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = fixture(dir.path(), 500);
    let rows = all_rows(&store);
    assert_eq!(rows.len(), 2_570);
    let statuses: std::collections::BTreeSet<&str> =
        rows.iter().map(|r| r.order.status.as_str()).collect();
    assert!(statuses.len() >= 6, "too few statuses: {statuses:?}");
    let now = store.now().unwrap();
    let mut capped = 0;
    for filter in filters(&rows) {
        for account in [DEMO_ACCOUNT_1.account_id, DEMO_ACCOUNT_2.account_id] {
            let (orders, total) = store.list_orders(account, &filter).unwrap();
            let ids: Vec<String> = orders.into_iter().map(|o| o.id).collect();
            let expected = brute_force(&rows, account, &filter, now);
            assert_eq!((ids, total), expected, "account {account}, {filter:?}");
            capped += usize::from(total > LIST_CAP);
        }
    }
    // Some filters match more than one answer holds: the cap and the order are compared too.
    assert!(capped >= 3, "only {capped} answers reached the cap");
}

/// SQLite's plan of each statement in `sql`: its text and the plan's steps.
fn plans(store: &Store, sql: &[String]) -> Vec<(String, Vec<String>)> {
    sql.iter()
        .map(|sql| {
            let mut stmt = store
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap();
            let unbound = vec![rusqlite::types::Value::Null; stmt.parameter_count()];
            let steps = stmt
                .query_map(rusqlite::params_from_iter(unbound), |r| r.get(3))
                .unwrap()
                .collect::<Result<Vec<String>, _>>()
                .unwrap();
            (sql.clone(), steps)
        })
        .collect()
}

#[test]
fn every_list_and_lifecycle_lookup_uses_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture(dir.path(), 20);
    let rows = all_rows(&store);
    let mut plans = Vec::new();
    for filter in filters(&rows) {
        // A fragment with no literal prefix ("", "%…") matches anywhere in an id: reading the
        // account's orders is the only answer, and the one exception.
        let anywhere = filter
            .order_id_fragment
            .as_ref()
            .filter(|f| f.is_empty() || f.starts_with(['%', '_']));
        if let Some(fragment) = anywhere {
            let alone = SearchQuery {
                order_id_fragment: Some(fragment.clone()),
                ..SearchQuery::default()
            };
            if filter == alone {
                continue;
            }
        }
        let (from, _) = search::list_query(DEMO_ACCOUNT_1.account_id, &filter, 0);
        plans.extend(self::plans(&store, &search::list_statements(&from)));
    }
    let mut lookups: Vec<String> = orders::lookup::ALL.map(String::from).to_vec();
    lookups.extend(
        orders::lookup::ORDER_CONDITIONS
            .map(|w| format!("SELECT {} FROM orders WHERE {w}", orders::ORDER_COLUMNS)),
    );
    plans.extend(self::plans(&store, &lookups));
    for (sql, plan) in plans {
        // A scan of the table, or of all an account's orders (the planner's own choice for a
        // PON or TN before the list named its index), is what this forbids.
        assert!(
            !plan
                .iter()
                .any(|step| step.starts_with("SCAN") || step.ends_with("(account_id=?)")),
            "{sql}\nscans: {plan:?}"
        );
    }
}
