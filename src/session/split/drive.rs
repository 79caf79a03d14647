//! The one path every submission takes, a split batch or a single order (a batch of one): the
//! journal written before anything is sent, then the runner with its observer, Ctrl-C handling
//! (the first press stops new orders and waits for those in flight up to the request timeout,
//! a second stops at once), and what the journal says afterwards.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::super::backend::Backend;
use super::super::interrupt::Interrupt;
use super::observer::BatchObserver;
use crate::batch::{ChildOutcome, ChildResult, Runner};
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::history::{ChildState, JournalChild, NewBatch, PlannedChild, StateCounts};
use crate::model::LsrOrder;

/// What a run did.
pub(crate) struct Driven {
    /// Every child's result, found ones included, in plan order.
    pub results: Vec<ChildResult>,
    /// The journal's counts after the run.
    pub counts: StateCounts,
    pub interrupted: bool,
    /// Children placed by this run's POSTs.
    pub sent_now: usize,
    pub elapsed: Duration,
}

/// Writes a submission to the journal before anything is sent; returns its batch id.
pub(crate) fn journal(
    backend: &Backend,
    batch: &NewBatch<'_>,
    children: &[PlannedChild<'_>],
) -> Result<i64, CliError> {
    backend
        .history
        .create_batch(&backend.key, batch, children)
        .map_err(|e| {
            CliError::new(Exit::Failure, format!("nothing was sent: {e}"))
                .with_hint(e.hint().unwrap_or_else(|| "check the history file".into()))
        })
}

/// The parent order without TNs, as the journal keeps it.
pub(crate) fn template_json(order: &LsrOrder) -> Result<(LsrOrder, String), CliError> {
    let mut template = order.clone();
    template.tns = Vec::new();
    let json = serde_json::to_string(&template).map_err(|e| {
        CliError::new(
            Exit::Failure,
            format!("cannot write the batch journal: {e}"),
        )
    })?;
    Ok((template, json))
}

/// The journal's children as planned (before anything is sent).
pub(crate) fn planned_children(children: &[PlannedChild<'_>]) -> Vec<JournalChild> {
    children
        .iter()
        .map(|c| JournalChild {
            index: c.index,
            pon: c.pon.to_string(),
            customer_order_id: c.customer_order_id.to_string(),
            tns: c.tns.to_vec(),
            state: ChildState::Planned,
            order_id: None,
            error: None,
            updated_at: chrono::Utc::now(),
            known_before: c.known_before.to_vec(),
            strict_identity: c.strict_identity,
            attempt_at: None,
        })
        .collect()
}

/// How a run is shown while it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Progress {
    /// A split: the progress bar on a terminal, one JSON line per child with `--json`.
    PerChild,
    /// A single order: only its final answer.
    Quiet,
}

/// Sends `to_send` (after `found` were reconciled) as many at a time as the backend's adaptive
/// limiter allows, and watches Ctrl-C.
/// The caller holds the batch's lock.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn drive(
    ctx: &Context,
    backend: &Backend,
    batch_id: i64,
    template: &LsrOrder,
    to_send: Vec<JournalChild>,
    found: Vec<ChildResult>,
    interrupt: &Interrupt,
    progress: Progress,
) -> Result<Driven, CliError> {
    let stop = AtomicBool::new(false);
    let runner = Runner {
        client: &backend.client,
        history: &backend.history,
        batch_id,
        template,
        limiter: &backend.limiter,
        stop: &stop,
        clock_offset: backend.clock_offset,
        placed: Default::default(),
    };
    let observer = BatchObserver::new(
        ctx,
        backend,
        to_send.len() + found.len(),
        progress == Progress::PerChild,
    );
    for result in &found {
        observer.emit(result, true);
    }
    let indexes: Vec<usize> = to_send.iter().map(|c| c.index).collect();
    let grace = backend.client.transport().options().request_timeout;
    let started = Instant::now();
    let outcome = {
        let run = runner.send(to_send, &observer);
        tokio::pin!(run);
        let stopper = async {
            interrupt.pressed(1).await;
            stop.store(true, Ordering::SeqCst);
            interrupt.give_up(grace).await;
        };
        tokio::select! {
            biased;
            outcome = &mut run => Some(outcome),
            () = stopper => None,
        }
    };
    // A run given up with answers in flight did not write the `sent` of the children created
    // since the last mark: written now, before the journal is read.
    runner.record_placed();
    observer.finish();
    let elapsed = started.elapsed();
    let mut results = match outcome {
        Some(Ok(results)) => results,
        Some(Err(e)) => {
            return Err(CliError::new(Exit::Failure, e.to_string()).with_hint(format!(
                "children not yet recorded were not sent; fix the history file, then `lsr batch resume {batch_id}`"
            )));
        }
        // Given up with answers in flight: the journal says what is known.
        None => from_journal(backend, batch_id, &indexes),
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
    Ok(Driven {
        results,
        counts,
        interrupted: interrupt.interrupted(),
        sent_now,
        elapsed,
    })
}

/// The results of `indexes` as the journal holds them (after a run was given up).
fn from_journal(backend: &Backend, batch_id: i64, indexes: &[usize]) -> Vec<ChildResult> {
    let children = backend.history.batch_children(batch_id).unwrap_or_default();
    children
        .into_iter()
        .filter(|c| indexes.contains(&c.index))
        .map(|c| {
            let outcome = match (c.state, &c.order_id) {
                (ChildState::Sent, Some(id)) => match backend.known_record(id) {
                    Some(record) => ChildOutcome::Sent {
                        order_id: id.clone(),
                        order: Box::new(record.to_order()),
                        recovered: false,
                    },
                    None => ChildOutcome::Unknown {
                        error: format!("placed as order {id}, not yet in the history"),
                    },
                },
                (ChildState::Rejected, _) => ChildOutcome::Rejected {
                    error: c.error.clone().unwrap_or_default(),
                    codes: Vec::new(),
                },
                (ChildState::Planned | ChildState::Withdrawn, _) => ChildOutcome::NotSent {
                    reason: "stopped before it was sent".into(),
                },
                _ => ChildOutcome::Unknown {
                    error:
                        "interrupted while its answer was awaited: the order may or may not exist"
                            .into(),
                },
            };
            ChildResult {
                index: c.index,
                pon: c.pon,
                customer_order_id: c.customer_order_id,
                tns: c.tns,
                outcome,
                cause: None,
            }
        })
        .collect()
}
