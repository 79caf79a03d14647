//! `lsr notes`: read or add notes on an order.

use anyhow::Context as _;
use clap::Args;
use serde::Serialize;

use crate::client::Credentials;
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::output::lookup::{NoteView, note_rows};
use crate::output::order::order_name;
use crate::output::{self, OutputMode};
use crate::session::backend::{Backend, runtime};
use crate::wire;

/// Bandwidth refuses longer notes (12503).
pub const MAX_NOTE_CHARS: usize = 500;

/// R12: what `notes add` says every time, because people expect someone to read the note.
pub fn unmonitored_warning(reference: &str) -> String {
    format!(
        "warning: notes are not monitored by Bandwidth's staff (R12); for anything that needs an \
         answer email Bandwidth (`lsr email escalation {reference}`, `lsr email dispute {reference}`, \
         `lsr email manual-handling {reference}`)"
    )
}

/// List an order's notes, or add one with `add TEXT`.
///
/// ORDER is an order id, a PON (its latest version) or PON@N. A note is written as the user
/// lsr authenticates as (the client id for OAuth, the username for Basic), as Bandwidth
/// requires; it holds at most 500 characters.
///
/// Notes are not monitored by Bandwidth's staff (R12): for anything that needs an answer, use
/// `lsr email`.
///
/// Example: lsr notes ACME-0001
///
/// Example: lsr notes ACME-0001@2 add "customer asked for an earlier date"
#[derive(Debug, Clone, Args)]
pub struct NotesArgs {
    /// The order: an order id, a PON (its latest version) or PON@N.
    #[arg(value_name = "ORDER")]
    pub order: String,

    /// `add` to add a note.
    #[arg(value_name = "ACTION", value_parser = ["add"], requires = "text")]
    pub action: Option<String>,

    /// The note's text (at most 500 characters).
    #[arg(value_name = "TEXT")]
    pub text: Option<String>,
}

/// The JSON answer of `notes add`.
#[derive(Debug, Serialize)]
struct AddedJson {
    order_id: String,
    note_id: Option<String>,
    user_id: String,
    text: String,
}

pub fn run(ctx: &Context, args: &NotesArgs) -> anyhow::Result<()> {
    match (&args.action, &args.text) {
        (Some(_), Some(text)) => add(ctx, &args.order, &checked_text(text)?),
        (None, Some(text)) => Err(CliError::new(
            Exit::Usage,
            format!("unexpected text `{text}` after the order"),
        )
        .with_hint(format!(
            "to add a note: lsr notes {} add \"TEXT\"",
            args.order
        ))
        .into()),
        _ => list(ctx, &args.order),
    }
}

/// The note's text, checked before anything is sent: not empty, at most 500 characters.
fn checked_text(text: &str) -> anyhow::Result<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(CliError::new(Exit::Usage, "the note is empty")
            .with_hint("give the text to add: lsr notes ORDER add \"TEXT\"")
            .into());
    }
    let count = trimmed.chars().count();
    if count > MAX_NOTE_CHARS {
        return Err(CliError::new(
            Exit::Usage,
            format!(
                "the note is {count} characters long; Bandwidth accepts at most {MAX_NOTE_CHARS}"
            ),
        )
        .with_hint("shorten it, or email Bandwidth instead (`lsr email escalation ORDER`)")
        .into());
    }
    Ok(trimmed.to_string())
}

fn list(ctx: &Context, reference: &str) -> anyhow::Result<()> {
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

fn add(ctx: &Context, reference: &str, text: &str) -> anyhow::Result<()> {
    let added = runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        let user = note_user(&backend)?;
        let order = backend.resolve(ctx, reference).await?;
        let order_id = order.order_id.clone();
        ctx.note(&unmonitored_warning(reference));
        let note_id = backend
            .client
            .add_note(&order_id, &user, text)
            .await
            .with_context(|| {
                format!(
                    "adding a note to {}",
                    order_name(&backend.view(ctx, &order))
                )
            })?;
        ctx.note(&format!(
            "added note {} to {}",
            note_id.as_deref().unwrap_or("(no id returned)"),
            order_name(&backend.view(ctx, &order))
        ));
        anyhow::Ok(AddedJson {
            order_id,
            note_id,
            user_id: user,
            text: text.to_string(),
        })
    })?;
    match ctx.output {
        OutputMode::Json => output::print_json(&added)?,
        _ => output::print_text(&format!("{}\n", added.note_id.unwrap_or_default()))?,
    }
    Ok(())
}

/// The note's `UserId`: Bandwidth requires the authenticated user, which is the client id
/// with OAuth client credentials and the username with Basic.
fn note_user(backend: &Backend) -> anyhow::Result<String> {
    match &backend.client.transport().options().credentials {
        Some(Credentials::ClientCredentials { client_id, .. }) => Ok(client_id.clone()),
        Some(Credentials::Basic { username, .. }) => Ok(username.clone()),
        None => Err(CliError::new(Exit::Auth, "no credentials are configured to sign the note with")
            .with_hint("set LSR_CLIENT_ID/LSR_CLIENT_SECRET (or a username and password) with `lsr config set`")
            .into()),
    }
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn notes_text_is_limited_to_500_characters() {
        assert_eq!(checked_text("  hello ").unwrap(), "hello");
        assert!(checked_text(&"é".repeat(500)).is_ok());
        let err = checked_text(&"x".repeat(501)).unwrap_err();
        assert_eq!(crate::exit::exit_for(&err), Exit::Usage);
        assert!(err.to_string().contains("501 characters"), "{err}");
        assert_eq!(
            crate::exit::exit_for(&checked_text("  ").unwrap_err()),
            Exit::Usage
        );
    }
}
