//! Fuzzes `validate_order` on arbitrary drafts and dates: never panics; a typed order comes
//! back exactly when there is no error; and an order it accepts, written back as a draft,
//! validates again to the same order (so `resubmit` and `supp` can rebuild what was sent).
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use chrono::{Days, NaiveDate};
use libfuzzer_sys::fuzz_target;
use lsr::model::{AddressDraft, OrderDraft, SubscriberDraft};
use lsr::validate::{BusinessCalendar, ValidationContext, validate_order};

/// Field values that pass or nearly pass the rules, so the fuzzer reaches deep checks as well
/// as the first one; arbitrary text covers the rest.
const LIKELY: [&str; 24] = [
    "", " ", "PON-1", "9197206100", "919-720-6101", "+1 (919) 720-6102", "2026-12-07",
    "12/07/2026", "+5bd", "+0bd", "+1000bd", "business", "Residential", "Acme Corp", "Jane",
    "Q", "1234", "Main", "ST", "Raleigh", "NC", "27601", "Wake", "1234567890123456789012345",
];

fn text(u: &mut Unstructured<'_>) -> arbitrary::Result<Option<String>> {
    Ok(match u.int_in_range(0..=3u8)? {
        0 => None,
        1 => Some(String::arbitrary(u)?),
        _ => Some(u.choose(&LIKELY)?.to_string()),
    })
}

fn draft(u: &mut Unstructured<'_>) -> arbitrary::Result<OrderDraft> {
    let address = AddressDraft {
        house_prefix: text(u)?,
        house_number: text(u)?,
        house_suffix: text(u)?,
        pre_directional: text(u)?,
        street: text(u)?,
        street_suffix: text(u)?,
        post_directional: text(u)?,
        address_line2: text(u)?,
        city: text(u)?,
        state: text(u)?,
        zip: text(u)?,
        county: text(u)?,
    };
    let subscriber = SubscriberDraft {
        subscriber_type: text(u)?,
        business_name: text(u)?,
        first_name: text(u)?,
        middle_initial: text(u)?,
        last_name: text(u)?,
        account_number: text(u)?,
        pin: text(u)?,
        address,
    };
    let mut tns = Vec::new();
    // Mostly short lists; now and then past the 999-TN limit (R7).
    let count = match u.int_in_range(0..=15u8)? {
        15 => u.int_in_range(990..=1010usize)?,
        n => usize::from(n),
    };
    for i in 0..count {
        tns.push(match u.int_in_range(0..=7u8)? {
            0 => String::arbitrary(u)?,
            1 => u.choose(&LIKELY)?.to_string(),
            _ => format!("919720{:04}", (i + usize::from(u.arbitrary::<u8>()?)) % 10_000),
        });
    }
    Ok(OrderDraft {
        pon: text(u)?,
        customer_order_id: text(u)?,
        requested_foc_date: text(u)?,
        spid: text(u)?,
        btn: text(u)?,
        authorizing_person: text(u)?,
        subscriber,
        tns,
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(offset) = u.int_in_range(0..=3650u64) else { return };
    let Some(today) = NaiveDate::from_ymd_opt(2024, 1, 1).and_then(|d| d.checked_add_days(Days::new(offset))) else {
        return;
    };
    let Ok(draft) = draft(&mut u) else { return };
    let calendar = BusinessCalendar::us_npac();
    let ctx = ValidationContext::offline(today, &calendar);
    let report = validate_order(&draft, &ctx);
    assert_eq!(report.order.is_some(), report.ok(), "{draft:?} gave {report:?}");
    for finding in &report.findings {
        assert!(!finding.message.is_empty() && !finding.field.is_empty(), "{finding:?}");
    }
    if let Some(order) = report.order {
        let again = validate_order(&order.to_draft(), &ctx);
        assert_eq!(again.order.as_ref(), Some(&order), "{draft:?} gave {order:?}, then {again:?}");
    }
});
