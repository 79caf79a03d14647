//! `lsr supp`: supplement (modify) an open order.

use clap::Args;

use crate::cli::{OrderFieldArgs, WaitTarget};
use crate::context::Context;

/// Supplement an open order: move the FOC date or correct subscriber details.
///
/// Telephone numbers and the PON cannot change by supp (R9): use `lsr resubmit --remove-tn`.
/// Orders that are FAILED, CANCELLED or COMPLETE cannot be supped (R3).
///
/// Example: lsr supp ACME-0001 --foc 2026-12-15
#[derive(Debug, Clone, Args)]
pub struct SuppArgs {
    /// The order: an order id, a PON (its latest version) or PON@N.
    #[arg(value_name = "ORDER")]
    pub order: String,

    #[command(flatten)]
    pub fields: OrderFieldArgs,

    /// Wait until the order has a FOC date (`foc`) or reaches a final status (`final`).
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "foc", value_name = "UNTIL")]
    pub wait: Option<WaitTarget>,

    /// Give up waiting after this long (e.g. 90s, 10m, 2h).
    #[arg(long, default_value = "10m", value_name = "DURATION")]
    pub timeout: String,
}

pub fn run(_ctx: &Context, _args: &SuppArgs) -> anyhow::Result<()> {
    Err(super::not_yet_available("supp"))
}
