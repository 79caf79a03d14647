//! Split submissions: the plan (children `PON-0001` …), the pre-submission checks over every TN,
//! the journal written before each child is sent, the concurrent run with its progress and
//! Ctrl-C, the exit code from the journal, and `batch resume`.

mod observer;
mod report;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use super::backend::Backend;
use super::submit::{accept, online_report};
use crate::batch::{
    ChildOutcome, ChildResult, PlanError, Reconciled, Runner, SplitPlan, SplitSpec, Throttle,
    new_batch_token, plan_split, reconcile,
};
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::history::{ChildState, JournalChild, NewBatch, PlannedChild, StateCounts};
use crate::model::LsrOrder;

use observer::BatchObserver;
use report::print_results;
pub use report::{first_line, print_plan, tns_cell};

/// How a split is sent.
#[derive(Debug, Clone)]
pub struct SplitOptions {
    pub spec: SplitSpec,
    /// Children sent at once (at least 1).
    pub concurrency: usize,
    /// Print the plan; send nothing (no network either).
    pub dry_run: bool,
    /// Send even when the pre-submission checks find errors (17008).
    pub force: bool,
    /// The order a `resubmit --split` replaces: its own pending FOC does not count (R4).
    pub replaces_order_id: Option<String>,
}

/// Reads `--split`: `per-tn` or N ≤ 999 (exit 2 otherwise); `--wait` does not go with it.
pub fn parse_split_spec(text: &str, wait: bool) -> anyhow::Result<SplitSpec> {
    let spec: SplitSpec = text.parse().map_err(|e: PlanError| {
        CliError::new(Exit::Usage, e.to_string()).with_hint(
            "use `--split per-tn` (one TN per order, R5) or `--split N` with N ≤ 999 (R7)",
        )
    })?;
    if wait {
        return Err(CliError::new(Exit::Usage, "--wait cannot be used with --split")
            .with_hint("submit the batch, then follow its orders with `lsr watch --pon PON-0001 …` or `lsr batch show BATCH`")
            .into());
    }
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
    if options.dry_run {
        return print_plan(ctx, &make_plan(order, options.spec)?, &[]);
    }
    check_split(ctx, backend, order, options).await?;
    send_split(ctx, backend, order, options).await
}

/// The pre-submission checks of a split over every TN: pending FOCs (history and backend,
/// concurrently; `options.replaces_order_id` does not count) and learned rules. Errors stop it
/// (exit 3) unless `options.force`; warnings go to stderr. Also fails (exit 3) when the parent
/// PON is too long for the children's suffixes. `resubmit --split` runs this before its cancel.
pub async fn check_split(
    ctx: &Context,
    backend: &Backend,
    order: &LsrOrder,
    options: &SplitOptions,
) -> anyhow::Result<()> {
    make_plan(order, options.spec)?;
    let draft = order.to_draft();
    let report = online_report(
        ctx,
        backend,
        &draft,
        &order.tns,
        None,
        Some(options.spec),
        options.replaces_order_id.as_deref(),
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
    Ok(())
}

/// Plans the split, writes it to the journal and sends the children `options.concurrency` at a
/// time (no checks: see [`check_split`]). Every placed child is recorded in the history.
pub async fn send_split(
    ctx: &Context,
    backend: &Backend,
    order: &LsrOrder,
    options: &SplitOptions,
) -> anyhow::Result<()> {
    let plan = make_plan(order, options.spec)?;
    let mut template = order.clone();
    template.tns = Vec::new();
    let template_json = serde_json::to_string(&template).map_err(|e| {
        CliError::new(
            Exit::Failure,
            format!("cannot write the batch journal: {e}"),
        )
    })?;
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
        })
        .collect();
    let batch_id = backend
        .history
        .create_batch(
            &backend.key,
            &NewBatch {
                parent_pon: order.pon.as_str(),
                split: &split_text,
                template: &template_json,
                replaces_order_id: options.replaces_order_id.as_deref(),
            },
            &planned,
        )
        .map_err(|e| {
            CliError::new(Exit::Failure, format!("nothing was sent: {e}"))
                .with_hint(e.hint().unwrap_or_else(|| "check the history file".into()))
        })?;
    drop(planned);
    // Held for the whole run: a `resume` of this batch elsewhere waits for it to end.
    let _lock = backend.history.lock_batch(batch_id)?;
    let children: Vec<JournalChild> = plan
        .children
        .into_iter()
        .map(|c| JournalChild {
            index: c.index,
            pon: c.pon.to_string(),
            customer_order_id: c.customer_order_id,
            tns: c.tns,
            state: ChildState::Planned,
            order_id: None,
            error: None,
            updated_at: chrono::Utc::now(),
        })
        .collect();
    ctx.note(&format!(
        "batch {batch_id}: sending {} orders for PON {} ({} at a time); if interrupted, finish it with `lsr batch resume {batch_id}`",
        children.len(),
        order.pon,
        options.concurrency.max(1)
    ));
    run_batch(
        ctx,
        backend,
        batch_id,
        &template,
        children,
        Vec::new(),
        options.concurrency,
    )
    .await
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

/// Sends `to_send` (after `found` were reconciled), watches Ctrl-C, prints the results and
/// picks the exit code from the journal.
pub(crate) async fn run_batch(
    ctx: &Context,
    backend: &Backend,
    batch_id: i64,
    template: &LsrOrder,
    to_send: Vec<JournalChild>,
    found: Vec<ChildResult>,
    concurrency: usize,
) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    let interrupted = Arc::new(AtomicBool::new(false));
    let watcher = {
        let (stop, interrupted) = (stop.clone(), interrupted.clone());
        let show = ctx.show_notes();
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                interrupted.store(true, Ordering::SeqCst);
                stop.store(true, Ordering::SeqCst);
                if show {
                    eprintln!("interrupted: sending no new orders; waiting for those in flight…");
                }
            }
        })
    };
    let throttle = Throttle::default();
    let runner = Runner {
        client: &backend.client,
        history: &backend.history,
        batch_id,
        template,
        concurrency,
        stop: &stop,
        throttle: &throttle,
    };
    let observer = BatchObserver::new(ctx, backend, to_send.len() + found.len());
    for result in &found {
        observer.emit(result, true);
    }
    let started = Instant::now();
    let outcome = runner.send(to_send, &observer).await;
    observer.finish();
    watcher.abort();
    let elapsed = started.elapsed();
    let mut results = match outcome {
        Ok(results) => results,
        Err(e) => {
            return Err(CliError::new(Exit::Failure, e.to_string())
                .with_hint(format!(
                    "children not yet recorded were not sent; fix the history file, then `lsr batch resume {batch_id}`"
                ))
                .into());
        }
    };
    let sent_now = results
        .iter()
        .filter(|r| matches!(r.outcome, ChildOutcome::Sent { .. }))
        .count();
    results.splice(0..0, found);
    results.sort_by_key(|r| r.index);
    let counts = backend
        .history
        .batch(batch_id)
        .ok()
        .flatten()
        .map(|b| b.counts)
        .unwrap_or_default();
    let was_interrupted = interrupted.load(Ordering::SeqCst);
    print_results(ctx, backend, batch_id, &results, counts, was_interrupted)?;
    if sent_now > 0 {
        let secs = elapsed.as_secs_f64().max(0.001);
        ctx.note(&format!(
            "batch {batch_id}: placed {sent_now} orders in {secs:.1}s ({:.0}/s)",
            sent_now as f64 / secs
        ));
    }
    batch_exit(batch_id, counts, was_interrupted)
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
pub async fn resume_batch(
    ctx: &Context,
    backend: &Backend,
    id: i64,
    concurrency: usize,
) -> anyhow::Result<()> {
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
            concurrency,
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
            "batch {id}: sending {} orders ({} at a time)",
            to_send.len(),
            concurrency.max(1)
        ));
    }
    run_batch(ctx, backend, id, &template, to_send, found, concurrency).await
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
}
