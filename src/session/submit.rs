//! The one submit pipeline, shared by `submit`, `resubmit` and split batches: the offline rules
//! first (no network for an order that cannot pass), then earlier submissions of unknown
//! outcome settled and the pre-submission checks with what the history and the backend know
//! (one validation context, built once), then the send: journaled before its POST as a batch of
//! one (split `none`), with a customer order id always set, recorded in the history.

use std::time::Duration;

use super::backend::Backend;
use super::input::OrderInput;
use super::intents;
use super::interrupt::Interrupt;
use super::precheck::{self, PrecheckCost, PrecheckMode};
use super::present::{FailedOrder, SubmitJson, print_submitted, show_warnings, stop_on_findings};
use super::split::drive::{Progress, drive, journal, planned_children, template_json};
use super::split::{batch_json, failed_entry};
use super::wait::{WaitTarget, wait_for};
use crate::batch::{ChildOutcome, SplitSpec};
use crate::client::SearchQuery;
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::history::{ChildState, LocalQuery, NewBatch, PlannedChild};
use crate::model::{LsrOrder, Order, OrderDraft, Tn};
use crate::output::OrderView;
use crate::validate::{Finding, Report, ValidationContext, validate_order};
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

/// What the checks before a send do besides the rules.
#[derive(Debug, Clone, Copy, Default)]
pub struct Checks<'a> {
    /// How far the check for open orders looks (`--precheck`).
    pub mode: PrecheckMode,
    /// `--force`: an earlier submission that cannot be settled only warns.
    pub force: bool,
    /// The order a resubmit cancels: its own TNs do not count.
    pub replaces: Option<&'a str>,
}

/// The findings with what the history and the backend know about the TNs, after earlier
/// submissions of unknown outcome with this PON or these TNs were settled: TNs on open orders
/// (R4, except on `checks.replaces`) and learned rules (R5, R6). Also what the check cost.
pub async fn online_report(
    ctx: &Context,
    backend: &Backend,
    draft: &OrderDraft,
    tns: &[Tn],
    input: Option<&OrderInput>,
    split: Option<SplitSpec>,
    checks: &Checks<'_>,
) -> anyhow::Result<(Report, PrecheckCost)> {
    if let Some(pon) = draft.pon.as_deref() {
        intents::settle_earlier(ctx, backend, pon, tns, checks.force).await?;
    }
    let outside = precheck::gather(ctx, backend, tns, checks.replaces, checks.mode).await?;
    let rules = outside.rules(backend.today, &ctx.calendar);
    let mut report = report_for(draft, &rules, split);
    if let Some(input) = input {
        input.annotate_findings(&mut report.findings);
    }
    Ok((report, outside.cost))
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

/// The order with a customer order id always set (it is how an unclear outcome is checked):
/// the user's, or a fresh lsr token. True when it is the user's own.
pub fn with_customer_order_id(order: &LsrOrder) -> (LsrOrder, bool) {
    let mut order = order.clone();
    let users = order
        .customer_order_id
        .as_deref()
        .is_some_and(|c| !c.trim().is_empty());
    if !users {
        order.customer_order_id = Some(crate::batch::new_batch_token());
    }
    (order, users)
}

/// The POST body of an order that already carries its customer order id.
pub fn request_body(order: &LsrOrder) -> wire::LsrOrder {
    wire::LsrOrder::from(order)
}

/// One order as it was sent: the journal's batch of one and how it ended.
pub struct Single {
    pub batch_id: i64,
    /// The order, when it was placed (or found again after a lost answer).
    pub placed: Option<Order>,
    /// Why it was not placed, when it was not: the `failed` entry and the error to exit with.
    pub failure: Option<(FailedOrder, anyhow::Error)>,
    /// Ctrl-C came while it was sent.
    pub interrupted: bool,
}

/// Places one order (it carries its customer order id: [`with_customer_order_id`]) as a batch
/// of one: the orders that carried its customer order id before (backend and history) are
/// noted first, the journal is written before the POST, the answer after it, and Ctrl-C waits
/// for the answer in flight (up to the request timeout; a second press stops at once). A lost
/// answer counts as placed only when the order found proves to be this one. `user_cid` says
/// the customer order id is the user's own.
pub async fn place_single(
    ctx: &Context,
    backend: &Backend,
    order: &LsrOrder,
    user_cid: bool,
    replaces: Option<&str>,
    interrupt: &Interrupt,
) -> anyhow::Result<Single> {
    let cid = order.customer_order_id.clone().unwrap_or_default();
    let known_before = if user_cid {
        carried_before(ctx, backend, order, &cid).await?
    } else {
        Vec::new()
    };
    let (template, template_json) = template_json(order)?;
    let planned = [PlannedChild {
        index: 1,
        pon: order.pon.as_str(),
        customer_order_id: &cid,
        tns: &order.tns,
        known_before: &known_before,
        strict_identity: user_cid,
    }];
    let batch_id = journal(
        backend,
        &NewBatch {
            parent_pon: order.pon.as_str(),
            split: "none",
            template: &template_json,
            replaces_order_id: replaces,
        },
        &planned,
    )?;
    let children = planned_children(&planned);
    let lock = backend.history.lock_batch(batch_id)?;
    let driven = drive(
        ctx,
        backend,
        batch_id,
        &template,
        children,
        Vec::new(),
        1,
        interrupt,
        Progress::Quiet,
    )
    .await?;
    let interrupted = driven.interrupted;
    let Some(result) = driven.results.into_iter().next() else {
        return Err(
            CliError::new(Exit::Failure, format!("batch {batch_id} lost its order"))
                .with_hint(format!("`lsr batch show {batch_id}`"))
                .into(),
        );
    };
    let resolve_hint = format!(
        "nothing will be sent twice: the next `lsr submit` of PON {} or of these TNs looks it up first (or `lsr batch resume {batch_id}`); `lsr search --customer-order-id {cid}` shows what the backend has",
        order.pon
    );
    let mut single = Single {
        batch_id,
        placed: None,
        failure: None,
        interrupted,
    };
    let entry = failed_entry(&result);
    let settled = !matches!(result.outcome, ChildOutcome::Unknown { .. });
    match (lock, settled) {
        (Some(lock), true) => lock.release_settled(),
        (lock, _) => drop(lock),
    }
    match result.outcome {
        ChildOutcome::Sent {
            order, recovered, ..
        } => {
            let mut order = *order;
            backend.remember(ctx, &mut order);
            // Its number counts the PON's orders placed elsewhere too (R8).
            if backend.pon_list(ctx, &order.pon).await.is_ok() {
                backend.number(&mut order);
            }
            if recovered {
                ctx.note(&format!(
                    "the answer was lost, but order {} ({}) was found by its customer order id, PON and TNs: it was not sent twice",
                    order.label(),
                    order.order_id
                ));
            }
            single.placed = Some(order);
        }
        ChildOutcome::Rejected { error, .. } => {
            let error = match result.cause.map(std::sync::Arc::try_unwrap) {
                Some(Ok(api)) => anyhow::Error::from(api),
                _ => CliError::new(Exit::Rejected, error).into(),
            };
            let entry = entry.unwrap_or_else(|| FailedOrder::new(None, Vec::new(), String::new()));
            single.failure = Some((
                entry,
                error.context(format!("submitting order {}", order.pon)),
            ));
        }
        ChildOutcome::Unknown { error } => {
            let message = format!(
                "the outcome of order {} (batch {batch_id}) is unknown: {}",
                order.pon,
                match result.cause.as_deref() {
                    Some(api) => api.to_string(),
                    None => error.clone(),
                }
            );
            let exit = if interrupted {
                Exit::Interrupted
            } else {
                Exit::Network
            };
            let hint = match result.cause.as_deref() {
                Some(crate::client::ApiError::Ambiguous { .. }) => format!(
                    "lsr does not guess: {resolve_hint}; keep the order that is yours and cancel the others (`lsr cancel ORDER --yes`)"
                ),
                _ => resolve_hint,
            };
            let entry = entry.unwrap_or_else(|| FailedOrder::new(None, Vec::new(), error));
            single.failure = Some((entry, CliError::new(exit, message).with_hint(hint).into()));
        }
        ChildOutcome::NotSent { reason } => {
            // Never sent and never to be: this submission is over.
            let _ =
                backend
                    .history
                    .mark_child(batch_id, 1, ChildState::Withdrawn, None, Some(&reason));
            let error = match result.cause.map(std::sync::Arc::try_unwrap) {
                Some(Ok(api)) => {
                    anyhow::Error::from(api).context(format!("submitting order {}", order.pon))
                }
                _ if interrupted => CliError::new(
                    Exit::Interrupted,
                    format!(
                        "interrupted before order {} was sent: nothing was sent",
                        order.pon
                    ),
                )
                .with_hint("run the same command again to send it")
                .into(),
                _ => CliError::new(
                    Exit::Failure,
                    format!("order {} was not sent: {reason}", order.pon),
                )
                .into(),
            };
            let entry = FailedOrder::new(
                Some(order.pon.to_string()),
                order.tns.iter().map(|t| t.digits()).collect(),
                reason,
            );
            single.failure = Some((entry, error));
        }
    }
    Ok(single)
}

/// The orders that carry `cid` already (the backend's, one search, and the history's): never
/// this submission. A user's customer order id that another order carries makes recovery
/// weaker, so it is said.
async fn carried_before(
    ctx: &Context,
    backend: &Backend,
    order: &LsrOrder,
    cid: &str,
) -> anyhow::Result<Vec<String>> {
    let found = backend
        .search(&SearchQuery {
            customer_order_id: Some(cid.to_string()),
            ..SearchQuery::default()
        })
        .await
        .map_err(|e| {
            anyhow::Error::from(e).context(format!(
                "looking up customer order id `{cid}` before sending order {}; nothing was sent",
                order.pon
            ))
        })?;
    let mut ids: Vec<String> = found
        .orders
        .into_iter()
        .filter(|o| o.customer_order_id.as_deref() == Some(cid))
        .map(|o| o.order_id)
        .collect();
    let local = backend
        .history
        .search(
            &backend.key,
            &LocalQuery {
                customer_order_id: Some(cid.to_string()),
                ..LocalQuery::default()
            },
        )
        .unwrap_or_default();
    ids.extend(local.into_iter().map(|r| r.order_id));
    ids.retain(|id| !id.is_empty());
    ids.sort();
    ids.dedup();
    if !ids.is_empty() {
        let named: Vec<String> = ids
            .iter()
            .map(|id| match backend.known_record(id) {
                Some(r) => format!("{} ({id})", r.versioned_ref()),
                None => id.clone(),
            })
            .collect();
        ctx.note(&format!(
            "warning: customer order id `{cid}` is already on {} order{}: {}; should this answer be lost, only an order with this PON and these TNs created from now on counts as this one (a fresh customer order id per order makes that certain)",
            ids.len(),
            if ids.len() == 1 { "" } else { "s" },
            named.join(", ")
        ));
    }
    Ok(ids)
}

/// What a single submission prints and how it exits, after `--wait` when asked.
pub struct Concluded {
    pub json: SubmitJson,
    /// The placed order, as last seen.
    pub view: Option<OrderView>,
    pub error: Option<anyhow::Error>,
}

impl Concluded {
    /// Prints the JSON `shape` makes of the `submit` JSON (or the order for people), and ends
    /// with the error to exit with.
    pub fn finish<T: serde::Serialize>(
        self,
        ctx: &Context,
        today: chrono::NaiveDate,
        shape: impl FnOnce(SubmitJson) -> T,
    ) -> anyhow::Result<()> {
        let json = shape(self.json);
        print_submitted(ctx, &json, self.view.as_ref(), today)?;
        self.error.map_or(Ok(()), Err)
    }
}

/// Listens for Ctrl-C while order `pon` is sent: the first press says it waits for the answer
/// in flight (up to the request timeout), a second stops at once.
pub fn listen_while_sending(ctx: &Context, backend: &Backend, pon: &str) -> Interrupt {
    Interrupt::listen(ctx.show_notes().then(|| {
        format!(
            "interrupted: waiting up to {}s for the answer of order {pon} (Ctrl-C again to stop at once)…",
            backend.client.transport().options().request_timeout.as_secs(),
        )
    }))
}

/// Follows a placed order with `--wait` and turns the outcome into what is printed (the
/// `submit` JSON, the order) and the error to exit with: 4 for a rejected order or one that
/// missed its target, 5 for an unknown outcome, 8 for a wait that timed out, 130 for Ctrl-C.
/// Says `said(order)` (e.g. "submitted ACME@2 as order …") as soon as an order was placed,
/// before anything `--wait` says.
pub async fn conclude_single(
    ctx: &Context,
    backend: &Backend,
    single: Single,
    wait: Option<(WaitTarget, Duration)>,
    interrupt: &Interrupt,
    findings: Vec<Finding>,
    said: impl FnOnce(&OrderView) -> String,
) -> anyhow::Result<Concluded> {
    let counts = backend
        .history
        .batch(single.batch_id)
        .ok()
        .flatten()
        .map(|b| b.counts)
        .unwrap_or_default();
    let mut done = Concluded {
        json: SubmitJson {
            batch: batch_json(backend, single.batch_id, counts, single.interrupted, None),
            findings,
            ..SubmitJson::default()
        },
        view: None,
        error: None,
    };
    if let Some((entry, error)) = single.failure {
        done.json.failed.push(entry);
        done.error = Some(error);
        return Ok(done);
    }
    let Some(mut placed) = single.placed else {
        return Ok(done);
    };
    ctx.note(&said(&backend.view(ctx, &placed)));
    if single.interrupted {
        done.error = Some(
            CliError::new(
                Exit::Interrupted,
                format!(
                    "interrupted: order {} was placed (order id {}) before Ctrl-C took effect",
                    placed.label(),
                    placed.order_id
                ),
            )
            .with_hint(format!("follow it with `lsr status {}`", placed.label()))
            .into(),
        );
    } else if let Some((target, timeout)) = wait {
        let waited = wait_for(ctx, backend, placed, target, timeout, Some(interrupt)).await?;
        placed = waited.order.clone();
        if let Some(why) = waited.miss() {
            done.json
                .failed
                .push(FailedOrder::of_order(&backend.view(ctx, &placed), why));
        }
        done.error = waited.into_result().err();
    }
    let view = backend.view(ctx, &placed);
    done.json.orders.push(view.clone());
    done.view = Some(view);
    Ok(done)
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

    #[test]
    fn submit_request_body_of_what_passes_is_writable_xml() {
        // Moved from the validator's control-character test: what passes can be sent.
        let cal = crate::validate::BusinessCalendar::us_npac();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let mut accented = draft(1);
        accented.requested_foc_date = Some("2026-12-08".into());
        accented.subscriber.address.city = Some("Señora Café \u{2028}ok".into());
        let order = validate_order(&accented, &ValidationContext::offline(today, &cal))
            .order
            .unwrap();
        assert!(crate::wire::to_xml(&crate::wire::LsrOrder::from(&order)).is_ok());
        assert!(crate::wire::to_xml(&request_body(&order)).is_ok());
    }
}
