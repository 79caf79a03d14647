//! Cancelling a placed order (a PUT with `OrderStatus=CANCELLED`; there is no DELETE), shared by
//! `cancel` and `resubmit`.

use anyhow::Context as _;

use super::backend::Backend;
use crate::context::Context;
use crate::model::Order;

/// Cancels one open order (a PUT with `OrderStatus=CANCELLED`) and records the answer.
pub async fn cancel_order(
    ctx: &Context,
    backend: &Backend,
    order: &Order,
) -> anyhow::Result<Order> {
    let label = order.label();
    let done = backend
        .cancel(ctx, &order.order_id)
        .await
        .with_context(|| format!("cancelling order {label}"))?;
    let status = if done.status_text.is_empty() {
        "?"
    } else {
        done.status_text.as_str()
    };
    ctx.note(&format!("cancelled {label} ({status})"));
    Ok(done)
}
