//! `lsr status`: where an order stands and what to do next.

use std::time::{Duration, Instant};

use clap::Args;

use super::backend::{Backend, is_final, runtime};
use super::order_view::OrderView;
use crate::cli::WaitTarget;
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::model::OrderStatus;
use crate::output::{self, OutputMode};
use crate::wire;

/// Show an order's status, FOC date, window, errors explained and next steps.
///
/// ORDER is an order id, a PON (its latest version) or PON@N. With --wait, polls with backoff
/// until the order has a FOC date (foc) or is final (final); exit 8 when --timeout passes first.
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
            let id = order.order_id.clone().unwrap_or_default();
            order = wait_for(ctx, &backend, &id, order, target, timeout).await?;
        }
        print_order(ctx, &backend.view(ctx, &order), backend.today)
    })
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
pub fn wait_done(order: &wire::LsrOrder, target: WaitTarget) -> bool {
    match target {
        WaitTarget::Final => is_final(order),
        WaitTarget::Foc => {
            is_final(order)
                || order.actual_foc().is_some() && order.status() == Some(OrderStatus::Foc)
                || order.status() == Some(OrderStatus::Exception)
        }
    }
}

/// Polls the order with growing intervals until `target` or the timeout (exit 8).
pub async fn wait_for(
    ctx: &Context,
    backend: &Backend,
    order_id: &str,
    mut order: wire::LsrOrder,
    target: WaitTarget,
    timeout: Duration,
) -> anyhow::Result<wire::LsrOrder> {
    let started = Instant::now();
    let mut attempt = 0u32;
    let mut last_status = order.order_status.clone();
    while !wait_done(&order, target) {
        let elapsed = started.elapsed();
        if elapsed >= timeout {
            let status = order.order_status.clone().unwrap_or_default();
            if ctx.output != OutputMode::Json {
                output::print_text(&crate::output::order::render_status_block(
                    &backend.view(ctx, &order),
                    ctx.color,
                    ctx.global.sandbox,
                    ctx.term_width,
                ))?;
            }
            return Err(CliError::new(
                Exit::WaitTimeout,
                format!(
                    "order `{order_id}` is still {status} after {}s",
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
        order = backend.client.get_order(order_id).await?;
        backend.remember(ctx, &order);
        if order.order_status != last_status {
            ctx.note(&format!(
                "{} is now {}",
                order.pon.as_deref().unwrap_or(order_id),
                order.order_status.as_deref().unwrap_or("?")
            ));
            last_status = order.order_status.clone();
        }
    }
    Ok(order)
}

/// Prints one order in the chosen output mode.
pub fn print_order(
    ctx: &Context,
    view: &OrderView,
    today: chrono::NaiveDate,
) -> anyhow::Result<()> {
    match ctx.output {
        OutputMode::Json => output::print_json(view)?,
        OutputMode::Table => {
            let mut text = crate::output::order::render_status_block(
                view,
                ctx.color,
                ctx.global.sandbox,
                ctx.term_width,
            );
            text.push_str(&crate::output::timeline::render_order_timeline(
                view,
                &ctx.calendar,
                today,
                ctx.term_width,
                ctx.color,
            ));
            output::print_text(&text)?
        }
        OutputMode::Tsv => output::print_text(&output::render_rows(
            &crate::output::order::order_rows(std::slice::from_ref(view)),
            OutputMode::Tsv,
            None,
        ))?,
    }
    Ok(())
}
