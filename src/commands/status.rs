//! `lsr status`: where an order stands and what to do next.

use clap::Args;

use crate::cli::WaitTarget;
use crate::context::Context;

/// Show an order's status, FOC date, window, errors explained and next steps.
///
/// Example: lsr status ACME-0001 --wait foc --timeout 30m
#[derive(Debug, Clone, Args)]
pub struct StatusArgs {
    /// The order: an order id, a PON (its latest version) or PON@N.
    #[arg(value_name = "ORDER")]
    pub order: String,

    /// Poll until the order has a FOC date (`foc`) or reaches a final status (`final`).
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "foc", value_name = "UNTIL")]
    pub wait: Option<WaitTarget>,

    /// Give up waiting after this long (exit 8).
    #[arg(long, default_value = "10m", value_name = "DURATION")]
    pub timeout: String,
}

pub fn run(_ctx: &Context, _args: &StatusArgs) -> anyhow::Result<()> {
    Err(super::not_yet_available("status"))
}
