//! The progress of a running split: the history updated as each child is placed, the
//! progress bar on a terminal, one JSON line per child on stderr with `--progress json`.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::super::backend::Backend;
use super::report::child_line;
use crate::batch::{ChildOutcome, ChildResult, RunObserver};
use crate::cli::ProgressMode;
use crate::context::Context;

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
        }
    }

    pub(super) fn emit(&self, result: &ChildResult, found: bool) {
        if let ChildOutcome::Sent { order, .. } = &result.outcome {
            self.backend.remember(self.ctx, &mut order.as_ref().clone());
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
                "{sent} submitted, {failed} failed, {} remaining, {rate:.0}/s",
                self.total.saturating_sub(sent + failed)
            ));
        }
    }

    pub(super) fn finish(&self) {
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
