//! `lsr notes ORDER`: the order's notes.

use crate::context::Context;
use crate::output::lookup::{NoteView, note_rows};
use crate::output::order::order_name;
use crate::output::{self, OutputMode};
use crate::session::backend::{Backend, runtime};
use crate::wire;

pub fn run(ctx: &Context, reference: &str) -> anyhow::Result<()> {
    let (name, notes) = runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        let order = backend.resolve(ctx, reference).await?;
        let notes = backend.client.notes(&order.order_id).await?;
        anyhow::Ok((order_name(&backend.view(ctx, &order)), notes))
    })?;
    let views: Vec<NoteView> = notes.iter().map(note_view).collect();
    if views.is_empty() {
        ctx.note(&format!("{name} has no notes"));
    }
    match ctx.output {
        OutputMode::Json => output::print_json(&views)?,
        _ => output::print_text(&ctx.render_rows(&note_rows(&views)))?,
    }
    Ok(())
}

fn note_view(note: &wire::Note) -> NoteView {
    NoteView {
        id: note.id.clone(),
        user_id: note.user_id.clone(),
        modified_at: note
            .modified_at()
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .or_else(|| note.last_date_modifier.clone()),
        text: note.description.clone().unwrap_or_default(),
    }
}
