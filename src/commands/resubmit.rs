//! `lsr resubmit`: place a new order from an existing one (R9, R5).

use clap::Args;

use crate::cli::{OrderFieldArgs, WaitTarget};
use crate::context::Context;

/// Place a new order from an existing one, cancelling it first if it is still open.
///
/// This is how a TN is removed from a port (R9), and how an order cancelled with 7517 becomes
/// one order per TN (`--split per-tn`, R5).
///
/// Example: lsr resubmit ACME-0001 --remove-tn 919-555-0101 --pon ACME-0002
#[derive(Debug, Clone, Args)]
pub struct ResubmitArgs {
    /// The order to start from: an order id, a PON or PON@N.
    #[arg(value_name = "ORDER")]
    pub order: String,

    #[command(flatten)]
    pub fields: OrderFieldArgs,

    /// Leave this TN out of the new order (repeatable).
    #[arg(long, value_name = "TN")]
    pub remove_tn: Vec<String>,

    /// Split the new order: `per-tn` or N (at most N TNs each).
    #[arg(long, value_name = "per-tn|N")]
    pub split: Option<String>,

    /// How many orders of a split to send at once.
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub concurrency: usize,

    /// Print what would be cancelled and sent; change nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Send even when the pre-submission checks find errors.
    #[arg(long)]
    pub force: bool,

    /// Wait until the new order has a FOC date (`foc`) or reaches a final status (`final`).
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "foc", value_name = "UNTIL")]
    pub wait: Option<WaitTarget>,

    /// Give up waiting after this long.
    #[arg(long, default_value = "10m", value_name = "DURATION")]
    pub timeout: String,
}

pub fn run(_ctx: &Context, _args: &ResubmitArgs) -> anyhow::Result<()> {
    Err(super::not_yet_available("resubmit"))
}
