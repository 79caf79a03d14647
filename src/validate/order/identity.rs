//! Who and what the order is: PON, customer order id, SPID, BTN and authorizing person.

use super::{Checker, char_len, present};
use crate::model::{OrderDraft, Pon, Tn};

pub(super) fn check_pon(check: &mut Checker, draft: &OrderDraft) -> Option<Pon> {
    let Some(text) = present(&draft.pon) else {
        check.error(
            Some(7120),
            "pon",
            "PON is required".to_string(),
            Some(
                "set `pon` in the order file or pass --pon (1–25 letters, digits, #, - or _)"
                    .into(),
            ),
        );
        return None;
    };
    match Pon::parse(text) {
        Ok(pon) => Some(pon),
        Err(e) => {
            check.error(
                Some(17004),
                "pon",
                e.to_string(),
                Some("use 1–25 letters, digits, #, - or _".into()),
            );
            None
        }
    }
}

pub(super) fn check_customer_order_id(check: &mut Checker, draft: &OrderDraft) -> Option<String> {
    let text = present(&draft.customer_order_id)?;
    let allowed = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-');
    let len = char_len(text);
    if !allowed || len > 40 {
        let why = if allowed {
            format!("is {len} characters long; at most 40 are allowed")
        } else {
            "contains characters other than letters, digits, spaces and dashes".to_string()
        };
        check.error(
            Some(7318),
            "customer_order_id",
            format!("customer order id `{text}` {why}"),
            Some("use at most 40 letters, digits, spaces or dashes, or leave it out".into()),
        );
        return None;
    }
    Some(text.to_string())
}

pub(super) fn check_spid(check: &mut Checker, draft: &OrderDraft) -> Option<String> {
    // Absent is fine: Bandwidth fills in the account's SPID.
    let text = present(&draft.spid)?;
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_alphanumeric()) {
        check.error(
            Some(17021),
            "spid",
            format!("SPID `{text}` is not 4 letters or digits"),
            Some("use the winning carrier's 4-character NPAC SPID, or leave it out to use the account's".into()),
        );
        return None;
    }
    Some(text.to_ascii_uppercase())
}

pub(super) fn check_btn(check: &mut Checker, draft: &OrderDraft) -> Option<Tn> {
    let text = present(&draft.btn)?;
    let hint = Some("give the 10-digit billing telephone number at the losing carrier".to_string());
    match Tn::parse(text) {
        Ok(tn) if tn.is_toll_free() => {
            check.error(
                Some(7203),
                "btn",
                format!(
                    "billing telephone number {} is toll-free; a BTN must be a geographic number",
                    tn.dashed()
                ),
                hint,
            );
            None
        }
        Ok(tn) => Some(tn),
        Err(e) => {
            check.error(
                Some(7203),
                "btn",
                format!("billing telephone number is invalid: {e}"),
                hint,
            );
            None
        }
    }
}

pub(super) fn check_authorizing_person(check: &mut Checker, draft: &OrderDraft) -> Option<String> {
    let field = "authorizing_person";
    let Some(text) = present(&draft.authorizing_person) else {
        check.error(
            Some(17023),
            field,
            "authorizing person is required".to_string(),
            Some("set `authorizing_person` in the order file or pass --auth-person".into()),
        );
        return None;
    };
    let len = char_len(text);
    if len > 100 {
        check.error(
            Some(17024),
            field,
            format!("authorizing person is {len} characters long; at most 100 are allowed"),
            Some("shorten the name".into()),
        );
        return None;
    }
    if !check.printable(field, "authorizing person", text) {
        return None;
    }
    Some(text.to_string())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::fixtures::*;

    #[test]
    fn validate_pon_rules() {
        let mut draft = base();
        draft.pon = None;
        only_error(&draft, 7120, "pon");
        draft.pon = some("   ");
        only_error(&draft, 7120, "pon");
        draft.pon = some("ABC 123");
        let f = only_error(&draft, 17004, "pon");
        assert!(f.message.contains("` `"), "{}", f.message);
        draft.pon = some(&"A".repeat(26));
        only_error(&draft, 17004, "pon");
    }

    #[test]
    fn validate_customer_order_id_rules() {
        let mut draft = base();
        draft.customer_order_id = some(&"a".repeat(40));
        assert!(run(&draft).findings.is_empty());
        draft.customer_order_id = some(&"a".repeat(41));
        only_error(&draft, 7318, "customer_order_id");
        draft.customer_order_id = some("acme_42");
        only_error(&draft, 7318, "customer_order_id");
    }

    #[test]
    fn validate_spid_rules() {
        let mut draft = base();
        draft.spid = None;
        assert!(run(&draft).findings.is_empty());
        draft.spid = some("ab1c");
        assert_eq!(run(&draft).order.unwrap().spid.as_deref(), Some("AB1C"));
        for bad in ["123", "12345", "12-4"] {
            draft.spid = some(bad);
            only_error(&draft, 17021, "spid");
        }
    }

    #[test]
    fn validate_btn_rules() {
        let mut draft = base();
        draft.btn = None;
        assert!(run(&draft).findings.is_empty());
        draft.btn = some("91972061");
        only_error(&draft, 7203, "btn");
        draft.btn = some("800-720-6100");
        let f = only_error(&draft, 7203, "btn");
        assert!(f.message.contains("toll-free"));
    }

    #[test]
    fn validate_authorizing_person_rules() {
        let mut draft = base();
        draft.authorizing_person = None;
        only_error(&draft, 17023, "authorizing_person");
        draft.authorizing_person = some(&"x".repeat(100));
        assert!(run(&draft).findings.is_empty());
        draft.authorizing_person = some(&"x".repeat(101));
        only_error(&draft, 17024, "authorizing_person");
    }
}
