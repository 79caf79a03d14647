//! `lsr sandbox faults set|clear|show`: injected latency, 503s, dropped connections and a rate
//! limit (429s, counted by the running server).

use clap::Subcommand;

use super::{on_sandbox, print_view};
use crate::context::Context;
use crate::sandbox::admin_api;
use crate::wire::admin::{Faults, FaultsView};

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
        /// Requests answered per second and account; beyond it 429 with Retry-After (0: none).
        #[arg(long, value_name = "N")]
        rate_limit: Option<u32>,
    },
    /// Remove every fault.
    Clear,
    /// Print the current faults (and, with --url, how many requests the rate limit refused).
    Show,
}

pub(super) fn run(ctx: &Context, url: Option<&str>, action: &FaultsAction) -> anyhow::Result<()> {
    // `set` changes only the values given.
    let merged = |current: Faults| match action {
        FaultsAction::Set {
            latency_ms,
            error_rate,
            drop_after_commit,
            rate_limit,
        } => current.with(*latency_ms, *error_rate, *drop_after_commit, *rate_limit),
        FaultsAction::Clear | FaultsAction::Show => current,
    };
    // The embedded store has no server: nothing was ever refused there.
    let local = |faults| FaultsView {
        faults,
        rate_limited: None,
    };
    let view = on_sandbox(
        ctx,
        url,
        async |admin| match action {
            FaultsAction::Show => admin.faults().await,
            FaultsAction::Clear => admin.clear_faults().await,
            FaultsAction::Set { .. } => {
                let current = admin.faults().await?.faults;
                admin.set_faults(&merged(current)).await
            }
        },
        |store| match action {
            FaultsAction::Show => Ok(local(store.faults()?)),
            FaultsAction::Clear => admin_api::set_faults(store, Faults::default()).map(local),
            FaultsAction::Set { .. } => {
                let current = store.faults()?;
                admin_api::set_faults(store, merged(current)).map(local)
            }
        },
    )?;
    print_view(ctx, &view, |out, v| {
        let f = &v.faults;
        if f.is_clear() {
            writeln!(out, "no faults")?;
        } else {
            writeln!(out, "latency_ms\t{}", f.latency_ms)?;
            writeln!(out, "error_rate\t{}", f.error_rate)?;
            writeln!(out, "drop_after_commit\t{}", f.drop_after_commit)?;
            writeln!(out, "rate_limit\t{}", f.rate_limit)?;
        }
        match v.rate_limited {
            Some(refused) if refused > 0 || f.rate_limit > 0 => {
                writeln!(out, "rate_limited\t{refused}")
            }
            _ => Ok(()),
        }
    })
}
