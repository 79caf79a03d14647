//! `lsr validate`: check an order offline against Bandwidth's rules; send nothing.

use clap::Args;

use crate::cli::{OrderFieldArgs, TnInputArgs};
use crate::context::Context;

/// Check an order offline: every problem at once, with Bandwidth's codes; sends nothing.
///
/// Takes the same inputs as `submit`. Exits 3 when there is an error, 0 when only warnings.
///
/// Example: lsr validate --from examples/port-out.toml
#[derive(Debug, Clone, Args)]
pub struct ValidateArgs {
    /// Read the order from FILE (TOML or JSON).
    #[arg(long, value_name = "FILE")]
    pub from: Option<std::path::PathBuf>,

    #[command(flatten)]
    pub fields: OrderFieldArgs,

    #[command(flatten)]
    pub tns: TnInputArgs,
}

pub fn run(_ctx: &Context, _args: &ValidateArgs) -> anyhow::Result<()> {
    Err(super::not_yet_available("validate"))
}
