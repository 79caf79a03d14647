//! Printing what several commands print alike: an order in the chosen output mode, the
//! findings of the checks (warnings that do not stop, errors that do), and the `submit` JSON
//! shape those share.

use serde::Serialize;

use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::model::{LsrOrder, OrderDraft};
use crate::output::{self, ErrorView, OrderView, OutputMode, findings_rows, summary_line};
use crate::validate::{Finding, Report};
use crate::wire;

/// The `submit` JSON shape (also `resubmit`'s core and what a refused `supp` prints).
#[derive(Debug, Default, Serialize)]
pub struct SubmitJson {
    pub orders: Vec<OrderView>,
    pub failed: Vec<FailedOrder>,
    /// The findings of the checks (warnings, or the errors that stopped the order).
    pub findings: Vec<Finding>,
    pub dry_run: bool,
}

/// An order that was not placed (or not cancelled), or that missed its `--wait` target.
#[derive(Debug, Clone, Serialize)]
pub struct FailedOrder {
    pub pon: Option<String>,
    pub tns: Vec<String>,
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
        OutputMode::Tsv => output::print_text(&output::render_rows(
            &output::order::order_rows(std::slice::from_ref(view)),
            OutputMode::Tsv,
            None,
        ))?,
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
    eprint!(
        "{}",
        output::render_rows(&findings_rows(findings), ctx.output, ctx.term_width)
    );
}

/// Prints the findings and fails with exit 3; `what_happened` says what was not done.
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
                draft.tns.clone(),
                summary_line(draft, report, tn_count),
            )],
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

/// Prints what a dry run would send: the XML body for people, the typed order in JSON.
pub fn print_dry_run(
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
