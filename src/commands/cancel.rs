//! `lsr cancel`: cancel open orders, after a confirmation (a prompt on a terminal, `--yes`
//! elsewhere), continuing past failures.

use clap::Args;
use serde::Serialize;

use crate::context::Context;
use crate::exit::{CliError, Exit, exit_for, message_for};
use crate::model::{Order, OrderStatus};
use crate::output::{self, OrderView, OutputMode};
use crate::session::backend::{Backend, runtime};
use crate::session::cancel::cancel_order;
use crate::session::confirm::{confirm, require_confirmation_means};
use crate::session::present::{FailedOrder, print_status_block};
use crate::session::refusals::refuse_terminal;

/// Cancel one or more open orders.
///
/// Each ORDER is an order id, a PON (its latest version) or PON@N. An order that is already
/// CANCELLED is left alone ("already cancelled, nothing sent"; exit 0, so a retried script
/// step passes). FAILED, COMPLETE and PARTIAL orders cannot be cancelled (R3) and are refused
/// before anything is sent (exit 4). On a terminal lsr asks before cancelling; elsewhere
/// (scripts, pipes, --no-input) pass --yes. With several orders, every one is tried; the exit
/// status is the worst of the failures.
///
/// JSON: {"orders", "failed", "already_cancelled", "dry_run"} (schemas/cancel.schema.json).
/// TSV columns: order_id, pon, pon_version, status, requested_foc_date, actual_foc_date,
/// foc_window_last_day, business_days_left, tn_count, error_codes, customer_order_id.
///
/// Example: lsr cancel ACME-0001 ACME-0002@2 --yes
#[derive(Debug, Clone, Args)]
pub struct CancelArgs {
    /// Orders to cancel: order ids, PONs (their latest version) or PON@N.
    #[arg(value_name = "ORDER", add = crate::session::complete::order_completer(), required = true)]
    pub orders: Vec<String>,

    /// Show what would be cancelled; change nothing and ask nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// The `cancel` document (schemas/cancel.schema.json): the cancelled (or, with --dry-run,
/// cancellable) orders and the ones that were not.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct CancelJson {
    /// The orders cancelled (with --dry-run: those that would be), and those that already
    /// were, as they stand.
    pub orders: Vec<OrderView>,
    pub failed: Vec<FailedOrder>,
    /// The order ids among `orders` that were CANCELLED already: nothing was sent for them.
    pub already_cancelled: Vec<String>,
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
        let mut open: Vec<Order> = Vec::new();
        let mut already: Vec<Order> = Vec::new();
        for reference in &args.orders {
            match backend.resolve(ctx, reference).await {
                // What was asked is already so: nothing to send, nothing failed.
                Ok(order) if order.status == Some(OrderStatus::Cancelled) => {
                    ctx.note(&format!(
                        "{} is already cancelled; nothing was sent",
                        order.label()
                    ));
                    already.push(order);
                }
                Ok(order) => match refuse_terminal(&order, "cancel") {
                    Ok(()) => open.push(order),
                    Err(e) => failures.push(failure(Some(&order), reference, e.into())),
                },
                Err(e) => failures.push(failure(None, reference, e)),
            }
        }
        already.dedup_by(|a, b| a.order_id == b.order_id);
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
        let already_cancelled = already.iter().map(|o| o.order_id.clone()).collect();
        cancelled.extend(already.iter().map(|o| backend.view(ctx, o)));
        print_outcome(ctx, cancelled, already_cancelled, &failures, args.dry_run)?;
        into_result(ctx, failures, args.orders.len())
    })
}

fn labels(orders: &[Order]) -> String {
    let shown: Vec<String> = orders
        .iter()
        .map(|o| {
            let n = o.tn_count.unwrap_or(o.tns.len());
            format!("{} ({n} TN{})", o.label(), if n == 1 { "" } else { "s" })
        })
        .collect();
    shown.join(", ")
}

/// A failure on a resolved `order`, or on a `reference` that did not resolve.
fn failure(order: Option<&Order>, reference: &str, error: anyhow::Error) -> Failure {
    let (pon, tns) = match order {
        Some(o) => (Some(o.pon.clone()).filter(|p| !p.is_empty()), o.tn_digits()),
        None => (Some(reference.to_string()), Vec::new()),
    };
    Failure {
        entry: FailedOrder::new(pon, tns, message_for(&error)),
        error,
    }
}

fn print_outcome(
    ctx: &Context,
    cancelled: Vec<OrderView>,
    already_cancelled: Vec<String>,
    failures: &[Failure],
    dry_run: bool,
) -> anyhow::Result<()> {
    match ctx.output {
        OutputMode::Json => {
            output::print_json(&CancelJson {
                orders: cancelled,
                failed: failures.iter().map(|f| f.entry.clone()).collect(),
                already_cancelled,
                dry_run,
            })?;
            return Ok(());
        }
        OutputMode::Table => {
            for view in &cancelled {
                print_status_block(ctx, view)?;
            }
        }
        OutputMode::Tsv => {
            if !cancelled.is_empty() || ctx.global.header {
                output::print_text(&ctx.render_tsv(&crate::output::order::order_rows(&cancelled)))?;
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
    if named == 1
        && failures.len() == 1
        && let Some(only) = failures.pop()
    {
        return Err(only.error);
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
