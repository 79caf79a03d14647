//! `lsr history`: the backend's history of an order.

use clap::Args;

use crate::context::Context;
use crate::output::lookup::{HistoryEntryView, history_rows};
use crate::output::order::order_name;
use crate::output::{self, OutputMode};
use crate::session::backend::{Backend, runtime};
use crate::wire;

/// Show the backend's history of an order: every event with its time, the status after it, the
/// backend's note, who did it and what changed (`Field : old --> new`), oldest first.
///
/// ORDER is an order id, a PON (its latest version) or PON@N; other versions of a PON have
/// their own history (`lsr search --pon PON` lists them).
///
/// JSON: an array of events (schemas/history.schema.json). TSV columns: at, status, note,
/// author, difference.
///
/// Example: lsr history ACME-0001@2
#[derive(Debug, Clone, Args)]
pub struct HistoryArgs {
    /// The order: an order id, a PON (its latest version) or PON@N.
    #[arg(value_name = "ORDER", add = crate::session::complete::order_completer())]
    pub order: String,
}

pub fn run(ctx: &Context, args: &HistoryArgs) -> anyhow::Result<()> {
    let (name, entries) = runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        let order = backend.resolve(ctx, &args.order).await?;
        let entries = backend.client.history(&order.order_id).await?;
        anyhow::Ok((order_name(&backend.view(ctx, &order)), entries))
    })?;
    let views: Vec<HistoryEntryView> = entries.iter().map(entry_view).collect();
    if views.is_empty() {
        ctx.note(&format!("the backend has no history for {name}"));
    }
    match ctx.output {
        OutputMode::Json => output::print_json(&views)?,
        _ => output::print_text(&ctx.render_rows(&history_rows(&views)))?,
    }
    Ok(())
}

/// One wire event as printed: the time in RFC 3339 when it reads as a timestamp.
fn entry_view(entry: &wire::OrderHistory) -> HistoryEntryView {
    HistoryEntryView {
        at: entry
            .at()
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .or_else(|| entry.order_date.clone()),
        status: entry.status.clone(),
        note: entry.note.clone(),
        author: entry.author.clone(),
        difference: entry.difference.clone(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn history_entry_time_is_rfc3339_or_kept_as_sent() {
        let entry = wire::OrderHistory {
            order_date: Some("2026-11-30T12:00:05.123Z".into()),
            status: Some("FOC".into()),
            ..wire::OrderHistory::default()
        };
        assert_eq!(
            entry_view(&entry).at.as_deref(),
            Some("2026-11-30T12:00:05Z")
        );
        let odd = wire::OrderHistory {
            order_date: Some("yesterday".into()),
            ..wire::OrderHistory::default()
        };
        assert_eq!(entry_view(&odd).at.as_deref(), Some("yesterday"));
    }
}
