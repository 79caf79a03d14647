//! Test fixtures of the order validator: a valid base order each test changes one thing of, and
//! assertions on what the validator found.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;

pub(super) use crate::model::{AddressDraft, OrderDraft, SubscriberDraft};
pub(super) use crate::validate::{
    BusinessCalendar, Finding, Report, Severity, ValidationContext, validate_order,
};

/// Monday 2026-11-30 (the integration tests' LSR_TODAY).
pub(super) fn today() -> NaiveDate {
    d("2026-11-30")
}

pub(super) fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub(super) fn some(text: &str) -> Option<String> {
    Some(text.to_string())
}

/// A valid business order; each test mutates one thing.
pub(super) fn base() -> OrderDraft {
    OrderDraft {
        pon: some("ACME-0001"),
        customer_order_id: some("acme 42"),
        requested_foc_date: some("2026-12-07"),
        spid: some("1234"),
        btn: some("919-720-6100"),
        authorizing_person: some("Jane Doe"),
        subscriber: SubscriberDraft {
            subscriber_type: some("business"),
            business_name: some("Acme Widgets"),
            account_number: some("ACCT123"),
            pin: Some("4321".into()),
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
        tns: vec!["919-720-6100".into(), "(919) 720-6101".into()],
    }
}

pub(super) fn run(draft: &OrderDraft) -> Report {
    let cal = BusinessCalendar::us_npac();
    validate_order(draft, &ValidationContext::offline(today(), &cal))
}

pub(super) fn codes(report: &Report) -> Vec<Option<u32>> {
    report.findings.iter().map(|f| f.code).collect()
}

/// The only finding is an error with `code` on `field`.
pub(super) fn only_error(draft: &OrderDraft, code: u32, field: &str) -> Finding {
    let report = run(draft);
    assert_eq!(report.findings.len(), 1, "{:#?}", report.findings);
    let f = report.findings[0].clone();
    assert_eq!(
        (f.code, f.severity, f.field.as_str()),
        (Some(code), Severity::Error, field),
        "{f:#?}"
    );
    assert!(report.order.is_none());
    assert!(!report.ok());
    f
}

pub(super) fn only_warning(draft: &OrderDraft, field: &str) -> Finding {
    let report = run(draft);
    assert_eq!(report.findings.len(), 1, "{:#?}", report.findings);
    let f = report.findings[0].clone();
    assert_eq!((f.severity, f.field.as_str()), (Severity::Warning, field));
    assert!(report.ok());
    assert!(report.order.is_some(), "warnings keep the order");
    f
}
