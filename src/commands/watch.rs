//! `lsr watch`: a live table of orders until they reach a final state.

use clap::Args;

use crate::context::Context;

/// Watch orders live until each reaches a final state.
///
/// Prints JSON lines of changes when stdout is not a terminal.
///
/// Example: lsr watch --pon ACME-0001
#[derive(Debug, Clone, Args)]
pub struct WatchArgs {
    /// Orders to watch: order ids, PONs or PON@N.
    #[arg(value_name = "ORDER")]
    pub orders: Vec<String>,

    /// Watch every version of this PON.
    #[arg(long, value_name = "PON")]
    pub pon: Option<String>,

    /// Seconds between polls.
    #[arg(long, default_value_t = 5, value_name = "SECONDS")]
    pub interval: u64,
}

pub fn run(_ctx: &Context, _args: &WatchArgs) -> anyhow::Result<()> {
    Err(super::not_yet_available("watch"))
}
