//! `lsr notes`: read or add notes on an order.

use clap::Args;

use crate::context::Context;

/// List an order's notes, or add one with `add TEXT`.
///
/// Notes are not monitored by Bandwidth's staff (R12): for anything that needs an answer, use
/// `lsr email`.
///
/// Example: lsr notes ACME-0001 add "customer asked for an earlier date"
#[derive(Debug, Clone, Args)]
pub struct NotesArgs {
    /// The order: an order id, a PON or PON@N.
    #[arg(value_name = "ORDER")]
    pub order: String,

    /// `add` to add a note.
    #[arg(value_name = "ACTION", value_parser = ["add"], requires = "text")]
    pub action: Option<String>,

    /// The note's text (at most 500 characters).
    #[arg(value_name = "TEXT")]
    pub text: Option<String>,
}

pub fn run(_ctx: &Context, _args: &NotesArgs) -> anyhow::Result<()> {
    Err(super::not_yet_available("notes"))
}
