//! Fuzzes `validate_order` on arbitrary drafts and dates: never panics; a typed order comes
//! back exactly when there is no error; an order it accepts, written back as a draft, validates
//! again to the same order (so `resubmit` and `supp` can rebuild what was sent); and an accepted
//! order can always be sent: its XML request body encodes, and the sandbox, reading that body
//! back into a draft, validates it to the same order. Any draft's request body either encodes
//! and decodes to itself or is refused for a character XML cannot carry.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use chrono::{Days, NaiveDate};
use libfuzzer_sys::fuzz_target;
use lsr::model::{AddressDraft, OrderDraft, SubscriberDraft};
use lsr::validate::{BusinessCalendar, ValidationContext, validate_order};
use lsr::wire::{self, WireError};

/// Field values that pass or nearly pass the rules; arbitrary text covers the rest.
const LIKELY: [&str; 24] = [
    "",
    " ",
    "PON-1",
    "9197206100",
    "919-720-6101",
    "+1 (919) 720-6102",
    "2026-12-07",
    "12/07/2026",
    "+5bd",
    "+0bd",
    "+1000bd",
    "business",
    "Residential",
    "Acme Corp",
    "Jane",
    "Q",
    "1234",
    "Main",
    "ST",
    "Raleigh",
    "NC",
    "27601",
    "Wake",
    "1234567890123456789012345",
];

/// A field of a valid order (`valid`), or now and then something else. Exhausted input keeps
/// the valid value, so short inputs give orders that pass and the accepted-order properties
/// are exercised, not only the error paths.
fn field(u: &mut Unstructured<'_>, valid: Option<&str>) -> arbitrary::Result<Option<String>> {
    Ok(match u.int_in_range(0..=7u8)? {
        0..=4 => valid.map(str::to_string),
        5 => None,
        6 => Some(String::arbitrary(u)?),
        _ => Some(u.choose(&LIKELY)?.to_string()),
    })
}

fn draft(u: &mut Unstructured<'_>) -> arbitrary::Result<OrderDraft> {
    let address = AddressDraft {
        house_prefix: field(u, None)?,
        house_number: field(u, Some("11"))?,
        house_suffix: field(u, None)?,
        pre_directional: field(u, None)?,
        street: field(u, Some("Park Ave"))?,
        street_suffix: field(u, None)?,
        post_directional: field(u, None)?,
        address_line2: field(u, Some("Suite 200"))?,
        city: field(u, Some("Raleigh"))?,
        state: field(u, Some("NC"))?,
        zip: field(u, Some("27601"))?,
        county: field(u, None)?,
    };
    let subscriber = SubscriberDraft {
        subscriber_type: field(u, Some("business"))?,
        business_name: field(u, Some("Acme Widgets"))?,
        first_name: field(u, None)?,
        middle_initial: field(u, None)?,
        last_name: field(u, None)?,
        account_number: field(u, None)?,
        pin: field(u, None)?.map(Into::into),
        address,
    };
    // Mostly short lists; now and then past the 999-TN limit (R7).
    let count = match u.int_in_range(0..=15u8)? {
        0 => 3,
        15 => u.int_in_range(990..=1010usize)?,
        n => usize::from(n),
    };
    let mut tns = Vec::with_capacity(count);
    for i in 0..count {
        tns.push(match u.int_in_range(0..=15u8)? {
            0..=12 => format!("919720{:04}", i % 10_000),
            13 => format!("919720{:04}", u.arbitrary::<u16>()? % 10_000),
            14 => String::arbitrary(u)?,
            _ => u.choose(&LIKELY)?.to_string(),
        });
    }
    Ok(OrderDraft {
        pon: field(u, Some("ACME-0001"))?,
        customer_order_id: field(u, Some("acme port 1"))?,
        requested_foc_date: field(u, Some("+5bd"))?,
        spid: field(u, None)?,
        btn: field(u, Some("919-720-6100"))?,
        authorizing_person: field(u, Some("Jane Doe"))?,
        subscriber,
        tns,
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(offset) = u.int_in_range(0..=3650u64) else {
        return;
    };
    let Some(today) =
        NaiveDate::from_ymd_opt(2024, 1, 1).and_then(|d| d.checked_add_days(Days::new(offset)))
    else {
        return;
    };
    let Ok(draft) = draft(&mut u) else { return };
    let calendar = BusinessCalendar::us_npac();
    let ctx = ValidationContext::offline(today, &calendar);
    let report = validate_order(&draft, &ctx);
    assert_eq!(
        report.order.is_some(),
        report.ok(),
        "{draft:?} gave {report:?}"
    );
    for finding in &report.findings {
        assert!(
            !finding.message.is_empty() && !finding.field.is_empty(),
            "{finding:?}"
        );
    }
    let body = wire::LsrOrder::from_draft(&draft);
    match wire::to_xml(&body) {
        Ok(xml) => assert_eq!(
            wire::decode::<wire::LsrOrder>(xml.as_bytes()).as_ref(),
            Ok(&body),
            "{xml}"
        ),
        Err(WireError::Unencodable { .. }) => {}
        Err(e) => panic!("{draft:?}: request body not written: {e}"),
    }
    if let Some(order) = report.order {
        let again = validate_order(&order.to_draft(), &ctx);
        assert_eq!(
            again.order.as_ref(),
            Some(&order),
            "{draft:?} gave {order:?}, then {again:?}"
        );
        let xml = match wire::to_xml(&wire::LsrOrder::from(&order)) {
            Ok(xml) => xml,
            Err(e) => panic!("{order:?} passed validation but cannot be sent: {e}"),
        };
        let received = wire::decode::<wire::LsrOrder>(xml.as_bytes()).map(|o| o.to_draft());
        let Ok(received) = received else {
            panic!("{xml}\ndoes not decode: {received:?}");
        };
        let seen = validate_order(&received, &ctx);
        assert_eq!(
            seen.order.as_ref(),
            Some(&order),
            "sent\n{xml}\nthe sandbox saw {seen:?}"
        );
    }
});
