//! `lsr cancel`: cancel open orders, after a confirmation (a prompt on a terminal, `--yes`
//! elsewhere), continuing past failures.

use std::io::{BufRead, Write};

use anyhow::Context as _;
use clap::Args;
use serde::Serialize;

use super::backend::{Backend, runtime};
use super::order_view::OrderView;
use super::submit::FailedOrder;
use super::supp::{order_label, refuse_terminal};
use crate::context::Context;
use crate::exit::{CliError, Exit, exit_for};
use crate::output::{self, OutputMode};
use crate::wire;

/// Cancel one or more open orders.
///
/// Each ORDER is an order id, a PON (its latest version) or PON@N. FAILED, CANCELLED,
/// COMPLETE and PARTIAL orders cannot be cancelled (R3) and are refused before anything is
/// sent (exit 4). On a terminal lsr asks before cancelling; elsewhere (scripts, pipes,
/// --no-input) pass --yes. With several orders, every one is tried; the exit status is the
/// worst of the failures.
///
/// Example: lsr cancel ACME-0001 ACME-0002@2 --yes
#[derive(Debug, Clone, Args)]
pub struct CancelArgs {
    /// Orders to cancel: order ids, PONs (their latest version) or PON@N.
    #[arg(value_name = "ORDER", required = true)]
    pub orders: Vec<String>,

    /// Show what would be cancelled; change nothing and ask nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// The `cancel` JSON shape: the cancelled (or, with --dry-run, cancellable) orders and the
/// ones that were not.
#[derive(Debug, Default, Serialize)]
pub struct CancelJson {
    pub orders: Vec<OrderView>,
    pub failed: Vec<FailedOrder>,
    pub dry_run: bool,
}

/// One order that could not be cancelled, with the exit status it stands for.
struct Failure {
    entry: FailedOrder,
    error: anyhow::Error,
}

pub fn run(ctx: &Context, args: &CancelArgs) -> anyhow::Result<()> {
    // Fail before any network when nobody can confirm.
    if !args.dry_run {
        require_confirmation_means(ctx, "cancel")?;
    }
    runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        let mut failures: Vec<Failure> = Vec::new();
        let mut open: Vec<wire::LsrOrder> = Vec::new();
        for reference in &args.orders {
            match backend.resolve(ctx, reference).await {
                Ok(order) => match refuse_terminal(&order, "cancel") {
                    Ok(()) => open.push(order),
                    Err(e) => failures.push(failure(Some(&order), reference, e.into())),
                },
                Err(e) => failures.push(failure(None, reference, e)),
            }
        }
        let mut cancelled = Vec::new();
        if args.dry_run {
            cancelled = open.iter().map(|o| backend.view(ctx, o)).collect();
            if !open.is_empty() {
                ctx.note(&format!(
                    "dry run: would cancel {}; nothing was changed",
                    labels(&open)
                ));
            }
        } else if !open.is_empty() {
            confirm(ctx, "cancel", &format!("cancel {}?", labels(&open)))?;
            for order in &open {
                match cancel_order(ctx, &backend, order).await {
                    Ok(done) => cancelled.push(backend.view(ctx, &done)),
                    Err(e) => failures.push(failure(Some(order), "", e)),
                }
            }
        }
        print_outcome(ctx, cancelled, &failures, args.dry_run)?;
        into_result(ctx, failures, args.orders.len())
    })
}

/// Cancels one open order (a PUT with `OrderStatus=CANCELLED`) and records the answer.
pub(crate) async fn cancel_order(
    ctx: &Context,
    backend: &Backend,
    order: &wire::LsrOrder,
) -> anyhow::Result<wire::LsrOrder> {
    let label = order_label(order);
    let order_id = order.order_id.clone().unwrap_or_default();
    let mut done = backend
        .client
        .cancel(&order_id)
        .await
        .with_context(|| format!("cancelling order {label}"))?;
    if done.order_id.is_none() {
        done.order_id = Some(order_id);
    }
    backend.remember(ctx, &done);
    ctx.note(&format!(
        "cancelled {label} ({})",
        done.order_status.as_deref().unwrap_or("?")
    ));
    Ok(done)
}

/// Fails (exit 2) when a destructive `verb` could not be confirmed: no `--yes` and no
/// terminal to ask on.
pub(crate) fn require_confirmation_means(ctx: &Context, verb: &str) -> Result<(), CliError> {
    if ctx.global.yes || ctx.interactive {
        return Ok(());
    }
    Err(CliError::new(
        Exit::Usage,
        format!("`lsr {verb}` needs a confirmation and there is no terminal to ask on"),
    )
    .with_hint(format!("pass --yes to {verb} without a prompt")))
}

/// Asks `question` on the terminal unless `--yes`; anything but y/yes stops (exit 1).
/// `verb` names the command in the error when there is no terminal.
pub(crate) fn confirm(ctx: &Context, verb: &str, question: &str) -> anyhow::Result<()> {
    if ctx.global.yes {
        return Ok(());
    }
    require_confirmation_means(ctx, verb)?;
    let mut stderr = std::io::stderr().lock();
    write!(stderr, "{question} [y/N] ")?;
    stderr.flush()?;
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .context("reading the confirmation")?;
    if matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
        return Ok(());
    }
    Err(
        CliError::new(Exit::Failure, "not confirmed; nothing was changed")
            .with_hint("answer `y` to go ahead, or pass --yes")
            .into(),
    )
}

fn labels(orders: &[wire::LsrOrder]) -> String {
    let shown: Vec<String> = orders
        .iter()
        .map(|o| {
            let n = o.list_of_telephone_numbers.as_ref().map_or(0, Vec::len);
            format!(
                "{} ({n} TN{})",
                order_label(o),
                if n == 1 { "" } else { "s" }
            )
        })
        .collect();
    shown.join(", ")
}

/// A failure on a resolved `order`, or on a `reference` that did not resolve.
fn failure(order: Option<&wire::LsrOrder>, reference: &str, error: anyhow::Error) -> Failure {
    let (pon, tns) = match order {
        Some(o) => (
            o.pon.clone(),
            o.list_of_telephone_numbers.clone().unwrap_or_default(),
        ),
        None => (Some(reference.to_string()), Vec::new()),
    };
    Failure {
        entry: FailedOrder {
            pon,
            tns,
            error: full_message(&error),
        },
        error,
    }
}

/// The error with its context chain on one line, as `main` prints it.
fn full_message(error: &anyhow::Error) -> String {
    let mut message = error.to_string();
    for cause in error.chain().skip(1) {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
    }
    message
}

fn print_outcome(
    ctx: &Context,
    cancelled: Vec<OrderView>,
    failures: &[Failure],
    dry_run: bool,
) -> anyhow::Result<()> {
    match ctx.output {
        OutputMode::Json => {
            output::print_json(&CancelJson {
                orders: cancelled,
                failed: failures
                    .iter()
                    .map(|f| FailedOrder {
                        pon: f.entry.pon.clone(),
                        tns: f.entry.tns.clone(),
                        error: f.entry.error.clone(),
                    })
                    .collect(),
                dry_run,
            })?;
            return Ok(());
        }
        OutputMode::Table => {
            for view in &cancelled {
                output::print_text(&crate::output::order::render_status_block(
                    view,
                    ctx.color,
                    ctx.global.sandbox,
                    ctx.term_width,
                ))?;
            }
        }
        OutputMode::Tsv => {
            if !cancelled.is_empty() {
                output::print_text(&output::render_rows(
                    &crate::output::order::order_rows(&cancelled),
                    OutputMode::Tsv,
                    None,
                ))?;
            }
        }
    }
    Ok(())
}

/// Success when nothing failed; the one error itself (with its hint) when one order was
/// named; otherwise every failure on stderr and the worst exit status.
fn into_result(ctx: &Context, mut failures: Vec<Failure>, named: usize) -> anyhow::Result<()> {
    if failures.is_empty() {
        return Ok(());
    }
    if named == 1 && failures.len() == 1 {
        if let Some(only) = failures.pop() {
            return Err(only.error);
        }
    }
    let marker = if ctx.global.sandbox { "[sandbox] " } else { "" };
    for f in &failures {
        // Every message names its order (`cannot cancel order X@1: …`, `order `X` not found`).
        eprintln!("{marker}lsr: error: {}", f.entry.error);
    }
    // "Worst" is the highest exit status: not found (7) over rejected (4) over failure (1).
    let worst = failures
        .iter()
        .map(|f| exit_for(&f.error))
        .max_by_key(|e| e.code())
        .unwrap_or(Exit::Failure);
    Err(CliError::new(
        worst,
        format!("{} of {named} orders were not cancelled", failures.len()),
    )
    .with_hint("the errors above say why; `lsr status ORDER` shows where each order stands")
    .into())
}
