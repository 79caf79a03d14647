//! `lsr sandbox npac subscribe|activate`: the gaining carrier's side of a port.

use clap::Subcommand;

use super::{on_sandbox, print_view};
use crate::context::Context;
use crate::sandbox::admin_api;

/// `lsr sandbox npac` actions.
#[derive(Debug, Clone, Subcommand)]
pub enum NpacAction {
    /// Record the gaining carrier's subscriptions for an order's TNs.
    Subscribe {
        #[arg(value_name = "ORDER", add = crate::session::complete::order_completer())]
        order: String,
        /// The gaining carrier supports medium timers: concurrence 6 hours later (R2).
        #[arg(long)]
        medium_timers: bool,
    },
    /// Activate the subscriptions (from the FOC date, once concurred, inside the window).
    Activate {
        #[arg(value_name = "ORDER", add = crate::session::complete::order_completer())]
        order: String,
    },
}

pub(super) fn run(ctx: &Context, url: Option<&str>, action: &NpacAction) -> anyhow::Result<()> {
    let view = on_sandbox(
        ctx,
        url,
        async |admin| match action {
            NpacAction::Subscribe {
                order,
                medium_timers,
            } => admin.npac_subscribe(order, *medium_timers).await,
            NpacAction::Activate { order } => admin.npac_activate(order).await,
        },
        |store| match action {
            NpacAction::Subscribe {
                order,
                medium_timers,
            } => admin_api::npac_subscribe(store, order, *medium_timers),
            NpacAction::Activate { order } => admin_api::npac_activate(store, order),
        },
    )?;
    print_view(ctx, &view, |out, view| {
        writeln!(
            out,
            "order {} ({}): {}",
            view.order_id, view.pon, view.status
        )?;
        if let Some(foc) = &view.actual_foc_date {
            writeln!(out, "FOC date: {foc}")?;
        }
        match (&view.concurred_at, &view.concurrence_due) {
            (Some(at), _) => writeln!(out, "concurrence: received {at}")?,
            (None, Some(due)) => writeln!(out, "concurrence: due {due}")?,
            (None, None) => {}
        }
        Ok(())
    })
}
