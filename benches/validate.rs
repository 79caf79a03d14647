//! Criterion benchmark: validating a 999-TN order (issue 2 target: under 1 ms).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

use lsr::model::{AddressDraft, OrderDraft, SubscriberDraft};
use lsr::validate::{
    BusinessCalendar, MAX_TNS_PER_ORDER, ValidationContext, parse_tn_list, validate_order,
};

fn some(text: &str) -> Option<String> {
    Some(text.to_string())
}

/// A valid business order with the largest TN list an LSR takes, written the way people do.
fn full_order() -> OrderDraft {
    OrderDraft {
        pon: some("ACME-0001"),
        customer_order_id: some("acme port 1"),
        requested_foc_date: some("+5bd"),
        btn: some("919-720-6100"),
        authorizing_person: some("Jane Doe"),
        subscriber: SubscriberDraft {
            subscriber_type: some("business"),
            business_name: some("Acme Widgets"),
            address: AddressDraft {
                house_number: some("11"),
                street: some("Park Ave"),
                city: some("Raleigh"),
                state: some("NC"),
                zip: some("27601"),
                ..AddressDraft::default()
            },
            ..SubscriberDraft::default()
        },
        tns: (0..MAX_TNS_PER_ORDER)
            .map(|i| format!("(919) 720-{:04}", 6000 + i))
            .collect(),
        ..OrderDraft::default()
    }
}

fn bench_validate(c: &mut Criterion) {
    let calendar = BusinessCalendar::us_npac();
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let ctx = ValidationContext::offline(today, &calendar);
    let draft = full_order();
    let report = validate_order(&draft, &ctx);
    assert!(report.findings.is_empty(), "{:?}", report.findings);

    c.bench_function("validate_order 999 TNs", |b| {
        b.iter(|| validate_order(black_box(&draft), black_box(&ctx)))
    });

    // Every TN duplicated once: the worst case for the duplicate check.
    let mut doubled = draft.clone();
    doubled.tns.truncate(500);
    doubled.tns.extend(draft.tns[..499].iter().cloned());
    c.bench_function("validate_order 999 TNs, half duplicates", |b| {
        b.iter(|| validate_order(black_box(&doubled), black_box(&ctx)))
    });

    let list: String = (0..100_000)
        .map(|i| format!("919-72{}-{:04}\n", i / 10_000, i % 10_000))
        .collect();
    c.bench_function("parse_tn_list 100000 lines", |b| {
        b.iter(|| parse_tn_list(black_box(&list)).unwrap())
    });
}

criterion_group!(benches, bench_validate);
criterion_main!(benches);
