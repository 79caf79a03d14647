//! `lsr cancel`: cancel open orders.

use clap::Args;

use crate::context::Context;

/// Cancel one or more open orders.
///
/// Asks for confirmation on a terminal; elsewhere `--yes` is required.
///
/// Example: lsr cancel ACME-0001 --yes
#[derive(Debug, Clone, Args)]
pub struct CancelArgs {
    /// Orders to cancel: order ids, PONs or PON@N.
    #[arg(value_name = "ORDER", required = true)]
    pub orders: Vec<String>,

    /// Show what would be cancelled; change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

pub fn run(_ctx: &Context, _args: &CancelArgs) -> anyhow::Result<()> {
    Err(super::not_yet_available("cancel"))
}
