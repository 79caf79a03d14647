//! `lsr validate`: check an order against Bandwidth's rules and what the local history knows;
//! send nothing. The same verdict as `submit --dry-run` for every check that needs no network.

use clap::Args;
use serde::Serialize;

use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::history::HistoryStore;
use crate::output::{OutputMode, findings_rows, print_json, print_text, summary_line};
use crate::session::backend::{Backend, history_key, runtime};
use crate::session::input::{OrderFieldArgs, TnInputArgs, read_order_input};
use crate::session::precheck::{PrecheckMode, history_knowledge};
use crate::session::submit::{Checks, offline_report, online_report};
use crate::validate::{Finding, Report};

/// Check an order: every problem at once, with Bandwidth's codes; sends nothing.
///
/// Takes the same inputs as `submit`, and runs every check `submit --dry-run` runs that needs
/// no network: Bandwidth's rules, the open orders the local history knows on the same TNs (R4),
/// and what the history learned about them (one TN per request, R5; manual handling, R6). The
/// backend's own open orders need the network: --remote checks them too (as `submit` does
/// before sending). Exits 3 when there is an error, 0 when only warnings.
///
/// JSON: {"ok", "tn_count", "findings"} (schemas/validate.schema.json). TSV columns: severity,
/// code, field, message, hint.
///
/// Example: lsr validate --from examples/port-out.toml
///
/// Example: lsr validate --from port.toml --remote
#[derive(Debug, Clone, Args)]
pub struct ValidateArgs {
    /// Read the order from FILE (TOML or JSON).
    #[arg(long, value_name = "FILE")]
    pub from: Option<std::path::PathBuf>,

    #[command(flatten)]
    pub fields: OrderFieldArgs,

    #[command(flatten)]
    pub tns: TnInputArgs,

    /// Also search the backend for open orders on the TNs (the network check `submit` runs).
    #[arg(long)]
    pub remote: bool,
}

/// Which checks ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ChecksRun {
    /// Bandwidth's rules, offline.
    pub rules: bool,
    /// The local history's open orders and learned rules.
    pub history: bool,
    /// The backend's open orders (`--remote`).
    pub remote: bool,
}

/// The `validate` document (schemas/validate.schema.json).
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct ValidateJson<'a> {
    /// No finding is an error.
    pub ok: bool,
    pub tn_count: usize,
    pub findings: &'a [Finding],
    /// Which checks ran.
    pub checks: ChecksRun,
}

pub fn run(ctx: &Context, args: &ValidateArgs) -> anyhow::Result<()> {
    let input = read_order_input(args.from.as_deref(), &args.fields, &args.tns)?;
    let offline = offline_report(ctx, &input.draft, Some(&input), None, ctx.today);
    let tns = offline.order.as_ref().map(|o| o.tns.clone());
    let (report, checks) = match tns {
        // Only an order that passes the rules has typed TNs to look up.
        Some(tns) if args.remote => remote_report(ctx, &input, &tns)?,
        Some(tns) => history_report(ctx, &input, &tns).unwrap_or((
            offline,
            ChecksRun {
                rules: true,
                history: false,
                remote: false,
            },
        )),
        None => (
            offline,
            ChecksRun {
                rules: true,
                history: false,
                remote: false,
            },
        ),
    };
    let tn_count = input.draft.tns.len();

    match ctx.output {
        OutputMode::Json => print_json(&ValidateJson {
            ok: report.ok(),
            tn_count,
            findings: &report.findings,
            checks,
        })?,
        mode if !report.findings.is_empty() || (mode == OutputMode::Tsv && ctx.global.header) => {
            print_text(&ctx.render_rows(&findings_rows(&report.findings)))?
        }
        _ => {}
    }

    let summary = summary_line(&input.draft, &report, tn_count);
    if report.ok() {
        ctx.note(&summary);
        if !checks.remote {
            ctx.note(&format!(
                "checked offline{}; the backend's open orders on these TNs need the network: `--remote` checks them",
                if checks.history {
                    " and against the local history"
                } else {
                    ""
                }
            ));
        }
        return Ok(());
    }
    // The summary is the error line itself: an invalid order is never silenced by `-q`.
    Err(CliError::new(Exit::Invalid, summary)
        .with_hint("fix the findings listed above and validate again; `lsr explain CODE` says what a code means")
        .into())
}

/// The rules with what the local history knows (no network). `None` when there is no history
/// for this backend to ask (none yet, or no account configured to name the backend).
fn history_report(
    ctx: &Context,
    input: &crate::session::input::OrderInput,
    tns: &[crate::model::Tn],
) -> Option<(Report, ChecksRun)> {
    let key = history_key(ctx).ok()?;
    let path = HistoryStore::path_in(&ctx.config_dir);
    if !path.is_file() {
        return None;
    }
    let history = HistoryStore::open(&path).ok()?;
    let outside = history_knowledge(ctx, &history, &key, tns);
    let mut report =
        crate::validate::validate_order(&input.draft, &outside.rules(ctx.today, &ctx.calendar));
    input.annotate_findings(&mut report.findings);
    Some((
        report,
        ChecksRun {
            rules: true,
            history: true,
            remote: false,
        },
    ))
}

/// The rules with the history and the backend's open orders: what `submit` checks before
/// sending (earlier submissions of unknown outcome are settled first, as there).
fn remote_report(
    ctx: &Context,
    input: &crate::session::input::OrderInput,
    tns: &[crate::model::Tn],
) -> anyhow::Result<(Report, ChecksRun)> {
    runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        let checks = Checks {
            mode: PrecheckMode::Remote,
            force: false,
            replaces: None,
        };
        let (report, _) =
            online_report(ctx, &backend, &input.draft, tns, Some(input), None, &checks).await?;
        Ok((
            report,
            ChecksRun {
                rules: true,
                history: true,
                remote: true,
            },
        ))
    })
}
