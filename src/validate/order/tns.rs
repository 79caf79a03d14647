//! The telephone numbers: each TN (17002, toll-free 17005, 555 and non-geographic warnings), the
//! list (none 17003, more than 999 5095, duplicates 17009) and what outside knowledge adds
//! (pending FOC 17008, learned 7517 and 7521).

use std::collections::{HashMap, HashSet};

use super::Checker;
use crate::model::{OrderDraft, Tn, TnError};
use crate::validate::ValidationContext;

/// At most this many TNs per LSR (R7, code 5095).
pub const MAX_TNS_PER_ORDER: usize = 999;

/// The per-TN rules, the list rules (17003, 5095, 17009) and the outside hooks (17008, 7517,
/// 7521). Linear in the number of TNs: one parse each, one hash map for duplicates.
pub(super) fn check_tns(
    check: &mut Checker,
    draft: &OrderDraft,
    ctx: &ValidationContext<'_>,
) -> Vec<Tn> {
    let start = check.findings.len();
    let tns = check_tn_entries(check, draft, ctx);
    // Findings on the list come first, then by position, as a reader goes down the list.
    check.findings[start..].sort_by_key(|f| tn_position(&f.field).map_or(0, |i| i + 1));
    tns
}

/// The field of the TN at position `i` of the list: `tns[3]`.
fn tn_field(i: usize) -> String {
    format!("tns[{i}]")
}

/// The list position a field names, when it names one TN (`tns[3]` is 3; `tns` is none).
fn tn_position(field: &str) -> Option<usize> {
    field
        .strip_prefix("tns[")
        .and_then(|rest| rest.strip_suffix(']'))
        .and_then(|i| i.parse().ok())
}

fn check_tn_entries(
    check: &mut Checker,
    draft: &OrderDraft,
    ctx: &ValidationContext<'_>,
) -> Vec<Tn> {
    let entries = &draft.tns;
    if entries.is_empty() {
        check.error(
            Some(17003),
            "tns",
            "the order has no telephone numbers".to_string(),
            Some("add `tns = [...]` to the order file, or pass --tn or --tn-file".into()),
        );
        return Vec::new();
    }
    if entries.len() > MAX_TNS_PER_ORDER {
        check.error(
            Some(5095),
            "tns",
            format!(
                "the order has {} telephone numbers; an LSR takes at most {MAX_TNS_PER_ORDER} (R7)",
                entries.len()
            ),
            Some("split it into orders of at most 999 TNs (`lsr submit --split 999`), or for a project port email Bandwidth with the subject \"Project Port Out\" (`lsr email project-port-out` drafts it)".into()),
        );
    }

    let mut tns = Vec::with_capacity(entries.len());
    // TN -> index in `tns` and the positions in the list where it appears.
    let mut first_seen: HashMap<Tn, usize> = HashMap::with_capacity(entries.len());
    let mut duplicates: Vec<(Tn, Vec<usize>)> = Vec::new();
    let mut duplicate_of: HashMap<Tn, usize> = HashMap::new();
    // The list position of each entry of `tns`, for findings on valid TNs.
    let mut positions = Vec::with_capacity(entries.len());

    for (i, text) in entries.iter().enumerate() {
        let tn = match Tn::parse(text) {
            Ok(tn) => tn,
            Err(e) => {
                check.error(
                    Some(17002),
                    &tn_field(i),
                    e.to_string(),
                    Some(tn_error_hint(&e).to_string()),
                );
                continue;
            }
        };
        if let Some(&first) = first_seen.get(&tn) {
            match duplicate_of.get(&tn) {
                Some(&slot) => duplicates[slot].1.push(i),
                None => {
                    duplicate_of.insert(tn, duplicates.len());
                    duplicates.push((tn, vec![positions[first], i]));
                }
            }
            continue;
        }
        first_seen.insert(tn, tns.len());
        tns.push(tn);
        positions.push(i);
        let field = || tn_field(i);
        if tn.is_toll_free() {
            check.error(
                Some(17005),
                &field(),
                format!(
                    "telephone number {} is toll-free; toll-free numbers do not port by LSR",
                    tn.dashed()
                ),
                Some("remove it; toll-free numbers move through their RespOrg".into()),
            );
            continue;
        }
        if tn.is_non_geographic() {
            check.warning(
                None,
                &field(),
                format!(
                    "telephone number {} is in non-geographic area code {}; such numbers rarely port by LSR",
                    tn.dashed(),
                    tn.npa()
                ),
                Some("check that this number really belongs to the end user".into()),
            );
        }
        if tn.is_555() {
            check.warning(
                None,
                &field(),
                format!(
                    "telephone number {} is in the 555 exchange, which is mostly fictional or special service",
                    tn.dashed()
                ),
                Some("check the number with the end user".into()),
            );
        }
    }

    for (tn, at) in &duplicates {
        let list = at
            .iter()
            .map(|&i| tn_field(i))
            .collect::<Vec<_>>()
            .join(", ");
        check.error(
            Some(17009),
            &tn_field(at[1]),
            format!(
                "telephone number {} appears {} times: {list}",
                tn.dashed(),
                at.len()
            ),
            Some("list each telephone number once".into()),
        );
    }

    // R4: a TN with a pending FOC on another order cannot go on a new one; nor can a TN on any
    // other order that is not final (a second order for it would be refused or cancelled).
    for open in ctx.open_orders {
        let Some(&slot) = first_seen.get(&open.tn) else {
            continue;
        };
        let named = match &open.order_id {
            Some(id) if !id.is_empty() => {
                format!("{} ({}, order id {id})", open.label, open.status)
            }
            _ => format!("{} ({})", open.label, open.status),
        };
        // What a command names it by: `PON@N` when numbered, else its order id.
        let reference = match &open.order_id {
            Some(id) if !id.is_empty() && !open.label.contains('@') => id.as_str(),
            _ => open.label.as_str(),
        };
        match open.foc_date {
            Some(foc_date) => check.error(
                Some(17008),
                &tn_field(positions[slot]),
                format!(
                    "TNs found with a pending FOC Date: TN: [{}], PON: [{}], FOC Date: [{}]",
                    open.tn.digits(),
                    open.pon,
                    foc_date.format("%m/%d/%Y")
                ),
                Some(format!(
                    "it is on order {named}: change that port with a supp of PON {} (`lsr supp {reference}`), or have the other carrier's order cancelled first",
                    open.pon
                )),
            ),
            None => check.error(
                None,
                &tn_field(positions[slot]),
                format!(
                    "telephone number {} is already on order {named}, which is not final (no FOC date yet); a second order for it would be refused or cancelled",
                    open.tn.dashed()
                ),
                Some(format!(
                    "follow that order (`lsr status {reference}`), change it with a supp (`lsr supp {reference}`), or cancel it first (`lsr cancel {reference}`); --force sends anyway"
                )),
            ),
        }
    }

    // R5: the reseller behind these TNs answered 7517 before; it wants one TN per request.
    if tns.len() > 1 {
        for (at, tn) in listed_in(&tns, &positions, ctx.one_tn_required) {
            check.warning(
                Some(7517),
                &tn_field(at),
                format!(
                    "the reseller of {} requires one TN per request; an order with several TNs is cancelled (7517)",
                    tn.dashed()
                ),
                Some("submit each TN on its own order: `--split per-tn`".into()),
            );
        }
    }

    // R6: the agent is not alerted by the LSR itself.
    for (at, tn) in listed_in(&tns, &positions, ctx.manual_handling) {
        check.warning(
            Some(7521),
            &tn_field(at),
            format!(
                "telephone number {} needs manual handling: a Bandwidth agent updates the LSR within 24 hours (7521)",
                tn.dashed()
            ),
            Some("email Bandwidth as soon as the order is placed; `lsr email manual-handling` drafts it".into()),
        );
    }
    tns
}

/// The TNs of the order that are in `set` (what an earlier answer taught), each with its position
/// in the list; `positions[k]` is where `tns[k]` stands.
fn listed_in<'a>(
    tns: &'a [Tn],
    positions: &'a [usize],
    set: &'a HashSet<Tn>,
) -> impl Iterator<Item = (usize, &'a Tn)> {
    positions
        .iter()
        .copied()
        .zip(tns)
        .filter(|(_, tn)| set.contains(tn))
}

fn tn_error_hint(error: &TnError) -> &'static str {
    match error {
        TnError::Empty => "remove the empty entry",
        TnError::BadCharacter { .. } => {
            "write the number with digits only, or with spaces, dots, dashes or parentheses"
        }
        TnError::WrongLength { .. } | TnError::NotNanp { .. } => {
            "give a 10-digit NANP number such as 919-720-6100 (a leading 1 or +1 is fine)"
        }
        TnError::BadNpa { .. }
        | TnError::BadNxx { .. }
        | TnError::N11Npa { .. }
        | TnError::N11Nxx { .. } => {
            "check the number: area code and exchange start with 2–9 and are not N11 codes"
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::collections::HashSet;

    use super::super::fixtures::*;
    use crate::model::Tn;
    use crate::validate::{
        BusinessCalendar, OpenOrder, PendingFoc, ValidationContext, validate_order,
    };

    #[test]
    fn tn_field_and_tn_position_are_inverse() {
        assert_eq!(super::tn_field(3), "tns[3]");
        assert_eq!(super::tn_position(&super::tn_field(998)), Some(998));
        assert_eq!(super::tn_position("tns"), None);
        assert_eq!(super::tn_position("tns[x]"), None);
        assert_eq!(super::tn_position("pon"), None);
    }

    #[test]
    fn listed_in_keeps_the_learned_tns_with_their_list_positions() {
        let tns = [
            Tn::parse("9197206100").unwrap(),
            Tn::parse("9197206101").unwrap(),
        ];
        let learned: HashSet<Tn> = [tns[1]].into_iter().collect();
        let found: Vec<_> = super::listed_in(&tns, &[0, 3], &learned).collect();
        assert_eq!(found, vec![(3, &tns[1])]);
        assert_eq!(super::listed_in(&tns, &[0, 3], &HashSet::new()).count(), 0);
    }

    #[test]
    fn validate_tn_list_rules() {
        let mut draft = base();
        draft.tns.clear();
        only_error(&draft, 17003, "tns");

        draft.tns = vec!["9197206100".into(), "919720610".into()];
        let f = only_error(&draft, 17002, "tns[1]");
        assert!(f.message.contains("9 digits"), "{}", f.message);

        draft.tns = vec!["9197206100".into(), "".into()];
        only_error(&draft, 17002, "tns[1]");

        draft.tns = vec!["9197206100".into(), "888-720-6100".into()];
        only_error(&draft, 17005, "tns[1]");
    }

    #[test]
    fn validate_duplicates_compare_normalised_numbers() {
        let mut draft = base();
        draft.tns = vec![
            "919-720-6100".into(),
            "9197206101".into(),
            "+1 919 720 6100".into(),
            "9197206100".into(),
        ];
        let f = only_error(&draft, 17009, "tns[2]");
        assert!(f.message.contains("919-720-6100"), "{}", f.message);
        assert!(f.message.contains("3 times"), "{}", f.message);
        assert!(
            f.message.contains("tns[0], tns[2], tns[3]"),
            "{}",
            f.message
        );
    }

    #[test]
    fn validate_tn_findings_follow_list_order() {
        let mut draft = base();
        draft.tns = vec!["9197206100".into(), "9197206100".into(), "bad".into()];
        let report = run(&draft);
        let fields: Vec<&str> = report.findings.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, vec!["tns[1]", "tns[2]"]);
        assert_eq!(codes(&report), vec![Some(17009), Some(17002)]);
    }

    #[test]
    fn validate_more_than_999_tns_is_5095() {
        let mut draft = base();
        draft.tns = (0..999).map(|i| format!("919720{:04}", 6000 + i)).collect();
        let report = run(&draft);
        assert!(report.findings.is_empty());
        assert_eq!(report.order.unwrap().tns.len(), 999);
        draft.tns.push("9197211000".into());
        let f = only_error(&draft, 5095, "tns");
        assert!(f.hint.unwrap().contains("Project Port Out"));
    }

    #[test]
    fn validate_warns_on_555_and_non_geographic() {
        let mut draft = base();
        draft.tns = vec!["919-555-0100".into()];
        let f = only_warning(&draft, "tns[0]");
        assert!(f.message.contains("555"));
        draft.tns = vec!["900-720-6100".into()];
        let f = only_warning(&draft, "tns[0]");
        assert!(f.message.contains("non-geographic"));
    }

    /// The one finding of the base order with these open orders on its TNs, and the report.
    fn only_finding_with(
        cal: &BusinessCalendar,
        open: &[OpenOrder],
    ) -> (crate::validate::Finding, crate::validate::Report) {
        let ctx = ValidationContext {
            open_orders: open,
            ..ValidationContext::offline(today(), cal)
        };
        let report = validate_order(&base(), &ctx);
        assert_eq!(report.findings.len(), 1, "{:#?}", report.findings);
        (report.findings[0].clone(), report)
    }

    #[test]
    fn validate_pending_foc_is_17008_with_the_faq_text() {
        let cal = BusinessCalendar::us_npac();
        let tn = Tn::parse("9197206101").unwrap();
        let other = Tn::parse("9197206999").unwrap();
        let pending = [
            PendingFoc {
                tn,
                pon: "ABC123".into(),
                foc_date: d("2030-01-13"),
                order_id: None,
            },
            PendingFoc {
                tn: other,
                pon: "XYZ".into(),
                foc_date: d("2030-01-13"),
                order_id: None,
            },
        ];
        let open: Vec<OpenOrder> = pending.iter().map(OpenOrder::from).collect();
        let (f, report) = only_finding_with(&cal, &open);
        assert_eq!((f.code, f.field.as_str()), (Some(17008), "tns[1]"));
        assert_eq!(
            f.message,
            "TNs found with a pending FOC Date: TN: [9197206101], PON: [ABC123], FOC Date: [01/13/2030]"
        );
        assert!(f.hint.as_ref().unwrap().contains("supp"));
        assert!(report.order.is_none());
    }

    #[test]
    fn validate_tn_on_an_open_order_without_a_foc_is_an_error_naming_it() {
        let cal = BusinessCalendar::us_npac();
        let open = [OpenOrder {
            tn: Tn::parse("9197206100").unwrap(),
            pon: "DUP-1".into(),
            label: "DUP-1@1".into(),
            order_id: Some("id-1".into()),
            status: "PENDING".into(),
            foc_date: None,
        }];
        let (f, report) = only_finding_with(&cal, &open);
        assert_eq!((f.code, f.field.as_str()), (None, "tns[0]"));
        assert!(
            f.message.contains("DUP-1@1 (PENDING, order id id-1)"),
            "{}",
            f.message
        );
        assert!(f.hint.as_ref().unwrap().contains("lsr cancel DUP-1@1"));
        assert!(report.order.is_none());
    }

    #[test]
    fn validate_learned_rules_warn_7517_and_7521() {
        let cal = BusinessCalendar::us_npac();
        let tn = Tn::parse("9197206100").unwrap();
        let set: HashSet<Tn> = [tn].into_iter().collect();
        let ctx = ValidationContext {
            one_tn_required: &set,
            manual_handling: &set,
            ..ValidationContext::offline(today(), &cal)
        };
        let report = validate_order(&base(), &ctx);
        assert_eq!(codes(&report), vec![Some(7517), Some(7521)]);
        assert!(report.ok());
        assert!(
            report.findings[0]
                .hint
                .as_ref()
                .unwrap()
                .contains("--split per-tn")
        );
        assert!(
            report.findings[1]
                .hint
                .as_ref()
                .unwrap()
                .contains("lsr email manual-handling")
        );

        // One TN alone satisfies the reseller: no 7517.
        let mut single = base();
        single.tns.truncate(1);
        let report = validate_order(&single, &ctx);
        assert_eq!(codes(&report), vec![Some(7521)]);
    }
}
