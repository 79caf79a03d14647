//! `lsr foc-window`: the 10 business days of a FOC window (R1).

use clap::Args;

use crate::context::Context;

/// Show the 10 business days a FOC date is valid for (day 1 = the FOC date).
///
/// TNs not activated inside the window make the LSR fail (R1).
///
/// Example: lsr foc-window 2026-12-21
#[derive(Debug, Clone, Args)]
pub struct FocWindowArgs {
    /// The FOC date: YYYY-MM-DD, MM/DD/YYYY or +Nbd.
    #[arg(value_name = "DATE")]
    pub date: String,
}

pub fn run(_ctx: &Context, _args: &FocWindowArgs) -> anyhow::Result<()> {
    Err(super::not_yet_available("foc-window"))
}
