//! The progress of a running split: the history updated as each child is placed, the
//! progress bar on a terminal (with the adaptive concurrency level), one JSON line per child on
//! stderr with `--progress json`.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::super::backend::Backend;
use super::report::child_line;
use crate::batch::{ChildOutcome, ChildResult, RunObserver};
use crate::cli::ProgressMode;
use crate::context::Context;
use crate::model::Order;

/// The most placed orders held before they are written to the history together.
const RECORD_EVERY: usize = 64;
/// Held orders this old are written with the next order placed, however few they are (on a
/// slow backend, far fewer than [`RECORD_EVERY`] orders are placed in this time); whatever is
/// still held is written when the run finishes.
const RECORD_WITHIN: Duration = Duration::from_millis(250);

/// Placed orders not yet written to the history, and since when the oldest waits.
#[derive(Default)]
struct Unrecorded {
    orders: Vec<Order>,
    since: Option<Instant>,
}

/// Progress and per-child output of a run: the history, the bar, the JSON lines.
pub(super) struct BatchObserver<'a> {
    ctx: &'a Context,
    backend: &'a Backend,
    bar: Option<indicatif::ProgressBar>,
    sent: AtomicUsize,
    failed: AtomicUsize,
    total: usize,
    /// Serialises JSON lines from concurrent children.
    out: Mutex<()>,
    /// One JSON line per child on stderr (a split with `--progress json`); a single order
    /// prints only its final answer.
    lines: bool,
    /// Placed orders are written to the history a few dozen at a time, in one transaction:
    /// one each cost a batch as much as its POST. The journal, written by the runner, is what
    /// exactly-once rests on; this is the history `search --local` and `status` read. Written
    /// at the latest when the run finishes ([`BatchObserver::finish`]).
    unrecorded: Mutex<Unrecorded>,
}

impl<'a> BatchObserver<'a> {
    /// `per_child`: a split's progress bar and JSON lines (not for a single order).
    pub(super) fn new(
        ctx: &'a Context,
        backend: &'a Backend,
        total: usize,
        per_child: bool,
    ) -> BatchObserver<'a> {
        let bar = (per_child
            && ctx.global.progress == ProgressMode::Auto
            && std::io::stderr().is_terminal()
            && ctx.show_notes()
            && total > 0)
            .then(|| {
                let bar = indicatif::ProgressBar::with_draw_target(
                    Some(total as u64),
                    indicatif::ProgressDrawTarget::stderr(),
                );
                if let Ok(style) =
                    indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}, eta {eta}")
                {
                    bar.set_style(style);
                }
                bar
            });
        BatchObserver {
            ctx,
            backend,
            bar,
            sent: AtomicUsize::new(0),
            failed: AtomicUsize::new(0),
            total,
            out: Mutex::new(()),
            lines: per_child && ctx.progress_json(),
            unrecorded: Mutex::new(Unrecorded::default()),
        }
    }

    pub(super) fn emit(&self, result: &ChildResult, found: bool) {
        if let ChildOutcome::Sent { order, .. } = &result.outcome {
            self.hold(order);
            self.sent.fetch_add(1, Ordering::Relaxed);
        } else if !matches!(result.outcome, ChildOutcome::NotSent { .. }) {
            self.failed.fetch_add(1, Ordering::Relaxed);
        }
        if self.lines {
            let _guard = self.out.lock().unwrap_or_else(|e| e.into_inner());
            self.ctx.progress_line(&child_line(result, found));
        }
        if let Some(bar) = &self.bar {
            bar.inc(1);
            let sent = self.sent.load(Ordering::Relaxed);
            let failed = self.failed.load(Ordering::Relaxed);
            let rate = sent as f64 / bar.elapsed().as_secs_f64().max(0.001);
            bar.set_message(format!(
                "{sent} submitted, {failed} failed, {} remaining, {rate:.0}/s, {} at a time",
                self.total.saturating_sub(sent + failed),
                self.backend.limiter.level()
            ));
        }
    }

    /// Holds a placed order for the history; writes what is held once there are
    /// [`RECORD_EVERY`] orders or the oldest waited [`RECORD_WITHIN`].
    fn hold(&self, order: &Order) {
        let mut unrecorded = self.unrecorded.lock().unwrap_or_else(|e| e.into_inner());
        let since = *unrecorded.since.get_or_insert_with(Instant::now);
        unrecorded.orders.push(order.clone());
        if unrecorded.orders.len() >= RECORD_EVERY || since.elapsed() >= RECORD_WITHIN {
            self.record(&mut unrecorded);
        }
    }

    fn record(&self, unrecorded: &mut Unrecorded) {
        let orders = std::mem::take(&mut unrecorded.orders);
        unrecorded.since = None;
        self.backend.remember_all(self.ctx, &orders);
    }

    /// Writes the placed orders still held to the history, and clears the bar.
    pub(super) fn finish(&self) {
        {
            let mut unrecorded = self.unrecorded.lock().unwrap_or_else(|e| e.into_inner());
            self.record(&mut unrecorded);
        }
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl RunObserver for BatchObserver<'_> {
    fn finished(&self, result: &ChildResult) {
        self.emit(result, false);
    }
}
