//! `lsr batch list`: the batches in this history, newest first.

use serde::Serialize;

use crate::context::Context;
use crate::history::HistoryStore;
use crate::output::{self, OutputMode, Rows};

/// The `batch list` document (schemas/batch-list.schema.json).
#[derive(Serialize, schemars::JsonSchema)]
pub struct ListJson<'a> {
    /// Newest first.
    pub batches: &'a [crate::history::BatchSummary],
}

pub fn run(ctx: &Context) -> anyhow::Result<()> {
    let history = HistoryStore::open_in(&ctx.config_dir)?;
    let batches = history.batches()?;
    if ctx.output == OutputMode::Json {
        output::print_json(&ListJson { batches: &batches })?;
        return Ok(());
    }
    if batches.is_empty() && !(ctx.output == OutputMode::Tsv && ctx.global.header) {
        ctx.note("no batches yet; every `lsr submit` is journaled here (a single order as a batch of one)");
        return Ok(());
    }
    let mut rows = Rows::new([
        "BATCH",
        "CREATED",
        "PON",
        "SPLIT",
        "ORDERS",
        "SENT",
        "REJECTED",
        "UNFINISHED",
    ])
    .keys([
        "id",
        "created_at",
        "parent_pon",
        "split",
        "orders",
        "sent",
        "rejected",
        "unfinished",
    ]);
    for b in &batches {
        rows.push([
            b.id.to_string(),
            b.created_at.format("%Y-%m-%d %H:%M").to_string(),
            b.parent_pon.clone(),
            b.split.clone(),
            b.counts.total().to_string(),
            b.counts.sent.to_string(),
            b.counts.rejected.to_string(),
            b.counts.unfinished().to_string(),
        ]);
    }
    output::print_text(&ctx.render_rows(&rows))?;
    Ok(())
}
