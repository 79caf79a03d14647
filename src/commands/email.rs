//! `lsr email`: ready-to-send email drafts for the cases the FAQ sends to email.

use clap::{Args, ValueEnum};

use crate::context::Context;
use crate::model::Tn;
use crate::output::OrderView;
use crate::output::lookup::{EmailDraft, render_email};
use crate::output::order::order_name;
use crate::output::{self, OutputMode};
use crate::session::backend::{Backend, history_key, runtime};

/// Bandwidth's port-out desk: the address the 7521 notice itself gives (reference section 7).
pub const PORTOUTS_ADDRESS: &str = "portouts@bandwidth.com";

/// R7: Bandwidth routes projects of more than 999 TNs by this exact subject.
pub const PROJECT_PORT_OUT_SUBJECT: &str = "Project Port Out";

/// Print a ready-to-send email draft (To, Subject, body) to Bandwidth's port-out desk.
///
/// Bandwidth handles manual handling (R6), large projects (R7), disputes, escalations and
/// "not authorized" questions (R12) by email, not through the API or portal notes (those are
/// not monitored). With ORDER (an order id, a PON or PON@N) the draft carries the order's
/// facts: PON and version, order id, account, status, FOC dates, TNs and errors. Without it,
/// the draft has `[FILL IN: …]` placeholders. Review the draft, fill in what is marked, send it.
///
/// Example: lsr email manual-handling ACME-0001
///
/// Example: lsr email project-port-out --json
#[derive(Debug, Clone, Args)]
pub struct EmailArgs {
    /// What the email is about.
    #[arg(value_enum, value_name = "TOPIC")]
    pub topic: EmailTopic,

    /// The order it concerns: an order id, a PON (its latest version) or PON@N.
    #[arg(value_name = "ORDER", add = crate::session::complete::order_completer())]
    pub order: Option<String>,
}

/// Email draft topics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EmailTopic {
    /// A TN needs manual handling (7521): email at once, the agent is not alerted otherwise (R6).
    ManualHandling,
    /// Dispute an order's outcome.
    Dispute,
    /// A port of more than 999 TNs, subject "Project Port Out" (R7); needs no ORDER.
    ProjectPortOut,
    /// Escalate a stuck order.
    Escalation,
    /// "Not authorized to view a port" (R12).
    NotAuthorized,
}

/// What the draft knows: the account, and the order when one was named.
#[derive(Debug, Clone, Default)]
struct DraftFacts {
    account_id: Option<String>,
    order: Option<OrderView>,
}

pub fn run(ctx: &Context, args: &EmailArgs) -> anyhow::Result<()> {
    let facts = match &args.order {
        Some(reference) => runtime()?.block_on(async {
            let backend = Backend::connect(ctx).await?;
            let order = backend.resolve(ctx, reference).await?;
            anyhow::Ok(DraftFacts {
                account_id: Some(backend.client.account_id().to_string()),
                order: Some(backend.view(ctx, &order)),
            })
        })?,
        None => DraftFacts {
            account_id: history_key(ctx).ok().map(|k| k.account_id().to_string()),
            order: None,
        },
    };
    if let Some(view) = &facts.order
        && args.topic == EmailTopic::ManualHandling
        && !view.errors.iter().any(|e| e.code == 7521)
    {
        ctx.note(&format!(
            "warning: {} carries no 7521 notice; check `lsr status {}` before sending",
            order_name(view),
            order_name(view)
        ));
    }
    if ctx.global.sandbox && facts.order.is_some() {
        ctx.note(
            "this draft is about a sandbox order, which Bandwidth does not know: do not send it",
        );
    }
    ctx.note("review the draft and fill in the [FILL IN: …] parts before sending");
    let draft = draft(args.topic, &facts);
    match ctx.output {
        OutputMode::Json => output::print_json(&draft)?,
        _ => output::print_text(&render_email(&draft))?,
    }
    Ok(())
}

/// A clearly marked gap the sender must fill.
fn fill(what: &str) -> String {
    format!("[FILL IN: {what}]")
}

/// The draft for a topic.
fn draft(topic: EmailTopic, facts: &DraftFacts) -> EmailDraft {
    let order = facts.order.as_ref();
    let pon = order.map_or_else(|| fill("PON"), |v| v.pon.clone());
    let order_id = order.map_or_else(|| fill("order id"), |v| v.order_id.clone());
    let (subject, opening, closing_ask) = match topic {
        EmailTopic::ManualHandling => (
            format!("Manual handling needed (7521): PON {pon}, order {order_id}"),
            "Our port-out LSR received notice 7521: the telephone numbers below may need manual \
             handling. We are emailing at once because the agent is not alerted otherwise. \
             Please handle the order and set its FOC date."
                .to_string(),
            "Please confirm when the LSR has been updated.",
        ),
        EmailTopic::Dispute => (
            format!("Dispute: PON {pon}, order {order_id}"),
            format!(
                "We dispute the outcome of the port-out LSR below.\n\nWhy: {}",
                fill("what is wrong with the outcome and what you expected")
            ),
            "Please review the order and tell us how it will be corrected.",
        ),
        EmailTopic::ProjectPortOut => (
            PROJECT_PORT_OUT_SUBJECT.to_string(),
            format!(
                "We need to port out more than 999 telephone numbers, more than one LSR may \
                 carry, and ask for it to be handled as a project.\n\n\
                 Number of TNs:       {}\n\
                 Requested FOC date:  {}\n\
                 End user:            {}\n\
                 TN list:             {}",
                fill("how many TNs"),
                fill("YYYY-MM-DD"),
                fill("business name and service address"),
                fill("attach the TNs, one a line")
            ),
            "Please tell us how to proceed with this project.",
        ),
        EmailTopic::Escalation => (
            format!(
                "Escalation: PON {pon}, order {order_id}{}",
                order.map_or_else(String::new, |v| format!(" ({})", v.status))
            ),
            format!(
                "We need help with the port-out LSR below, which is not moving as expected.\n\n\
                 What we need: {}\nSince when:   {}",
                fill("what has to happen, e.g. a FOC date or an activation"),
                fill("date")
            ),
            "Please look into it and let us know the next step.",
        ),
        EmailTopic::NotAuthorized => (
            format!("Not authorized to view a port: PON {pon}, order {order_id}"),
            "We get \"not authorized to view a port\" for the port-out below. We looked it up \
             by its LSR (order id), not by the port, and the message persists."
                .to_string(),
            "Please check that our account is authorized for this order.",
        ),
    };
    let mut body = String::from("Hello Bandwidth LNP team,\n\n");
    body.push_str(&opening);
    body.push_str("\n\n");
    body.push_str(&order_block(topic, facts));
    body.push('\n');
    body.push_str(closing_ask);
    body.push_str("\n\nThank you,\n");
    body.push_str(&fill("your name, company and phone number"));
    body.push('\n');
    EmailDraft {
        to: PORTOUTS_ADDRESS.to_string(),
        subject,
        body,
    }
}

/// The order's facts as aligned lines (placeholders when no order was named).
fn order_block(topic: EmailTopic, facts: &DraftFacts) -> String {
    let mut lines: Vec<(String, String)> = Vec::new();
    lines.push((
        "Account ID".into(),
        facts
            .account_id
            .clone()
            .unwrap_or_else(|| fill("account id")),
    ));
    let Some(view) = &facts.order else {
        if topic != EmailTopic::ProjectPortOut {
            lines.push(("PON".into(), fill("PON and version")));
            lines.push(("Order ID".into(), fill("order id")));
            lines.push(("Requested FOC date".into(), fill("YYYY-MM-DD")));
            let tns_label = if topic == EmailTopic::ManualHandling {
                "TNs with 7521"
            } else {
                "TNs"
            };
            lines.push((tns_label.into(), fill("the telephone numbers")));
        }
        return aligned(&lines);
    };
    lines.push((
        "PON".into(),
        match view.pon_version {
            Some(v) => format!("{} (version {v})", view.pon),
            None => view.pon.clone(),
        },
    ));
    lines.push(("Order ID".into(), view.order_id.clone()));
    if let Some(c) = &view.customer_order_id {
        lines.push(("Customer order ID".into(), c.clone()));
    }
    lines.push(("Status".into(), view.status.clone()));
    let date =
        |d: Option<chrono::NaiveDate>, none: &str| d.map_or(none.to_string(), |d| d.to_string());
    lines.push((
        "Requested FOC date".into(),
        date(view.requested_foc_date, "none requested"),
    ));
    lines.push(("FOC date".into(), date(view.actual_foc_date, "not set yet")));
    let mut text = aligned(&lines);
    // Only an order that carries a 7521 notice has "TNs with 7521"; otherwise the draft lists
    // the order's TNs under their plain name rather than claim a notice that is not there.
    let has_notice = view.errors.iter().any(|e| e.code == 7521);
    let (label, tns) = if topic == EmailTopic::ManualHandling && has_notice {
        ("TNs with 7521", manual_handling_tns(view))
    } else {
        ("TNs", view.tns.clone())
    };
    text.push_str(&format!("{label} ({}):\n", tns.len()));
    for tn in &tns {
        let shown = Tn::parse(tn).map_or_else(|_| tn.clone(), Tn::dashed);
        text.push_str(&format!("  {shown}\n"));
    }
    if !view.errors.is_empty() {
        text.push_str("Errors on the order:\n");
        for e in &view.errors {
            text.push_str(&format!("  {}  {}\n", e.code, e.description));
        }
    }
    text
}

fn aligned(lines: &[(String, String)]) -> String {
    lines
        .iter()
        .map(|(label, value)| format!("{:<21}{value}\n", format!("{label}:")))
        .collect()
}

/// The TNs a 7521 notice names; the notice is order-level when it names none, so then every
/// TN of the order.
fn manual_handling_tns(view: &OrderView) -> Vec<String> {
    let named: Vec<String> = view
        .errors
        .iter()
        .filter(|e| e.code == 7521)
        .flat_map(|e| digit_runs(&e.description))
        .filter_map(|run| Tn::parse(&run).ok())
        .map(Tn::digits)
        .filter(|tn| view.tns.contains(tn))
        .collect();
    if named.is_empty() {
        view.tns.clone()
    } else {
        named
    }
}

/// Runs of 10 or 11 digits in a text (where a TN may hide).
fn digit_runs(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| matches!(run.len(), 10 | 11))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::{BandwidthError, Order, OrderStatus};
    use crate::validate::BusinessCalendar;

    fn view() -> OrderView {
        let order = Order {
            order_id: "id-7".into(),
            pon: "ACME".into(),
            pon_version: Some(2),
            status: Some(OrderStatus::Pending),
            status_text: "PENDING".into(),
            requested_foc_date: chrono::NaiveDate::from_ymd_opt(2026, 12, 4),
            tns: vec![
                Tn::parse("9195552001").unwrap(),
                Tn::parse("9195556000").unwrap(),
            ],
            errors: vec![BandwidthError::new(7521, "may need manual handling")],
            ..Order::default()
        };
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        OrderView::new(&order, &BusinessCalendar::us_npac(), today)
    }

    #[test]
    fn email_manual_handling_names_pon_order_tns_and_dates() {
        let facts = DraftFacts {
            account_id: Some("9900001".into()),
            order: Some(view()),
        };
        let d = draft(EmailTopic::ManualHandling, &facts);
        assert_eq!(d.to, PORTOUTS_ADDRESS);
        assert!(d.subject.contains("7521") && d.subject.contains("ACME"));
        for part in [
            "ACME (version 2)",
            "id-7",
            "9900001",
            "2026-12-04",
            "919-555-2001",
            "at once",
        ] {
            assert!(d.body.contains(part), "{part} missing in {}", d.body);
        }
        assert!(!d.body.contains("[FILL IN: PON"), "{}", d.body);
    }

    #[test]
    fn email_manual_handling_lists_only_the_tns_the_notice_names() {
        let mut v = view();
        v.errors[0].description = "TN 9195556000 may need manual handling".into();
        assert_eq!(manual_handling_tns(&v), vec!["9195556000".to_string()]);
        assert_eq!(manual_handling_tns(&view()).len(), 2);
    }

    #[test]
    fn email_manual_handling_without_a_7521_notice_does_not_claim_one() {
        let mut v = view();
        v.errors.clear();
        let facts = DraftFacts {
            account_id: Some("9900001".into()),
            order: Some(v),
        };
        let d = draft(EmailTopic::ManualHandling, &facts);
        assert!(!d.body.contains("TNs with 7521"), "{}", d.body);
        assert!(d.body.contains("TNs (2):"), "{}", d.body);
    }

    #[test]
    fn email_without_order_has_marked_placeholders() {
        let d = draft(EmailTopic::Dispute, &DraftFacts::default());
        assert!(d.subject.contains("[FILL IN: PON]"), "{}", d.subject);
        assert!(d.body.contains("[FILL IN: account id]"));
        let p = draft(EmailTopic::ProjectPortOut, &DraftFacts::default());
        assert_eq!(p.subject, "Project Port Out");
        assert!(p.body.contains("999"));
    }
}
