//! `lsr status`: where an order stands and what to do next.

use clap::Args;

use crate::context::Context;
use crate::session::backend::{Backend, runtime};
use crate::session::present::print_order;
use crate::session::wait::{WaitTarget, parse_timeout, wait_for};

/// Show an order's status, FOC date, window, errors explained and next steps.
///
/// ORDER is an order id, a PON (its latest version) or PON@N. With --wait, polls with backoff
/// until the order has a FOC date (foc) or is final (final); exit 8 when --timeout passes first.
///
/// Example: lsr status ACME-0001 --wait foc --timeout 30m
#[derive(Debug, Clone, Args)]
pub struct StatusArgs {
    /// The order: an order id, a PON (its latest version) or PON@N.
    #[arg(value_name = "ORDER", add = crate::session::complete::order_completer())]
    pub order: String,

    /// Poll until the order has a FOC date (`foc`) or reaches a final status (`final`).
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "foc", value_name = "UNTIL")]
    pub wait: Option<WaitTarget>,

    /// Give up waiting after this long (exit 8), e.g. 90s, 10m, 2h.
    #[arg(long, default_value = "10m", value_name = "DURATION")]
    pub timeout: String,
}

pub fn run(ctx: &Context, args: &StatusArgs) -> anyhow::Result<()> {
    let timeout = parse_timeout(&args.timeout)?;
    runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        let mut order = backend.resolve(ctx, &args.order).await?;
        if let Some(target) = args.wait {
            order = wait_for(ctx, &backend, order, target, timeout).await?;
        }
        print_order(
            ctx,
            &backend.explained_view(ctx, &order).await,
            backend.today,
        )
    })
}
