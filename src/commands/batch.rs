//! `lsr batch` (the journal of split submissions) and the split path of `submit` / `resubmit`:
//! plan, pre-submission checks over every TN, the journal, the concurrent run with its progress
//! bar or JSON lines, Ctrl-C, and `resume`.

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::backend::{Backend, runtime};
use super::order_input::read_order_input;
use super::presubmit;
use super::submit::{FailedOrder, SubmitArgs, stop_on_findings};
use super::validate::findings_rows;
use crate::batch::{
    ChildOutcome, ChildResult, PlanError, Reconciled, RunObserver, Runner, SplitPlan, SplitSpec,
    Throttle, new_batch_token, plan_split, reconcile,
};
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::history::{ChildState, JournalChild, NewBatch, PlannedChild, StateCounts};
use crate::model::{LsrOrder, OrderDraft, Tn};
use crate::output::{self, OutputMode, Rows};
use crate::validate::{Finding, Report, ValidationContext, validate_order};

/// List, inspect and resume split submissions.
///
/// Every `submit --split` (and `resubmit --split`) is journaled in the history before anything
/// is sent: each child is marked before its POST and after. `resume` finishes an interrupted
/// batch: children whose outcome is unknown are looked up by their customer order id first, so
/// none is placed twice.
///
/// Example: lsr batch resume 3
#[derive(Debug, Clone, Args)]
pub struct BatchArgs {
    #[command(subcommand)]
    pub action: BatchAction,
}

/// `lsr batch` actions.
#[derive(Debug, Clone, Subcommand)]
pub enum BatchAction {
    /// List batches, newest first.
    ///
    /// Example: lsr batch list
    List,
    /// Show every child of a batch and its outcome.
    ///
    /// Example: lsr batch show 3
    Show {
        /// The batch id.
        #[arg(value_name = "BATCH")]
        batch: String,
    },
    /// Finish an interrupted batch without sending any child twice.
    ///
    /// Children whose outcome is unknown are looked up by customer order id first; only those
    /// the backend does not have are sent.
    ///
    /// Example: lsr batch resume 3
    Resume {
        /// The batch id.
        #[arg(value_name = "BATCH")]
        batch: String,
        /// How many children to send at once.
        #[arg(long, default_value_t = 8, value_name = "N")]
        concurrency: usize,
    },
}

pub fn run(ctx: &Context, args: &BatchArgs) -> anyhow::Result<()> {
    match &args.action {
        BatchAction::List => list(ctx),
        BatchAction::Show { batch } => show(ctx, batch),
        BatchAction::Resume { batch, concurrency } => resume(ctx, batch, *concurrency),
    }
}

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

/// `lsr submit --split …`: offline checks of the whole order, then the plan (dry run) or the
/// batch.
pub fn submit_split_command(ctx: &Context, args: &SubmitArgs, split: &str) -> anyhow::Result<()> {
    let spec = parse_split_spec(split, args.wait.is_some())?;
    let input = read_order_input(args.from.as_deref(), &args.fields, &args.tns)?;
    let mut draft = input.draft.clone();
    if draft.spid.is_none() {
        draft.spid = ctx.settings.spid.as_ref().map(|s| s.value.clone());
    }
    // As in a plain submit: missing required fields are asked for, or a usage error.
    let asked = crate::session::wizard::complete_order(ctx, &mut draft)?;
    let offline = ValidationContext::offline(ctx.today, &ctx.calendar);
    let mut report = split_report(&draft, &offline, spec);
    input.annotate_findings(&mut report.findings);
    if !report.ok() {
        return stop_on_findings(ctx, &draft, &report, "nothing was sent");
    }
    let Some(order) = report.order.clone() else {
        return stop_on_findings(ctx, &draft, &report, "nothing was sent");
    };
    let options = SplitOptions {
        spec,
        concurrency: args.concurrency,
        dry_run: args.dry_run,
        force: args.force,
        replaces_order_id: None,
    };
    if args.dry_run {
        show_warnings(ctx, &report.findings);
        return print_plan(ctx, &make_plan(&order, spec)?, &report.findings);
    }
    if asked {
        crate::session::wizard::confirm_sending(ctx, &order, &report.findings)?;
    }
    runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        submit_split(ctx, &backend, &order, &options).await
    })
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
    let outside = presubmit::gather(
        ctx,
        backend,
        &order.tns,
        options.replaces_order_id.as_deref(),
    )
    .await?;
    let rules = ValidationContext {
        today: backend.today,
        calendar: &ctx.calendar,
        pending_focs: &outside.pending_focs,
        one_tn_required: &outside.learned.one_tn_required,
        manual_handling: &outside.learned.manual_handling,
    };
    let draft = order.to_draft();
    let report = split_report(&draft, &rules, options.spec);
    if !report.ok() && !options.force {
        return stop_on_findings(
            ctx,
            &draft,
            &report,
            "nothing was sent; --force sends anyway",
        );
    }
    show_warnings(ctx, &report.findings);
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
    let _lock = backend
        .history
        .lock_batch(batch_id)
        .map_err(history_error)?;
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

/// The plan for `order`, with a fresh batch token as the base of the children's customer order
/// ids, so that no two batches (even of the same parent) share one.
fn make_plan(order: &LsrOrder, spec: SplitSpec) -> Result<SplitPlan, CliError> {
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

fn show_warnings(ctx: &Context, findings: &[Finding]) {
    if findings.is_empty() || ctx.output == OutputMode::Json || !ctx.show_notes() {
        return;
    }
    eprint!(
        "{}",
        output::render_rows(&findings_rows(findings), ctx.output, ctx.term_width)
    );
}

/// `tns` shown in a table cell: all of a few, else the first and last and the count.
fn tns_cell(tns: &[Tn]) -> String {
    match tns {
        [] => String::new(),
        [one] => one.dashed(),
        [a, b] => format!("{}, {}", a.dashed(), b.dashed()),
        [first, .., last] => format!("{} … {} ({})", first.dashed(), last.dashed(), tns.len()),
    }
}

fn tn_digits(tns: &[Tn]) -> Vec<String> {
    tns.iter().map(|t| t.digits()).collect()
}

fn print_plan(ctx: &Context, plan: &SplitPlan, findings: &[Finding]) -> anyhow::Result<()> {
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
        "dry run: {} TNs in {} orders of PON {}; nothing was sent (the checks for pending FOCs run when the batch is sent)",
        tn_count,
        plan.children.len(),
        plan.parent_pon
    ));
    Ok(())
}

fn broken_pipe_is_success(e: std::io::Error) -> anyhow::Result<()> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e.into())
    }
}

/// One compact JSON value and a newline on stdout (a JSON line).
fn write_json_line<T: Serialize>(value: &T) -> anyhow::Result<()> {
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
struct ChildLine<'a> {
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

fn child_line<'a>(result: &'a ChildResult, found: bool) -> ChildLine<'a> {
    let (order_id, status, error, outcome) = match &result.outcome {
        ChildOutcome::Sent {
            order_id, order, ..
        } => (
            Some(order_id.as_str()),
            order.order_status.as_deref(),
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

/// Progress and per-child output of a run: the history, the bar, the JSON lines.
struct BatchObserver<'a> {
    ctx: &'a Context,
    backend: &'a Backend,
    bar: Option<indicatif::ProgressBar>,
    sent: AtomicUsize,
    failed: AtomicUsize,
    total: usize,
    /// Serialises JSON lines from concurrent children.
    out: Mutex<()>,
}

impl<'a> BatchObserver<'a> {
    fn new(ctx: &'a Context, backend: &'a Backend, total: usize) -> BatchObserver<'a> {
        let bar = (std::io::stderr().is_terminal() && ctx.show_notes() && total > 0).then(|| {
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
        }
    }

    fn emit(&self, result: &ChildResult, found: bool) {
        if let ChildOutcome::Sent { order, .. } = &result.outcome {
            self.backend.remember(self.ctx, order);
            self.sent.fetch_add(1, Ordering::Relaxed);
        } else if !matches!(result.outcome, ChildOutcome::NotSent { .. }) {
            self.failed.fetch_add(1, Ordering::Relaxed);
        }
        if self.ctx.output == OutputMode::Json {
            let _guard = self.out.lock().unwrap_or_else(|e| e.into_inner());
            let line = child_line(result, found);
            match &self.bar {
                Some(bar) => bar.suspend(|| write_json_line(&line)),
                None => write_json_line(&line),
            }
            .ok();
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

    fn finish(&self) {
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

/// The final JSON line: the `submit` shape with the batch id and the journal's counts.
#[derive(Serialize)]
struct BatchJson {
    batch_id: i64,
    orders: Vec<super::order_view::OrderView>,
    failed: Vec<FailedOrder>,
    counts: StateCounts,
    interrupted: bool,
    dry_run: bool,
}

/// Sends `to_send` (after `found` were reconciled), watches Ctrl-C, prints the results and
/// picks the exit code from the journal.
async fn run_batch(
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

fn print_results(
    ctx: &Context,
    backend: &Backend,
    batch_id: i64,
    results: &[ChildResult],
    counts: StateCounts,
    interrupted: bool,
) -> anyhow::Result<()> {
    if ctx.output == OutputMode::Json {
        let mut summary = BatchJson {
            batch_id,
            orders: Vec::new(),
            failed: Vec::new(),
            counts,
            interrupted,
            dry_run: false,
        };
        for r in results {
            match &r.outcome {
                ChildOutcome::Sent { order, .. } => summary.orders.push(backend.view(ctx, order)),
                ChildOutcome::Rejected { error, .. } | ChildOutcome::Unknown { error } => {
                    summary.failed.push(FailedOrder {
                        pon: Some(r.pon.clone()),
                        tns: tn_digits(&r.tns),
                        error: error.clone(),
                    })
                }
                ChildOutcome::NotSent { .. } => {}
            }
        }
        return write_json_line(&summary);
    }
    let mut rows = Rows::new(["#", "PON", "ORDER ID", "OUTCOME", "TNS"]);
    for r in results {
        let (order_id, outcome) = match &r.outcome {
            ChildOutcome::Sent {
                order_id, order, ..
            } => (
                order_id.clone(),
                order.order_status.clone().unwrap_or_else(|| "sent".into()),
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
    output::print_text(&output::render_rows(&rows, ctx.output, ctx.term_width))
        .or_else(broken_pipe_is_success)
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or(text)
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

fn parse_batch_id(text: &str) -> Result<i64, CliError> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| {
            CliError::new(Exit::Usage, format!("batch id `{text}` is not a number"))
                .with_hint("`lsr batch list` shows the batch ids")
        })
}

fn history_error(e: crate::history::StoreError) -> anyhow::Error {
    let hint = e.hint();
    let err = CliError::new(Exit::Failure, e.to_string());
    match hint {
        Some(h) => err.with_hint(h).into(),
        None => err.into(),
    }
}

fn open_history(ctx: &Context) -> anyhow::Result<crate::history::HistoryStore> {
    crate::history::HistoryStore::open_in(&ctx.config_dir).map_err(history_error)
}

fn not_found(id: i64) -> anyhow::Error {
    CliError::new(Exit::NotFound, format!("batch {id} not found"))
        .with_hint("`lsr batch list` shows the batches in this history")
        .into()
}

fn list(ctx: &Context) -> anyhow::Result<()> {
    let history = open_history(ctx)?;
    let batches = history.batches().map_err(history_error)?;
    if ctx.output == OutputMode::Json {
        #[derive(Serialize)]
        struct ListJson<'a> {
            batches: &'a [crate::history::BatchSummary],
        }
        output::print_json(&ListJson { batches: &batches })?;
        return Ok(());
    }
    if batches.is_empty() {
        ctx.note("no batches yet; `lsr submit --split per-tn …` starts one");
        return Ok(());
    }
    let mut rows = Rows::new([
        "BATCH",
        "CREATED",
        "PON",
        "SPLIT",
        "ORDERS",
        "SENT",
        "REJECTED",
        "UNFINISHED",
    ]);
    for b in &batches {
        rows.push([
            b.id.to_string(),
            b.created_at.format("%Y-%m-%d %H:%M").to_string(),
            b.parent_pon.clone(),
            b.split.clone(),
            b.counts.total().to_string(),
            b.counts.sent.to_string(),
            b.counts.rejected.to_string(),
            b.counts.unfinished().to_string(),
        ]);
    }
    output::print_text(&output::render_rows(&rows, ctx.output, ctx.term_width))
        .or_else(broken_pipe_is_success)
}

fn show(ctx: &Context, batch: &str) -> anyhow::Result<()> {
    let id = parse_batch_id(batch)?;
    let history = open_history(ctx)?;
    let summary = history
        .batch(id)
        .map_err(history_error)?
        .ok_or_else(|| not_found(id))?;
    let children = history.batch_children(id).map_err(history_error)?;
    if ctx.output == OutputMode::Json {
        #[derive(Serialize)]
        struct ShowJson<'a> {
            #[serde(flatten)]
            batch: &'a crate::history::BatchSummary,
            children: &'a [JournalChild],
        }
        output::print_json(&ShowJson {
            batch: &summary,
            children: &children,
        })?;
        return Ok(());
    }
    let mut rows = Rows::new(["#", "PON", "STATE", "ORDER ID", "TNS", "ERROR"]);
    for c in &children {
        rows.push([
            c.index.to_string(),
            c.pon.clone(),
            c.state.as_str().to_string(),
            c.order_id.clone().unwrap_or_default(),
            tns_cell(&c.tns),
            c.error
                .as_deref()
                .map(first_line)
                .unwrap_or_default()
                .to_string(),
        ]);
    }
    output::print_text(&output::render_rows(&rows, ctx.output, ctx.term_width))
        .or_else(broken_pipe_is_success)?;
    let c = summary.counts;
    ctx.note(&format!(
        "batch {id} (PON {}, split {}, {} account {}): {} sent, {} rejected, {} unfinished of {}",
        summary.parent_pon,
        summary.split,
        summary.base_url,
        summary.account_id,
        c.sent,
        c.rejected,
        c.unfinished(),
        c.total()
    ));
    if c.unfinished() > 0 {
        ctx.note(&format!("finish it with `lsr batch resume {id}`"));
    }
    Ok(())
}

fn resume(ctx: &Context, batch: &str, concurrency: usize) -> anyhow::Result<()> {
    let id = parse_batch_id(batch)?;
    runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        let summary = backend
            .history
            .batch(id)
            .map_err(history_error)?
            .ok_or_else(|| not_found(id))?;
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
        let Some(_lock) = backend.history.lock_batch(id).map_err(history_error)? else {
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
        let children = backend.history.batch_children(id).map_err(history_error)?;
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
        run_batch(ctx, &backend, id, &template, to_send, found, concurrency).await
    })
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
