//! `lsr sandbox clock show|set|advance`: the sandbox time.

use clap::Subcommand;

use super::{on_sandbox, print_view};
use crate::context::Context;
use crate::sandbox::admin_api;

/// `lsr sandbox clock` actions.
#[derive(Debug, Clone, Subcommand)]
pub enum ClockAction {
    /// Print the sandbox time.
    Show,
    /// Set the sandbox time (RFC 3339 or YYYY-MM-DD).
    Set {
        #[arg(value_name = "TIME")]
        time: String,
    },
    /// Move the sandbox time forward (e.g. 6h, 2d, 90m).
    Advance {
        #[arg(value_name = "DURATION")]
        duration: String,
    },
}

pub(super) fn run(ctx: &Context, url: Option<&str>, action: &ClockAction) -> anyhow::Result<()> {
    let view = on_sandbox(
        ctx,
        url,
        async |admin| match action {
            ClockAction::Show => admin.clock().await,
            ClockAction::Set { time } => admin.set_clock(time).await,
            ClockAction::Advance { duration } => admin.advance_clock(duration).await,
        },
        |store| match action {
            ClockAction::Show => Ok(admin_api::clock_view(store)?),
            ClockAction::Set { time } => admin_api::set_clock(store, time),
            ClockAction::Advance { duration } => admin_api::advance_clock(store, duration),
        },
    )?;
    print_view(ctx, &view, |out, view| writeln!(out, "{}", view.now))
}
