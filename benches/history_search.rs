//! Criterion benchmark: the history store at scale (issue 4 target: `search --local --tn` over
//! 100,000 orders and 1,000,000 TNs in under 20 ms).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use lsr::history::{BackendKey, HistoryStore, LocalQuery, OrderRecord, OrderRef};
use lsr::model::{OrderStatus, Pon, Tn};

const ORDERS: usize = 100_000;
const TNS_PER_ORDER: usize = 10;
/// Each PON is used three times (versions 1–3, R8), as resubmits do.
const VERSIONS_PER_PON: usize = 3;

/// The i-th of a million distinct valid TNs: 919-NXX-XXXX over the NXXs that are not N11.
fn nth_tn(i: usize, exchanges: &[u16]) -> Tn {
    let nxx = exchanges[i / 10_000];
    Tn::parse(&format!("919{nxx:03}{:04}", i % 10_000)).unwrap()
}

fn build_orders() -> Vec<OrderRecord> {
    let exchanges: Vec<u16> = (200..1000).filter(|n| n % 100 != 11).collect();
    let base = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
    let statuses = OrderStatus::ALL;
    (0..ORDERS)
        .map(|i| {
            let created_at = base + chrono::Duration::minutes(i as i64);
            OrderRecord {
                order_id: format!("{i:08x}-0000-4000-8000-{i:012x}"),
                pon: Pon::parse(&format!("PON-{:06}", i / VERSIONS_PER_PON)).unwrap(),
                pon_version: (i % VERSIONS_PER_PON + 1) as u32,
                pon_count: 0,
                customer_order_id: Some(format!("lsr-{i}")),
                status: statuses[i % statuses.len()],
                requested_foc_date: NaiveDate::from_ymd_opt(2025, 3, 1),
                actual_foc_date: NaiveDate::from_ymd_opt(2025, 3, 3),
                tns: (0..TNS_PER_ORDER)
                    .map(|k| nth_tn(i * TNS_PER_ORDER + k, &exchanges))
                    .collect(),
                errors: Vec::new(),
                created_at,
                updated_at: created_at,
            }
        })
        .collect()
}

fn history_search(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let store = HistoryStore::open_in(dir.path()).unwrap();
    let backend = BackendKey::new("https://dashboard.bandwidth.com/api/v1", "9900001");
    let orders = build_orders();
    let started = Instant::now();
    store.record_orders(&backend, &orders).unwrap();
    eprintln!(
        "built a history of {} orders and {} TNs in {:.2?} ({} bytes)",
        orders.len(),
        orders.len() * TNS_PER_ORDER,
        started.elapsed(),
        std::fs::metadata(store.path())
            .map(|m| m.len())
            .unwrap_or(0)
            + std::fs::metadata(format!("{}-wal", store.path().display()))
                .map(|m| m.len())
                .unwrap_or(0),
    );

    let probe = &orders[ORDERS / 2 + 1];
    let by_tn = LocalQuery {
        tn: Some(probe.tns[TNS_PER_ORDER / 2]),
        ..LocalQuery::default()
    };
    let by_pon = LocalQuery {
        pon: Some(probe.pon.clone()),
        ..LocalQuery::default()
    };
    assert_eq!(store.search(&backend, &by_tn).unwrap().len(), 1);
    assert_eq!(
        store.search(&backend, &by_pon).unwrap().len(),
        VERSIONS_PER_PON
    );
    let by_id: OrderRef = probe.order_id.parse().unwrap();
    let by_latest: OrderRef = probe.pon.as_str().parse().unwrap();
    let by_version: OrderRef = probe.versioned_ref().parse().unwrap();
    for reference in [&by_id, &by_latest, &by_version] {
        assert!(store.resolve_ref(&backend, reference).unwrap().is_some());
    }

    let mut group = c.benchmark_group("history_100k_orders_1m_tns");
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("search_tn", |b| {
        b.iter(|| store.search(&backend, black_box(&by_tn)).unwrap())
    });
    group.bench_function("search_pon_3_versions", |b| {
        b.iter(|| store.search(&backend, black_box(&by_pon)).unwrap())
    });
    group.bench_function("resolve_ref_order_id", |b| {
        b.iter(|| store.resolve_ref(&backend, black_box(&by_id)).unwrap())
    });
    group.bench_function("resolve_ref_pon_latest", |b| {
        b.iter(|| store.resolve_ref(&backend, black_box(&by_latest)).unwrap())
    });
    group.bench_function("resolve_ref_pon_at_version", |b| {
        b.iter(|| store.resolve_ref(&backend, black_box(&by_version)).unwrap())
    });
    group.bench_function("pending_focs_10_tns", |b| {
        b.iter(|| store.pending_focs(&backend, black_box(&probe.tns)).unwrap())
    });
    group.bench_function("learned_10_tns", |b| {
        b.iter(|| store.learned(&backend, black_box(&probe.tns)).unwrap())
    });
    // What one `lsr search --local --tn` process pays: open the file, then search.
    group.bench_function("open_then_search_tn", |b| {
        b.iter(|| {
            let store = HistoryStore::open(black_box(store.path())).unwrap();
            store.search(&backend, &by_tn).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, history_search);
criterion_main!(benches);
