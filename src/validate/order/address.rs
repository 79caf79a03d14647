//! The service address: required parts, length limits, state code and ZIP.

use super::{Checker, char_len, present};
use crate::model::{OrderDraft, ServiceAddress};

/// US states, DC, and the territories NANP serves.
const STATE_CODES: [&str; 56] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "PR", "VI", "GU", "AS", "MP",
];

/// `12345` or `12345-6789`.
fn is_zip(text: &str) -> bool {
    let b = text.as_bytes();
    let five = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    match b.len() {
        5 => five(b),
        10 => five(&b[..5]) && b[5] == b'-' && five(&b[6..]),
        _ => false,
    }
}

pub(super) fn check_address(check: &mut Checker, draft: &OrderDraft) -> Option<ServiceAddress> {
    let a = &draft.subscriber.address;
    let all = [
        &a.house_prefix,
        &a.house_number,
        &a.house_suffix,
        &a.pre_directional,
        &a.street,
        &a.street_suffix,
        &a.post_directional,
        &a.address_line2,
        &a.city,
        &a.state,
        &a.zip,
        &a.county,
    ];
    if all.iter().all(|v| present(v).is_none()) {
        check.error(
            Some(7107),
            "subscriber.address",
            "service address is required".to_string(),
            Some("add a [subscriber.address] table with house_number, street, city, state and zip, or pass --house-number, --street, --city, --state and --zip".into()),
        );
        return None;
    }
    let mut text_field = |value: &Option<String>, name: &str, label: &str, max: usize| {
        let text = present(value)?;
        let field = format!("subscriber.address.{name}");
        let len = char_len(text);
        if len > max {
            check.error(
                Some(17026),
                &field,
                format!("address {label} is {len} characters long; at most {max} are allowed"),
                Some(format!("shorten the {label}")),
            );
        }
        check.printable(&field, &format!("address {label}"), text);
        Some(text.to_string())
    };
    let house_prefix = text_field(&a.house_prefix, "house_prefix", "house prefix", 6);
    let house_number = text_field(&a.house_number, "house_number", "house number", 45);
    let house_suffix = text_field(&a.house_suffix, "house_suffix", "house suffix", 45);
    let pre_directional = text_field(&a.pre_directional, "pre_directional", "pre-directional", 2);
    let street = text_field(&a.street, "street", "street name", 200);
    let street_suffix = text_field(&a.street_suffix, "street_suffix", "street suffix", 45);
    let post_directional = text_field(
        &a.post_directional,
        "post_directional",
        "post-directional",
        2,
    );
    let address_line2 = text_field(&a.address_line2, "address_line2", "address line 2", 200);
    let city = text_field(&a.city, "city", "city", 100);
    let county = text_field(&a.county, "county", "county", 45);

    let mut required = |value: Option<String>, code: u32, name: &str, flag: &str| {
        if value.is_none() {
            check.error(
                Some(code),
                &format!("subscriber.address.{name}"),
                format!("service address {} is required", name.replace('_', " ")),
                Some(format!("set `subscriber.address.{name}` or pass --{flag}")),
            );
        }
        value
    };
    let house_number = required(house_number, 7108, "house_number", "house-number");
    let street = required(street, 7109, "street", "street");
    let city = required(city, 7110, "city", "city");
    let state = required(
        present(&a.state).map(str::to_string),
        7111,
        "state",
        "state",
    );
    let zip = required(present(&a.zip).map(str::to_string), 7112, "zip", "zip");

    let state = state.and_then(|text| {
        let upper = text.to_ascii_uppercase();
        if STATE_CODES.contains(&upper.as_str()) {
            Some(upper)
        } else {
            check.error(
                Some(7395),
                "subscriber.address.state",
                format!("state code `{text}` is not a US state, DC or territory"),
                Some("use the two-letter postal code, e.g. NC".into()),
            );
            None
        }
    });
    let zip = zip.and_then(|text| {
        if is_zip(&text) {
            Some(text)
        } else {
            check.error(
                Some(7214),
                "subscriber.address.zip",
                format!("ZIP code `{text}` is not 5 digits or ZIP+4 (12345-6789)"),
                Some("use the service address's 5-digit ZIP code".into()),
            );
            None
        }
    });
    // A missing required part was reported above; its `?` here leaves the address out.
    Some(ServiceAddress {
        house_prefix,
        house_number: house_number?,
        house_suffix,
        pre_directional,
        street_name: street?,
        street_suffix,
        post_directional,
        address_line2,
        city: city?,
        state_code: state?,
        zip: zip?,
        county,
    })
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use crate::model::AddressDraft;

    type ClearField = fn(&mut AddressDraft);
    type SetField = fn(&mut AddressDraft, String);

    #[test]
    fn validate_address_missing_entirely_is_one_finding() {
        let mut draft = base();
        draft.subscriber.address = AddressDraft::default();
        only_error(&draft, 7107, "subscriber.address");
        draft.subscriber.address.city = some("  ");
        only_error(&draft, 7107, "subscriber.address");
    }

    #[test]
    fn validate_address_required_fields() {
        let cases: [(ClearField, u32, &str); 5] = [
            (
                |a| a.house_number = None,
                7108,
                "subscriber.address.house_number",
            ),
            (|a| a.street = None, 7109, "subscriber.address.street"),
            (|a| a.city = None, 7110, "subscriber.address.city"),
            (|a| a.state = None, 7111, "subscriber.address.state"),
            (|a| a.zip = None, 7112, "subscriber.address.zip"),
        ];
        for (mutate, code, field) in cases {
            let mut draft = base();
            mutate(&mut draft.subscriber.address);
            only_error(&draft, code, field);
        }
    }

    #[test]
    fn validate_address_field_lengths() {
        let cases: [(SetField, &str, usize); 10] = [
            (|a, v| a.house_number = Some(v), "house_number", 45),
            (|a, v| a.street = Some(v), "street", 200),
            (|a, v| a.city = Some(v), "city", 100),
            (|a, v| a.address_line2 = Some(v), "address_line2", 200),
            (|a, v| a.house_prefix = Some(v), "house_prefix", 6),
            (|a, v| a.house_suffix = Some(v), "house_suffix", 45),
            (|a, v| a.pre_directional = Some(v), "pre_directional", 2),
            (|a, v| a.street_suffix = Some(v), "street_suffix", 45),
            (|a, v| a.post_directional = Some(v), "post_directional", 2),
            (|a, v| a.county = Some(v), "county", 45),
        ];
        for (set, name, max) in cases {
            let mut ok = base();
            set(&mut ok.subscriber.address, "N".repeat(max));
            assert!(run(&ok).findings.is_empty(), "{name} at {max}");
            let mut long = base();
            set(&mut long.subscriber.address, "N".repeat(max + 1));
            only_error(&long, 17026, &format!("subscriber.address.{name}"));
        }
    }

    #[test]
    fn validate_state_and_zip_rules() {
        let mut draft = base();
        for good in ["PR", "dc", "GU"] {
            draft.subscriber.address.state = some(good);
            assert!(run(&draft).findings.is_empty(), "{good}");
        }
        for bad in ["XX", "N", "North Carolina"] {
            draft.subscriber.address.state = some(bad);
            only_error(&draft, 7395, "subscriber.address.state");
        }
        draft.subscriber.address.state = some("NC");
        draft.subscriber.address.zip = some("27601-1234");
        assert!(run(&draft).findings.is_empty());
        for bad in ["2760", "276011234", "27601-123", "2760a", "27601 1234"] {
            draft.subscriber.address.zip = some(bad);
            only_error(&draft, 7214, "subscriber.address.zip");
        }
    }
}
