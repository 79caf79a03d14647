//! What a split prints: the plan of a dry run, one JSON line per child while it runs, and the
//! results table or summary at the end.

use std::io::Write;

use serde::Serialize;

use super::super::backend::Backend;
use super::super::precheck::PrecheckCost;
use super::super::present::FailedOrder;
use super::super::wait::BatchWaited;
use crate::batch::{ChildOutcome, ChildResult, LevelReport, SplitPlan};
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
        #[derive(Serialize)]
        struct DryRunChild<'a> {
            index: usize,
            pon: &'a str,
            customer_order_id: &'a str,
            tns: Vec<String>,
        }
        #[derive(Serialize)]
        struct DryRun<'a> {
            dry_run: bool,
            parent_pon: &'a str,
            tn_count: usize,
            children: Vec<DryRunChild<'a>>,
            findings: &'a [Finding],
            orders: [(); 0],
            failed: [(); 0],
        }
        // Compact: a 100,000-TN plan stays a few MB.
        let value = DryRun {
            dry_run: true,
            parent_pon: plan.parent_pon.as_str(),
            tn_count,
            children: plan
                .children
                .iter()
                .map(|c| DryRunChild {
                    index: c.index,
                    pon: c.pon.as_str(),
                    customer_order_id: &c.customer_order_id,
                    tns: tn_digits(&c.tns),
                })
                .collect(),
            findings,
            orders: [],
            failed: [],
        };
        write_json_line(&value)?;
    } else if ctx.output == OutputMode::Table && plan.children.len() <= 10_000 {
        let mut rows = Rows::new(["#", "PON", "TNS", "CUSTOMER ORDER ID"]);
        for c in &plan.children {
            rows.push([
                c.index.to_string(),
                c.pon.to_string(),
                tns_cell(&c.tns),
                c.customer_order_id.clone(),
            ]);
        }
        output::print_text(&output::render_rows(&rows, ctx.output, ctx.term_width))?;
    } else {
        // TSV (or a table too long to lay out): one line per child, streamed.
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        for c in &plan.children {
            let tns: Vec<String> = tn_digits(&c.tns);
            if let Err(e) = writeln!(
                out,
                "{}\t{}\t{}\t{}",
                c.index,
                c.pon,
                tns.join(","),
                c.customer_order_id
            ) {
                return broken_pipe_is_success(e);
            }
        }
        if let Err(e) = out.flush() {
            return broken_pipe_is_success(e);
        }
    }
    ctx.note(&format!(
        "dry run: {} TNs in {} orders of PON {} passed every check; nothing was sent",
        tn_count,
        plan.children.len(),
        plan.parent_pon
    ));
    Ok(())
}

pub(super) fn broken_pipe_is_success(e: std::io::Error) -> anyhow::Result<()> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e.into())
    }
}

/// One compact JSON value and a newline on stdout (a JSON line).
pub(super) fn write_json_line<T: Serialize>(value: &T) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = serde_json::to_writer(&mut out, value)
        .map_err(std::io::Error::other)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => Ok(()),
        Err(e) => broken_pipe_is_success(e),
    }
}

/// One child's JSON line.
#[derive(Serialize)]
pub(super) struct ChildLine<'a> {
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

/// The final JSON line: the `submit` shape with the batch id and the journal's counts.
#[derive(Serialize)]
struct BatchJson {
    batch_id: i64,
    orders: Vec<output::OrderView>,
    failed: Vec<FailedOrder>,
    counts: StateCounts,
    interrupted: bool,
    dry_run: bool,
    /// What the pre-submission check cost (`null` for a resume, which runs none).
    precheck: Option<PrecheckCost>,
    /// How the adaptive concurrency moved over the command (the check's requests included).
    concurrency: LevelReport,
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
        let mut summary = BatchJson {
            batch_id,
            orders: Vec::new(),
            failed: Vec::new(),
            counts,
            interrupted,
            dry_run: false,
            precheck,
            concurrency: backend.limiter.report(),
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
        return write_json_line(&summary);
    }
    // On a terminal, an interrupted or long batch is told in counts, with the children that
    // need attention; `batch show` has every row. Piped (TSV), every row is data.
    let compact = ctx.output == OutputMode::Table && (interrupted || results.len() > COMPACT_OVER);
    let mut rows = Rows::new(["#", "PON", "ORDER ID", "OUTCOME", "TNS"]);
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
        output::print_text(&text).or_else(broken_pipe_is_success)?;
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
        rows.push([
            r.index.to_string(),
            r.pon.clone(),
            order_id,
            outcome,
            tns_cell(&r.tns),
        ]);
    }
    if !rows.rows.is_empty() {
        output::print_text(&output::render_rows(&rows, ctx.output, ctx.term_width))
            .or_else(broken_pipe_is_success)?;
    }
    if compact {
        ctx.note(&format!(
            "`lsr batch show {batch_id}` lists every order of the batch"
        ));
    }
    Ok(())
}

/// Above this many children a batch's table on a terminal becomes counts.
const COMPACT_OVER: usize = 20;
/// How many children that need attention a compact summary lists.
const COMPACT_ROWS: usize = 10;

pub fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or(text)
}
