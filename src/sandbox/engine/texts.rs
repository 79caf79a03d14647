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
