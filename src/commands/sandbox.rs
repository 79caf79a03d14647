//! `lsr sandbox`: the local porting backend and its controls.

use clap::{Args, Subcommand};

use crate::context::Context;

/// Run and control the local porting backend.
///
/// The sandbox speaks Bandwidth's lsrorders API with the FAQ's rules on a settable clock. The
/// control commands act on a running server (`--url`) or on the embedded store.
///
/// Example: lsr sandbox serve --listen 127.0.0.1:8080
#[derive(Debug, Clone, Args)]
pub struct SandboxArgs {
    /// A running sandbox to control (default: the embedded store under the config dir).
    #[arg(long, global = true, value_name = "URL")]
    pub url: Option<String>,

    #[command(subcommand)]
    pub action: SandboxAction,
}

/// `lsr sandbox` actions.
#[derive(Debug, Clone, Subcommand)]
pub enum SandboxAction {
    /// Run the sandbox HTTP server.
    Serve {
        /// Address to listen on (loopback unless told otherwise).
        #[arg(long, default_value = "127.0.0.1:0", value_name = "ADDR")]
        listen: String,
        /// Directory for the SQLite store (default: under the config dir).
        #[arg(long, value_name = "DIR")]
        data: Option<std::path::PathBuf>,
        /// Seconds between a POST and processing of the order.
        #[arg(long, value_name = "SECONDS")]
        processing_delay: Option<u64>,
    },
    /// Show or move the sandbox clock.
    Clock {
        #[command(subcommand)]
        action: ClockAction,
    },
    /// Simulate the NPAC side of a port.
    Npac {
        #[command(subcommand)]
        action: NpacAction,
    },
    /// Show the TN-line behaviour table, or add TNs with explicit behaviour.
    Inventory {
        #[command(subcommand)]
        action: Option<InventoryAction>,
    },
    /// Inject latency, errors and dropped connections.
    Faults {
        #[command(subcommand)]
        action: FaultsAction,
    },
    /// Delete every order and restore the demo accounts.
    Reset,
}

/// `lsr sandbox clock` actions.
#[derive(Debug, Clone, Subcommand)]
pub enum ClockAction {
    /// Print the sandbox time.
    Show,
    /// Set the sandbox time (RFC 3339 or YYYY-MM-DD).
    Set {
        #[arg(value_name = "TIME")]
        time: String,
    },
    /// Move the sandbox time forward (e.g. 6h, 2d, 90m).
    Advance {
        #[arg(value_name = "DURATION")]
        duration: String,
    },
}

/// `lsr sandbox npac` actions.
#[derive(Debug, Clone, Subcommand)]
pub enum NpacAction {
    /// Record the gaining carrier's subscriptions for an order's TNs.
    Subscribe {
        #[arg(value_name = "ORDER")]
        order: String,
        /// The gaining carrier supports medium timers: concurrence 6 hours later (R2).
        #[arg(long)]
        medium_timers: bool,
    },
    /// Activate the subscriptions (from the FOC date, once concurred, inside the window).
    Activate {
        #[arg(value_name = "ORDER")]
        order: String,
    },
}

/// `lsr sandbox inventory` actions.
#[derive(Debug, Clone, Subcommand)]
pub enum InventoryAction {
    /// Give a TN an explicit behaviour, overriding its line rule.
    Add {
        #[arg(value_name = "TN")]
        tn: String,
        /// One of: foc, not-ours, disconnected, one-tn-only, pin, manual, other-carrier.
        #[arg(long, value_name = "BEHAVIOUR")]
        behaviour: String,
        /// The port-out PIN for `pin` behaviour.
        #[arg(long, value_name = "PIN")]
        pin: Option<String>,
    },
}

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

pub fn run(_ctx: &Context, _args: &SandboxArgs) -> anyhow::Result<()> {
    Err(super::not_yet_available("sandbox"))
}
