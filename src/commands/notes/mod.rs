//! `lsr notes`: read an order's notes (`list`) or add one (`add`).

mod add;
mod list;

pub use add::AddedJson;

use clap::Args;

use crate::context::Context;
use crate::exit::{CliError, Exit};

/// Bandwidth refuses longer notes (its spec gives 500 characters).
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
/// JSON: an array of notes (schemas/notes.schema.json); `add`, the note added
/// (schemas/notes-add.schema.json). TSV columns: id, modified_at, user_id, text. TSV columns
/// with add: note_id.
///
/// Example: lsr notes ACME-0001
///
/// Example: lsr notes ACME-0001@2 add "customer asked for an earlier date"
#[derive(Debug, Clone, Args)]
pub struct NotesArgs {
    /// The order: an order id, a PON (its latest version) or PON@N.
    #[arg(value_name = "ORDER", add = crate::session::complete::order_completer())]
    pub order: String,

    /// `add` to add a note.
    #[arg(value_name = "ACTION", value_parser = ["add"], requires = "text")]
    pub action: Option<String>,

    /// The note's text (at most 500 characters).
    #[arg(value_name = "TEXT")]
    pub text: Option<String>,
}

pub fn run(ctx: &Context, args: &NotesArgs) -> anyhow::Result<()> {
    match (&args.action, &args.text) {
        (Some(_), Some(text)) => add::run(ctx, &args.order, &checked_text(text)?),
        (None, Some(text)) => Err(CliError::new(
            Exit::Usage,
            format!("unexpected text `{text}` after the order"),
        )
        .with_hint(format!(
            "to add a note: lsr notes {} add \"TEXT\"",
            args.order
        ))
        .into()),
        _ => list::run(ctx, &args.order),
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
