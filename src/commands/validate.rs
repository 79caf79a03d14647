//! `lsr validate`: check an order offline against Bandwidth's rules; send nothing.

use clap::Args;
use serde::Serialize;

use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::output::{OutputMode, findings_rows, print_json, print_text, summary_line};
use crate::session::input::{OrderFieldArgs, TnInputArgs, read_order_input};
use crate::validate::{Finding, ValidationContext, validate_order};

/// Check an order offline: every problem at once, with Bandwidth's codes; sends nothing.
///
/// Takes the same inputs as `submit`. Exits 3 when there is an error, 0 when only warnings.
///
/// JSON: {"ok", "tn_count", "findings"} (schemas/validate.schema.json). TSV columns: severity,
/// code, field, message, hint.
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

/// The `validate` document (schemas/validate.schema.json).
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ValidateJson<'a> {
    /// No finding is an error.
    pub ok: bool,
    pub tn_count: usize,
    pub findings: &'a [Finding],
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
        mode if !report.findings.is_empty() || (mode == OutputMode::Tsv && ctx.global.header) => {
            print_text(&ctx.render_rows(&findings_rows(&report.findings)))?
        }
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
