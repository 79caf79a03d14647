//! `lsr status`: where an order stands and what to do next.

use std::str::FromStr;

use clap::Args;
use serde::Serialize;

use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::history::{HistoryStore, OrderNote, OrderRef, StatusEvent};
use crate::output::{self, OrderView, OutputMode};
use crate::session::backend::{Backend, history_key, runtime};
use crate::session::present::print_order;
use crate::session::wait::{WaitTarget, parse_timeout, wait_for};

/// Show an order's status, FOC date, window, errors explained and next steps.
///
/// ORDER is an order id, a PON (its latest version on the backend) or PON@N (the N-th order
/// placed with that PON). With --wait, polls with backoff until the order has a FOC date (foc)
/// or is final (final): exit 0 when it gets there (FOC or COMPLETE; COMPLETE for final), 4 when
/// it cannot (FAILED, CANCELLED; EXCEPTION for foc, which needs a supp), 8 when --timeout
/// passes first.
///
/// With --local, the history answers alone (no network): the order as lsr last saw it, with
/// every status change and how lsr learned of it (read, a notification from `lsr listen`, or
/// found by polling) and the notes notifications carried.
///
/// JSON: the order (schemas/status.schema.json; --local adds `events` and `notes`). TSV
/// columns: order_id, pon, pon_version, status, requested_foc_date, actual_foc_date,
/// foc_window_last_day, business_days_left, tn_count, error_codes, customer_order_id.
///
/// Example: lsr status ACME-0001 --wait foc --timeout 30m
///
/// Example: lsr status ACME-0001@2 --local
#[derive(Debug, Clone, Args)]
pub struct StatusArgs {
    /// The order: an order id, a PON (its latest version) or PON@N (the N-th placed).
    #[arg(value_name = "ORDER", add = crate::session::complete::order_completer())]
    pub order: String,

    /// Poll until the order has a FOC date (`foc`) or reaches a final status (`final`); exit 4
    /// when it cannot any more.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "foc", value_name = "UNTIL")]
    pub wait: Option<WaitTarget>,

    /// Give up waiting after this long (exit 8), e.g. 90s, 10m, 2h.
    #[arg(long, default_value = "10m", value_name = "DURATION")]
    pub timeout: String,

    /// Answer from the local history only (no network), with how each change was learned.
    #[arg(long, conflicts_with = "wait")]
    pub local: bool,
}

/// The `status` document (schemas/status.schema.json): the order; with --local, also its
/// recorded events and notes.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct StatusJson<'a> {
    #[serde(flatten)]
    pub view: &'a OrderView,
    /// --local: every status change lsr recorded, and how it learned of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<StatusEvent>>,
    /// --local: the notes notifications carried.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes: Option<Vec<OrderNote>>,
}

fn run_local(ctx: &Context, text: &str) -> anyhow::Result<()> {
    let reference = OrderRef::from_str(text).map_err(|e| {
        CliError::new(Exit::Usage, e.to_string())
            .with_hint("give an order id, a PON, or PON@N (e.g. ACME-0001@2)")
    })?;
    let history = HistoryStore::open_in(&ctx.config_dir)?;
    let key = history_key(ctx)?;
    let record = history.resolve_ref(&key, &reference)?.ok_or_else(|| {
        CliError::new(
            Exit::NotFound,
            format!("order `{text}` is not in the local history"),
        )
        .with_hint("drop --local to ask the backend")
    })?;
    let events = history.status_events(&key, &record.order_id)?;
    let notes = history.order_notes(&key, &record.order_id)?;
    let view = OrderView::new(&record.to_order(), &ctx.calendar, ctx.today);
    match ctx.output {
        OutputMode::Json => output::print_json(&StatusJson {
            view: &view,
            events: Some(events),
            notes: Some(notes),
        })?,
        OutputMode::Table => {
            print_order(ctx, &view, ctx.today)?;
            let mut text = String::from("\nAs recorded (local history):\n");
            for e in &events {
                let foc = e
                    .actual_foc_date
                    .map(|d| format!("  FOC {d}"))
                    .unwrap_or_default();
                let message = e
                    .message
                    .as_deref()
                    .map(|m| format!("  ({})", output::printable(m)))
                    .unwrap_or_default();
                text.push_str(&format!(
                    "  {}  {:<9}{foc}  [{}]{message}\n",
                    e.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    e.status.as_str(),
                    e.source.describe(),
                ));
            }
            for n in &notes {
                text.push_str(&format!(
                    "  {}  note: {}  [{}]\n",
                    n.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    output::printable(&n.text),
                    n.source.describe(),
                ));
            }
            output::print_text(&text)?;
        }
        OutputMode::Tsv => print_order(ctx, &view, ctx.today)?,
    }
    Ok(())
}

pub fn run(ctx: &Context, args: &StatusArgs) -> anyhow::Result<()> {
    if args.local {
        return run_local(ctx, &args.order);
    }
    let timeout = parse_timeout(&args.timeout)?;
    runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        let order = backend.resolve(ctx, &args.order).await?;
        let Some(target) = args.wait else {
            let view = backend.explained_view(ctx, &order).await;
            return print_order(ctx, &view, backend.today);
        };
        let waited = wait_for(ctx, &backend, order, target, timeout, None).await?;
        let view = backend.explained_view(ctx, &waited.order).await;
        print_order(ctx, &view, backend.today)?;
        waited.into_result()
    })
}
