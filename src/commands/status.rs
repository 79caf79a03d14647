//! `lsr status`: where an order stands and what to do next.

use clap::Args;

use crate::context::Context;
use crate::session::backend::{Backend, runtime};
use crate::session::present::print_order;
use crate::session::wait::{WaitTarget, parse_timeout, wait_for};

/// Show an order's status, FOC date, window, errors explained and next steps.
///
/// ORDER is an order id, a PON (its latest version on the backend) or PON@N (the N-th order
/// placed with that PON). With --wait, polls with backoff until the order has a FOC date (foc)
/// or is final (final): exit 0 when it gets there (FOC or COMPLETE; COMPLETE for final), 4 when
/// it cannot (FAILED, CANCELLED; EXCEPTION for foc, which needs a supp), 8 when --timeout
/// passes first.
///
/// Example: lsr status ACME-0001 --wait foc --timeout 30m
#[derive(Debug, Clone, Args)]
pub struct StatusArgs {
    /// The order: an order id, a PON (its latest version) or PON@N (the N-th placed).
    #[arg(value_name = "ORDER", add = crate::session::complete::order_completer())]
    pub order: String,

    /// Poll until the order has a FOC date (`foc`) or reaches a final status (`final`); exit 4
    /// when it cannot any more.
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
        let order = backend.resolve(ctx, &args.order).await?;
        let Some(target) = args.wait else {
            return print_order(ctx, &backend.view(ctx, &order), backend.today);
        };
        let waited = wait_for(ctx, &backend, order, target, timeout, None).await?;
        print_order(ctx, &backend.view(ctx, &waited.order), backend.today)?;
        waited.into_result()
    })
}
