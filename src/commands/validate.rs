//! `lsr validate`: check an order offline against Bandwidth's rules; send nothing.

use clap::Args;
use serde::Serialize;

use super::order_input::read_order_input;
use crate::cli::{OrderFieldArgs, TnInputArgs};
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::model::OrderDraft;
use crate::output::{OutputMode, Rows, print_json, print_text, render_rows};
use crate::validate::{Finding, Report, Severity, ValidationContext, validate_order};

/// Check an order offline: every problem at once, with Bandwidth's codes; sends nothing.
///
/// Takes the same inputs as `submit`. Exits 3 when there is an error, 0 when only warnings.
///
/// Example: lsr validate --from examples/port-out.toml
#[derive(Debug, Clone, Args)]
pub struct ValidateArgs {
    /// Read the order from FILE (TOML or JSON).
    #[arg(long, value_name = "FILE")]
    pub from: Option<std::path::PathBuf>,

    #[command(flatten)]
    pub fields: OrderFieldArgs,

    #[command(flatten)]
    pub tns: TnInputArgs,
}

/// The `validate` JSON shape.
#[derive(Debug, Serialize)]
struct ValidateJson<'a> {
    ok: bool,
    tn_count: usize,
    findings: &'a [Finding],
}

pub fn run(ctx: &Context, args: &ValidateArgs) -> anyhow::Result<()> {
    let input = read_order_input(args.from.as_deref(), &args.fields, &args.tns)?;
    let rules = ValidationContext::offline(ctx.today, &ctx.calendar);
    let mut report = validate_order(&input.draft, &rules);
    input.annotate_findings(&mut report.findings);
    let tn_count = input.draft.tns.len();

    match ctx.output {
        OutputMode::Json => print_json(&ValidateJson {
            ok: report.ok(),
            tn_count,
            findings: &report.findings,
        })?,
        mode if !report.findings.is_empty() => print_text(&render_rows(
            &findings_rows(&report.findings),
            mode,
            ctx.term_width,
        ))?,
        _ => {}
    }

    let summary = summary_line(&input.draft, &report, tn_count);
    if report.ok() {
        ctx.note(&summary);
        return Ok(());
    }
    // The summary is the error line itself: an invalid order is never silenced by `-q`.
    Err(CliError::new(Exit::Invalid, summary)
        .with_hint("fix the findings listed above and validate again; `lsr explain CODE` says what a code means")
        .into())
}

/// One row per finding: severity, code, field, message, hint.
pub(crate) fn findings_rows(findings: &[Finding]) -> Rows {
    let mut rows = Rows::new(["SEVERITY", "CODE", "FIELD", "MESSAGE", "HINT"]);
    for f in findings {
        rows.push([
            match f.severity {
                Severity::Error => "error".to_string(),
                Severity::Warning => "warning".to_string(),
            },
            f.code.map(|c| c.to_string()).unwrap_or_default(),
            f.field.clone(),
            f.message.clone(),
            f.hint.clone().unwrap_or_default(),
        ]);
    }
    rows
}

/// `order ACME-0001: 2 errors, 1 warning (3 TNs)`, or `order ACME-0001 is valid (3 TNs)`.
pub(crate) fn summary_line(draft: &OrderDraft, report: &Report, tn_count: usize) -> String {
    let name = match draft.pon.as_deref().map(str::trim) {
        Some(pon) if !pon.is_empty() => format!("order {pon}"),
        _ => "order (no PON)".to_string(),
    };
    let tns = plural(tn_count, "TN", "TNs");
    let errors = report.errors().count();
    let warnings = report.warnings().count();
    match (errors, warnings) {
        (0, 0) => format!("{name} is valid ({tns})"),
        (0, w) => format!(
            "{name} is valid, with {} ({tns})",
            plural(w, "warning", "warnings")
        ),
        (e, 0) => format!("{name}: {} ({tns})", plural(e, "error", "errors")),
        (e, w) => format!(
            "{name}: {}, {} ({tns})",
            plural(e, "error", "errors"),
            plural(w, "warning", "warnings")
        ),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
