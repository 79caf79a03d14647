//! Earlier submissions of unknown outcome (a POST whose answer never came: Ctrl-C, a crash, a
//! lost connection): before a submission touching the same PON or TNs, each is looked up by
//! its identity and settled in the journal, and lsr says what it found. A placed one is then in
//! the history, so the pre-submission check refuses its TNs instead of placing them twice.

use std::collections::HashSet;

use super::backend::Backend;
use crate::batch::{Reconciled, reconcile};
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::history::{ChildState, JournalChild};
use crate::model::Tn;

/// Settles every earlier submission of this backend of unknown outcome that has the PON `pon`
/// or one of `tns`. Fails with exit 5 when one cannot be settled (the lookup failed, or several
/// orders could be it), and with exit 3 when one with these TNs is being sent by another lsr
/// process right now — unless `force`, which goes on with a warning.
pub async fn settle_earlier(
    ctx: &Context,
    backend: &Backend,
    pon: &str,
    tns: &[Tn],
    force: bool,
) -> anyhow::Result<()> {
    let wanted: HashSet<Tn> = tns.iter().copied().collect();
    let uncertain = match backend.history.uncertain_children(&backend.key) {
        Ok(list) => list,
        Err(e) => {
            ctx.note(&format!(
                "warning: the batch journal could not be read: {e}"
            ));
            return Ok(());
        }
    };
    for (batch_id, split, child) in uncertain {
        let shares_tns = child.tns.iter().any(|t| wanted.contains(t));
        if child.pon != pon && !shares_tns {
            continue;
        }
        // Just journaled by a process about to take its lock and send: not ours to settle.
        if child.state == ChildState::Planned
            && chrono::Utc::now() - child.updated_at < chrono::Duration::seconds(60)
        {
            continue;
        }
        let what = describe(batch_id, &split, &child);
        // A live lsr process still sending it holds the batch's lock: not ours to settle.
        let Some(lock) = backend.history.lock_batch(batch_id)? else {
            if shares_tns {
                stop_or_warn(
                    ctx,
                    force,
                    CliError::new(
                        Exit::Invalid,
                        format!("{what} is being sent by another lsr process right now; nothing was sent"),
                    )
                    .with_hint(format!(
                        "let it finish (`lsr batch show {batch_id}`), then check again; --force sends anyway"
                    )),
                )?;
            }
            continue;
        };
        // Its sender may have finished between the query and the lock: read it again.
        let now = backend.history.batch_child(batch_id, child.index)?;
        let Some(child) = now.filter(|c| {
            c.state.is_uncertain() || (c.state == ChildState::Planned && split == "none")
        }) else {
            continue;
        };
        if child.state == ChildState::Planned {
            // A single submission that stopped before its POST: never sent, never to be.
            backend.history.mark_child(
                batch_id,
                child.index,
                ChildState::Withdrawn,
                None,
                Some("never sent; a later submission replaces it"),
            )?;
            ctx.note(&format!("{what} never went out (withdrawn in the journal)"));
            lock.release_settled();
            continue;
        }
        // A single submission proven missing is withdrawn (this one replaces it); a split's
        // child goes back to the plan, for `lsr batch resume`.
        let missing_state = if split == "none" {
            ChildState::Withdrawn
        } else {
            ChildState::Planned
        };
        let checked = reconcile(
            &backend.client,
            &backend.history,
            batch_id,
            std::slice::from_ref(&child),
            &backend.limiter,
            missing_state,
        )
        .await;
        let mut settled = true;
        for (_, outcome, order) in checked {
            settled &= !matches!(outcome, Reconciled::Unchecked { .. });
            match (outcome, order) {
                (Reconciled::Exists { .. }, Some(mut order)) => {
                    backend.remember(ctx, &mut order);
                    ctx.note(&format!(
                        "{what} was placed after all: it is order {} ({}, order id {}); the journal now says so",
                        order.label(),
                        order.status_text,
                        order.order_id
                    ));
                }
                (Reconciled::Exists { order_id }, None) => ctx.note(&format!(
                    "{what} was placed after all: order id {order_id}"
                )),
                (Reconciled::Missing, _) if split == "none" => ctx.note(&format!(
                    "{what} was not placed: a lookup found no such order (withdrawn in the journal)"
                )),
                (Reconciled::Missing, _) => ctx.note(&format!(
                    "{what} was not placed: a lookup found no such order; `lsr batch resume {batch_id}` would send it"
                )),
                (Reconciled::Unchecked { error }, _) => stop_or_warn(
                    ctx,
                    force,
                    CliError::new(
                        Exit::Network,
                        format!(
                            "{what} has an unknown outcome that could not be settled: {}; nothing was sent",
                            super::split::first_line(&error)
                        ),
                    )
                    .with_hint(format!(
                        "`lsr search --customer-order-id {}` shows what the backend has; `lsr batch resume {batch_id}` tries again; --force sends anyway",
                        child.customer_order_id
                    )),
                )?,
            }
        }
        if settled && split == "none" {
            lock.release_settled();
        }
    }
    Ok(())
}

/// `the earlier submission of ACME-0001 (batch 3, 2 TNs)`.
fn describe(batch_id: i64, split: &str, child: &JournalChild) -> String {
    let tns = child.tns.len();
    let plural = if tns == 1 { "" } else { "s" };
    if split == "none" {
        format!(
            "the earlier submission of {} (batch {batch_id}, {tns} TN{plural}, customer order id {})",
            child.pon, child.customer_order_id
        )
    } else {
        format!(
            "order {} of batch {batch_id} ({tns} TN{plural}, customer order id {})",
            child.pon, child.customer_order_id
        )
    }
}

/// With `force` a warning; otherwise the error.
fn stop_or_warn(ctx: &Context, force: bool, error: CliError) -> anyhow::Result<()> {
    if force {
        ctx.note(&format!("warning: {} (--force: going on)", error.message));
        Ok(())
    } else {
        Err(error.into())
    }
}
