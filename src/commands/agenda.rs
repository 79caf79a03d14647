//! `lsr agenda`: the porting desk's day — what to act on now and what is coming — from the
//! history, after refreshing the open orders from the backend.

use anyhow::Context as _;
use clap::Args;
use futures_util::StreamExt as _;

use crate::context::Context;
use crate::files::write_private_file;
use crate::history::{HistoryStore, LocalQuery, OrderRecord};
use crate::model::{Order, OrderStatus};
use crate::output::agenda::render_agenda;
use crate::output::ics::agenda_calendar;
use crate::output::{self, OutputMode};
use crate::session::backend::{Backend, history_key, runtime};
use crate::validate::agenda::agenda;

/// Orders read from the backend at once while refreshing.
const REFRESH_AT_ONCE: usize = 8;

/// The desk's day: what to act on now, and the FOC dates and window last days to come.
///
/// Act now: a FOC window ending within --within business days (activate, or the LSR fails,
/// R1); a FOC date today or passed without activation (build the NPAC subscriptions, activate,
/// R2); EXCEPTION (the supp to send, R3); 7521 (email Bandwidth, R6). Then the upcoming FOC
/// dates and window last days, and the orders still waiting for a FOC, each with its next step.
/// The open orders the history knows are read from the backend first (`--local` skips that;
/// `lsr listen` keeps the history current as notifications come). A table on a terminal, TSV
/// when piped, or --json. --ics FILE also writes an iCalendar file with an all-day event (and a
/// reminder the day before) for every FOC date and window last day; importing it again updates
/// the events.
///
/// JSON: schemas/agenda.schema.json. TSV columns: section, date, order, status, kind, what,
/// next_step.
///
/// Example: lsr agenda
///
/// Example: lsr agenda --local --within 3 --ics ~/foc.ics
#[derive(Debug, Clone, Args)]
pub struct AgendaArgs {
    /// A FOC window ending within this many business days is urgent.
    #[arg(long, default_value_t = 2, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=10))]
    pub within: u32,

    /// Use the history as it is, without reading the open orders from the backend.
    #[arg(long)]
    pub local: bool,

    /// Also write the FOC dates and window last days to FILE as an iCalendar (.ics) file.
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub ics: Option<std::path::PathBuf>,
}

fn open_query() -> LocalQuery {
    LocalQuery {
        statuses: vec![
            OrderStatus::Pending,
            OrderStatus::Foc,
            OrderStatus::Exception,
        ],
        ..LocalQuery::default()
    }
}

/// The open orders, refreshed from the backend; what cannot be read stays as the history has it.
async fn refreshed(ctx: &Context, backend: &Backend) -> anyhow::Result<Vec<Order>> {
    let known: Vec<OrderRecord> = backend.history.search(&backend.key, &open_query())?;
    let mut failed = 0usize;
    let orders: Vec<Order> = futures_util::stream::iter(known)
        .map(|record| async move {
            match backend.get_order(ctx, &record.order_id).await {
                Ok(order) => (order, false),
                Err(_) => (record.to_order(), true),
            }
        })
        .buffer_unordered(REFRESH_AT_ONCE)
        .map(|(order, stale)| {
            failed += usize::from(stale);
            order
        })
        .collect()
        .await;
    if failed > 0 {
        ctx.note(&format!(
            "warning: {failed} order{} could not be read; shown as the history has them",
            if failed == 1 { "" } else { "s" }
        ));
    }
    Ok(orders)
}

pub fn run(ctx: &Context, args: &AgendaArgs) -> anyhow::Result<()> {
    let (orders, today) = if args.local {
        let history = HistoryStore::open_in(&ctx.config_dir)?;
        let records = history.search(&history_key(ctx)?, &open_query())?;
        (
            records.iter().map(OrderRecord::to_order).collect(),
            ctx.today,
        )
    } else {
        runtime()?.block_on(async {
            let backend = Backend::connect(ctx).await?;
            let orders = refreshed(ctx, &backend).await?;
            anyhow::Ok((orders, backend.today))
        })?
    };
    let day = agenda(&orders, &ctx.calendar, today, args.within);
    if let Some(path) = &args.ics {
        let text = agenda_calendar(&orders, &ctx.calendar, today, chrono::Utc::now());
        write_private_file(path, text.as_bytes())
            .with_context(|| format!("writing the calendar `{}`", path.display()))?;
        ctx.note(&format!("wrote {}", path.display()));
    }
    ctx.note(&format!(
        "{today}: {} to act on now, {} upcoming, {} waiting for a FOC",
        day.act_now.len(),
        day.upcoming.len(),
        day.waiting.len()
    ));
    match ctx.output {
        OutputMode::Json => output::print_json(&day)?,
        mode => {
            let text = render_agenda(&day, mode, ctx.term_width, ctx.global.header);
            let marked = if ctx.global.sandbox && mode == OutputMode::Table {
                format!("[sandbox]\n{text}")
            } else {
                text
            };
            output::print_text(&marked)?
        }
    }
    Ok(())
}
