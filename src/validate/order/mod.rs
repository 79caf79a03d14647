//! The whole-order validator: every rule over an `OrderDraft`, all findings at once, with
//! Bandwidth's POST-validation codes (reference section 7) where one exists. This file runs the
//! rules field by field and holds the `Checker` they report to; each part of the order has its
//! own file.

mod address;
mod dates;
#[cfg(test)]
mod fixtures;
mod identity;
mod subscriber;
mod tns;

use super::{Finding, Report, Severity, ValidationContext};
use crate::model::{LsrOrder, OrderDraft};

pub use dates::{DateError, parse_requested_date};
pub use tns::MAX_TNS_PER_ORDER;

/// Checks a whole order and returns every finding; `order` is set only when none is an error.
pub fn validate_order(draft: &OrderDraft, ctx: &ValidationContext<'_>) -> Report {
    let mut check = Checker::default();
    let pon = identity::check_pon(&mut check, draft);
    let customer_order_id = identity::check_customer_order_id(&mut check, draft);
    let requested_foc_date = dates::check_requested_date(&mut check, draft, ctx);
    let spid = identity::check_spid(&mut check, draft);
    let btn = identity::check_btn(&mut check, draft);
    let authorizing_person = identity::check_authorizing_person(&mut check, draft);
    let subscriber = subscriber::check_subscriber(&mut check, draft);
    let tns = tns::check_tns(&mut check, draft, ctx);

    let findings = check.findings;
    let has_error = findings.iter().any(|f| f.severity == Severity::Error);
    let order = match (has_error, pon, authorizing_person, subscriber) {
        (false, Some(pon), Some(authorizing_person), Some(subscriber)) => Some(LsrOrder {
            pon,
            customer_order_id,
            spid,
            btn,
            requested_foc_date,
            authorizing_person,
            subscriber,
            tns,
        }),
        _ => None,
    };
    Report { findings, order }
}

/// Collects findings in the order of the fields of the order file.
#[derive(Default)]
struct Checker {
    findings: Vec<Finding>,
}

impl Checker {
    fn error(&mut self, code: Option<u32>, field: &str, message: String, hint: Option<String>) {
        self.push(Severity::Error, code, field, message, hint);
    }

    fn warning(&mut self, code: Option<u32>, field: &str, message: String, hint: Option<String>) {
        self.push(Severity::Warning, code, field, message, hint);
    }

    fn push(
        &mut self,
        severity: Severity,
        code: Option<u32>,
        field: &str,
        message: String,
        hint: Option<String>,
    ) {
        self.findings.push(Finding {
            code,
            severity,
            field: field.to_string(),
            message,
            hint,
        });
    }

    /// Reports a free-text field holding a character it cannot carry (found by fuzzing: such
    /// an order passed validation and then failed to encode). Returns whether it was clean.
    fn printable(&mut self, field: &str, label: &str, text: &str) -> bool {
        let Some(found) = unsendable_char(text) else {
            return true;
        };
        self.error(
            None,
            field,
            format!(
                "{label} contains the control character U+{:04X}, which cannot be sent",
                u32::from(found)
            ),
            Some(format!("retype the {label} without it")),
        );
        false
    }
}

/// The trimmed text of a field; blank counts as absent.
fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Length in characters (Bandwidth's limits count characters, not bytes).
fn char_len(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// The first character of a free-text field that has no place in it: a control character
/// (a name or address never holds one; some, like U+0000, XML 1.0 cannot even carry, so the
/// order could not be sent) or one of the noncharacters U+FFFE and U+FFFF, which XML refuses too.
fn unsendable_char(text: &str) -> Option<char> {
    text.chars()
        .find(|c| c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::fixtures::*;
    use crate::model::SubscriberType;

    type SetDraftField = fn(&mut OrderDraft, String);

    proptest::proptest! {
        #[test]
        fn validate_never_panics_on_any_text(
            fields in proptest::collection::vec(proptest::option::of(".{0,30}"), 12),
            tns in proptest::collection::vec(".{0,20}", 0..5),
        ) {
            let f = |i: usize| fields[i].clone();
            let draft = OrderDraft {
                pon: f(0),
                customer_order_id: f(1),
                requested_foc_date: f(2),
                spid: f(3),
                btn: f(4),
                authorizing_person: f(5),
                subscriber: SubscriberDraft {
                    subscriber_type: f(6),
                    last_name: f(7),
                    pin: f(8).map(Into::into),
                    address: AddressDraft {
                        state: f(9),
                        zip: f(10),
                        city: f(11),
                        ..AddressDraft::default()
                    },
                    ..SubscriberDraft::default()
                },
                tns,
            };
            let report = run(&draft);
            proptest::prop_assert_eq!(report.ok(), report.order.is_some());
        }
    }

    #[test]
    fn validate_accepts_the_base_order() {
        let report = run(&base());
        assert!(report.findings.is_empty(), "{:#?}", report.findings);
        let order = report.order.unwrap();
        assert_eq!(order.pon.as_str(), "ACME-0001");
        assert_eq!(order.tns.len(), 2);
        assert_eq!(order.tns[1].digits(), "9197206101");
        assert_eq!(order.requested_foc_date, Some(d("2026-12-07")));
        assert_eq!(order.subscriber.subscriber_type, SubscriberType::Business);
        assert_eq!(order.subscriber.service_address.state_code, "NC");
        assert_eq!(order.btn.unwrap().digits(), "9197206100");
    }

    #[test]
    fn validate_trims_and_treats_blank_as_absent() {
        let mut draft = base();
        draft.pon = some("  ACME-0001 ");
        draft.spid = some("  ");
        draft.customer_order_id = some("");
        draft.subscriber.address.state = some(" nc ");
        draft.subscriber.address.address_line2 = some("   ");
        let order = run(&draft).order.unwrap();
        assert_eq!(order.pon.as_str(), "ACME-0001");
        assert_eq!(order.spid, None);
        assert_eq!(order.customer_order_id, None);
        assert_eq!(order.subscriber.service_address.state_code, "NC");
        assert_eq!(order.subscriber.service_address.address_line2, None);
    }

    #[test]
    fn validate_reports_everything_at_once() {
        let mut draft = base();
        draft.pon = None;
        draft.authorizing_person = None;
        draft.subscriber.address.zip = some("2760");
        draft.tns.push("123".into());
        let report = run(&draft);
        assert_eq!(
            codes(&report),
            vec![Some(7120), Some(17023), Some(7214), Some(17002)]
        );
    }

    /// Found by `fuzz/fuzz_targets/validate_order.rs` (crash-29a9565f…): a pre-directional of
    /// two U+0000 characters passed validation, and the order then failed to encode as XML.
    #[test]
    fn validate_refuses_control_characters_xml_cannot_send() {
        let mut crashing = base();
        crashing.subscriber.address.pre_directional = some("\0\0");
        let report = run(&crashing);
        assert!(report.order.is_none());
        let f = &report.findings[..];
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(
            (f[0].severity, f[0].field.as_str()),
            (Severity::Error, "subscriber.address.pre_directional")
        );
        assert!(f[0].message.contains("U+0000"), "{}", f[0].message);

        let cases: [(SetDraftField, &str); 5] = [
            (|d, v| d.authorizing_person = Some(v), "authorizing_person"),
            (
                |d, v| d.subscriber.business_name = Some(v),
                "subscriber.business_name",
            ),
            (
                |d, v| d.subscriber.address.street = Some(v),
                "subscriber.address.street",
            ),
            (
                |d, v| d.subscriber.address.city = Some(v),
                "subscriber.address.city",
            ),
            (
                |d, v| d.subscriber.address.county = Some(v),
                "subscriber.address.county",
            ),
        ];
        for (set, field) in cases {
            for bad in ["A\u{1b}[31mB", "A\u{7}", "A\u{FFFF}", "A\tB"] {
                let mut draft = base();
                set(&mut draft, bad.to_string());
                let report = run(&draft);
                let fields: Vec<&str> = report.errors().map(|f| f.field.as_str()).collect();
                assert_eq!(fields, [field], "{bad:?}");
            }
        }
        // What passes can be sent: `session::submit`'s
        // `submit_request_body_of_what_passes_is_writable_xml` writes it.
    }
}
