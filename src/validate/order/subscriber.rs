//! The end user: subscriber type, the name fields each type needs, account number and PIN
//! (never echoed), and the service address through `address`.

use super::address::check_address;
use super::{Checker, char_len, present};
use crate::model::{OrderDraft, Pin, Subscriber, SubscriberType};

/// At most `max` ASCII letters or digits (how Bandwidth bounds the account number and PIN).
fn is_alphanumeric_up_to(text: &str, max: usize) -> bool {
    text.len() <= max && text.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// A name field with its limit: reports `code` when longer than `max`.
fn checked_name(
    check: &mut Checker,
    value: &Option<String>,
    field: &str,
    label: &str,
    max: usize,
    code: u32,
) -> Option<String> {
    let text = present(value)?;
    let len = char_len(text);
    if len > max {
        check.error(
            Some(code),
            field,
            format!("{label} `{text}` is {len} characters long; at most {max} are allowed"),
            Some(format!("shorten the {label} to {max} characters")),
        );
    }
    check.printable(field, label, text);
    Some(text.to_string())
}

pub(super) fn check_subscriber(check: &mut Checker, draft: &OrderDraft) -> Option<Subscriber> {
    let s = &draft.subscriber;
    let subscriber_type = match present(&s.subscriber_type) {
        // Bandwidth's default when the type is not given.
        None => Some(SubscriberType::Residential),
        Some(text) => {
            let parsed = SubscriberType::parse(text);
            if parsed.is_none() {
                check.error(
                    None,
                    "subscriber.type",
                    format!("subscriber type `{text}` is neither business nor residential"),
                    Some("use `business` or `residential`".into()),
                );
            }
            parsed
        }
    };
    let business_name = checked_name(
        check,
        &s.business_name,
        "subscriber.business_name",
        "business name",
        25,
        7324,
    );
    let first_name = checked_name(
        check,
        &s.first_name,
        "subscriber.first_name",
        "first name",
        25,
        7355,
    );
    let middle_initial = checked_name(
        check,
        &s.middle_initial,
        "subscriber.middle_initial",
        "middle initial",
        1,
        7354,
    );
    let last_name = checked_name(
        check,
        &s.last_name,
        "subscriber.last_name",
        "last name",
        25,
        7356,
    );
    match subscriber_type {
        Some(SubscriberType::Business) => {
            if business_name.is_none() {
                check.error(
                    Some(17010),
                    "subscriber.business_name",
                    "a business subscriber needs a business name".to_string(),
                    Some("set `subscriber.business_name` or pass --business-name".into()),
                );
            }
            if last_name.is_some() {
                check.error(
                    Some(17011),
                    "subscriber.last_name",
                    "a business subscriber must not have a last name".to_string(),
                    Some("remove the last name, or make the subscriber residential".into()),
                );
            }
        }
        Some(SubscriberType::Residential) if last_name.is_none() => {
            check.error(
                Some(17012),
                "subscriber.last_name",
                "a residential subscriber needs a last name".to_string(),
                Some("set `subscriber.last_name` or pass --last-name; for a company use `type = \"business\"` and a business name".into()),
            );
        }
        _ => {}
    }
    // The account number and PIN are the end user's secrets at the losing carrier: never echoed.
    let account_number = present(&s.account_number).map(str::to_string);
    if let Some(text) = &account_number
        && !is_alphanumeric_up_to(text, 32)
    {
        check.error(
            Some(17006),
            "subscriber.account_number",
            "account number must be 1–32 letters or digits".to_string(),
            Some("remove spaces, dashes and other punctuation from the account number".into()),
        );
    }
    let pin = s
        .pin
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(Pin::from);
    if let Some(text) = &pin
        && !is_alphanumeric_up_to(text, 10)
    {
        check.error(
            Some(17007),
            "subscriber.pin",
            "PIN must be 1–10 letters or digits".to_string(),
            Some("check the port-out PIN with the end user".into()),
        );
    }
    let service_address = check_address(check, draft)?;
    Some(Subscriber {
        subscriber_type: subscriber_type?,
        business_name,
        first_name,
        middle_initial,
        last_name,
        account_number,
        pin,
        service_address,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::fixtures::*;
    use crate::model::SubscriberType;

    #[test]
    fn validate_subscriber_type_rules() {
        let mut draft = base();
        draft.subscriber.subscriber_type = some("corporate");
        let report = run(&draft);
        assert_eq!(codes(&report), vec![None]);
        assert_eq!(report.findings[0].field, "subscriber.type");
        assert!(!report.ok());

        // Absent means RESIDENTIAL, which needs a last name.
        draft.subscriber.subscriber_type = None;
        only_error(&draft, 17012, "subscriber.last_name");
        draft.subscriber.last_name = some("Doe");
        let order = run(&draft).order.unwrap();
        assert_eq!(
            order.subscriber.subscriber_type,
            SubscriberType::Residential
        );
    }

    #[test]
    fn validate_business_name_rules() {
        let mut draft = base();
        draft.subscriber.business_name = None;
        only_error(&draft, 17010, "subscriber.business_name");
        draft.subscriber.business_name = some(&"B".repeat(25));
        assert!(run(&draft).findings.is_empty());
        draft.subscriber.business_name = some(&"B".repeat(26));
        only_error(&draft, 7324, "subscriber.business_name");
        draft.subscriber.business_name = some("Acme");
        draft.subscriber.last_name = some("Doe");
        only_error(&draft, 17011, "subscriber.last_name");
    }

    #[test]
    fn validate_person_name_lengths() {
        let mut draft = base();
        draft.subscriber.subscriber_type = some("RESIDENTIAL");
        draft.subscriber.last_name = some("Doe");
        draft.subscriber.first_name = some("Jane");
        draft.subscriber.middle_initial = some("Q");
        assert!(run(&draft).findings.is_empty());
        let mut m = draft.clone();
        m.subscriber.middle_initial = some("QR");
        only_error(&m, 7354, "subscriber.middle_initial");
        let mut f = draft.clone();
        f.subscriber.first_name = some(&"é".repeat(26));
        only_error(&f, 7355, "subscriber.first_name");
        f.subscriber.first_name = some(&"é".repeat(25));
        assert!(run(&f).findings.is_empty(), "limits count characters");
        let mut l = draft.clone();
        l.subscriber.last_name = some(&"L".repeat(26));
        only_error(&l, 7356, "subscriber.last_name");
    }

    #[test]
    fn validate_account_number_and_pin_rules_never_echo_secrets() {
        let mut draft = base();
        draft.subscriber.account_number = some(&"1".repeat(32));
        draft.subscriber.pin = some(&"9".repeat(10)).map(Into::into);
        assert!(run(&draft).findings.is_empty());
        draft.subscriber.account_number = some("ACCT-SECRET");
        let f = only_error(&draft, 17006, "subscriber.account_number");
        assert!(!f.message.contains("SECRET"));
        draft.subscriber.account_number = some(&"1".repeat(33));
        only_error(&draft, 17006, "subscriber.account_number");
        draft.subscriber.account_number = None;
        draft.subscriber.pin = some("12 34XYZW").map(Into::into);
        let f = only_error(&draft, 17007, "subscriber.pin");
        assert!(!f.message.contains("34XYZW"));
        draft.subscriber.pin = some(&"9".repeat(11)).map(Into::into);
        only_error(&draft, 17007, "subscriber.pin");
    }
}
