//! Split submissions: the plan (children `PON-0001` …), the pre-submission checks over every TN,
//! the journal written before each child is sent, the concurrent run with its progress and
//! Ctrl-C, the exit code from the journal, and `batch resume`.

pub(crate) mod drive;
mod observer;
mod report;

use std::time::Duration;

use super::backend::Backend;
use super::interrupt::Interrupt;
use super::precheck::{PrecheckCost, PrecheckMode};
use super::submit::{Checks, accept, online_report};
use super::wait::{WaitTarget, wait_batch};
use crate::batch::{
    ChildOutcome, ChildResult, LevelReport, PlanError, Reconciled, SplitPlan, SplitSpec,
    new_batch_token, plan_split, reconcile,
};
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::history::{ChildState, JournalChild, NewBatch, PlannedChild, StateCounts};
use crate::model::LsrOrder;

use drive::{Driven, drive, journal, planned_children, template_json};
use report::print_results;
pub use report::{ChildLine, first_line, print_plan, tns_cell};
pub(crate) use report::{batch_json, failed_entry};

/// How a split is sent.
#[derive(Debug, Clone)]
pub struct SplitOptions {
    pub spec: SplitSpec,
    /// Print the plan; send nothing (no network either).
    pub dry_run: bool,
    /// Send even when the pre-submission checks find errors (17008).
    pub force: bool,
    /// The order a `resubmit --split` replaces: its own pending FOC does not count (R4).
    pub replaces_order_id: Option<String>,
    /// How far the pre-submission check looks (`--precheck`).
    pub precheck: PrecheckMode,
    /// `--wait` for every placed child, and its `--timeout`.
    pub wait: Option<(WaitTarget, Duration)>,
}

/// Reads `--split`: `per-tn` or N ≤ 999 (exit 2 otherwise).
pub fn parse_split_spec(text: &str) -> anyhow::Result<SplitSpec> {
    let spec: SplitSpec = text.parse().map_err(|e: PlanError| {
        CliError::new(Exit::Usage, e.to_string()).with_hint(
            "use `--split per-tn` (one TN per order, R5) or `--split N` with N ≤ 999 (R7)",
        )
    })?;
    Ok(spec)
}

/// Sends `order` (all its TNs) as a split batch: [`check_split`], then [`send_split`].
///
/// Exit: 0 when every child was placed, 3 when the checks stop it, 4 when some were rejected,
/// 5 when some outcomes are unknown, 130 on Ctrl-C (finish with `lsr batch resume ID`).
/// With `options.dry_run` it only prints the plan (no network).
pub async fn submit_split(
    ctx: &Context,
    backend: &Backend,
    order: &LsrOrder,
    options: &SplitOptions,
) -> anyhow::Result<()> {
    let (findings, cost) = check_split(ctx, backend, order, options).await?;
    if options.dry_run {
        // The same checks as a single dry run, then the plan: nothing is sent.
        return print_plan(ctx, &make_plan(order, options.spec)?, &findings);
    }
    send_split(ctx, backend, order, options, Some(cost)).await
}

/// The pre-submission checks of a split over every TN: earlier submissions of unknown outcome
/// resolved first, then open orders (history and backend, per `options.precheck`;
/// `options.replaces_order_id` does not count) and learned rules. Errors stop it (exit 3)
/// unless `options.force`; warnings go to stderr. Also fails (exit 3) when the parent PON is too
/// long for the children's suffixes. `resubmit --split` runs this before its cancel. Returns
/// the findings (warnings, or errors `--force` overrode) and what the check cost.
pub async fn check_split(
    ctx: &Context,
    backend: &Backend,
    order: &LsrOrder,
    options: &SplitOptions,
) -> anyhow::Result<(Vec<crate::validate::Finding>, PrecheckCost)> {
    make_plan(order, options.spec)?;
    let draft = order.to_draft();
    let checks = Checks {
        mode: options.precheck,
        force: options.force,
        replaces: options.replaces_order_id.as_deref(),
    };
    let (report, cost) = online_report(
        ctx,
        backend,
        &draft,
        &order.tns,
        None,
        Some(options.spec),
        &checks,
    )
    .await?;
    accept(
        ctx,
        &draft,
        &report,
        Some(options.spec),
        backend.today,
        options.force,
        "nothing was sent; --force sends anyway",
    )?;
    Ok((report.findings, cost))
}

/// Plans the split, writes it to the journal and sends the children as many at a time as the
/// backend's adaptive limiter allows (no checks: see [`check_split`]). Every placed child is recorded in the history; with
/// `options.wait` every placed child is then followed to the target. `cost` is the check's, for
/// the summary.
pub async fn send_split(
    ctx: &Context,
    backend: &Backend,
    order: &LsrOrder,
    options: &SplitOptions,
    cost: Option<PrecheckCost>,
) -> anyhow::Result<()> {
    let plan = make_plan(order, options.spec)?;
    let (template, template_json) = template_json(order)?;
    let split_text = match options.spec {
        SplitSpec::PerTn => "per-tn".to_string(),
        SplitSpec::MaxTns(n) => n.to_string(),
    };
    let planned: Vec<PlannedChild<'_>> = plan
        .children
        .iter()
        .map(|c| PlannedChild {
            index: c.index,
            pon: c.pon.as_str(),
            customer_order_id: &c.customer_order_id,
            tns: &c.tns,
            // Fresh tokens: nothing carried them before.
            known_before: &[],
            strict_identity: false,
        })
        .collect();
    let batch_id = journal(
        backend,
        &NewBatch {
            parent_pon: order.pon.as_str(),
            split: &split_text,
            template: &template_json,
            replaces_order_id: options.replaces_order_id.as_deref(),
        },
        &planned,
    )?;
    let children = planned_children(&planned);
    drop(planned);
    // Held for the whole run: a `resume` of this batch elsewhere waits for it to end.
    let _lock = backend.history.lock_batch(batch_id)?;
    ctx.note(&format!(
        "batch {batch_id}: sending {} orders for PON {} ({}); if interrupted, finish it with `lsr batch resume {batch_id}`",
        children.len(),
        order.pon,
        at_a_time(backend)
    ));
    let run = BatchRun {
        batch_id,
        template: &template,
        precheck: cost,
        wait: options.wait,
    };
    run_batch(ctx, backend, &run, children, Vec::new()).await
}

/// The plan for `order`, with a fresh batch token as the base of the children's customer order
/// ids, so that no two batches (even of the same parent) share one.
pub fn make_plan(order: &LsrOrder, spec: SplitSpec) -> Result<SplitPlan, CliError> {
    plan_split(&order.pon, &new_batch_token(), &order.tns, spec).map_err(|e| {
        let hint = match &e {
            PlanError::PonTooLong { .. } => {
                "use a shorter parent PON: each child's PON is the parent's plus `-0001`"
            }
            _ => "check the --split value and the TNs",
        };
        CliError::new(Exit::Invalid, format!("{e}; nothing was sent")).with_hint(hint)
    })
}

/// What a batch run needs besides its children.
pub(crate) struct BatchRun<'a> {
    pub batch_id: i64,
    pub template: &'a LsrOrder,
    /// The pre-submission check's cost, for the summary.
    pub precheck: Option<PrecheckCost>,
    pub wait: Option<(WaitTarget, Duration)>,
}

/// Sends `to_send` (after `found` were reconciled), watches Ctrl-C, follows the placed children
/// with `--wait`, prints the results and picks the exit code: the worst child decides.
pub(crate) async fn run_batch(
    ctx: &Context,
    backend: &Backend,
    run: &BatchRun<'_>,
    to_send: Vec<JournalChild>,
    found: Vec<ChildResult>,
) -> anyhow::Result<()> {
    let batch_id = run.batch_id;
    let interrupt = Interrupt::listen(ctx.show_notes().then(|| {
        "interrupted: sending no new orders; waiting for those in flight (Ctrl-C again to stop at once)…"
            .to_string()
    }));
    let Driven {
        mut results,
        counts,
        interrupted,
        sent_now,
        elapsed,
    } = drive(
        ctx,
        backend,
        batch_id,
        run.template,
        to_send,
        found,
        &interrupt,
        drive::Progress::PerChild,
    )
    .await?;
    let waited = match run.wait {
        Some((target, timeout)) if !interrupted => {
            Some(wait_batch(ctx, backend, &mut results, target, timeout, &interrupt).await)
        }
        _ => None,
    };
    let interrupted = interrupted || interrupt.interrupted();
    print_results(
        ctx,
        backend,
        batch_id,
        &results,
        counts,
        interrupted,
        waited.as_ref(),
        run.precheck,
    )?;
    let mut summary = String::new();
    if sent_now > 0 {
        summary = format!(
            "batch {batch_id}: placed {sent_now} orders in {}, {}",
            elapsed_and_rate(sent_now, elapsed),
            concurrency_text(&backend.limiter.report())
        );
    }
    if let Some(cost) = run.precheck {
        let check = cost.summary(PrecheckMode::Remote);
        summary = if summary.is_empty() {
            format!("batch {batch_id}: {check}")
        } else {
            format!("{summary}; {check}")
        };
    }
    if !summary.is_empty() {
        ctx.note(&summary);
    }
    let exit = batch_exit(batch_id, counts, interrupted);
    match (exit, waited) {
        (Err(e), _) => Err(e),
        (Ok(()), Some(waited)) => waited.into_result(),
        (Ok(()), None) => Ok(()),
    }
}

/// `8 to 32 at a time (lowest 4; halved 3 times, 120 answers 429)`.
fn concurrency_text(r: &LevelReport) -> String {
    let mut text = format!("{} to {} at a time", r.start, r.highest);
    if r.backoffs > 0 {
        text.push_str(&format!(
            " (lowest {}; halved {} time{}, {} answer{} 429)",
            r.lowest,
            r.backoffs,
            if r.backoffs == 1 { "" } else { "s" },
            r.rate_limited,
            if r.rate_limited == 1 { "" } else { "s" }
        ));
    }
    text
}

/// `2.4s (125/s)`; under a second, only the time: a rate from a fraction of a second would
/// extrapolate a handful of orders into a claim ("3 orders in 0.0s (307/s)").
fn elapsed_and_rate(placed: usize, elapsed: std::time::Duration) -> String {
    let secs = elapsed.as_secs_f64();
    if secs < 1.0 {
        // Under a second: no rate (it would be extrapolated), but the time to the hundredth.
        format!("{secs:.2}s")
    } else {
        format!("{secs:.1}s ({:.0}/s)", placed as f64 / secs)
    }
}

/// The exit of a run, from what the journal says now.
fn batch_exit(batch_id: i64, counts: StateCounts, interrupted: bool) -> anyhow::Result<()> {
    let total = counts.total();
    let resume = format!("finish it with `lsr batch resume {batch_id}`; it sends no order twice");
    if interrupted {
        return Err(CliError::new(
            Exit::Interrupted,
            format!(
                "batch {batch_id} interrupted: {} of {total} orders placed, {} not sent yet",
                counts.sent,
                counts.unfinished()
            ),
        )
        .with_hint(resume)
        .into());
    }
    if counts.unfinished() > 0 {
        return Err(CliError::new(
            Exit::Network,
            format!(
                "batch {batch_id}: {} of {total} orders placed; {} not sent or of unknown outcome",
                counts.sent,
                counts.unfinished()
            ),
        )
        .with_hint(resume)
        .into());
    }
    if counts.rejected > 0 {
        return Err(CliError::new(
            Exit::Rejected,
            format!(
                "batch {batch_id}: {} of {total} orders were rejected by the backend",
                counts.rejected
            ),
        )
        .with_hint(format!(
            "`lsr batch show {batch_id}` lists them with the error; `lsr explain CODE` says what to do"
        ))
        .into());
    }
    Ok(())
}

/// `lsr batch resume`: finishes an interrupted batch of this backend. Children whose outcome
/// is unknown are looked up by their customer order id first; only those the backend does not
/// have are sent again. One sender at a time per batch.
pub async fn resume_batch(ctx: &Context, backend: &Backend, id: i64) -> anyhow::Result<()> {
    let summary = backend
        .history
        .batch(id)?
        .ok_or_else(|| batch_not_found(id))?;
    if summary.backend() != backend.key {
        return Err(CliError::new(
            Exit::Usage,
            format!(
                "batch {id} was sent to {} (account {}), not to {} (account {})",
                summary.base_url,
                summary.account_id,
                backend.key.base_url(),
                backend.key.account_id()
            ),
        )
        .with_hint("resume it against the same backend: pass its --base-url and --account-id (or the profile)")
        .into());
    }
    // Another process still sending this batch would send the very children this one
    // is about to: one sender at a time (released by the OS when its holder dies).
    let Some(_lock) = backend.history.lock_batch(id)? else {
        return Err(CliError::new(
            Exit::Failure,
            format!("batch {id} is being sent by another lsr process right now"),
        )
        .with_hint(format!(
            "let it finish, or stop it with Ctrl-C, then run `lsr batch resume {id}` again"
        ))
        .into());
    };
    let template: LsrOrder = serde_json::from_str(&summary.template).map_err(|e| {
        CliError::new(
            Exit::Failure,
            format!("batch {id}: the journal's parent order is unreadable: {e}"),
        )
    })?;
    let children = backend.history.batch_children(id)?;
    let (uncertain, rest): (Vec<JournalChild>, Vec<JournalChild>) =
        children.into_iter().partition(|c| c.state.is_uncertain());
    let mut to_send: Vec<JournalChild> = rest
        .into_iter()
        .filter(|c| c.state == ChildState::Planned)
        .collect();
    let mut found = Vec::new();
    let mut unchecked = 0;
    let mut missing = 0;
    if !uncertain.is_empty() {
        ctx.note(&format!(
            "batch {id}: checking {} orders of unknown outcome by their customer order id…",
            uncertain.len()
        ));
        let checked = reconcile(
            &backend.client,
            &backend.history,
            id,
            &uncertain,
            &backend.limiter,
            ChildState::Planned,
        )
        .await;
        let mut by_index: std::collections::HashMap<usize, JournalChild> =
            uncertain.into_iter().map(|c| (c.index, c)).collect();
        for (index, outcome, order) in checked {
            let Some(child) = by_index.remove(&index) else {
                continue;
            };
            match (outcome, order) {
                (Reconciled::Exists { order_id }, Some(order)) => found.push(ChildResult {
                    index,
                    pon: child.pon,
                    customer_order_id: child.customer_order_id,
                    tns: child.tns,
                    outcome: ChildOutcome::Sent {
                        order_id,
                        order: Box::new(order),
                        recovered: true,
                    },
                    cause: None,
                }),
                (Reconciled::Missing, _) => {
                    missing += 1;
                    to_send.push(JournalChild {
                        state: ChildState::Planned,
                        ..child
                    });
                }
                (Reconciled::Unchecked { error }, _) => {
                    unchecked += 1;
                    ctx.note(&format!(
                        "order {} (customer order id {}) could not be checked: {}",
                        child.pon,
                        child.customer_order_id,
                        first_line(&error)
                    ));
                }
                (Reconciled::Exists { .. }, None) => unchecked += 1,
            }
        }
        ctx.note(&format!(
            "batch {id}: {} of them already placed, {missing} missing (sent again), {unchecked} could not be checked",
            found.len(),
        ));
    }
    to_send.sort_by_key(|c| c.index);
    if to_send.is_empty() && found.is_empty() && unchecked == 0 {
        let c = summary.counts;
        ctx.note(&format!(
            "batch {id} has nothing left to send: {} placed, {} rejected",
            c.sent, c.rejected
        ));
    } else if !to_send.is_empty() {
        ctx.note(&format!(
            "batch {id}: sending {} orders ({})",
            to_send.len(),
            at_a_time(backend)
        ));
    }
    let run = BatchRun {
        batch_id: id,
        template: &template,
        precheck: None,
        wait: None,
    };
    run_batch(ctx, backend, &run, to_send, found).await
}

/// `8 at a time at first, adapting up to 32`.
fn at_a_time(backend: &Backend) -> String {
    format!(
        "{} at a time at first, adapting up to {}",
        backend.limiter.level(),
        backend.limiter.max()
    )
}

pub fn batch_not_found(id: i64) -> anyhow::Error {
    CliError::new(Exit::NotFound, format!("batch {id} not found"))
        .with_hint("`lsr batch list` shows the batches in this history")
        .into()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::model::Tn;

    fn tns(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("919720{:04}", i)).collect()
    }

    #[test]
    fn batch_tns_cell_abbreviates_long_lists() {
        let list: Vec<Tn> = tns(5).iter().map(|t| Tn::parse(t).unwrap()).collect();
        assert_eq!(tns_cell(&list[..1]), "919-720-0000");
        assert_eq!(tns_cell(&list), "919-720-0000 … 919-720-0004 (5)");
    }

    #[test]
    fn batch_exit_codes_follow_the_journal() {
        let done = StateCounts {
            sent: 3,
            ..StateCounts::default()
        };
        assert!(batch_exit(1, done, false).is_ok());
        let rejected = StateCounts {
            sent: 2,
            rejected: 1,
            ..StateCounts::default()
        };
        let err = batch_exit(1, rejected, false).unwrap_err();
        assert_eq!(err.downcast_ref::<CliError>().unwrap().exit, Exit::Rejected);
        let open = StateCounts {
            sent: 1,
            planned: 2,
            ..StateCounts::default()
        };
        let err = batch_exit(1, open, true).unwrap_err();
        let cli = err.downcast_ref::<CliError>().unwrap();
        assert_eq!(cli.exit, Exit::Interrupted);
        assert!(cli.hint.as_deref().unwrap().contains("lsr batch resume 1"));
        let err = batch_exit(1, open, false).unwrap_err();
        assert_eq!(err.downcast_ref::<CliError>().unwrap().exit, Exit::Network);
    }

    #[test]
    fn batch_rate_is_not_extrapolated_from_under_a_second() {
        use std::time::Duration;
        assert_eq!(elapsed_and_rate(3, Duration::from_millis(9)), "0.01s");
        assert_eq!(elapsed_and_rate(3, Duration::from_millis(980)), "0.98s");
        assert_eq!(
            elapsed_and_rate(300, Duration::from_millis(2400)),
            "2.4s (125/s)"
        );
    }
}
