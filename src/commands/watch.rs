//! `lsr watch`: a live table of orders until they reach a final state.

use std::collections::BTreeMap;
use std::io::Write;
use std::time::Duration;

use clap::Args;
use serde::Serialize;

use crate::client::SearchQuery;
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::output::{self, OrderView, OutputMode};
use crate::session::backend::{Backend, runtime};

/// Watch orders live until each reaches a final state.
///
/// On a terminal, a table redrawn at every poll; when stdout is not a terminal (or with
/// --json), one JSON line per change: the first state of every order, then each status or FOC
/// date change. Ends when every order is final (COMPLETE, CANCELLED, FAILED, PARTIAL); Ctrl-C
/// stops watching (exit 130) and changes nothing.
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

/// One JSON line of `watch` when piped.
#[derive(Debug, Serialize, schemars::JsonSchema)]
struct Change<'a> {
    at: String,
    previous_status: Option<&'a str>,
    #[serde(flatten)]
    order: &'a OrderView,
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
        let mut drawn_lines = 0usize;
        loop {
            let mut views = Vec::with_capacity(ids.len());
            let mut all_final = true;
            for id in &ids {
                let order = backend.get_order(ctx, id).await?;
                all_final &= order.is_final();
                views.push(backend.view(ctx, &order));
            }
            if live {
                let table = output::render_rows(
                    &crate::output::order::order_rows(&views),
                    OutputMode::Table,
                    ctx.term_width,
                );
                let mut out = std::io::stdout().lock();
                if drawn_lines > 0 {
                    // Move up over the previous table and clear to the end of the screen.
                    write!(out, "\x1b[{drawn_lines}A\x1b[J")?;
                }
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
                write!(out, "{table}{footer}")?;
                out.flush()?;
                drawn_lines = table.lines().count() + 1;
            } else {
                for view in &views {
                    let now = (view.status.clone(), view.actual_foc_date);
                    let previous = last.get(&view.order_id);
                    if previous != Some(&now) {
                        let line = output::json_line(&Change {
                            at: chrono::Utc::now()
                                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                            previous_status: previous.map(|p| p.0.as_str()),
                            order: view,
                        })?;
                        output::print_text(&format!("{line}\n"))?;
                        last.insert(view.order_id.clone(), now);
                    }
                }
            }
            if all_final {
                return Ok(());
            }
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_secs(args.interval)) => {}
                _ = tokio::signal::ctrl_c() => {
                    return Err(CliError::new(Exit::Interrupted, "stopped watching").into());
                }
            }
        }
    })
}
