//! `lsr submit`: place a new LSR, after the offline rules and the pending-FOC checks pass.

use clap::Args;

use crate::batch::SplitSpec;
use crate::context::Context;
use crate::model::OrderDraft;
use crate::output::OrderView;
use crate::output::order::order_name;
use crate::session::backend::{Backend, runtime};
use crate::session::input::{OrderFieldArgs, OrderInput, TnInputArgs, read_order_input};
use crate::session::precheck::PrecheckMode;
use crate::session::present::{print_dry_run, stop_on_findings};
use crate::session::split::{SplitOptions, make_plan, parse_split_spec, submit_split};
use crate::session::submit::{
    Checks, accept, conclude_single, listen_while_sending, offline_report, online_report,
    place_single, request_body, with_customer_order_id,
};
use crate::session::wait::{WaitTarget, parse_timeout};
use crate::session::wizard::{self, Decision};
use crate::validate::Report;

/// Submit a new port-out LSR.
///
/// The order comes from flags, a --from file (TOML or JSON), or both (flags win). Before
/// anything is sent it is checked offline, an earlier submission of the same PON or TNs whose
/// outcome is unknown is looked up and settled, and every TN is checked for an order that is
/// not final (a pending FOC, 17008, R4; or PENDING, EXCEPTION …) in the history and on the
/// backend (--precheck); errors stop it (exit 3) unless --force, so running the same submit
/// twice is refused the second time. The order is journaled before its POST with a customer
/// order id; when the answer is lost, an order counts as placed only if its customer order id,
/// PON and TNs prove it is this one (exit 5 when that cannot be proven; never sent twice).
/// Ctrl-C waits for the answer in flight (a second Ctrl-C stops at once), says what is known
/// and exits 130. On a terminal, missing required fields are asked for, each answer checked as
/// you type; with --no-input, --yes or off a terminal they are a usage error (exit 2) naming
/// each flag.
///
/// JSON: one document, {"batch", "orders", "failed", "findings", "dry_run"}, whatever happened
/// (schemas/submit.schema.json); with --progress json, one line per order of a split on
/// stderr as it is sent. TSV columns: order_id, pon, pon_version, status, requested_foc_date,
/// actual_foc_date, foc_window_last_day, business_days_left, tn_count, error_codes,
/// customer_order_id.
/// TSV columns with --split: index, pon, order_id, outcome, tns, customer_order_id. TSV columns
/// with --split and --dry-run: index, pon, tns, customer_order_id. A --dry-run of one order
/// prints the XML body it would send.
///
/// Example: lsr submit --from port-out.toml --tn 919-555-0100 --wait foc
#[derive(Debug, Clone, Args)]
pub struct SubmitArgs {
    /// Read the order from FILE (TOML or JSON).
    #[arg(long, value_name = "FILE")]
    pub from: Option<std::path::PathBuf>,

    #[command(flatten)]
    pub fields: OrderFieldArgs,

    #[command(flatten)]
    pub tns: TnInputArgs,

    /// Split into several orders: `per-tn` (one TN each) or N (at most N TNs each, N ≤ 999).
    #[arg(long, value_name = "per-tn|N")]
    pub split: Option<String>,

    /// How many orders of a split to send at once.
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub concurrency: usize,

    /// Check and print what would be sent; send nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Send even when the pre-submission checks find errors.
    #[arg(long)]
    pub force: bool,

    /// Where the check for TNs on open orders looks: `remote` (the history, re-read, and one
    /// backend search per TN it does not cover), `local` (the history only), `off`.
    #[arg(long, value_enum, default_value_t = PrecheckMode::Remote, value_name = "WHERE")]
    pub precheck: PrecheckMode,

    /// Wait until the order has a FOC date (`foc`) or reaches a final status (`final`): exit 0
    /// when it does, 4 when it cannot (FAILED, CANCELLED; EXCEPTION for `foc`), 8 at --timeout.
    /// With --split, for every order of the batch (the worst decides).
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "foc", value_name = "UNTIL")]
    pub wait: Option<WaitTarget>,

    /// Give up waiting after this long (e.g. 90s, 10m, 2h).
    #[arg(long, default_value = "10m", value_name = "DURATION")]
    pub timeout: String,
}

pub fn run(ctx: &Context, args: &SubmitArgs) -> anyhow::Result<()> {
    let split = args.split.as_deref().map(parse_split_spec).transpose()?;
    let timeout = parse_timeout(&args.timeout)?;
    let input = read_order_input(args.from.as_deref(), &args.fields, &args.tns)?;
    let mut draft = input.draft.clone();
    if draft.spid.is_none() {
        draft.spid = ctx.settings.spid.as_ref().map(|s| s.value.clone());
    }
    // Missing required fields: asked for on a terminal, else a usage error naming the flags.
    let asked = wizard::complete_order(ctx, &mut draft)?;
    // Each round checks the draft as it stands; a field edited at the wizard's summary starts
    // the next round, so an edit is checked exactly as the first answers were.
    loop {
        // The TN origins (`--tn #2`, a line of the file) hold while the TNs are the ones given.
        let origins = (draft.tns == input.draft.tns).then_some(&input);
        // Offline first: no network for an order that cannot pass.
        let report = offline_report(ctx, &draft, origins, split, ctx.today);
        if !report.ok() {
            return stop_on_findings(ctx, &draft, &report, "nothing was sent");
        }
        let round = match split {
            Some(spec) => {
                submit_split_command(ctx, args, timeout, spec, &mut draft, &report, asked)?
            }
            None => runtime()?.block_on(submit_single(
                ctx, args, timeout, &mut draft, origins, &report, asked,
            ))?,
        };
        if round == Round::Done {
            return Ok(());
        }
    }
}

/// How one round of checks and sending ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Round {
    /// Sent (or printed, for a dry run); nothing more to do.
    Done,
    /// The user edited a field at the summary: check the draft again.
    Edited,
}

/// One order: the pre-submission checks, the summary (when the wizard asked), the send and
/// `--wait`.
async fn submit_single(
    ctx: &Context,
    args: &SubmitArgs,
    timeout: std::time::Duration,
    draft: &mut OrderDraft,
    origins: Option<&OrderInput>,
    offline: &Report,
    asked: bool,
) -> anyhow::Result<Round> {
    let backend = Backend::connect(ctx).await?;
    let tns = offline
        .order
        .as_ref()
        .map(|o| o.tns.clone())
        .unwrap_or_default();
    let checks = Checks {
        mode: args.precheck,
        force: args.force,
        replaces: None,
    };
    let (report, _) = online_report(ctx, &backend, draft, &tns, origins, None, &checks).await?;
    let order = accept(
        ctx,
        draft,
        &report,
        None,
        backend.today,
        args.force,
        "nothing was sent; --force sends anyway",
    )?;
    let (order, user_cid) = with_customer_order_id(&order);
    if args.dry_run {
        print_dry_run(ctx, &order, &request_body(&order), &report.findings)?;
        return Ok(Round::Done);
    }
    if asked && wizard::confirm_sending(ctx, draft, &order, &report.findings)? == Decision::Edited {
        return Ok(Round::Edited);
    }
    let interrupt = listen_while_sending(ctx, &backend, order.pon.as_str());
    let single = place_single(ctx, &backend, &order, user_cid, None, &interrupt).await?;
    let wait = args.wait.map(|target| (target, timeout));
    // "submitted …" is said as soon as the order is placed, before `--wait` follows it.
    let said =
        |view: &OrderView| format!("submitted {} as order {}", order_name(view), view.order_id);
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
    .finish(ctx, backend.today, |json| json)?;
    Ok(Round::Done)
}

/// `lsr submit --split …`, after the offline checks of the whole order passed: the plan and
/// the checks (dry run), or the batch.
fn submit_split_command(
    ctx: &Context,
    args: &SubmitArgs,
    timeout: std::time::Duration,
    spec: SplitSpec,
    draft: &mut OrderDraft,
    report: &Report,
    asked: bool,
) -> anyhow::Result<Round> {
    let Some(order) = report.order.clone() else {
        stop_on_findings(ctx, draft, report, "nothing was sent")?;
        return Ok(Round::Done);
    };
    let options = SplitOptions {
        spec,
        concurrency: args.concurrency,
        dry_run: args.dry_run,
        force: args.force,
        replaces_order_id: None,
        precheck: args.precheck,
        wait: args.wait.map(|target| (target, timeout)),
    };
    // The plan is offline: a parent PON too long for its children's suffixes is refused before
    // anything connects.
    make_plan(&order, spec)?;
    if asked
        && !args.dry_run
        && wizard::confirm_sending(ctx, draft, &order, &report.findings)? == Decision::Edited
    {
        return Ok(Round::Edited);
    }
    runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        submit_split(ctx, &backend, &order, &options).await
    })?;
    Ok(Round::Done)
}
