//! `lsr sandbox`: the local porting backend and its controls. `serve` runs the server; every
//! other subcommand acts on a running server (`--url`) or directly on the embedded store, and
//! prints the same view either way.

mod clock;
mod faults;
mod inventory;
mod npac;
mod reset;
mod serve;

use std::io::Write;

use anyhow::Context as _;
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::client::sandbox_admin::{AdminClientError, SandboxAdmin};
use crate::context::Context;
use crate::exit::CliError;
use crate::output::{OutputMode, print_json};
use crate::sandbox::{AdminError, DEFAULT_PROCESSING_DELAY, Store};
use crate::session::backend::runtime;

pub use clock::ClockAction;
pub use faults::FaultsAction;
pub use inventory::InventoryAction;
pub use npac::NpacAction;
pub use serve::Serving;

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
    ///
    /// The first stdout line is `listening on http://HOST:PORT`; Ctrl-C or SIGTERM stops it
    /// cleanly.
    ///
    /// Example: lsr sandbox serve --listen 127.0.0.1:8080 --data ./sandbox-data
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
    ///
    /// Example: lsr sandbox clock advance 6h
    Clock {
        #[command(subcommand)]
        action: ClockAction,
    },
    /// Simulate the NPAC side of a port.
    ///
    /// Example: lsr sandbox npac subscribe ACME-0001 --medium-timers
    Npac {
        #[command(subcommand)]
        action: NpacAction,
    },
    /// Show the TN-line behaviour table, or add TNs with explicit behaviour.
    ///
    /// Example: lsr sandbox inventory add 919-720-6100 --behaviour pin --pin 4321
    Inventory {
        #[command(subcommand)]
        action: Option<InventoryAction>,
    },
    /// Inject latency, errors and dropped connections.
    ///
    /// Example: lsr sandbox faults set --drop-after-commit 0.3
    Faults {
        #[command(subcommand)]
        action: FaultsAction,
    },
    /// Delete every order and restore the demo accounts.
    ///
    /// Example: lsr sandbox reset
    Reset,
}

pub fn run(ctx: &Context, args: &SandboxArgs) -> anyhow::Result<()> {
    let url = args.url.as_deref();
    match &args.action {
        SandboxAction::Serve {
            listen,
            data,
            processing_delay,
        } => serve::run(ctx, listen, data.as_deref(), *processing_delay),
        SandboxAction::Clock { action } => clock::run(ctx, url, action),
        SandboxAction::Npac { action } => npac::run(ctx, url, action),
        SandboxAction::Inventory { action } => inventory::run(ctx, url, action.as_ref()),
        SandboxAction::Faults { action } => faults::run(ctx, url, action),
        SandboxAction::Reset => reset::run(ctx, url),
    }
}

/// Runs a control command where it acts: through the admin endpoints of the server at `url`,
/// or directly on the embedded store. Refusals become exit codes through `CliError`.
fn on_sandbox<T>(
    ctx: &Context,
    url: Option<&str>,
    remote: impl AsyncFnOnce(&SandboxAdmin) -> Result<T, AdminClientError>,
    local: impl FnOnce(&mut Store) -> Result<T, AdminError>,
) -> anyhow::Result<T> {
    match url {
        Some(url) => on_server(url, remote),
        None => Ok(local(&mut open_local(ctx)?).map_err(CliError::from)?),
    }
}

/// Runs a call against the admin endpoints of the server at `url`.
fn on_server<T>(
    url: &str,
    call: impl AsyncFnOnce(&SandboxAdmin) -> Result<T, AdminClientError>,
) -> anyhow::Result<T> {
    let admin = SandboxAdmin::new(url).map_err(CliError::from)?;
    Ok(runtime()?.block_on(call(&admin)).map_err(CliError::from)?)
}

/// The embedded store under the config dir (the one `lsr --sandbox` uses).
fn open_local(ctx: &Context) -> anyhow::Result<Store> {
    let data_dir = crate::sandbox::default_data_dir(&ctx.config_dir);
    let delay_ms = i64::try_from(DEFAULT_PROCESSING_DELAY.as_millis()).unwrap_or(i64::MAX);
    Store::open(&data_dir, ctx.calendar.clone(), delay_ms)
        .map_err(CliError::from)
        .with_context(|| format!("opening the sandbox store in {}", data_dir.display()))
}

/// Prints a view: as JSON with `--json`, otherwise as `text` writes it on stdout.
fn print_view<T: Serialize>(
    ctx: &Context,
    view: &T,
    text: impl FnOnce(&mut dyn Write, &T) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    if ctx.output == OutputMode::Json {
        print_json(view)?;
        return Ok(());
    }
    let mut out = Vec::new();
    text(&mut out, view)?;
    crate::output::stdout::with_stdout(|stdout| stdout.write_all(&out))?;
    Ok(())
}
