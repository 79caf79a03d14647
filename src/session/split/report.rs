//! What a split prints: the plan of a dry run, one JSON line per child while it runs, and the
//! results table or summary at the end.

use serde::Serialize;

use super::super::backend::Backend;
use super::super::precheck::PrecheckCost;
use super::super::present::{BatchJson, FailedOrder, PlanJson, PlannedChildJson, SubmitJson};
use super::super::wait::BatchWaited;
use crate::batch::{ChildOutcome, ChildResult, SplitPlan};
use crate::context::Context;
use crate::history::StateCounts;
use crate::model::Tn;
use crate::output::{self, OutputMode, Rows};
use crate::validate::Finding;

/// `tns` shown in a table cell: all of a few, else the first and last and the count.
pub fn tns_cell(tns: &[Tn]) -> String {
    match tns {
        [] => String::new(),
        [one] => one.dashed(),
        [a, b] => format!("{}, {}", a.dashed(), b.dashed()),
        [first, .., last] => format!("{} … {} ({})", first.dashed(), last.dashed(), tns.len()),
    }
}

pub(super) fn tn_digits(tns: &[Tn]) -> Vec<String> {
    tns.iter().map(|t| t.digits()).collect()
}

pub fn print_plan(ctx: &Context, plan: &SplitPlan, findings: &[Finding]) -> anyhow::Result<()> {
    let tn_count: usize = plan.children.iter().map(|c| c.tns.len()).sum();
    if ctx.output == OutputMode::Json {
        output::print_json(&SubmitJson {
            dry_run: true,
            findings: findings.to_vec(),
            plan: Some(PlanJson {
                parent_pon: plan.parent_pon.to_string(),
                tn_count,
                children: plan
                    .children
                    .iter()
                    .map(|c| PlannedChildJson {
                        index: c.index,
                        pon: c.pon.to_string(),
                        customer_order_id: c.customer_order_id.clone(),
                        tns: tn_digits(&c.tns),
                    })
                    .collect(),
            }),
            ..SubmitJson::default()
        })?;
    } else if ctx.output == OutputMode::Table && plan.children.len() <= 10_000 {
        let mut rows = Rows::new(["#", "PON", "TNS", "CUSTOMER ORDER ID"]).keys(plan_keys());
        for c in &plan.children {
            rows.push([
                c.index.to_string(),
                c.pon.to_string(),
                tns_cell(&c.tns),
                c.customer_order_id.clone(),
            ]);
        }
        output::print_text(&ctx.render_rows(&rows))?;
    } else {
        // TSV (or a table too long to lay out): one line per child, streamed.
        output::stdout::with_stdout(|out| {
            if ctx.global.header {
                out.write_all(output::tsv_line(&plan_keys()).as_bytes())?;
            }
            for c in &plan.children {
                let tns: Vec<String> = tn_digits(&c.tns);
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    c.index,
                    c.pon,
                    tns.join(","),
                    c.customer_order_id
                )?;
            }
            Ok(())
        })?;
    }
    ctx.note(&format!(
        "dry run: {} TNs in {} orders of PON {} passed every check; nothing was sent",
        tn_count,
        plan.children.len(),
        plan.parent_pon
    ));
    Ok(())
}

/// The TSV columns of a split's plan (`submit --split N --dry-run`): the TNs of a child are
/// joined by commas.
pub fn plan_keys() -> Vec<String> {
    ["index", "pon", "tns", "customer_order_id"]
        .map(String::from)
        .to_vec()
}

/// The TSV columns of a batch's results (`submit --split`, `batch resume`).
pub fn results_keys() -> Vec<String> {
    [
        "index",
        "pon",
        "order_id",
        "outcome",
        "tns",
        "customer_order_id",
    ]
    .map(String::from)
    .to_vec()
}

/// One child's progress line on stderr (`--progress json`).
#[derive(Serialize, schemars::JsonSchema)]
pub struct ChildLine<'a> {
    index: usize,
    pon: &'a str,
    customer_order_id: &'a str,
    tns: Vec<String>,
    order_id: Option<&'a str>,
    status: Option<&'a str>,
    error: Option<&'a str>,
    /// `sent`, `rejected`, `unknown`, `not_sent`, or `found` (an earlier send, found by resume).
    outcome: &'a str,
}

pub(super) fn child_line<'a>(result: &'a ChildResult, found: bool) -> ChildLine<'a> {
    let (order_id, status, error, outcome) = match &result.outcome {
        ChildOutcome::Sent {
            order_id, order, ..
        } => (
            Some(order_id.as_str()),
            Some(order.status_text.as_str()).filter(|s| !s.is_empty()),
            None,
            if found { "found" } else { "sent" },
        ),
        ChildOutcome::Rejected { error, .. } => (None, None, Some(error.as_str()), "rejected"),
        ChildOutcome::Unknown { error } => (None, None, Some(error.as_str()), "unknown"),
        ChildOutcome::NotSent { reason } => (None, None, Some(reason.as_str()), "not_sent"),
    };
    ChildLine {
        index: result.index,
        pon: &result.pon,
        customer_order_id: &result.customer_order_id,
        tns: tn_digits(&result.tns),
        order_id,
        status,
        error,
        outcome,
    }
}

/// The `failed` entry of a child that was not placed (rejected, or of unknown outcome).
pub(crate) fn failed_entry(result: &ChildResult) -> Option<FailedOrder> {
    let entry = |error: &str| {
        FailedOrder::new(
            Some(result.pon.clone()),
            tn_digits(&result.tns),
            error.to_string(),
        )
    };
    match &result.outcome {
        ChildOutcome::Rejected { error, codes } => Some(entry(error).with_codes(codes)),
        ChildOutcome::Unknown { error } => Some(entry(error)),
        ChildOutcome::Sent { .. } | ChildOutcome::NotSent { .. } => None,
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn print_results(
    ctx: &Context,
    backend: &Backend,
    batch_id: i64,
    results: &[ChildResult],
    counts: StateCounts,
    interrupted: bool,
    waited: Option<&BatchWaited>,
    precheck: Option<PrecheckCost>,
) -> anyhow::Result<()> {
    if ctx.output == OutputMode::Json {
        let mut summary = SubmitJson {
            batch: batch_json(backend, batch_id, counts, interrupted, precheck),
            ..SubmitJson::default()
        };
        for r in results {
            if let ChildOutcome::Sent { order, .. } = &r.outcome {
                summary.orders.push(backend.view(ctx, order));
            }
            summary.failed.extend(failed_entry(r));
        }
        if let Some(waited) = waited {
            for (_, w, why) in waited.missed() {
                summary
                    .failed
                    .push(FailedOrder::of_order(&backend.view(ctx, &w.order), why));
            }
        }
        return Ok(output::print_json(&summary)?);
    }
    // On a terminal, an interrupted or long batch is told in counts, with the children that
    // need attention; `batch show` has every row. Piped (TSV), every row is data.
    let compact = ctx.output == OutputMode::Table && (interrupted || results.len() > COMPACT_OVER);
    let mut rows = Rows::new(["#", "PON", "ORDER ID", "OUTCOME", "TNS"])
        .tsv_only_column("customer_order_id")
        .keys(results_keys());
    let shown: Vec<&ChildResult> = if compact {
        results
            .iter()
            .filter(|r| {
                !matches!(
                    r.outcome,
                    ChildOutcome::Sent { .. } | ChildOutcome::NotSent { .. }
                )
            })
            .take(COMPACT_ROWS)
            .collect()
    } else {
        results.iter().collect()
    };
    if compact {
        let attention = results
            .iter()
            .filter(|r| {
                !matches!(
                    r.outcome,
                    ChildOutcome::Sent { .. } | ChildOutcome::NotSent { .. }
                )
            })
            .count();
        let mut text = format!(
            "batch {batch_id}{}: {} of {} orders placed, {} rejected, {} unknown or not sent yet\n",
            if interrupted { " (interrupted)" } else { "" },
            counts.sent,
            counts.total(),
            counts.rejected,
            counts.unfinished()
        );
        if attention > shown.len() {
            text.push_str(&format!(
                "the first {} of {attention} orders that need attention:\n",
                shown.len()
            ));
        }
        output::print_text(&text)?;
    }
    for r in shown {
        let (order_id, outcome) = match &r.outcome {
            ChildOutcome::Sent {
                order_id, order, ..
            } => (
                order_id.clone(),
                Some(order.status_text.clone())
                    .filter(|s| !s.is_empty())
                    .unwrap_or_else(|| "sent".into()),
            ),
            ChildOutcome::Rejected { error, .. } => {
                (String::new(), format!("rejected: {}", first_line(error)))
            }
            ChildOutcome::Unknown { .. } => (String::new(), "unknown".into()),
            ChildOutcome::NotSent { .. } => (String::new(), "not sent".into()),
        };
        let tns = match ctx.output {
            OutputMode::Table => tns_cell(&r.tns),
            _ => tn_digits(&r.tns).join(","),
        };
        rows.push([
            r.index.to_string(),
            r.pon.clone(),
            order_id,
            outcome,
            tns,
            r.customer_order_id.clone(),
        ]);
    }
    // A compact summary with nothing that needs attention has no table.
    if !(compact && rows.rows.is_empty()) {
        output::print_text(&ctx.render_rows(&rows))?;
    }
    if compact {
        ctx.note(&format!(
            "`lsr batch show {batch_id}` lists every order of the batch"
        ));
    }
    Ok(())
}

/// The journal's batch as the `submit` document carries it, with the run's counts.
pub(crate) fn batch_json(
    backend: &Backend,
    batch_id: i64,
    counts: StateCounts,
    interrupted: bool,
    precheck: Option<PrecheckCost>,
) -> Option<BatchJson> {
    let mut summary = backend.history.batch(batch_id).ok().flatten()?;
    summary.counts = counts;
    Some(BatchJson {
        summary,
        interrupted,
        precheck,
    })
}

/// Above this many children a batch's table on a terminal becomes counts.
const COMPACT_OVER: usize = 20;
/// How many children that need attention a compact summary lists.
const COMPACT_ROWS: usize = 10;

pub fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or(text)
}
