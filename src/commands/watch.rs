//! `lsr watch`: a live table of orders until they reach a final state; piped, one TSV row per
//! change; with `--json`, one document at the end (the changes also as JSON lines on stderr
//! with `--progress json`).

use std::collections::BTreeMap;
use std::time::Duration;

use clap::Args;
use serde::Serialize;

use crate::client::SearchQuery;
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::output::order::{ORDER_COLUMNS, order_rows};
use crate::output::{self, OrderView, OutputMode};
use crate::session::backend::{Backend, runtime};

/// Watch orders live until each reaches a final state.
///
/// On a terminal, a table redrawn at every poll. Piped, one TSV row per change: the first
/// state of every order, then each status or FOC date change. With --json, one document when
/// every order is final (or at Ctrl-C): {"orders", "changes", "interrupted"}
/// (schemas/watch.schema.json); add --progress json for each change as a JSON line on stderr as
/// it happens. Ends when every order is final (COMPLETE, CANCELLED, FAILED, PARTIAL); Ctrl-C
/// stops watching (exit 130) and changes nothing.
///
/// TSV columns: at, previous_status, order_id, pon, pon_version, status, requested_foc_date,
/// actual_foc_date, foc_window_last_day, business_days_left, tn_count, error_codes,
/// customer_order_id.
///
/// Example: lsr watch --pon ACME-0001
#[derive(Debug, Clone, Args)]
pub struct WatchArgs {
    /// Orders to watch: order ids, PONs or PON@N.
    #[arg(value_name = "ORDER", add = crate::session::complete::order_completer(), required_unless_present = "pon")]
    pub orders: Vec<String>,

    /// Watch every version of this PON.
    #[arg(long, value_name = "PON")]
    pub pon: Option<String>,

    /// Seconds between polls.
    #[arg(long, default_value_t = 5, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub interval: u64,
}

/// One change of an order: its first state, or a new status or FOC date.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Change {
    /// When lsr saw it (RFC 3339).
    pub at: String,
    /// The status before the change (null for an order's first state).
    pub previous_status: Option<String>,
    #[serde(flatten)]
    pub order: OrderView,
}

/// The `watch` document (schemas/watch.schema.json).
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct WatchJson {
    /// Every order watched, as last seen.
    pub orders: Vec<OrderView>,
    /// Every change seen, oldest first.
    pub changes: Vec<Change>,
    /// Ctrl-C stopped watching (exit 130) before every order was final.
    pub interrupted: bool,
}

/// The TSV columns of a change.
fn change_keys() -> Vec<String> {
    ["at", "previous_status"]
        .into_iter()
        .chain(ORDER_COLUMNS)
        .map(String::from)
        .collect()
}

pub fn run(ctx: &Context, args: &WatchArgs) -> anyhow::Result<()> {
    runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        let mut ids: Vec<String> = Vec::new();
        for reference in &args.orders {
            let order = backend.resolve(ctx, reference).await?;
            if !order.order_id.is_empty() {
                ids.push(order.order_id);
            }
        }
        if let Some(pon) = &args.pon {
            let found = backend
                .search(&SearchQuery {
                    pon: Some(pon.clone()),
                    ..SearchQuery::default()
                })
                .await?;
            ids.extend(
                found
                    .orders
                    .into_iter()
                    .map(|o| o.order_id)
                    .filter(|id| !id.is_empty()),
            );
        }
        ids.sort();
        ids.dedup();
        if ids.is_empty() {
            return Err(CliError::new(Exit::NotFound, "no orders to watch")
                .with_hint(
                    "name orders by id, PON or PON@N, or give --pon with a PON that has orders",
                )
                .into());
        }
        let live = ctx.output == OutputMode::Table && ctx.stdout_is_tty;
        let mut last: BTreeMap<String, (String, Option<chrono::NaiveDate>)> = BTreeMap::new();
        let mut document = WatchJson::default();
        let mut drawn_lines = 0usize;
        if ctx.output == OutputMode::Tsv && ctx.global.header {
            output::print_text(&output::tsv_line(&change_keys()))?;
        }
        loop {
            let mut views = Vec::with_capacity(ids.len());
            let mut all_final = true;
            for id in &ids {
                let order = backend.get_order(ctx, id).await?;
                all_final &= order.is_final();
                views.push(backend.view(ctx, &order));
            }
            if live {
                let table =
                    output::render_rows(&order_rows(&views), OutputMode::Table, ctx.term_width);
                let footer = if all_final {
                    "every order is final\n".to_string()
                } else {
                    format!(
                        "{}watching {} order{} every {}s; Ctrl-C stops\n",
                        if ctx.global.sandbox { "[sandbox] " } else { "" },
                        ids.len(),
                        if ids.len() == 1 { "" } else { "s" },
                        args.interval
                    )
                };
                output::stdout::with_stdout(|out| {
                    if drawn_lines > 0 {
                        // Move up over the previous table and clear to the end of the screen.
                        write!(out, "\x1b[{drawn_lines}A\x1b[J")?;
                    }
                    write!(out, "{table}{footer}")
                })?;
                drawn_lines = table.lines().count() + 1;
            } else {
                for view in &views {
                    let now = (view.status.clone(), view.actual_foc_date);
                    let previous = last.get(&view.order_id);
                    if previous == Some(&now) {
                        continue;
                    }
                    let change = Change {
                        at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                        previous_status: previous.map(|p| p.0.clone()),
                        order: view.clone(),
                    };
                    last.insert(view.order_id.clone(), now);
                    if ctx.progress_json() {
                        ctx.progress_line(&change);
                    }
                    if ctx.output == OutputMode::Json {
                        document.changes.push(change);
                    } else {
                        output::print_text(&change_row(&change))?;
                    }
                }
            }
            document.orders = views;
            if all_final {
                if ctx.output == OutputMode::Json {
                    output::print_json(&document)?;
                }
                return Ok(());
            }
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_secs(args.interval)) => {}
                _ = tokio::signal::ctrl_c() => {
                    if ctx.output == OutputMode::Json {
                        document.interrupted = true;
                        output::print_json(&document)?;
                    }
                    return Err(CliError::new(Exit::Interrupted, "stopped watching").into());
                }
            }
        }
    })
}

/// A change as one TSV line: when, the previous status, then the order's columns.
fn change_row(change: &Change) -> String {
    let order = order_rows(std::slice::from_ref(&change.order));
    let mut cells = vec![
        change.at.clone(),
        change.previous_status.clone().unwrap_or_default(),
    ];
    cells.extend(order.rows.into_iter().flatten());
    output::tsv_line(&cells)
}
