//! `lsr search`: find orders on the backend or in the local history.

use std::str::FromStr;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::Args;
use serde::Serialize;

use super::backend::{Backend, facts_from_record, facts_from_summary, history_key, runtime};
use super::order_view::{OrderView, order_view};
use crate::client::SearchQuery;
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::history::{HistoryStore, LocalQuery, OrderRef};
use crate::model::{OrderStatus, Pon, Tn};
use crate::output::lookup::search_rows;
use crate::output::{self, OutputMode};

/// Search orders by PON, TN, status, customer order id or creation date.
///
/// All given filters must match. Searching a PON shows every version of it, newest first (R8):
/// name one with PON@N elsewhere (`lsr status ACME-0001@2`). The backend answers at most 1,000
/// orders. `--local` searches only the history store (the orders lsr has submitted or seen for
/// this backend and account), with no network.
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

    /// Created on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub created_from: Option<String>,

    /// Created on or before this date (YYYY-MM-DD).
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
    fn from_args(args: &SearchArgs) -> anyhow::Result<Filters> {
        let usage = |message: String, hint: &str| -> anyhow::Error {
            CliError::new(Exit::Usage, message).with_hint(hint).into()
        };
        let pon = args
            .pon
            .as_deref()
            .map(Pon::parse)
            .transpose()
            .map_err(|e| {
                usage(
                    format!("--pon: {e}"),
                    "give the PON without a version (`--pon ACME-0001`)",
                )
            })?;
        let tn = args.tn.as_deref().map(Tn::parse).transpose().map_err(|e| {
            usage(
                format!("--tn: {e}"),
                "give a 10-digit number, e.g. 919-555-1234",
            )
        })?;
        let statuses = args
            .status
            .iter()
            .map(|s| OrderStatus::from_str(s))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| {
                usage(
                    format!("--status: {e}"),
                    "repeat --status for several, e.g. `--status PENDING --status FOC`",
                )
            })?;
        let date = |flag: &str, text: &Option<String>| -> anyhow::Result<Option<NaiveDate>> {
            text.as_deref()
                .map(|t| {
                    NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").map_err(|_| {
                        usage(
                            format!("{flag} `{t}` is not a YYYY-MM-DD date"),
                            "e.g. 2026-11-30",
                        )
                    })
                })
                .transpose()
        };
        let created_from = date("--created-from", &args.created_from)?;
        let created_to = date("--created-to", &args.created_to)?;
        if let (Some(from), Some(to)) = (created_from, created_to) {
            if from > to {
                return Err(usage(
                    format!("--created-from {from} is after --created-to {to}"),
                    "swap the two dates",
                ));
            }
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

/// Orders found, ready to print: the views and, for backend summaries, their TN counts.
struct Found {
    views: Vec<OrderView>,
    tn_counts: Vec<Option<u32>>,
}

/// The JSON answer (SPEC section 2).
#[derive(Serialize)]
struct SearchJson<'a> {
    orders: &'a [OrderView],
}

pub fn run(ctx: &Context, args: &SearchArgs) -> anyhow::Result<()> {
    let filters = Filters::from_args(args)?;
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
        mode => output::print_text(&output::render_rows(
            &search_rows(&found.views, &found.tn_counts),
            mode,
            ctx.term_width,
        ))?,
    }
    Ok(())
}

/// `--local`: the history store only, no network (the key says which backend's orders).
fn search_history(ctx: &Context, filters: &Filters) -> anyhow::Result<Found> {
    let key = history_key(ctx)?;
    let store = HistoryStore::open_in(&ctx.config_dir).map_err(|e| {
        let hint = e.hint();
        let err = CliError::new(Exit::Failure, e.to_string());
        match hint {
            Some(h) => err.with_hint(h),
            None => err,
        }
    })?;
    let records = store
        .search(&key, &filters.local_query())
        .context("searching the local history")?;
    let views: Vec<OrderView> = records
        .iter()
        .map(|r| order_view(&facts_from_record(r), &ctx.calendar, ctx.today))
        .collect();
    let tn_counts = vec![None; views.len()];
    Ok(Found { views, tn_counts })
}

/// The backend's search. Summaries carry no TNs; an order the history knows gets its TNs from
/// there (TNs never change on an order, R9), the others show the summary's count.
async fn search_backend(ctx: &Context, filters: &Filters) -> anyhow::Result<Found> {
    let backend = Backend::connect(ctx).await?;
    let answer = backend.client.search(&filters.remote_query()).await?;
    let mut summaries = answer.summaries;
    if let Some(total) = answer.total_count {
        if usize::try_from(total).is_ok_and(|t| t > summaries.len()) {
            ctx.note(&format!(
                "showing {} of {total} orders: the backend returns at most 1,000; narrow the search",
                summaries.len()
            ));
        }
    }
    // Newest first; versions of one PON created in the same instant still come out newest
    // version first (R8).
    summaries.sort_by_key(|s| std::cmp::Reverse((s.ordered_at(), s.pon_version)));
    let mut views = Vec::with_capacity(summaries.len());
    let mut tn_counts = Vec::with_capacity(summaries.len());
    for summary in &summaries {
        let mut facts = facts_from_summary(summary);
        if let Some(known) = known_tns(&backend, &facts.order_id) {
            facts.tns = known;
        }
        views.push(order_view(&facts, &ctx.calendar, backend.today));
        tn_counts.push(summary.count_of_tns);
    }
    Ok(Found { views, tn_counts })
}

/// The TNs the history recorded for this exact order id, if any.
fn known_tns(backend: &Backend, order_id: &str) -> Option<Vec<String>> {
    if order_id.is_empty() {
        return None;
    }
    let record = backend
        .history
        .resolve_ref(&backend.key, &OrderRef::IdOrPon(order_id.to_string()))
        .ok()
        .flatten()
        .filter(|r| r.order_id == order_id)?;
    Some(record.tns.iter().map(|t| t.digits()).collect())
}
