//! `lsr supp`: supplement (modify) an open order, refusing what a supp cannot do (R3, R9).

use anyhow::Context as _;
use clap::Args;

use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::model::OrderDraft;
use crate::session::backend::{Backend, runtime};
use crate::session::input::OrderFieldArgs;
use crate::session::present::{print_order, refuse_on_findings};
use crate::session::refusals::{pon_change_refused, refuse_terminal, tn_change_refused};
use crate::session::wait::{WaitTarget, parse_timeout, wait_for};
use crate::validate::{Report, ValidationContext, parse_requested_date, validate_order};
use crate::wire;

/// Supplement an open order: move the requested FOC date or correct the end user's details.
///
/// Give only the fields to change: --foc, --pin, --account-number, --btn, --auth-person, the
/// subscriber's name and type, the service address. The order as it would be after the supp
/// is checked offline first (exit 3 on errors, nothing is sent). A relative date (+3bd)
/// counts from the backend's today. In EXCEPTION, a supp answers the exception and the order
/// is processed again (e.g. --pin after 7512/7513).
///
/// A supp cannot change the PON or the TNs (R9): cancel and resubmit instead
/// (`lsr resubmit ORDER --remove-tn TN`); --pon with another PON, --tn and --tn-file are
/// refused before anything is sent (exit 3). FAILED, CANCELLED, COMPLETE and PARTIAL orders
/// cannot be supped (R3, the backend's state of the order): exit 4, nothing sent.
///
/// JSON: the order as the supp left it (schemas/supp.schema.json). TSV columns:
/// order_id, pon, pon_version, status, requested_foc_date, actual_foc_date,
/// foc_window_last_day, business_days_left, tn_count, error_codes, customer_order_id.
///
/// Example: lsr supp ACME-0001 --foc 2026-12-15 --wait foc
#[derive(Debug, Clone, Args)]
pub struct SuppArgs {
    /// The order: an order id, a PON (its latest version) or PON@N.
    #[arg(value_name = "ORDER", add = crate::session::complete::order_completer())]
    pub order: String,

    #[command(flatten)]
    pub fields: OrderFieldArgs,

    /// Wait until the order has a FOC date (`foc`) or reaches a final status (`final`): exit 0
    /// when it does, 4 when it cannot (FAILED, CANCELLED; EXCEPTION for `foc`), 8 at --timeout.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "foc", value_name = "UNTIL")]
    pub wait: Option<WaitTarget>,

    /// Give up waiting after this long (e.g. 90s, 10m, 2h).
    #[arg(long, default_value = "10m", value_name = "DURATION")]
    pub timeout: String,

    /// Not a supp's to give: the TNs are fixed (R9); accepted only to refuse with the reason.
    #[arg(long = "tn", value_name = "TN", hide = true)]
    pub tn: Vec<String>,

    /// As --tn.
    #[arg(long = "tn-file", value_name = "FILE", hide = true)]
    pub tn_file: Vec<String>,

    /// As --tn (`lsr resubmit ORDER --remove-tn TN` removes a TN).
    #[arg(long = "remove-tn", value_name = "TN", hide = true)]
    pub remove_tn: Vec<String>,
}

pub fn run(ctx: &Context, args: &SuppArgs) -> anyhow::Result<()> {
    if !(args.tn.is_empty() && args.tn_file.is_empty() && args.remove_tn.is_empty()) {
        return Err(tn_change_refused(&args.order));
    }
    let timeout = parse_timeout(&args.timeout)?;
    let mut changes = args.fields.to_draft();
    let without_pon = OrderDraft {
        pon: None,
        ..changes.clone()
    };
    // Usage errors before any network: a supp that changes nothing is a mistake.
    if changes.pon.is_none() && without_pon == OrderDraft::default() {
        return Err(empty_supp(&args.order));
    }
    runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        let order = backend.resolve(ctx, &args.order).await?;
        let label = order.label();
        refuse_terminal(&order, "supp")?;
        if let Some(pon) = changes.pon.as_deref().map(str::trim) {
            if pon != order.pon {
                return Err(pon_change_refused(&label, pon));
            }
            changes.pon = None;
        }
        if changes == OrderDraft::default() {
            return Err(empty_supp(&label));
        }
        // The order as it would be after the supp must still pass the rules; relative dates
        // count from the backend's today (the sandbox's clock in sandbox mode).
        let merged = order.details.clone().unwrap_or_default().overlay(&changes);
        let report = findings_on_changes(
            validate_order(
                &merged,
                &ValidationContext::offline(backend.today, &ctx.calendar),
            ),
            &changes,
        );
        if !report.ok() {
            return refuse_on_findings(ctx, &merged, &report, "nothing was sent");
        }
        if let Some(text) = changes.requested_foc_date.take() {
            // Sent resolved: `+3bd` means nothing to Bandwidth. It parsed, or it would be
            // a finding above.
            let date = parse_requested_date(&text, backend.today, &ctx.calendar).ok();
            changes.requested_foc_date =
                Some(date.map_or(text, |d| d.format("%Y-%m-%d").to_string()));
        }
        let body = wire::LsrOrder::supp_request(&changes);
        let mut updated = backend
            .supp(ctx, &order.order_id, &body)
            .await
            .with_context(|| format!("supping order {label}"))?;
        ctx.note(&format!("supped {label}: {}", changed_fields(&changes)));
        let Some(target) = args.wait else {
            return print_order(ctx, &backend.view(ctx, &updated), backend.today);
        };
        let waited = wait_for(ctx, &backend, updated, target, timeout, None).await?;
        updated = waited.order.clone();
        print_order(ctx, &backend.view(ctx, &updated), backend.today)?;
        waited.into_result()
    })
}

/// Keeps the findings a supp is answerable for: those on the fields it changes, and for a
/// change to the name or the address the rules that tie that group together (a business
/// needs a business name, an address needs a ZIP). The rest of the order is the backend's:
/// it accepted it already, may show it redacted (a PIN as `****`), and an FOC order's own
/// date may be today or behind us.
fn findings_on_changes(report: Report, changes: &OrderDraft) -> Report {
    let s = &changes.subscriber;
    let mut touched: Vec<&str> = Vec::new();
    let single = [
        (changes.customer_order_id.is_some(), "customer_order_id"),
        (changes.requested_foc_date.is_some(), "requested_foc_date"),
        (changes.spid.is_some(), "spid"),
        (changes.btn.is_some(), "btn"),
        (changes.authorizing_person.is_some(), "authorizing_person"),
        (s.account_number.is_some(), "subscriber.account_number"),
        (s.pin.is_some(), "subscriber.pin"),
    ];
    touched.extend(single.iter().filter(|(set, _)| *set).map(|(_, f)| *f));
    let name_changed = [
        &s.subscriber_type,
        &s.business_name,
        &s.first_name,
        &s.middle_initial,
        &s.last_name,
    ]
    .iter()
    .any(|v| v.is_some());
    if name_changed {
        touched.extend([
            "subscriber.type",
            "subscriber.business_name",
            "subscriber.first_name",
            "subscriber.middle_initial",
            "subscriber.last_name",
        ]);
    }
    if !s.address.is_empty() {
        touched.push("subscriber.address");
    }
    let answerable = |field: &str| {
        touched.iter().any(|t| {
            field == *t
                || field
                    .strip_prefix(t)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    };
    Report {
        findings: report
            .findings
            .into_iter()
            .filter(|f| answerable(&f.field))
            .collect(),
        order: report.order,
    }
}

fn empty_supp(label: &str) -> anyhow::Error {
    CliError::new(Exit::Usage, format!("the supp of order {label} changes nothing"))
        .with_hint("give the fields to change, e.g. `--foc 2026-12-15` or `--pin 1234` (`lsr supp --help` lists them)")
        .into()
}

/// `requested FOC date 2026-12-09, PIN` — the names of the fields a supp changes (never the
/// values of secrets).
fn changed_fields(changes: &OrderDraft) -> String {
    let s = &changes.subscriber;
    let a = &s.address;
    let mut names: Vec<String> = Vec::new();
    if let Some(date) = &changes.requested_foc_date {
        names.push(format!("requested FOC date {date}"));
    }
    let named = [
        (changes.customer_order_id.is_some(), "customer order id"),
        (changes.spid.is_some(), "SPID"),
        (changes.btn.is_some(), "BTN"),
        (changes.authorizing_person.is_some(), "authorizing person"),
        (s.subscriber_type.is_some(), "subscriber type"),
        (s.business_name.is_some(), "business name"),
        (s.first_name.is_some(), "first name"),
        (s.middle_initial.is_some(), "middle initial"),
        (s.last_name.is_some(), "last name"),
        (s.account_number.is_some(), "account number"),
        (s.pin.is_some(), "PIN"),
    ];
    names.extend(
        named
            .iter()
            .filter(|(set, _)| *set)
            .map(|(_, n)| (*n).to_string()),
    );
    if !a.is_empty() {
        names.push("service address".to_string());
    }
    names.join(", ")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn supp_names_changed_fields_without_secret_values() {
        let changes = OrderDraft {
            requested_foc_date: Some("2026-12-09".into()),
            subscriber: crate::model::SubscriberDraft {
                pin: Some("4321".into()),
                ..Default::default()
            },
            ..OrderDraft::default()
        };
        let text = changed_fields(&changes);
        assert_eq!(text, "requested FOC date 2026-12-09, PIN");
    }

    #[test]
    fn supp_checks_only_what_it_changes() {
        let current = OrderDraft {
            pon: Some("ACME-1".into()),
            requested_foc_date: Some("2026-11-02".into()),
            authorizing_person: Some("Jane Doe".into()),
            subscriber: crate::model::SubscriberDraft {
                subscriber_type: Some("BUSINESS".into()),
                business_name: Some("Acme".into()),
                pin: Some("****".into()),
                address: crate::model::AddressDraft {
                    house_number: Some("11".into()),
                    street: Some("Park Ave".into()),
                    city: Some("Raleigh".into()),
                    state: Some("NC".into()),
                    zip: Some("27601".into()),
                    ..Default::default()
                },
                ..Default::default()
            },
            tns: vec!["9197206100".into()],
            ..OrderDraft::default()
        };
        let cal = crate::validate::BusinessCalendar::default();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let check = |changes: &OrderDraft| {
            let merged = current.clone().overlay(changes);
            let all = validate_order(&merged, &ValidationContext::offline(today, &cal));
            assert!(
                !all.ok(),
                "the redacted PIN and the old date are errors in the whole"
            );
            findings_on_changes(all, changes)
        };
        let account = OrderDraft {
            subscriber: crate::model::SubscriberDraft {
                account_number: Some("12345".into()),
                ..Default::default()
            },
            ..OrderDraft::default()
        };
        assert!(check(&account).findings.is_empty());
        let saturday = OrderDraft {
            requested_foc_date: Some("2026-12-05".into()),
            ..OrderDraft::default()
        };
        let report = check(&saturday);
        assert_eq!(report.findings.len(), 1);
        assert_eq!(report.findings[0].code, Some(17019));
        let residential = OrderDraft {
            subscriber: crate::model::SubscriberDraft {
                subscriber_type: Some("residential".into()),
                ..Default::default()
            },
            ..OrderDraft::default()
        };
        let fields: Vec<String> = check(&residential)
            .findings
            .into_iter()
            .map(|f| f.field)
            .collect();
        assert!(
            fields.contains(&"subscriber.last_name".to_string()),
            "{fields:?}"
        );
    }
}
