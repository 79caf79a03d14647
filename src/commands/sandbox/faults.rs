//! `lsr sandbox faults set|clear|show`: injected latency, 503s and dropped connections.

use clap::Subcommand;

use super::{on_sandbox, print_view};
use crate::context::Context;
use crate::sandbox::admin_api;
use crate::wire::admin::Faults;

/// `lsr sandbox faults` actions.
#[derive(Debug, Clone, Subcommand)]
pub enum FaultsAction {
    /// Set faults.
    Set {
        /// Added latency per request, in milliseconds.
        #[arg(long, value_name = "MS")]
        latency_ms: Option<u64>,
        /// Share of requests answered 503 (0.0–1.0).
        #[arg(long, value_name = "RATE")]
        error_rate: Option<f64>,
        /// Share of order creations stored and then dropped before the answer (0.0–1.0).
        #[arg(long, value_name = "RATE")]
        drop_after_commit: Option<f64>,
    },
    /// Remove every fault.
    Clear,
    /// Print the current faults.
    Show,
}

pub(super) fn run(ctx: &Context, url: Option<&str>, action: &FaultsAction) -> anyhow::Result<()> {
    // `set` changes only the values given.
    let merged = |current: Faults| match action {
        FaultsAction::Set {
            latency_ms,
            error_rate,
            drop_after_commit,
        } => current.with(*latency_ms, *error_rate, *drop_after_commit),
        FaultsAction::Clear | FaultsAction::Show => current,
    };
    let faults = on_sandbox(
        ctx,
        url,
        async |admin| match action {
            FaultsAction::Show => admin.faults().await,
            FaultsAction::Clear => admin.clear_faults().await,
            FaultsAction::Set { .. } => admin.set_faults(&merged(admin.faults().await?)).await,
        },
        |store| match action {
            FaultsAction::Show => Ok(store.faults()?),
            FaultsAction::Clear => admin_api::set_faults(store, Faults::default()),
            FaultsAction::Set { .. } => {
                let current = store.faults()?;
                admin_api::set_faults(store, merged(current))
            }
        },
    )?;
    print_view(ctx, &faults, |out, f| {
        if f.is_clear() {
            writeln!(out, "no faults")
        } else {
            writeln!(out, "latency_ms\t{}", f.latency_ms)?;
            writeln!(out, "error_rate\t{}", f.error_rate)?;
            writeln!(out, "drop_after_commit\t{}", f.drop_after_commit)
        }
    })
}
