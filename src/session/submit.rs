//! The one submit pipeline, shared by `submit`, `resubmit` and split batches: the offline rules
//! first (no network for an order that cannot pass), then the pre-submission checks with what
//! the history and the backend know (one validation context, built once), then the send with a
//! customer order id always set, recorded in the history.

use super::backend::Backend;
use super::input::OrderInput;
use super::precheck;
use super::present::{show_warnings, stop_on_findings};
use crate::batch::SplitSpec;
use crate::client::ApiError;
use crate::context::Context;
use crate::model::{LsrOrder, Order, OrderDraft, Tn};
use crate::validate::{Report, ValidationContext, validate_order};
use crate::wire;

/// The offline findings of a draft (no network), as a plain order or as the parent of a split.
pub fn offline_report(
    ctx: &Context,
    draft: &OrderDraft,
    input: Option<&OrderInput>,
    split: Option<SplitSpec>,
    today: chrono::NaiveDate,
) -> Report {
    let rules = ValidationContext::offline(today, &ctx.calendar);
    let mut report = report_for(draft, &rules, split);
    if let Some(input) = input {
        input.annotate_findings(&mut report.findings);
    }
    report
}

/// The findings with what the history and the backend know about the TNs: pending FOCs (R4,
/// except on `replaces`, the order a resubmit cancels) and learned rules (R5, R6).
pub async fn online_report(
    ctx: &Context,
    backend: &Backend,
    draft: &OrderDraft,
    tns: &[Tn],
    input: Option<&OrderInput>,
    split: Option<SplitSpec>,
    replaces: Option<&str>,
) -> anyhow::Result<Report> {
    let outside = precheck::gather(ctx, backend, tns, replaces).await?;
    let rules = outside.rules(backend.today, &ctx.calendar);
    let mut report = report_for(draft, &rules, split);
    if let Some(input) = input {
        input.annotate_findings(&mut report.findings);
    }
    Ok(report)
}

/// The typed order a report allows: errors stop it (exit 3, nothing done) unless `force`;
/// warnings are shown. With `force`, errors only the outside knowledge raised (17008) are
/// overridden: the offline rules passed, so the offline report yields the order.
pub fn accept(
    ctx: &Context,
    draft: &OrderDraft,
    report: &Report,
    split: Option<SplitSpec>,
    today: chrono::NaiveDate,
    force: bool,
    nothing_done: &str,
) -> anyhow::Result<LsrOrder> {
    if !report.ok() && !force {
        stop_on_findings(ctx, draft, report, nothing_done)?;
    }
    show_warnings(ctx, &report.findings);
    let offline_order = || {
        report_for(
            draft,
            &ValidationContext::offline(today, &ctx.calendar),
            split,
        )
        .order
    };
    match report.order.clone().or_else(offline_order) {
        Some(order) => Ok(order),
        None => {
            stop_on_findings(ctx, draft, report, nothing_done)?;
            // stop_on_findings always fails; the typed order is missing only with errors.
            Err(anyhow::anyhow!("the order did not pass the checks"))
        }
    }
}

/// The rules' report for a plain order or the parent of a split.
fn report_for(
    draft: &OrderDraft,
    rules: &ValidationContext<'_>,
    split: Option<SplitSpec>,
) -> Report {
    match split {
        Some(spec) => split_report(draft, rules, spec),
        None => validate_order(draft, rules),
    }
}

/// The findings of the whole (parent) order for a split: 5095 (more than 999 TNs) is dropped,
/// since every child holds at most 999, and so is the 7517 warning when each child holds one
/// TN. The typed order carries every TN.
pub fn split_report(draft: &OrderDraft, rules: &ValidationContext<'_>, spec: SplitSpec) -> Report {
    let mut report = validate_order(draft, rules);
    report
        .findings
        .retain(|f| f.code != Some(5095) && !(spec == SplitSpec::PerTn && f.code == Some(7517)));
    if report.order.is_none() && report.ok() {
        // Only 5095 stood in the way: the typed order of the first TN, with all the TNs.
        let mut first = draft.clone();
        first.tns.truncate(1);
        let tns: Option<Vec<Tn>> = draft.tns.iter().map(|t| Tn::parse(t).ok()).collect();
        report.order = validate_order(&first, rules)
            .order
            .zip(tns)
            .map(|(mut order, tns)| {
                order.tns = tns;
                order
            });
    }
    report
}

/// The POST body: the validated order, with a customer order id always set (it is how an
/// unclear outcome is checked).
pub fn request_body(order: &LsrOrder) -> wire::LsrOrder {
    let mut body = wire::LsrOrder::from(order);
    if body
        .customer_order_id
        .as_deref()
        .is_none_or(|c| c.trim().is_empty())
    {
        body.customer_order_id = Some(crate::batch::new_batch_token());
    }
    body
}

/// Places one order and records it in the history. An answer that was lost but whose order
/// was found by its customer order id is said so.
pub async fn place_one(
    ctx: &Context,
    backend: &Backend,
    body: &wire::LsrOrder,
) -> Result<Order, ApiError> {
    let created = backend.client.create_order(body).await?;
    if created.recovered {
        ctx.note(&format!(
            "the answer was lost, but order {} was found by its customer order id: it was not sent twice",
            created.order_id
        ));
    }
    let placed = super::backend::with_id(created.order.to_order(), &created.order_id);
    backend.remember(ctx, &placed);
    Ok(placed)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn tns(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("919720{:04}", i)).collect()
    }

    fn draft(n: usize) -> OrderDraft {
        OrderDraft {
            pon: Some("BIG".into()),
            authorizing_person: Some("Jane Doe".into()),
            tns: tns(n),
            subscriber: crate::model::SubscriberDraft {
                subscriber_type: Some("business".into()),
                business_name: Some("Acme".into()),
                address: crate::model::AddressDraft {
                    house_number: Some("1".into()),
                    street: Some("Main".into()),
                    city: Some("Raleigh".into()),
                    state: Some("NC".into()),
                    zip: Some("27601".into()),
                    ..Default::default()
                },
                ..Default::default()
            },
            ..OrderDraft::default()
        }
    }

    #[test]
    fn batch_split_report_drops_5095_and_keeps_every_tn() {
        let cal = crate::validate::BusinessCalendar::us_npac();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let rules = ValidationContext::offline(today, &cal);
        let whole = validate_order(&draft(1500), &rules);
        assert!(whole.findings.iter().any(|f| f.code == Some(5095)));
        let report = split_report(&draft(1500), &rules, SplitSpec::MaxTns(999));
        assert!(report.ok(), "{:?}", report.findings);
        assert_eq!(report.order.unwrap().tns.len(), 1500);
    }

    #[test]
    fn batch_split_report_still_reports_bad_tns() {
        let cal = crate::validate::BusinessCalendar::us_npac();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let rules = ValidationContext::offline(today, &cal);
        let mut d = draft(1200);
        d.tns[7] = "919".into();
        d.tns[9] = d.tns[3].clone();
        let report = split_report(&d, &rules, SplitSpec::PerTn);
        let codes: Vec<Option<u32>> = report.errors().map(|f| f.code).collect();
        assert!(codes.contains(&Some(17002)), "{codes:?}");
        assert!(codes.contains(&Some(17009)), "{codes:?}");
        assert!(report.order.is_none());
    }
}
