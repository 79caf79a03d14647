//! `lsr history`: the backend's history of an order.

use clap::Args;

use crate::context::Context;

/// Show the backend's history of an order: every status change with its note.
///
/// Example: lsr history ACME-0001
#[derive(Debug, Clone, Args)]
pub struct HistoryArgs {
    /// The order: an order id, a PON or PON@N.
    #[arg(value_name = "ORDER")]
    pub order: String,
}

pub fn run(_ctx: &Context, _args: &HistoryArgs) -> anyhow::Result<()> {
    Err(super::not_yet_available("history"))
}
