//! The order as the wizard shows it before asking to send: its fields (never the end user's
//! account number or PIN) and the findings of every check.

use crate::model::{LsrOrder, SubscriberType};
use crate::validate::{Finding, Severity};

/// The summary shown before sending to `backend`: the order's fields, then the findings.
pub fn order_summary(backend: &str, order: &LsrOrder, findings: &[Finding]) -> String {
    let s = &order.subscriber;
    let mut lines: Vec<(&str, String)> = vec![("PON", order.pon.to_string())];
    if let Some(id) = &order.customer_order_id {
        lines.push(("customer order id", id.clone()));
    }
    let foc = match order.requested_foc_date {
        Some(date) => format!("{date} ({})", date.format("%A")),
        None => "not given: Bandwidth picks the next day".to_string(),
    };
    lines.push(("requested FOC date", foc));
    let kind = match s.subscriber_type {
        SubscriberType::Business => "business",
        SubscriberType::Residential => "residential",
    };
    lines.push(("subscriber", format!("{} ({kind})", s.display_name())));
    lines.push(("authorizing person", order.authorizing_person.clone()));
    lines.push(("service address", address_line(order)));
    // The account number and PIN are the end user's secrets: say they are there, never echo.
    if s.account_number.is_some() {
        lines.push(("account number", "given (not shown)".to_string()));
    }
    if s.pin.is_some() {
        lines.push(("PIN", "given (not shown)".to_string()));
    }
    if let Some(btn) = order.btn {
        lines.push(("BTN", btn.dashed()));
    }
    if let Some(spid) = &order.spid {
        lines.push(("SPID", spid.clone()));
    }
    let tns: Vec<String> = order.tns.iter().map(|t| t.dashed()).collect();
    lines.push(("TNs", format!("{} ({})", tns.join(", "), tns.len())));

    let width = lines.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let mut text = format!("\nThe order to send to {backend}:\n");
    for (key, value) in lines {
        text.push_str(&format!("  {key:<width$}  {value}\n"));
    }
    if findings.is_empty() {
        text.push_str("Checks: passed with no findings.\n");
    } else {
        text.push_str("Checks:\n");
        for f in findings {
            let severity = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let code = f.code.map(|c| format!(" {c}")).unwrap_or_default();
            text.push_str(&format!("  {severity}{code} {}: {}\n", f.field, f.message));
        }
    }
    text.push('\n');
    text
}

fn address_line(order: &LsrOrder) -> String {
    let a = &order.subscriber.service_address;
    let street: Vec<&str> = [
        a.house_prefix.as_deref(),
        Some(a.house_number.as_str()),
        a.house_suffix.as_deref(),
        a.pre_directional.as_deref(),
        Some(a.street_name.as_str()),
        a.street_suffix.as_deref(),
        a.post_directional.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut line = street.join(" ");
    if let Some(second) = &a.address_line2 {
        line.push_str(&format!(", {second}"));
    }
    line.push_str(&format!(", {} {} {}", a.city, a.state_code, a.zip));
    line
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::session::wizard::tests::{complete_draft, report_of};

    #[test]
    fn wizard_summary_shows_the_order_and_findings_but_never_the_secrets() {
        let mut draft = complete_draft();
        draft.requested_foc_date = Some("+1bd".into());
        draft.subscriber.account_number = Some("ACCT99887766".into());
        draft.subscriber.pin = Some("SECRET42".into());
        // A 555 number: a warning, so the order is typed and the summary has a finding.
        draft.tns.push("919-555-0101".into());
        let report_ok = report_of(&draft);
        let order = report_ok.order.clone().unwrap();
        let text = order_summary("the sandbox", &order, &report_ok.findings);
        assert!(text.contains("The order to send to the sandbox:"), "{text}");
        assert!(text.contains("2026-12-01 (Tuesday)"), "{text}");
        assert!(text.contains("Acme Widgets (business)"), "{text}");
        assert!(text.contains("11 Park Ave, Raleigh NC 27601"), "{text}");
        assert!(text.contains("919-720-6100, 919-555-0101 (2)"), "{text}");
        assert!(text.contains("warning tns[1]:"), "{text}");
        assert!(
            !text.contains("SECRET42") && !text.contains("ACCT99887766"),
            "{text}"
        );
        assert!(
            text.contains("PIN") && text.contains("given (not shown)"),
            "{text}"
        );
    }
}
