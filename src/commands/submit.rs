//! `lsr submit`: place a new LSR, after the offline rules and the pending-FOC checks pass.

use clap::Args;
use serde::Serialize;

use super::backend::{Backend, runtime};
use super::order_input::read_order_input;
use super::order_view::OrderView;
use super::presubmit;
use super::status::{parse_timeout, print_order, wait_for};
use super::validate::{findings_rows, summary_line};
use crate::cli::{OrderFieldArgs, TnInputArgs, WaitTarget};
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::model::{LsrOrder, OrderDraft};
use crate::output::{self, OutputMode};
use crate::validate::{Finding, Report, ValidationContext, validate_order};
use crate::wire;

/// Submit a new port-out LSR.
///
/// The order comes from flags, a --from file (TOML or JSON), or both (flags win). Before
/// anything is sent it is checked offline and against pending FOCs (17008, R4) in the history
/// and on the backend; errors stop it (exit 3) unless --force. Every order carries a customer
/// order id, so an unclear outcome is checked, never blindly re-sent. On a terminal, missing
/// required fields are asked for, each answer checked as you type; with --no-input, --yes or
/// off a terminal they are a usage error (exit 2) naming each flag.
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

    /// Wait until the order has a FOC date (`foc`) or reaches a final status (`final`).
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "foc", value_name = "UNTIL")]
    pub wait: Option<WaitTarget>,

    /// Give up waiting after this long (e.g. 90s, 10m, 2h).
    #[arg(long, default_value = "10m", value_name = "DURATION")]
    pub timeout: String,
}

/// The `submit` JSON shape.
#[derive(Debug, Default, Serialize)]
pub struct SubmitJson {
    pub orders: Vec<OrderView>,
    pub failed: Vec<FailedOrder>,
    /// The findings of the checks (warnings, or the errors that stopped the order).
    pub findings: Vec<Finding>,
    pub dry_run: bool,
}

/// An order that was not placed.
#[derive(Debug, Serialize)]
pub struct FailedOrder {
    pub pon: Option<String>,
    pub tns: Vec<String>,
    pub error: String,
}

pub fn run(ctx: &Context, args: &SubmitArgs) -> anyhow::Result<()> {
    if let Some(split) = &args.split {
        return super::batch::submit_split_command(ctx, args, split);
    }
    let timeout = parse_timeout(&args.timeout)?;
    let input = read_order_input(args.from.as_deref(), &args.fields, &args.tns)?;
    let mut draft = input.draft.clone();
    if draft.spid.is_none() {
        draft.spid = ctx.settings.spid.as_ref().map(|s| s.value.clone());
    }
    // Missing required fields: asked for on a terminal, else a usage error naming the flags.
    let asked = crate::session::wizard::complete_order(ctx, &mut draft)?;
    // Offline first: no network for an order that cannot pass.
    let offline = ValidationContext::offline(ctx.today, &ctx.calendar);
    let mut report = validate_order(&draft, &offline);
    input.annotate_findings(&mut report.findings);
    if !report.ok() {
        return stop_on_findings(ctx, &draft, &report, "nothing was sent");
    }
    runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        let tns = report.order.as_ref().map(|o| o.tns.clone()).unwrap_or_default();
        let outside = presubmit::gather(ctx, &backend, &tns, None).await?;
        let rules = ValidationContext {
            today: backend.today,
            calendar: &ctx.calendar,
            pending_focs: &outside.pending_focs,
            one_tn_required: &outside.learned.one_tn_required,
            manual_handling: &outside.learned.manual_handling,
        };
        let mut report = validate_order(&draft, &rules);
        input.annotate_findings(&mut report.findings);
        if !report.ok() && !args.force {
            return stop_on_findings(ctx, &draft, &report, "nothing was sent; --force sends anyway");
        }
        show_warnings(ctx, &report.findings);
        let typed = report.order.clone().or_else(|| forced_order(&draft, &rules));
        let Some(order) = typed else {
            return stop_on_findings(ctx, &draft, &report, "nothing was sent");
        };
        let body = request_body(&order);
        if args.dry_run {
            return print_dry_run(ctx, &order, &body, &report.findings);
        }
        if asked {
            crate::session::wizard::confirm_sending(ctx, &order, &report.findings)?;
        }
        let created = backend.client.create_order(&body).await.map_err(|e| {
            anyhow::Error::from(e).context(format!("submitting order {}", order.pon))
        })?;
        if created.recovered {
            ctx.note(&format!(
                "the answer was lost, but order {} was found by its customer order id: it was not sent twice",
                created.order_id
            ));
        }
        let mut placed = created.order.clone();
        if placed.order_id.is_none() {
            placed.order_id = Some(created.order_id.clone());
        }
        backend.remember(ctx, &placed);
        if let Some(target) = args.wait {
            placed = wait_for(ctx, &backend, &created.order_id, placed, target, timeout).await?;
        }
        let view = backend.view(ctx, &placed);
        ctx.note(&format!(
            "submitted {}@{} as order {}",
            view.pon,
            view.pon_version.unwrap_or(1),
            view.order_id
        ));
        if ctx.output == OutputMode::Json {
            output::print_json(&SubmitJson {
                orders: vec![view],
                findings: report.findings,
                ..SubmitJson::default()
            })?;
            Ok(())
        } else {
            print_order(ctx, &view, backend.today)
        }
    })
}

/// The typed order when `--force` overrides errors that only the outside knowledge raised
/// (17008): the offline rules passed, so re-validating offline yields the order.
pub(crate) fn forced_order(draft: &OrderDraft, rules: &ValidationContext<'_>) -> Option<LsrOrder> {
    validate_order(
        draft,
        &ValidationContext::offline(rules.today, rules.calendar),
    )
    .order
}

/// The POST body: the validated order, with a customer order id always set (it is how an
/// unclear outcome is checked).
pub fn request_body(order: &LsrOrder) -> wire::LsrOrder {
    let mut body = wire::LsrOrder::from(order);
    if body
        .customer_order_id
        .as_deref()
        .is_none_or(|c| c.trim().is_empty())
    {
        body.customer_order_id = Some(crate::batch::new_batch_token());
    }
    body
}

/// Prints the findings and fails with exit 3.
pub fn stop_on_findings(
    ctx: &Context,
    draft: &OrderDraft,
    report: &Report,
    what_happened: &str,
) -> anyhow::Result<()> {
    let tn_count = draft.tns.len();
    if ctx.output == OutputMode::Json {
        output::print_json(&SubmitJson {
            failed: vec![FailedOrder {
                pon: draft.pon.clone(),
                tns: draft.tns.clone(),
                error: summary_line(draft, report, tn_count),
            }],
            findings: report.findings.clone(),
            ..SubmitJson::default()
        })?;
    } else {
        eprint!(
            "{}",
            output::render_rows(&findings_rows(&report.findings), ctx.output, ctx.term_width)
        );
    }
    Err(CliError::new(
        Exit::Invalid,
        format!("{}: {what_happened}", summary_line(draft, report, tn_count)),
    )
    .with_hint("fix the findings above; `lsr explain CODE` says what a code means")
    .into())
}

/// Warnings go to stderr for people (JSON carries them in `findings`).
pub(crate) fn show_warnings(ctx: &Context, findings: &[Finding]) {
    if findings.is_empty() || ctx.output == OutputMode::Json || !ctx.show_notes() {
        return;
    }
    eprint!(
        "{}",
        output::render_rows(&findings_rows(findings), ctx.output, ctx.term_width)
    );
}

pub(crate) fn print_dry_run(
    ctx: &Context,
    order: &LsrOrder,
    body: &wire::LsrOrder,
    findings: &[Finding],
) -> anyhow::Result<()> {
    if ctx.output == OutputMode::Json {
        #[derive(Serialize)]
        struct DryRun<'a> {
            dry_run: bool,
            order: &'a LsrOrder,
            findings: &'a [Finding],
            orders: Vec<OrderView>,
            failed: Vec<FailedOrder>,
        }
        output::print_json(&DryRun {
            dry_run: true,
            order,
            findings,
            orders: Vec::new(),
            failed: Vec::new(),
        })?;
    } else {
        let xml = wire::to_xml(body).map_err(|e| CliError::new(Exit::Failure, e.to_string()))?;
        output::print_text(&xml)?;
        ctx.note(&format!(
            "dry run: order {} with {} TNs passed every check; nothing was sent",
            order.pon,
            order.tns.len()
        ));
    }
    Ok(())
}
