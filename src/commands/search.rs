//! `lsr search`: find orders on the backend or in the local history.

use std::str::FromStr;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::Args;
use serde::Serialize;

use crate::client::SearchQuery;
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::history::{HistoryStore, LocalQuery};
use crate::model::{OrderStatus, Pon, Tn};
use crate::output::lookup::search_rows;
use crate::output::{self, OrderView, OutputMode};
use crate::session::backend::{Backend, history_key, number_by_creation, runtime};
use crate::validate::{BusinessCalendar, parse_requested_date};

/// Search orders by PON, TN, status, customer order id or creation date.
///
/// All given filters must match. Searching a PON shows every version of it, newest first (R8):
/// name one with PON@N elsewhere (`lsr status ACME-0001@2`). The backend answers at most 1,000
/// orders. `--local` searches only the history store (the orders lsr has submitted or seen for
/// this backend and account), with no network.
///
/// JSON: {"orders": [...]}, each order with its TNs (fetched from the backend when the history
/// lacks them, as many at a time as the backend keeps up with, up to 32) and `tn_count` (schemas/search.schema.json). TSV columns:
/// order_id, pon, pon_version, status, requested_foc_date, actual_foc_date,
/// foc_window_last_day, business_days_left, tn_count, error_codes, customer_order_id.
///
/// Example: lsr search --pon ACME-0001
///
/// Example: lsr search --tn 919-555-1234 --status PENDING --status FOC
///
/// Example: lsr search --local --created-from 2026-11-01 --json
#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    /// Orders with this PON (all versions).
    #[arg(long, value_name = "PON")]
    pub pon: Option<String>,

    /// Orders containing this telephone number (any common format).
    #[arg(long, value_name = "TN")]
    pub tn: Option<String>,

    /// Orders in this status (repeatable): PENDING, FOC, EXCEPTION, COMPLETE, PARTIAL,
    /// CANCELLED or FAILED.
    #[arg(long, value_name = "STATUS")]
    pub status: Vec<String>,

    /// Orders with this customer order id.
    #[arg(long, value_name = "ID")]
    pub customer_order_id: Option<String>,

    /// Created on or after this date (YYYY-MM-DD, MM/DD/YYYY or +Nbd).
    #[arg(long, value_name = "DATE")]
    pub created_from: Option<String>,

    /// Created on or before this date (YYYY-MM-DD, MM/DD/YYYY or +Nbd).
    #[arg(long, value_name = "DATE")]
    pub created_to: Option<String>,

    /// Search the local history store only (no network; works when the backend is down).
    #[arg(long)]
    pub local: bool,
}

/// The filters of one search, checked: a bad value is a usage error (exit 2) before anything
/// is read or sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Filters {
    pon: Option<Pon>,
    tn: Option<Tn>,
    statuses: Vec<OrderStatus>,
    customer_order_id: Option<String>,
    created_from: Option<NaiveDate>,
    created_to: Option<NaiveDate>,
}

impl Filters {
    /// Checks every flag and reports every bad one at once (exit 2).
    fn from_args(
        args: &SearchArgs,
        today: NaiveDate,
        calendar: &BusinessCalendar,
    ) -> anyhow::Result<Filters> {
        let mut problems: Vec<Problem> = Vec::new();
        let pon = keep(
            &mut problems,
            args.pon
                .as_deref()
                .map(Pon::parse)
                .transpose()
                .map_err(|e| {
                    (
                        format!("--pon: {e}"),
                        "give the PON without a version (`--pon ACME-0001`)",
                    )
                }),
        )
        .flatten();
        let tn = keep(
            &mut problems,
            args.tn.as_deref().map(Tn::parse).transpose().map_err(|e| {
                (
                    format!("--tn: {e}"),
                    "give a 10-digit number, e.g. 919-555-1234",
                )
            }),
        )
        .flatten();
        let statuses = keep(
            &mut problems,
            args.status
                .iter()
                .map(|s| OrderStatus::from_str(s))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| {
                    (
                        format!("--status: {e}"),
                        "repeat --status for several, e.g. `--status PENDING --status FOC`",
                    )
                }),
        )
        .unwrap_or_default();
        let date = |flag: &str, text: &Option<String>| {
            text.as_deref()
                .map(|t| {
                    // The forms every date flag takes (as --foc does).
                    parse_requested_date(t, today, calendar).map_err(|_| {
                        (
                            format!("{flag} `{t}` is not a date"),
                            "give dates as YYYY-MM-DD, MM/DD/YYYY or +Nbd, e.g. 2026-11-30",
                        )
                    })
                })
                .transpose()
        };
        let created_from =
            keep(&mut problems, date("--created-from", &args.created_from)).flatten();
        let created_to = keep(&mut problems, date("--created-to", &args.created_to)).flatten();
        if let (Some(from), Some(to)) = (created_from, created_to)
            && from > to
        {
            problems.push((
                format!("--created-from {from} is after --created-to {to}"),
                "swap the two dates",
            ));
        }
        if let Some((_, hint)) = problems.first() {
            let message = problems
                .iter()
                .map(|(m, _)| m.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            return Err(CliError::new(Exit::Usage, message).with_hint(*hint).into());
        }
        let customer_order_id = args
            .customer_order_id
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        Ok(Filters {
            pon,
            tn,
            statuses,
            customer_order_id,
            created_from,
            created_to,
        })
    }

    /// True when only `--pon` is given: the backend's answer lists every order of the PON.
    fn is_pon_only(&self) -> bool {
        self.pon.is_some()
            && *self
                == Filters {
                    pon: self.pon.clone(),
                    ..Filters::default()
                }
    }

    fn local_query(&self) -> LocalQuery {
        LocalQuery {
            pon: self.pon.clone(),
            tn: self.tn,
            statuses: self.statuses.clone(),
            customer_order_id: self.customer_order_id.clone(),
            created_from: self.created_from,
            created_to: self.created_to,
            limit: None,
        }
    }

    fn remote_query(&self) -> SearchQuery {
        SearchQuery {
            pon: self.pon.as_ref().map(|p| p.as_str().to_string()),
            tn: self.tn,
            statuses: self.statuses.clone(),
            customer_order_id: self.customer_order_id.clone(),
            created_from: self.created_from,
            created_to: self.created_to,
            ..SearchQuery::default()
        }
    }
}

/// A bad flag: the message and the hint.
type Problem = (String, &'static str);

/// The value, or `None` with the problem noted.
fn keep<T>(problems: &mut Vec<Problem>, result: Result<T, Problem>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(problem) => {
            problems.push(problem);
            None
        }
    }
}

/// Orders found, ready to print.
struct Found {
    views: Vec<OrderView>,
}

/// The `search` document (schemas/search.schema.json).
#[derive(Serialize, schemars::JsonSchema)]
pub struct SearchJson<'a> {
    /// Newest first; each with its TNs (fetched when the history lacks them) and `tn_count`.
    pub orders: &'a [OrderView],
}

pub fn run(ctx: &Context, args: &SearchArgs) -> anyhow::Result<()> {
    let filters = Filters::from_args(args, ctx.today, &ctx.calendar)?;
    let found = if args.local {
        search_history(ctx, &filters)?
    } else {
        runtime()?.block_on(search_backend(ctx, &filters))?
    };
    if found.views.is_empty() {
        ctx.note(if args.local {
            "no orders match in the local history (it knows only the orders lsr has seen; drop --local to ask the backend)"
        } else {
            "no orders match"
        });
    }
    match ctx.output {
        OutputMode::Json => output::print_json(&SearchJson {
            orders: &found.views,
        })?,
        _ => output::print_text(&ctx.render_rows(&search_rows(&found.views)))?,
    }
    Ok(())
}

/// `--local`: the history store only, no network (the key says which backend's orders).
fn search_history(ctx: &Context, filters: &Filters) -> anyhow::Result<Found> {
    let key = history_key(ctx)?;
    let store = HistoryStore::open_in(&ctx.config_dir)?;
    let records = store
        .search(&key, &filters.local_query())
        .context("searching the local history")?;
    let views: Vec<OrderView> = records
        .iter()
        .map(|r| OrderView::new(&r.to_order(), &ctx.calendar, ctx.today))
        .collect();
    Ok(Found { views })
}

/// The backend's search, merged with what the history knows (TNs of known orders); the others
/// are fetched for their TNs.
async fn search_backend(ctx: &Context, filters: &Filters) -> anyhow::Result<Found> {
    let backend = Backend::connect(ctx).await?;
    let answer = backend.search(&filters.remote_query()).await?;
    let mut summaries = answer.orders;
    if let Some(total) = answer.total_count
        && total > summaries.len()
    {
        ctx.note(&format!(
            "showing {} of {total} orders: the backend returns at most 1,000; narrow the search",
            summaries.len()
        ));
    }
    // Newest first; versions of one PON created in the same instant still come out newest
    // version first (R8).
    backend.merge_summaries(ctx, &mut summaries);
    if filters.is_pon_only() {
        // Every order of the PON is listed: number them by creation (R8), the history's way.
        for order in &mut summaries {
            order.pon_version = None;
        }
        number_by_creation(&mut summaries);
    }
    summaries.sort_by_key(|s| std::cmp::Reverse((s.created_at, s.pon_version)));
    backend.fill_tns(ctx, &mut summaries).await;
    let views = summaries
        .iter()
        .map(|o| OrderView::new(o, &ctx.calendar, backend.today))
        .collect();
    Ok(Found { views })
}
