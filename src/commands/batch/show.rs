//! `lsr batch show`: every child of a batch and its outcome.

use serde::Serialize;

use super::parse_batch_id;
use crate::context::Context;
use crate::history::{HistoryStore, JournalChild};
use crate::output::{self, OutputMode, Rows};
use crate::session::split::{batch_not_found, first_line, tns_cell};

/// The `batch show` document (schemas/batch-show.schema.json): the batch as `batch list`
/// shows it, with its children.
#[derive(Serialize, schemars::JsonSchema)]
pub struct ShowJson<'a> {
    #[serde(flatten)]
    pub batch: &'a crate::history::BatchSummary,
    pub children: &'a [JournalChild],
}

pub fn run(ctx: &Context, batch: &str) -> anyhow::Result<()> {
    let id = parse_batch_id(batch)?;
    let history = HistoryStore::open_in(&ctx.config_dir)?;
    let summary = history.batch(id)?.ok_or_else(|| batch_not_found(id))?;
    let children = history.batch_children(id)?;
    if ctx.output == OutputMode::Json {
        output::print_json(&ShowJson {
            batch: &summary,
            children: &children,
        })?;
        return Ok(());
    }
    let mut rows = Rows::new(["#", "PON", "STATE", "ORDER ID", "TNS", "ERROR"])
        .tsv_only_column("customer_order_id");
    for c in &children {
        rows.push([
            c.index.to_string(),
            c.pon.clone(),
            c.state.as_str().to_string(),
            c.order_id.clone().unwrap_or_default(),
            match ctx.output {
                OutputMode::Table => tns_cell(&c.tns),
                _ => c
                    .tns
                    .iter()
                    .map(|t| t.digits())
                    .collect::<Vec<_>>()
                    .join(","),
            },
            c.error
                .as_deref()
                .map(first_line)
                .unwrap_or_default()
                .to_string(),
            c.customer_order_id.clone(),
        ]);
    }
    output::print_text(&ctx.render_rows(&rows))?;
    let c = summary.counts;
    ctx.note(&format!(
        "batch {id} (PON {}, split {}, {} account {}): {} sent, {} rejected, {} unfinished of {}",
        summary.parent_pon,
        summary.split,
        summary.base_url,
        summary.account_id,
        c.sent,
        c.rejected,
        c.unfinished(),
        c.total()
    ));
    if c.unfinished() > 0 {
        ctx.note(&format!("finish it with `lsr batch resume {id}`"));
    }
    Ok(())
}
