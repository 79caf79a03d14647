//! The sandbox says what Bandwidth says: every error it emits carries Bandwidth's description
//! for that code (the catalog's `bandwidth_text`, from Bandwidth's errors table,
//! Bandwidth/api-docs `site/docs/numbers/errors.mdx`; for 17008's pending FOC, the FAQ's text),
//! placeholders filled from the request. lsr's own explanations stay in lsr.

use super::super::order::OrderError;
use super::{code_text, code_text_with};
use crate::model::{OrderDraft, Tn};
use crate::validate::{Finding, MAX_TNS_PER_ORDER, codes};

/// Every Bandwidth code the sandbox can emit (the table test checks each one's text).
pub const EMITTED_CODES: &[u32] = &[
    // POST/PUT validation (`lsr validate`'s rules).
    5095, 7104, 7105, 7107, 7108, 7109, 7110, 7111, 7112, 7120, 7203, 7208, 7214, 7318, 7324, 7354,
    7355, 7356, 7395, 17000, 17002, 17003, 17004, 17005, 17006, 17007, 17009, 17010, 17011, 17012,
    17013, 17019, 17020, 17021, 17023, 17024, 17026,
    // Supps and cancels, unknown orders.
    5035, 17014, 17015, 17025, // Processing: the TN-line table, the FOC window, R4.
    7512, 7513, 7516, 7517, 7518, 7521, 17008, 17036, // Notes.
    12501,
];

/// The address fields' elements and Bandwidth's limits (17026 names them).
const ADDRESS_LIMITS: [(&str, &str, usize); 11] = [
    ("house_prefix", "HousePrefix", 6),
    ("house_number", "HouseNumber", 45),
    ("house_suffix", "HouseSuffix", 45),
    ("pre_directional", "PreDirectional", 2),
    ("street", "StreetName", 200),
    ("street_suffix", "StreetSuffix", 45),
    ("post_directional", "PostDirectional", 2),
    ("address_line2", "AddressLine2", 200),
    ("city", "City", 100),
    ("county", "County", 45),
    ("state", "StateCode", 2),
];

/// The list position a finding's field names (`tns[3]`).
fn tn_position(field: &str) -> Option<usize> {
    field
        .strip_prefix("tns[")
        .and_then(|rest| rest.strip_suffix(']'))
        .and_then(|i| i.parse().ok())
}

/// `[a, b]`, as Bandwidth lists values in a description.
fn bracketed(values: &[String]) -> String {
    format!("[{}]", values.join(", "))
}

/// The POST/PUT validation errors of a draft in Bandwidth's words: one error per code (in the
/// order the codes first occur), its text from Bandwidth's table with the placeholders filled
/// (the invalid and duplicate TNs, the state, the SPID, the address field and its limit …).
/// A finding without a Bandwidth code keeps lsr's message under the HTTP status 400.
pub fn bandwidth_errors(findings: &[&Finding], draft: &OrderDraft) -> Vec<OrderError> {
    let mut errors: Vec<OrderError> = Vec::new();
    let mut seen: Vec<u32> = Vec::new();
    for finding in findings {
        let Some(code) = finding.code else {
            errors.push(OrderError {
                code: 400,
                description: finding.message.clone(),
            });
            continue;
        };
        if code == 17026 {
            // One error per field that is too long, as each names its field.
            errors.push(address_too_long(&finding.field));
            continue;
        }
        if seen.contains(&code) {
            continue;
        }
        seen.push(code);
        let of_code: Vec<&&Finding> = findings.iter().filter(|f| f.code == Some(code)).collect();
        let description = match code {
            17002 => {
                let invalid: Vec<String> = of_code
                    .iter()
                    .filter_map(|f| tn_position(&f.field))
                    .filter_map(|i| draft.tns.get(i).map(|t| t.trim().to_string()))
                    .collect();
                code_text_with(code, &[&bracketed(&invalid)])
            }
            17009 => code_text_with(code, &[&bracketed(&duplicates(draft))]),
            5095 => code_text_with(code, &[&MAX_TNS_PER_ORDER.to_string()]),
            7395 => code_text_with(
                code,
                &[draft
                    .subscriber
                    .address
                    .state
                    .as_deref()
                    .unwrap_or_default()
                    .trim()],
            ),
            17021 => code_text_with(code, &[draft.spid.as_deref().unwrap_or_default().trim()]),
            17024 => code_text_with(code, &["100"]),
            _ => code_text(code).to_string(),
        };
        errors.push(OrderError { code, description });
    }
    errors
}

fn address_too_long(field: &str) -> OrderError {
    let name = field.rsplit('.').next().unwrap_or(field);
    let (element, limit) = ADDRESS_LIMITS
        .iter()
        .find(|(f, _, _)| *f == name)
        .map_or((name, 0), |(_, e, l)| (*e, *l));
    OrderError {
        code: 17026,
        description: code_text_with(17026, &[element, &limit.to_string()]),
    }
}

/// Every occurrence of a TN the list holds more than once, as sent (Bandwidth's 400 example
/// lists `[9192381468, 9192381468]`).
fn duplicates(draft: &OrderDraft) -> Vec<String> {
    let parsed: Vec<Option<Tn>> = draft.tns.iter().map(|t| Tn::parse(t).ok()).collect();
    draft
        .tns
        .iter()
        .zip(&parsed)
        .filter(|(_, tn)| {
            tn.is_some_and(|tn| parsed.iter().filter(|p| **p == Some(tn)).count() > 1)
        })
        .map(|(text, _)| text.trim().to_string())
        .collect()
}

/// 17020 when the order names a SPID other than its account's (Bandwidth's PUT example).
pub fn spid_mismatch(sent: Option<&str>, account_spid: Option<&str>) -> Option<OrderError> {
    let sent = sent.map(str::trim).filter(|s| !s.is_empty())?;
    let account = account_spid?;
    (!sent.eq_ignore_ascii_case(account)).then(|| OrderError {
        code: 17020,
        description: code_text_with(17020, &[account, sent]),
    })
}

/// True when `text` is one of Bandwidth's documented texts for `code` (its table's, or another
/// the catalog records), placeholders as wildcards.
pub fn is_documented_text(code: u32, text: &str) -> bool {
    let Some(entry) = codes::by_code(code) else {
        return false;
    };
    entry
        .bandwidth_text
        .into_iter()
        .chain(entry.own_text)
        .chain(entry.other_texts.iter().filter_map(|t| t.pattern))
        .any(|pattern| codes::text_matches(pattern, text))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::tests::{NOON, day, received, valid_draft};
    use super::super::{accept_new_order, decide, line_behaviour, update};
    use super::*;
    use crate::model::OrderStatus;
    use crate::sandbox::order::OrderUpdate;
    use crate::validate::BusinessCalendar;

    /// Bandwidth's descriptions, copied from its errors table (Bandwidth/api-docs
    /// `site/docs/numbers/errors.mdx`, "Porting Numbers Out"), placeholders as published; 17008's
    /// pending-FOC text is the FAQ's (R4). An independent copy: the sandbox's texts come from
    /// the catalog, and this table checks both.
    const BANDWIDTH: &[(u32, &str)] = &[
        (5035, "%s order %s not found."),
        (
            5095,
            "The count of telephone numbers in order exceeds the maximum size of %d",
        ),
        (7104, "Subscriber information is required"),
        (7105, "The subscriber name is required"),
        (7107, "The service address is required"),
        (7108, "The service address house number is required"),
        (7109, "The service address street name is required"),
        (7110, "The service address city is required"),
        (7111, "The service address state code is required"),
        (7112, "The service address zip code is required"),
        (7120, "The PON is required"),
        (7203, "The billing telephone number (BTN) is invalid"),
        (7208, "The requested FOC date cannot be in the past"),
        (7214, "ZIP code is invalid"),
        (
            7318,
            "Customer order ID is invalid. Only alphanumeric values, dashes and spaces are allowed. Max length is 40 characters.",
        ),
        (
            7324,
            "The business name is too long. The business name should not be longer than 25 characters.",
        ),
        (
            7354,
            "Middle initial is too long. Middle initial should not be longer than 1 character.",
        ),
        (
            7355,
            "First name is too long. First name should not be longer than 25 characters.",
        ),
        (
            7356,
            "Last name is too long. Last name should not be longer than 25 characters.",
        ),
        (7395, "Unsupported state code %s."),
        (7512, "Required PIN missing"),
        (7513, "PIN Invalid"),
        (
            7516,
            "Telephone Number not recognized or invalid for this account",
        ),
        (7517, "Too many Telephone numbers in this request"),
        (7518, "Telephone Number Not Active"),
        (
            7521,
            "The TN you are requesting to port could require manual handling. An LNP agent will manually update your LSR order within 24 hours. If you have not received an updated response in your order, please email us at portouts@bandwidth.com for more information.",
        ),
        (12501, "Username is required"),
        (17000, "Lsr submission order payload required."),
        (17002, "Order contains invalid tns: %s."),
        (17003, "Order contains empty TN list (or it's not present)."),
        (
            17004,
            "Incorrect pon specified. It must be up to 25 character long and could not contain special characters other than -_#",
        ),
        (
            17005,
            "Toll-free telephone numbers can not be present in the LSR order.",
        ),
        (
            17006,
            "Account number is incorrect. It should be alphanumeric and no more than 32 characters long.",
        ),
        (
            17007,
            "Pin number is incorrect. It should be alphanumeric and no more than 10 characters long.",
        ),
        (
            17008,
            "TNs found with a pending FOC Date: TN: [%s], PON: [%s], FOC Date: [%s]",
        ),
        (17009, "Lsr order contain duplicate telephone numbers: %s"),
        (
            17010,
            "Business name is required for business SubscriberType.",
        ),
        (
            17011,
            "Last name should be empty for business SubscriberType.",
        ),
        (
            17012,
            "Last name is required for residential SubscriberType.",
        ),
        (
            17013,
            "Requested date format incorrect. Date should be in yyyy-mm-dd format. (example: 2015-03-24).",
        ),
        (17014, "Lsr %s not found."),
        (17015, "Lsr order is in unmodifiable state."),
        (17019, "Requested FOC date cannot be on holiday or weekend."),
        (
            17020,
            "Account SPID [%s] does not match with SPID specified in the Lsr order [%s].",
        ),
        (
            17021,
            "Incorrect SPID [%s] specified in the order. It should be alphanumeric and no more than 4 characters long.",
        ),
        (
            17023,
            "The authorizing person contact is required for lsr orders.",
        ),
        (
            17024,
            "The authorizing person contact is too long. It should be not longer than %s characters.",
        ),
        (17025, "%s field%s cannot be modified."),
        (
            17025,
            "OrderStatus cannot be changed to %s. Only cancelled value allowed.",
        ),
        (
            17026,
            "Address field [%s] is incorrect. It should be no more than %s characters long.",
        ),
        (
            17036,
            "LSR order completion failed, all numbers are not activated.",
        ),
    ];

    /// Bandwidth's texts for a code, the catalog's own first.
    fn bandwidth(code: u32) -> Vec<&'static str> {
        let texts: Vec<&str> = BANDWIDTH
            .iter()
            .filter(|(c, _)| *c == code)
            .map(|(_, t)| *t)
            .collect();
        assert!(
            !texts.is_empty(),
            "code {code} has no Bandwidth text in the table"
        );
        texts
    }

    fn cal() -> BusinessCalendar {
        BusinessCalendar::us_npac()
    }

    /// Every error the sandbox emits for these drafts, supps and TN lines.
    fn emitted() -> Vec<OrderError> {
        let today = day(11, 30);
        let mut all = Vec::new();
        let mut post = |edit: &dyn Fn(&mut OrderDraft)| {
            let mut draft = valid_draft(&["0100"]);
            edit(&mut draft);
            if let Err(errors) = accept_new_order(&draft, today, &cal()) {
                all.extend(errors);
            }
        };
        post(&|d| *d = OrderDraft::default());
        post(&|d| d.pon = None);
        post(&|d| d.pon = Some("BAD PON!".into()));
        post(&|d| d.customer_order_id = Some("bad$".into()));
        post(&|d| d.spid = Some("TOOLONG".into()));
        post(&|d| d.btn = Some("123".into()));
        post(&|d| d.authorizing_person = None);
        post(&|d| d.authorizing_person = Some("x".repeat(101)));
        post(&|d| d.requested_foc_date = Some("2026-11-02".into()));
        post(&|d| d.requested_foc_date = Some("2026-12-05".into()));
        post(&|d| d.requested_foc_date = Some("15/15/2026".into()));
        post(&|d| d.tns = vec!["123".into(), "8005550100".into()]);
        post(&|d| d.tns = vec!["9195550100".into(), "919-555-0100".into()]);
        post(&|d| d.tns.clear());
        post(&|d| d.tns = (0..1000).map(|i| format!("91955{:05}", i)).collect());
        post(&|d| d.subscriber.address.state = Some("XX".into()));
        post(&|d| d.subscriber.address.zip = Some("1".into()));
        post(&|d| d.subscriber.address.city = Some("C".repeat(101)));
        post(&|d| d.subscriber.business_name = None);
        post(&|d| d.subscriber.business_name = Some("B".repeat(26)));
        post(&|d| d.subscriber.last_name = Some("Doe".into()));
        post(&|d| d.subscriber.account_number = Some("bad account!".into()));
        post(&|d| d.subscriber.pin = Some("bad pin!".into()));
        post(&|d| {
            d.subscriber.subscriber_type = Some("residential".into());
            d.subscriber.business_name = None;
        });
        all.extend(spid_mismatch(Some("123C"), Some("991A")));
        let supp = |order_status: Option<&str>, edit: &dyn Fn(&mut OrderDraft)| {
            let mut draft = OrderDraft::default();
            edit(&mut draft);
            OrderUpdate {
                draft,
                order_status: order_status.map(str::to_string),
            }
        };
        let mut done = received(&["0100"]);
        done.status = OrderStatus::Failed;
        for (order, request) in [
            (done, supp(Some("CANCELLED"), &|_| {})),
            (
                received(&["0100"]),
                supp(None, &|d| d.pon = Some("NEW".into())),
            ),
            (received(&["0100"]), supp(Some("FOC"), &|_| {})),
        ] {
            all.extend(update(order, &request, "u", NOON, &cal()).unwrap_err());
        }
        for lines in [
            &["5001"][..],
            &["9001"],
            &["3001"],
            &["1001", "0100"],
            &["4001"],
        ] {
            let tns: Vec<_> = lines
                .iter()
                .map(|l| {
                    let t = Tn::parse(&format!("919555{l}")).unwrap();
                    (t, line_behaviour(t))
                })
                .collect();
            match decide(
                &tns,
                &super::super::PinCheck::Missing,
                &[],
                None,
                today,
                &cal(),
            ) {
                super::super::Decision::Failed { code, description }
                | super::super::Decision::Cancelled { code, description }
                | super::super::Decision::Exception { code, description } => {
                    all.push(OrderError { code, description })
                }
                _ => {}
            }
        }
        let wrong_pin = [(
            Tn::parse("9195554001").unwrap(),
            line_behaviour(Tn::parse("9195554001").unwrap()),
        )];
        if let super::super::Decision::Exception { code, description } = decide(
            &wrong_pin,
            &super::super::PinCheck::Given {
                matched: Vec::new(),
            },
            &[],
            None,
            today,
            &cal(),
        ) {
            all.push(OrderError { code, description });
        }
        for (code, values) in [
            (5035, &["lsr", "x"][..]),
            (17014, &["x"]),
            (12501, &[]),
            (7521, &[]),
            (17036, &[]),
        ] {
            all.push(OrderError {
                code,
                description: code_text_with(code, values),
            });
        }
        all
    }

    #[test]
    fn sandbox_error_texts_are_bandwidths_for_every_code_it_emits() {
        // The catalog the sandbox draws on holds Bandwidth's text for every code it emits.
        for code in EMITTED_CODES {
            let documented = codes::by_code(*code).unwrap();
            let expected = bandwidth(*code)[0];
            let own = if *code == 17008 {
                documented.own_text
            } else {
                documented.bandwidth_text
            };
            assert_eq!(own, Some(expected), "code {code}");
        }
        // Every text the sandbox emits reads as Bandwidth's for its code, placeholders filled.
        let emitted = emitted();
        for error in &emitted {
            if error.code == 400 {
                continue;
            }
            assert!(
                EMITTED_CODES.contains(&error.code),
                "{error:?} is not listed"
            );
            assert!(
                bandwidth(error.code)
                    .iter()
                    .any(|t| codes::text_matches(t, &error.description)),
                "{} {:?} is not Bandwidth's {:?}",
                error.code,
                error.description,
                bandwidth(error.code)
            );
            assert!(!error.description.contains("%s"), "{error:?}");
        }
        // And every listed code was emitted by one of the scenarios.
        let missing: Vec<u32> = EMITTED_CODES
            .iter()
            .copied()
            .filter(|c| !emitted.iter().any(|e| e.code == *c))
            .collect();
        assert!(
            missing.iter().all(|c| [
                7104, 7105, 7107, 7108, 7109, 7110, 7111, 7112, 7354, 7355, 7356
            ]
            .contains(c)),
            "never emitted: {missing:?}"
        );
    }

    #[test]
    fn sandbox_placeholders_are_filled_from_the_request() {
        let mut draft = valid_draft(&["0100"]);
        draft.tns = vec![
            "9192381468".into(),
            "9192381468".into(),
            "8882381468".into(),
        ];
        let errors = accept_new_order(&draft, day(11, 30), &cal()).unwrap_err();
        let text = |code: u32| {
            errors
                .iter()
                .find(|e| e.code == code)
                .map(|e| e.description.clone())
                .unwrap_or_default()
        };
        // The wording of Bandwidth's own 400 example.
        assert_eq!(
            text(17009),
            "Lsr order contain duplicate telephone numbers: [9192381468, 9192381468]"
        );
        assert_eq!(
            spid_mismatch(Some("123C"), Some("1234"))
                .unwrap()
                .description,
            "Account SPID [1234] does not match with SPID specified in the Lsr order [123C]."
        );
        assert_eq!(spid_mismatch(Some("991a"), Some("991A")), None);
        let mut long = valid_draft(&["0100"]);
        long.subscriber.address.city = Some("C".repeat(101));
        let errors = accept_new_order(&long, day(11, 30), &cal()).unwrap_err();
        assert_eq!(
            errors[0].description,
            "Address field [City] is incorrect. It should be no more than 100 characters long."
        );
        assert!(!is_documented_text(
            17008,
            "FOC date cannot fall on a holiday"
        ));
        assert!(is_documented_text(
            17025,
            "OrderStatus cannot be changed to FOC. Only cancelled value allowed."
        ));
    }
}
