//! `--wait`: polling orders with growing intervals until each reaches what was asked for or
//! cannot any more, and the truth about it in the exit code (`submit`, `supp`, `resubmit`,
//! `status`, split batches).
//!
//! `--wait foc`: FOC (with its date) or COMPLETE is success (0); FAILED, CANCELLED or PARTIAL is
//! exit 4; EXCEPTION is exit 4 at once (it does not move until supped, R3); still pending at the
//! timeout is exit 8. `--wait final`: COMPLETE is 0; FAILED, CANCELLED or PARTIAL is 4; anything
//! else at the timeout is 8 (an EXCEPTION may still be supped meanwhile).

use std::time::{Duration, Instant};

use clap::ValueEnum;
use futures_util::StreamExt;

use super::backend::Backend;
use super::interrupt::Interrupt;
use crate::batch::{ChildOutcome, ChildResult};
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::model::{Order, OrderStatus};

/// `--wait` targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WaitTarget {
    /// Until the order has a FOC date (or can no longer get one).
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

/// Where an order stands against a `--wait` target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Not there yet; it may still get there.
    Pending,
    /// It got there.
    Reached,
    /// It cannot get there any more (or, EXCEPTION, not without a supp).
    Missed,
    /// Still pending when the time ran out.
    TimedOut,
    /// Ctrl-C stopped the waiting.
    Interrupted,
}

/// The verdict on an order as it is now (never `TimedOut`/`Interrupted`).
pub fn verdict(order: &Order, target: WaitTarget) -> Verdict {
    let Some(status) = order.status else {
        return Verdict::Pending;
    };
    match (target, status) {
        (_, OrderStatus::Complete) => Verdict::Reached,
        (WaitTarget::Foc, OrderStatus::Foc) if order.actual_foc_date.is_some() => Verdict::Reached,
        (_, OrderStatus::Failed | OrderStatus::Cancelled | OrderStatus::Partial) => Verdict::Missed,
        (WaitTarget::Foc, OrderStatus::Exception) => Verdict::Missed,
        _ => Verdict::Pending,
    }
}

/// One order followed to its end.
#[derive(Debug, Clone)]
pub struct Waited {
    pub order: Order,
    pub verdict: Verdict,
    /// What `--wait` waited for and how long, for messages.
    pub target: WaitTarget,
    pub timeout: Duration,
}

impl Waited {
    /// Why the order missed its target (for `failed[].error`), or `None` when it reached it.
    pub fn miss(&self) -> Option<String> {
        let name = self.order.label();
        let status = status_word(&self.order);
        let codes: Vec<String> = self
            .order
            .errors
            .iter()
            .map(|e| format!("{} {}", e.code, e.description))
            .collect();
        let with_codes = |text: String| {
            if codes.is_empty() {
                text
            } else {
                format!("{text}: {}", codes.join("; "))
            }
        };
        match self.verdict {
            Verdict::Reached => None,
            Verdict::Missed => Some(with_codes(format!(
                "order {name} is {status}; it will not reach {}",
                target_text(self.target)
            ))),
            Verdict::TimedOut | Verdict::Pending => Some(format!(
                "order {name} is still {status} after {}",
                secs(self.timeout)
            )),
            Verdict::Interrupted => Some(format!(
                "order {name} is {status}; the wait was interrupted"
            )),
        }
    }

    /// The exit for this order: 0 reached, 4 missed, 8 timed out, 130 interrupted.
    pub fn into_result(self) -> anyhow::Result<()> {
        let Some(message) = self.miss() else {
            return Ok(());
        };
        let name = self.order.label();
        let error = match self.verdict {
            Verdict::Missed => CliError::new(Exit::Rejected, message).with_hint(next_step(&self)),
            Verdict::Interrupted => CliError::new(Exit::Interrupted, message)
                .with_hint(format!("follow it with `lsr status {name} --wait`")),
            _ => CliError::new(Exit::WaitTimeout, message).with_hint(format!(
                "wait longer with `lsr status {name} --wait --timeout 1h`; processing can take a business day"
            )),
        };
        Err(error.into())
    }
}

/// What to do about an order that missed its target.
fn next_step(waited: &Waited) -> String {
    let name = waited.order.label();
    match waited.order.status {
        Some(OrderStatus::Exception) => format!(
            "an EXCEPTION is fixed by a supp with what the errors ask for (`lsr supp {name} …`, R3); `lsr status {name}` explains each code"
        ),
        _ => format!(
            "`lsr status {name}` explains the errors; a final order cannot change: place a new one (`lsr resubmit {name}`)"
        ),
    }
}

fn target_text(target: WaitTarget) -> &'static str {
    match target {
        WaitTarget::Foc => "FOC",
        WaitTarget::Final => "COMPLETE",
    }
}

fn status_word(order: &Order) -> &str {
    if order.status_text.is_empty() {
        "of unknown status"
    } else {
        order.status_text.as_str()
    }
}

fn secs(d: Duration) -> String {
    format!("{}s", d.as_secs())
}

/// Polls the order with growing intervals until it reaches `target`, misses it, the timeout
/// passes, or Ctrl-C (when `interrupt` listens). Errors only when the backend cannot be read.
pub async fn wait_for(
    ctx: &Context,
    backend: &Backend,
    mut order: Order,
    target: WaitTarget,
    timeout: Duration,
    interrupt: Option<&Interrupt>,
) -> anyhow::Result<Waited> {
    let order_id = order.order_id.clone();
    let started = Instant::now();
    let mut attempt = 0u32;
    let mut last_status = order.status_text.clone();
    let done = |order: Order, verdict| Waited {
        order,
        verdict,
        target,
        timeout,
    };
    loop {
        match verdict(&order, target) {
            Verdict::Pending => {}
            v => return Ok(done(order, v)),
        }
        let elapsed = started.elapsed();
        if elapsed >= timeout {
            return Ok(done(order, Verdict::TimedOut));
        }
        let delay = crate::client::LsrClient::poll_delay(
            attempt,
            Duration::from_millis(500),
            Duration::from_secs(30),
        )
        .min(timeout - elapsed);
        let pressed = async {
            match interrupt {
                Some(i) => i.pressed(1).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            () = tokio::time::sleep(delay) => {}
            () = pressed => return Ok(done(order, Verdict::Interrupted)),
        }
        attempt += 1;
        order = backend
            .limiter
            .run(backend.get_order(ctx, &order_id))
            .await?;
        if order.status_text != last_status {
            let name = if order.pon.is_empty() {
                order_id.clone()
            } else {
                order.label()
            };
            ctx.note(&format!("{name} is now {}", status_word(&order)));
            last_status = order.status_text.clone();
        }
    }
}

/// Every placed child of a batch followed to `target` (all at once, their polls as many at a
/// time as the adaptive limiter allows), each result's order
/// replaced by its last view.
pub async fn wait_batch(
    ctx: &Context,
    backend: &Backend,
    results: &mut [ChildResult],
    target: WaitTarget,
    timeout: Duration,
    interrupt: &Interrupt,
) -> BatchWaited {
    let placed: Vec<(usize, Order)> = results
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match &r.outcome {
            ChildOutcome::Sent { order, .. } => Some((i, (**order).clone())),
            _ => None,
        })
        .collect();
    if placed.len() > 1 {
        ctx.note(&format!(
            "waiting for {} orders to reach {} (at most {})…",
            placed.len(),
            target_text(target),
            secs(timeout)
        ));
    }
    // Every order followed at once (each mostly sleeps between polls); the polls themselves
    // go through the backend's adaptive limiter.
    let waited: Vec<(usize, anyhow::Result<Waited>)> = futures_util::stream::iter(placed)
        .map(|(i, order)| async move {
            (
                i,
                wait_for(ctx, backend, order, target, timeout, Some(interrupt)).await,
            )
        })
        .buffer_unordered(usize::MAX)
        .collect()
        .await;
    let mut out = BatchWaited::default();
    for (i, outcome) in waited {
        match outcome {
            Ok(w) => {
                if let ChildOutcome::Sent { order, .. } = &mut results[i].outcome {
                    **order = w.order.clone();
                }
                out.children.push((results[i].index, w));
            }
            Err(e) => out.unreadable.push((results[i].index, e.to_string())),
        }
    }
    out.children.sort_by_key(|(i, _)| *i);
    out
}

/// What waiting on a batch found, per child index.
#[derive(Debug, Default)]
pub struct BatchWaited {
    pub children: Vec<(usize, Waited)>,
    /// Children whose order could not be read while waiting.
    pub unreadable: Vec<(usize, String)>,
}

impl BatchWaited {
    /// The children that did not reach the target, with why.
    pub fn missed(&self) -> impl Iterator<Item = (usize, &Waited, String)> {
        self.children
            .iter()
            .filter_map(|(i, w)| w.miss().map(|why| (*i, w, why)))
    }

    /// The worst child decides: 130 interrupted, 5 unreadable, 4 missed, 8 timed out, else 0.
    pub fn into_result(self) -> anyhow::Result<()> {
        let count = |v: Verdict| self.children.iter().filter(|(_, w)| w.verdict == v).count();
        let (missed, late, stopped) = (
            count(Verdict::Missed),
            count(Verdict::TimedOut),
            count(Verdict::Interrupted),
        );
        let total = self.children.len();
        let hint = "`lsr batch show BATCH` lists the children; `lsr status PON` explains each";
        if stopped > 0 {
            return Err(CliError::new(
                Exit::Interrupted,
                format!(
                    "the wait was interrupted with {stopped} of {total} orders not at their target"
                ),
            )
            .with_hint("follow them with `lsr watch --pon PON …`")
            .into());
        }
        if !self.unreadable.is_empty() {
            return Err(CliError::new(
                Exit::Network,
                format!(
                    "{} of {total} orders could not be read while waiting: {}",
                    self.unreadable.len(),
                    super::split::first_line(&self.unreadable[0].1)
                ),
            )
            .with_hint("check the network, then follow them with `lsr status PON --wait`")
            .into());
        }
        if missed > 0 {
            return Err(CliError::new(
                Exit::Rejected,
                format!("{missed} of {total} orders will not reach their target"),
            )
            .with_hint(hint)
            .into());
        }
        if late > 0 {
            return Err(CliError::new(
                Exit::WaitTimeout,
                format!("{late} of {total} orders are still pending at the timeout"),
            )
            .with_hint("wait longer with `lsr status PON --wait --timeout 1h`")
            .into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(status: OrderStatus, foc: bool) -> Order {
        Order {
            status: Some(status),
            status_text: status.as_str().into(),
            actual_foc_date: foc
                .then(|| chrono::NaiveDate::from_ymd_opt(2026, 12, 7))
                .flatten(),
            ..Order::default()
        }
    }

    #[test]
    fn wait_verdicts_tell_the_truth() {
        use OrderStatus as S;
        use Verdict::{Missed, Reached};
        let foc = |s, d| verdict(&order(s, d), WaitTarget::Foc);
        let fin = |s, d| verdict(&order(s, d), WaitTarget::Final);
        assert_eq!(foc(S::Pending, false), Verdict::Pending);
        assert_eq!(
            foc(S::Foc, false),
            Verdict::Pending,
            "FOC without its date yet"
        );
        assert_eq!(foc(S::Foc, true), Reached);
        assert_eq!(foc(S::Complete, true), Reached);
        assert_eq!(foc(S::Exception, false), Missed);
        assert_eq!(foc(S::Failed, false), Missed);
        assert_eq!(foc(S::Cancelled, false), Missed);
        assert_eq!(foc(S::Partial, true), Missed);
        assert_eq!(fin(S::Foc, true), Verdict::Pending);
        assert_eq!(fin(S::Exception, false), Verdict::Pending);
        assert_eq!(fin(S::Complete, true), Reached);
        assert_eq!(fin(S::Failed, false), Missed);
        assert_eq!(fin(S::Cancelled, false), Missed);
        assert_eq!(
            verdict(&Order::default(), WaitTarget::Foc),
            Verdict::Pending
        );
    }
}
