//! Printing what several commands print alike: an order in the chosen output mode, the
//! findings of the checks (warnings that do not stop, errors that do), and the `submit` JSON
//! shape those share.

use serde::Serialize;

use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::model::{LsrOrder, OrderDraft};
use crate::output::{self, OrderView, OutputMode, findings_rows, summary_line};
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

/// An order that was not placed (or not cancelled).
#[derive(Debug, Serialize)]
pub struct FailedOrder {
    pub pon: Option<String>,
    pub tns: Vec<String>,
    pub error: String,
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
