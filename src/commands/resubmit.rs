//! `lsr resubmit`: place a new order from an existing one, cancelling it first while it is
//! still open — how a TN leaves a port (R9) and how a PON gets a new version (R8).

use clap::Args;
use serde::Serialize;

use crate::batch::SplitSpec;
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::model::{Order, OrderDraft, Tn};
use crate::output::OrderView;
use crate::output::order::order_name;
use crate::session::backend::{Backend, runtime};
use crate::session::cancel::cancel_order;
use crate::session::confirm::{confirm, require_confirmation_means};
use crate::session::input::OrderFieldArgs;
use crate::session::precheck::PrecheckMode;
use crate::session::present::{SubmitJson, print_dry_run, show_warnings, stop_on_findings};
use crate::session::split::{
    SplitOptions, check_split, parse_split_spec, send_split, submit_split,
};
use crate::session::submit::{
    Checks, accept, conclude_single, listen_while_sending, offline_report, online_report,
    place_single, request_body, with_customer_order_id,
};
use crate::session::wait::{WaitTarget, parse_timeout};
use crate::validate::Report;

/// Place a new order from an existing one, cancelling it first if it is still open.
///
/// The new order copies the old one (subscriber, address, dates, TNs) with the order-field
/// flags laid over it and every --remove-tn left out; this is how a TN is removed from a port,
/// since a supp cannot (R9). It keeps the PON unless --pon is given, so it becomes the next
/// version of that PON (R8), and it always gets a fresh customer order id. It is checked like
/// `lsr submit` (offline rules, TNs on open orders except the old order's own) before the old
/// order is cancelled, then journaled and sent as `lsr submit` sends (never twice; Ctrl-C waits
/// for the answer in flight and exits 130); off a terminal the cancel needs --yes.
///
/// `--split per-tn` makes one order per TN, the answer to 7517 (R5).
///
/// JSON: the `submit` document with `replaced`, the old order (schemas/resubmit.schema.json).
/// TSV columns: order_id, pon, pon_version, status, requested_foc_date, actual_foc_date,
/// foc_window_last_day, business_days_left, tn_count, error_codes, customer_order_id.
/// TSV columns with --split: index, pon, order_id, outcome, tns, customer_order_id.
///
/// Example: lsr resubmit ACME-0001 --remove-tn 919-555-0101 --yes --wait foc
#[derive(Debug, Clone, Args)]
pub struct ResubmitArgs {
    /// The order to start from: an order id, a PON (its latest version) or PON@N.
    #[arg(value_name = "ORDER", add = crate::session::complete::order_completer())]
    pub order: String,

    #[command(flatten)]
    pub fields: OrderFieldArgs,

    /// Leave this TN out of the new order (repeatable; any common format). It must be on the
    /// old order.
    #[arg(long, value_name = "TN")]
    pub remove_tn: Vec<String>,

    /// Split the new order: `per-tn` or N (at most N TNs each).
    #[arg(long, value_name = "per-tn|N")]
    pub split: Option<String>,

    /// How many orders of a split to send at once.
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub concurrency: usize,

    /// Print what would be cancelled and sent; change nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Send even when the pre-submission checks find errors.
    #[arg(long)]
    pub force: bool,

    /// Where the check for TNs on open orders looks: `remote` (the history, re-read, and one
    /// backend search per TN it does not cover), `local` (the history only), `off`.
    #[arg(long, value_enum, default_value_t = PrecheckMode::Remote, value_name = "WHERE")]
    pub precheck: PrecheckMode,

    /// Wait until the new order has a FOC date (`foc`) or reaches a final status (`final`):
    /// exit 0 when it does, 4 when it cannot (FAILED, CANCELLED; EXCEPTION for `foc`), 8 at
    /// --timeout. With --split, for every order of the batch (the worst decides).
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "foc", value_name = "UNTIL")]
    pub wait: Option<WaitTarget>,

    /// Give up waiting after this long (e.g. 90s, 10m, 2h).
    #[arg(long, default_value = "10m", value_name = "DURATION")]
    pub timeout: String,
}

/// The `resubmit` document (schemas/resubmit.schema.json): `submit`'s, plus the order it
/// replaced.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ResubmitJson {
    #[serde(flatten)]
    pub submit: SubmitJson,
    /// The order the new one replaces, as it stands after its cancel; absent when the checks
    /// stopped the resubmit before anything was done.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replaced: Option<OrderView>,
}

pub fn run(ctx: &Context, args: &ResubmitArgs) -> anyhow::Result<()> {
    let split = args.split.as_deref().map(parse_split_spec).transpose()?;
    let timeout = parse_timeout(&args.timeout)?;
    let removed = parse_removed(&args.remove_tn)?;
    runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        let old = backend.resolve(ctx, &args.order).await?;
        let label = old.label();
        let still_open = old.status.is_some_and(|s| !s.is_terminal());
        let draft = replacement_draft(ctx, &old, &args.fields, &removed)?;
        if still_open && !args.dry_run {
            require_confirmation_means(ctx, "resubmit")?;
        }
        let today = backend.today;
        if let Some(spec) = split {
            return resubmit_split(ctx, &backend, args, timeout, &old, spec, &draft).await;
        }
        let report = offline_report(ctx, &draft, None, None, today);
        if !report.ok() {
            note_inherited_date(ctx, &report, &args.fields, &label);
            return stop_on_findings(ctx, &draft, &report, "nothing was cancelled or sent");
        }
        let tns = report
            .order
            .as_ref()
            .map(|o| o.tns.clone())
            .unwrap_or_default();
        // The old order's own FOC on these TNs goes away with its cancel: it must not count.
        let checks = Checks {
            mode: args.precheck,
            force: args.force,
            replaces: Some(&old.order_id),
        };
        let (report, _) = online_report(ctx, &backend, &draft, &tns, None, None, &checks).await?;
        let order = accept(
            ctx,
            &draft,
            &report,
            None,
            today,
            args.force,
            "nothing was cancelled or sent; --force sends anyway",
        )?;
        let (order, user_cid) = with_customer_order_id(&order);
        if args.dry_run {
            if still_open {
                ctx.note(&format!("dry run: would cancel {label} first"));
            }
            return print_dry_run(ctx, &order, &request_body(&order), &report.findings);
        }
        let replaced = if still_open {
            confirm(
                ctx,
                "resubmit",
                &format!(
                    "cancel {label} and place {} with {} TN{}?",
                    order.pon,
                    order.tns.len(),
                    if order.tns.len() == 1 { "" } else { "s" }
                ),
            )?;
            cancel_order(ctx, &backend, &old).await?
        } else {
            old.clone()
        };
        let interrupt = listen_while_sending(ctx, &backend, order.pon.as_str());
        let mut single = place_single(
            ctx,
            &backend,
            &order,
            user_cid,
            Some(&old.order_id),
            &interrupt,
        )
        .await?;
        if let Some((entry, error)) = single.failure.take() {
            // After a cancel, a failure says the old order is gone.
            let what = if still_open {
                format!(
                    "order {label} was cancelled, but placing its replacement {} failed",
                    order.pon
                )
            } else {
                format!("placing order {} (replacing {label}) failed", order.pon)
            };
            single.failure = Some((entry, error.context(what)));
        }
        let wait = args.wait.map(|target| (target, timeout));
        let replaced = backend.view(ctx, &replaced);
        let said = |view: &OrderView| {
            format!(
                "resubmitted {label} as {} (order {})",
                order_name(view),
                view.order_id
            )
        };
        conclude_single(
            ctx,
            &backend,
            single,
            wait,
            &interrupt,
            report.findings,
            said,
        )
        .await?
        .finish(ctx, backend.today, |submit| ResubmitJson {
            submit,
            replaced: Some(replaced),
        })
    })
}

/// `resubmit --split`: R5 in one command. The old order (often CANCELLED with 7517) becomes a
/// batch of children `PON-0001` …; an open old order is cancelled only after the checks pass.
async fn resubmit_split(
    ctx: &Context,
    backend: &Backend,
    args: &ResubmitArgs,
    timeout: std::time::Duration,
    old: &Order,
    spec: SplitSpec,
    draft: &OrderDraft,
) -> anyhow::Result<()> {
    let label = old.label();
    let still_open = old.status.is_some_and(|s| !s.is_terminal());
    let report = offline_report(ctx, draft, None, Some(spec), backend.today);
    if !report.ok() {
        note_inherited_date(ctx, &report, &args.fields, &label);
        return stop_on_findings(ctx, draft, &report, "nothing was cancelled or sent");
    }
    let Some(order) = report.order.clone() else {
        return stop_on_findings(ctx, draft, &report, "nothing was cancelled or sent");
    };
    let options = SplitOptions {
        spec,
        concurrency: args.concurrency,
        dry_run: args.dry_run,
        force: args.force,
        replaces_order_id: Some(old.order_id.clone()).filter(|id| !id.is_empty()),
        precheck: args.precheck,
        wait: args.wait.map(|target| (target, timeout)),
    };
    show_warnings(ctx, &report.findings);
    if args.dry_run {
        if still_open {
            ctx.note(&format!("dry run: would cancel {label} first"));
        }
        return submit_split(ctx, backend, &order, &options).await;
    }
    let (_, cost) = check_split(ctx, backend, &order, &options).await?;
    if still_open {
        confirm(
            ctx,
            "resubmit",
            &format!(
                "cancel {label} and place its {} TNs as split orders of {}?",
                order.tns.len(),
                order.pon
            ),
        )?;
        cancel_order(ctx, backend, old).await?;
    }
    send_split(ctx, backend, &order, &options, Some(cost)).await
}

/// An old order's requested FOC date is often behind us by the time it is resubmitted: say
/// where the date came from, since the user did not type it.
fn note_inherited_date(ctx: &Context, report: &Report, fields: &OrderFieldArgs, label: &str) {
    let date_refused = report.errors().any(|f| f.field == "requested_foc_date");
    if date_refused && fields.requested_foc_date.is_none() {
        ctx.note(&format!(
            "the requested FOC date is the one of order {label}; give the new order its own with --foc (e.g. --foc +2bd)"
        ));
    }
}

/// Parses every `--remove-tn`, keeping the text as typed for messages (usage error naming
/// the first bad one).
fn parse_removed(texts: &[String]) -> Result<Vec<(String, Tn)>, CliError> {
    texts
        .iter()
        .map(|t| {
            Tn::parse(t).map(|tn| (t.clone(), tn)).map_err(|e| {
                CliError::new(Exit::Usage, format!("--remove-tn `{t}`: {e}"))
                    .with_hint("give a 10-digit telephone number of the order, e.g. 919-555-0101")
            })
        })
        .collect()
}

/// The new order: the old one's fields, the flags over them, a fresh customer order id (unless
/// one is given), and the old TNs minus the removed ones.
fn replacement_draft(
    ctx: &Context,
    old: &Order,
    fields: &OrderFieldArgs,
    removed: &[(String, Tn)],
) -> Result<OrderDraft, CliError> {
    let label = old.label();
    let base = old.details.clone().unwrap_or_default();
    let old_tns: Vec<(String, Option<Tn>)> = base
        .tns
        .iter()
        .map(|t| (t.clone(), Tn::parse(t).ok()))
        .collect();
    for (typed, tn) in removed {
        if !old_tns.iter().any(|(_, parsed)| *parsed == Some(*tn)) {
            return Err(CliError::new(
                Exit::Usage,
                format!("--remove-tn {typed}: the number is not on order {label}"),
            )
            .with_hint(format!(
                "the order's TNs are: {}",
                old_tns
                    .iter()
                    .map(|(t, _)| t.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
    }
    let kept: Vec<String> = old_tns
        .into_iter()
        .filter(|(_, parsed)| parsed.is_none_or(|t| removed.iter().all(|(_, r)| *r != t)))
        .map(|(text, _)| text)
        .collect();
    if kept.is_empty() {
        return Err(CliError::new(
            Exit::Usage,
            format!("removing every TN of order {label} leaves nothing to order"),
        )
        .with_hint(format!("to stop the port altogether: `lsr cancel {label}`")));
    }
    let mut base = base;
    // A fresh one always: the old id names the old order, and a create is checked by it.
    base.customer_order_id = None;
    let mut draft = base.overlay(&fields.to_draft());
    draft.tns = kept;
    if draft.spid.is_none() {
        draft.spid = ctx.settings.spid.as_ref().map(|s| s.value.clone());
    }
    Ok(draft)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn resubmit_rejects_unparseable_remove_tn() {
        let err = parse_removed(&["919-555".into()]).unwrap_err();
        assert_eq!(err.exit, Exit::Usage);
        assert!(err.message.contains("919-555"), "{}", err.message);
        assert_eq!(parse_removed(&["(919) 555-0101".into()]).unwrap().len(), 1);
    }
}
