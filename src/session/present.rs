//! Printing what several commands print alike: an order in the chosen output mode, the
//! findings of the checks (warnings that do not stop, errors that do), and the `submit` JSON
//! shape those share.

use serde::Serialize;

use super::precheck::PrecheckCost;
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::history::BatchSummary;
use crate::model::{LsrOrder, OrderDraft, Tn};
use crate::output::{self, ErrorView, OrderView, OutputMode, findings_rows, summary_line};
use crate::validate::{Finding, Report};
use crate::wire;

/// The `submit` document (schemas/submit.schema.json), also the core of `resubmit`'s: the
/// journal's batch, the orders placed, the orders not placed (or that missed their `--wait`
/// target) and the findings of the checks. A dry run adds what would be sent: `order` for one
/// order, `parent_pon`, `tn_count` and `children` for a split.
#[derive(Debug, Default, Serialize, schemars::JsonSchema)]
pub struct SubmitJson {
    /// The journal's batch of this submission (a split's, or a single order's batch of one:
    /// `lsr batch show ID`); null when nothing was journaled (a dry run, or an order the checks
    /// stopped).
    pub batch: Option<BatchJson>,
    /// Every order placed (as last seen: after `--wait`, as it stands).
    pub orders: Vec<OrderView>,
    /// Every order not placed, and every placed order that missed its `--wait` target.
    pub failed: Vec<FailedOrder>,
    /// The findings of the checks (warnings, or the errors that stopped the order).
    pub findings: Vec<Finding>,
    pub dry_run: bool,
    /// A dry run of one order: the order that would be sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<LsrOrder>,
    /// A dry run of a split: the plan.
    #[serde(flatten)]
    pub plan: Option<PlanJson>,
}

/// The journal's batch of a submission, as `submit` and `batch resume` print it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct BatchJson {
    /// The batch as `lsr batch list` shows it (`id`, `parent_pon`, `split`, `counts` …).
    #[serde(flatten)]
    pub summary: BatchSummary,
    /// Ctrl-C stopped the run (exit 130): `lsr batch resume ID` finishes it.
    pub interrupted: bool,
    /// What the pre-submission check cost (null for a resume, which runs none).
    pub precheck: Option<PrecheckCost>,
}

/// The plan of a split dry run.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PlanJson {
    pub parent_pon: String,
    /// TNs over every child.
    pub tn_count: usize,
    pub children: Vec<PlannedChildJson>,
}

/// One order of a split's plan.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PlannedChildJson {
    pub index: usize,
    pub pon: String,
    pub customer_order_id: String,
    pub tns: Vec<String>,
}

/// An order that was not placed (or not cancelled), or that missed its `--wait` target.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FailedOrder {
    pub pon: Option<String>,
    /// Its TNs, 10 digits each (a TN lsr could not read, as it was given).
    pub tns: Vec<String>,
    /// Why, in one message.
    pub error: String,
    /// The order, when there is one (it missed its `--wait` target, or its outcome is known).
    pub order_id: Option<String>,
    /// Its status word, when there is an order.
    pub status: Option<String>,
    /// Bandwidth's errors: the order's, or those the backend refused it with.
    pub errors: Vec<ErrorView>,
}

impl FailedOrder {
    /// An order that was not placed (or not changed), with why.
    pub fn new(pon: Option<String>, tns: Vec<String>, error: String) -> FailedOrder {
        FailedOrder {
            pon,
            tns,
            error,
            order_id: None,
            status: None,
            errors: Vec::new(),
        }
    }

    /// An order that exists but missed what was asked of it.
    pub fn of_order(view: &OrderView, error: String) -> FailedOrder {
        FailedOrder {
            pon: Some(view.pon.clone()).filter(|p| !p.is_empty()),
            tns: view.tns.clone(),
            error,
            order_id: Some(view.order_id.clone()).filter(|id| !id.is_empty()),
            status: Some(view.status.clone()).filter(|s| !s.is_empty()),
            errors: view.errors.clone(),
        }
    }

    /// With the codes the backend refused the order with.
    pub fn with_codes(mut self, codes: &[crate::model::BandwidthError]) -> FailedOrder {
        self.errors = codes
            .iter()
            .map(|e| ErrorView {
                code: e.code,
                description: e.description.clone(),
                explanation: crate::validate::codes::by_code(e.code).map(|c| c.title.to_string()),
            })
            .collect();
        self
    }
}

/// Prints one order in the chosen output mode: the status block and its timeline on a
/// terminal, JSON, or a TSV row.
pub fn print_order(
    ctx: &Context,
    view: &OrderView,
    today: chrono::NaiveDate,
) -> anyhow::Result<()> {
    match ctx.output {
        OutputMode::Json => output::print_json(view)?,
        OutputMode::Table => {
            let mut text = output::order::render_status_block(
                view,
                ctx.color,
                ctx.global.sandbox,
                ctx.term_width,
            );
            text.push_str(&output::timeline::render_order_timeline(
                view,
                &ctx.calendar,
                today,
                ctx.term_width,
                ctx.color,
            ));
            output::print_text(&text)?
        }
        OutputMode::Tsv => output::print_text(
            &ctx.render_tsv(&output::order::order_rows(std::slice::from_ref(view))),
        )?,
    }
    Ok(())
}

/// Prints what a single submission ended with: the `submit` JSON, or the placed order (on a
/// terminal its status block and timeline). Nothing on stdout for an order that was not placed
/// (the error says why on stderr).
pub fn print_submitted<T: Serialize>(
    ctx: &Context,
    json: &T,
    view: Option<&OrderView>,
    today: chrono::NaiveDate,
) -> anyhow::Result<()> {
    if ctx.output == OutputMode::Json {
        return output::print_json(json).map_err(Into::into);
    }
    match view {
        Some(view) => print_order(ctx, view, today),
        None => Ok(()),
    }
}

/// Prints the status block alone (no timeline).
pub fn print_status_block(ctx: &Context, view: &OrderView) -> anyhow::Result<()> {
    output::print_text(&output::order::render_status_block(
        view,
        ctx.color,
        ctx.global.sandbox,
        ctx.term_width,
    ))?;
    Ok(())
}

/// Warnings go to stderr for people (JSON carries them in `findings`).
pub fn show_warnings(ctx: &Context, findings: &[Finding]) {
    if findings.is_empty() || ctx.output == OutputMode::Json || !ctx.show_notes() {
        return;
    }
    eprint!("{}", findings_for_people(ctx, findings));
}

/// Findings as stderr shows them: a table on a terminal, lines of text otherwise (never TSV:
/// stderr is for people whatever stdout's mode).
fn findings_for_people(ctx: &Context, findings: &[Finding]) -> String {
    match ctx.output {
        OutputMode::Table => {
            output::render_rows(&findings_rows(findings), OutputMode::Table, ctx.term_width)
        }
        OutputMode::Tsv | OutputMode::Json => output::findings::findings_text(findings),
    }
}

/// Prints the `submit` document of an order the checks stopped (with `--json`; people get
/// the findings on stderr) and fails with exit 3; `what_happened` says what was not done.
pub fn stop_on_findings(
    ctx: &Context,
    draft: &OrderDraft,
    report: &Report,
    what_happened: &str,
) -> anyhow::Result<()> {
    let tn_count = draft.tns.len();
    if ctx.output == OutputMode::Json {
        output::print_json(&SubmitJson {
            failed: vec![FailedOrder::new(
                draft.pon.clone(),
                // As every document writes TNs: 10 digits (one lsr cannot read, as given).
                draft
                    .tns
                    .iter()
                    .map(|t| Tn::parse(t).map_or_else(|_| t.clone(), Tn::digits))
                    .collect(),
                summary_line(draft, report, tn_count),
            )],
            findings: report.findings.clone(),
            ..SubmitJson::default()
        })?;
    }
    refuse_on_findings(ctx, draft, report, what_happened)
}

/// Fails with exit 3 for the findings of a report: on stderr for people, in the error document
/// with `--json` (`error.findings`, and `error.code` when one error stopped it).
pub fn refuse_on_findings(
    ctx: &Context,
    draft: &OrderDraft,
    report: &Report,
    what_happened: &str,
) -> anyhow::Result<()> {
    if ctx.output != OutputMode::Json {
        eprint!("{}", findings_for_people(ctx, &report.findings));
    }
    let tn_count = draft.tns.len();
    Err(CliError::new(
        Exit::Invalid,
        format!("{}: {what_happened}", summary_line(draft, report, tn_count)),
    )
    .with_hint("fix the findings above; `lsr explain CODE` says what a code means")
    .with_findings(&report.findings)
    .into())
}

/// Prints what a dry run would send: the XML body for people, the `submit` document with the
/// typed order in JSON.
pub fn print_dry_run(
    ctx: &Context,
    order: &LsrOrder,
    body: &wire::LsrOrder,
    findings: &[Finding],
) -> anyhow::Result<()> {
    if ctx.output == OutputMode::Json {
        output::print_json(&SubmitJson {
            dry_run: true,
            order: Some(order.clone()),
            findings: findings.to_vec(),
            ..SubmitJson::default()
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
