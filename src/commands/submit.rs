//! `lsr submit`: place a new LSR.

use clap::Args;

use crate::cli::{OrderFieldArgs, TnInputArgs, WaitTarget};
use crate::context::Context;

/// Submit a new port-out LSR.
///
/// The order comes from flags, a `--from` file (TOML or JSON), or both (flags win). It is checked
/// offline and against pending FOCs before anything is sent.
///
/// Example: lsr submit --from port-out.toml --tn 919-555-0100 --wait foc
#[derive(Debug, Clone, Args)]
pub struct SubmitArgs {
    /// Read the order from FILE (TOML or JSON).
    #[arg(long, value_name = "FILE")]
    pub from: Option<std::path::PathBuf>,

    #[command(flatten)]
    pub fields: OrderFieldArgs,

    #[command(flatten)]
    pub tns: TnInputArgs,

    /// Split into several orders: `per-tn` (one TN each) or N (at most N TNs each, N ≤ 999).
    #[arg(long, value_name = "per-tn|N")]
    pub split: Option<String>,

    /// How many orders of a split to send at once.
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub concurrency: usize,

    /// Check and print what would be sent; send nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Send even when the pre-submission checks find errors.
    #[arg(long)]
    pub force: bool,

    /// Wait until the order has a FOC date (`foc`) or reaches a final status (`final`).
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "foc", value_name = "UNTIL")]
    pub wait: Option<WaitTarget>,

    /// Give up waiting after this long (e.g. 90s, 10m, 2h).
    #[arg(long, default_value = "10m", value_name = "DURATION")]
    pub timeout: String,
}

pub fn run(_ctx: &Context, _args: &SubmitArgs) -> anyhow::Result<()> {
    Err(super::not_yet_available("submit"))
}
