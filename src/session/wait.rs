//! `--wait`: polling an order with growing intervals until it reaches what was asked for
//! (`submit`, `supp`, `resubmit`, `status`), and the `--timeout` it gives up after.

use std::time::{Duration, Instant};

use clap::ValueEnum;

use super::backend::Backend;
use super::present::print_status_block;
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::model::{Order, OrderStatus};
use crate::output::OutputMode;

/// `--wait` targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WaitTarget {
    /// Until the order has a FOC date (or ends).
    Foc,
    /// Until the order reaches a final status.
    Final,
}

/// Parses `--timeout`.
pub fn parse_timeout(text: &str) -> anyhow::Result<Duration> {
    crate::validate::parse_duration(text).map_err(|_| {
        CliError::new(Exit::Usage, format!("timeout `{text}` is not a duration"))
            .with_hint("use e.g. 90s, 10m, 2h or 1h30m")
            .into()
    })
}

/// True when the order has reached what `--wait` waits for.
pub fn wait_done(order: &Order, target: WaitTarget) -> bool {
    match target {
        WaitTarget::Final => order.is_final(),
        WaitTarget::Foc => {
            order.is_final()
                || order.actual_foc_date.is_some() && order.status == Some(OrderStatus::Foc)
                || order.status == Some(OrderStatus::Exception)
        }
    }
}

/// Polls the order with growing intervals until `target` or the timeout (exit 8).
pub async fn wait_for(
    ctx: &Context,
    backend: &Backend,
    mut order: Order,
    target: WaitTarget,
    timeout: Duration,
) -> anyhow::Result<Order> {
    let order_id = order.order_id.clone();
    let started = Instant::now();
    let mut attempt = 0u32;
    let mut last_status = order.status_text.clone();
    while !wait_done(&order, target) {
        let elapsed = started.elapsed();
        if elapsed >= timeout {
            if ctx.output != OutputMode::Json {
                print_status_block(ctx, &backend.view(ctx, &order))?;
            }
            return Err(CliError::new(
                Exit::WaitTimeout,
                format!(
                    "order `{order_id}` is still {} after {}s",
                    order.status_text,
                    timeout.as_secs()
                ),
            )
            .with_hint(format!(
                "wait longer with `lsr status {order_id} --wait --timeout 1h`; processing can take a business day"
            ))
            .into());
        }
        let delay = crate::client::LsrClient::poll_delay(
            attempt,
            Duration::from_millis(500),
            Duration::from_secs(30),
        )
        .min(timeout - elapsed);
        tokio::time::sleep(delay).await;
        attempt += 1;
        order = backend.get_order(ctx, &order_id).await?;
        if order.status_text != last_status {
            let name = if order.pon.is_empty() {
                order_id.as_str()
            } else {
                order.pon.as_str()
            };
            let status = if order.status_text.is_empty() {
                "?"
            } else {
                order.status_text.as_str()
            };
            ctx.note(&format!("{name} is now {status}"));
            last_status = order.status_text.clone();
        }
    }
    Ok(order)
}
