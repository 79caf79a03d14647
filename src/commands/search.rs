//! `lsr search`: find orders on the backend or in the local history.

use std::str::FromStr;

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::Args;
use serde::Serialize;

use crate::client::SearchQuery;
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::history::{ErrorEntry, HistoryStore, LocalQuery, OrderRecord, OrderRef};
use crate::model::{Order, OrderStatus, Pon, Tn};
use crate::output::lookup::search_rows;
use crate::output::{self, OrderView, OutputMode};
use crate::session::backend::{Backend, history_key, order_of, runtime};

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
    /// Checks every flag and reports every bad one at once (exit 2).
    fn from_args(args: &SearchArgs) -> anyhow::Result<Filters> {
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
                    NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").map_err(|_| {
                        (
                            format!("{flag} `{t}` is not a YYYY-MM-DD date"),
                            "give dates as YYYY-MM-DD, e.g. 2026-11-30",
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

/// Orders found, ready to print: the views and, for backend summaries, their TN counts.
struct Found {
    views: Vec<OrderView>,
    tn_counts: Vec<Option<u32>>,
}

/// The JSON answer.
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
        _ => output::print_text(&ctx.render_rows(&search_rows(&found.views, &found.tn_counts)))?,
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
        .map(|r| OrderView::new(&order_of(r), &ctx.calendar, ctx.today))
        .collect();
    let tn_counts = vec![None; views.len()];
    Ok(Found { views, tn_counts })
}

/// The backend's search. Summaries carry no TNs; an order the history knows gets its TNs from
/// there (TNs never change on an order, R9), the others show the summary's count. What the
/// summary says about a known order (status, FOC dates, errors) refreshes the history, so that
/// `--local` stays current; unknown orders are not recorded without their TNs.
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
    summaries.sort_by_key(|s| std::cmp::Reverse((s.created_at, s.pon_version)));
    let mut views = Vec::with_capacity(summaries.len());
    let mut tn_counts = Vec::with_capacity(summaries.len());
    let mut refreshed = Vec::new();
    for summary in &summaries {
        let mut order = summary.clone();
        if let Some(known) = known_record(&backend, &order.order_id) {
            order.tns.clone_from(&known.tns);
            refreshed.extend(refreshed_record(known, summary));
        }
        views.push(OrderView::new(&order, &ctx.calendar, backend.today));
        tn_counts.push(summary.tn_count.map(|n| n as u32));
    }
    if !refreshed.is_empty()
        && let Err(e) = backend.history.record_orders(&backend.key, &refreshed)
    {
        ctx.note(&format!("warning: could not update the history: {e}"));
    }
    Ok(Found { views, tn_counts })
}

/// The history's record of this exact order id, if any.
fn known_record(backend: &Backend, order_id: &str) -> Option<OrderRecord> {
    if order_id.is_empty() {
        return None;
    }
    backend
        .history
        .resolve_ref(&backend.key, &OrderRef::IdOrPon(order_id.to_string()))
        .ok()
        .flatten()
        .filter(|r| r.order_id == order_id)
}

/// The known record updated with what the summary says, when the summary says something new
/// and names its modification time (without it the store could not tell old from new).
fn refreshed_record(known: OrderRecord, summary: &Order) -> Option<OrderRecord> {
    let status = summary.status?;
    let modified = summary.modified_at?;
    // Summaries may leave out errors and dates (the reference calls their errors optional):
    // what a summary does not say keeps its stored value, unless the status moved on.
    let mut errors: Vec<ErrorEntry> = summary
        .errors
        .iter()
        .map(|e| ErrorEntry::new(e.code, e.description.clone()))
        .collect();
    if errors.is_empty() && status == known.status {
        errors.clone_from(&known.errors);
    }
    let requested_foc_date = summary.requested_foc_date.or(known.requested_foc_date);
    let actual_foc_date = summary.actual_foc_date.or(known.actual_foc_date);
    let changed = known.status != status
        || known.requested_foc_date != requested_foc_date
        || known.actual_foc_date != actual_foc_date
        || known.errors != errors;
    // Equal times count as new, as the store itself counts them.
    (changed && modified >= known.updated_at).then_some(OrderRecord {
        status,
        requested_foc_date,
        actual_foc_date,
        errors,
        updated_at: modified,
        ..known
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::{TimeZone, Utc};

    fn known() -> OrderRecord {
        let at = Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap();
        OrderRecord {
            order_id: "id-1".into(),
            pon: Pon::parse("ACME").unwrap(),
            pon_version: 1,
            customer_order_id: None,
            status: OrderStatus::Pending,
            requested_foc_date: NaiveDate::from_ymd_opt(2026, 12, 4),
            actual_foc_date: None,
            tns: vec![Tn::parse("9195552001").unwrap()],
            errors: vec![ErrorEntry::new(7521, "manual")],
            created_at: at,
            updated_at: at,
        }
    }

    fn summary(status: &str, modified: &str) -> Order {
        crate::wire::LsrOrderSummary {
            order_id: Some("id-1".into()),
            order_status: Some(status.into()),
            last_modified_date: Some(modified.into()),
            actual_foc_date: Some("2026-12-04".into()),
            ..crate::wire::LsrOrderSummary::default()
        }
        .to_order()
    }

    #[test]
    fn search_refreshes_a_known_order_from_a_newer_summary() {
        let fresh = refreshed_record(known(), &summary("FOC", "2026-11-30T13:00:00Z")).unwrap();
        assert_eq!(fresh.status, OrderStatus::Foc);
        assert_eq!(fresh.actual_foc_date, NaiveDate::from_ymd_opt(2026, 12, 4));
        // Kept: the TNs the summary lacks and the requested date it leaves out.
        assert_eq!(fresh.tns, known().tns);
        assert_eq!(fresh.requested_foc_date, known().requested_foc_date);
        // The status moved on and the summary lists no errors: the 7521 is gone.
        assert!(fresh.errors.is_empty());
        // Older than what is stored, or without a time: left alone.
        assert!(refreshed_record(known(), &summary("FOC", "2026-11-30T11:00:00Z")).is_none());
        let mut undated = summary("FOC", "");
        undated.modified_at = None;
        assert!(refreshed_record(known(), &undated).is_none());
    }
}
