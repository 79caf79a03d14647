//! `lsr sandbox`: the local porting backend and its controls.

use std::io::Write as _;
use std::net::{SocketAddr, ToSocketAddrs};
use std::time::Duration;

use anyhow::Context as _;
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::client::sandbox_admin::{AdminClientError, SandboxAdmin};
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::output::{OutputMode, print_json};
use crate::sandbox::admin_api::{self, ClockView, InventoryView, NpacView};
use crate::sandbox::engine::LINE_TABLE;
use crate::sandbox::store::{AdminError, InventoryEntry};
use crate::sandbox::{
    DEFAULT_PROCESSING_DELAY, DEMO_ACCOUNTS, Faults, SandboxConfig, SandboxServer, Store, clock,
};

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

pub fn run(ctx: &Context, args: &SandboxArgs) -> anyhow::Result<()> {
    match &args.action {
        SandboxAction::Serve {
            listen,
            data,
            processing_delay,
        } => serve(ctx, listen, data.as_deref(), *processing_delay),
        action => match &args.url {
            Some(url) => remote(ctx, url, action),
            None => local(ctx, action),
        },
    }
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}

fn parse_listen(listen: &str) -> anyhow::Result<SocketAddr> {
    let usage = || {
        CliError::new(
            Exit::Usage,
            format!("listen address `{listen}` is not HOST:PORT"),
        )
        .with_hint("use e.g. --listen 127.0.0.1:8080 (port 0 picks a free one)")
    };
    listen
        .to_socket_addrs()
        .map_err(|_| usage())?
        .next()
        .ok_or_else(|| usage().into())
}

fn serve(
    ctx: &Context,
    listen: &str,
    data: Option<&std::path::Path>,
    processing_delay: Option<u64>,
) -> anyhow::Result<()> {
    let addr = parse_listen(listen)?;
    let mut config = SandboxConfig::new(
        data.map(std::path::Path::to_path_buf)
            .unwrap_or_else(|| crate::sandbox::default_data_dir(&ctx.config_dir)),
    );
    config.listen = addr;
    config.calendar = ctx.calendar.clone();
    config.processing_delay = processing_delay
        .map(Duration::from_secs)
        .unwrap_or(DEFAULT_PROCESSING_DELAY);
    if !addr.ip().is_loopback() {
        ctx.note(&format!(
            "warning: listening on {addr}, which is not loopback: anyone who can reach it can use the demo credentials"
        ));
    }
    let data_dir = config.data_dir.clone();
    runtime()?.block_on(async move {
        let running = SandboxServer::start(config)
            .await
            .with_context(|| format!("starting the sandbox on {addr}"))?;
        {
            let mut out = std::io::stdout().lock();
            writeln!(out, "listening on {}", running.base_url())?;
            out.flush()?;
        }
        ctx.note(&format!(
            "sandbox data in {}; API base {}; demo account {} (client {}); Ctrl-C stops it",
            data_dir.display(),
            running.api_base_url(),
            DEMO_ACCOUNTS[0].account_id,
            DEMO_ACCOUNTS[0].client_id,
        ));
        wait_for_stop_signal().await;
        running.shutdown().await.context("stopping the sandbox")?;
        Ok(())
    })
}

async fn wait_for_stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// What an admin action produced, to print.
#[derive(Serialize)]
#[serde(untagged)]
enum Outcome {
    Clock(ClockView),
    Npac(NpacView),
    Inventory(InventoryView),
    Added(InventoryEntry),
    Faults(Faults),
    Reset { reset: bool },
}

fn remote_error(url: &str, e: AdminClientError) -> anyhow::Error {
    let exit = match e.status() {
        Some(404) => Exit::NotFound,
        Some(403) => Exit::Auth,
        Some(400) | Some(409) => Exit::Rejected,
        Some(_) => Exit::Network,
        None => Exit::Network,
    };
    let hint = match exit {
        Exit::Network => format!("is `lsr sandbox serve` running at {url}?"),
        Exit::NotFound => "give an order id from `lsr --sandbox search`".to_string(),
        _ => "see docs/sandbox.md for the sandbox rules".to_string(),
    };
    CliError::new(exit, e.to_string()).with_hint(hint).into()
}

fn merged_faults(
    current: Faults,
    latency_ms: Option<u64>,
    error_rate: Option<f64>,
    drop_after_commit: Option<f64>,
) -> Faults {
    Faults {
        latency_ms: latency_ms.unwrap_or(current.latency_ms),
        error_rate: error_rate.unwrap_or(current.error_rate),
        drop_after_commit: drop_after_commit.unwrap_or(current.drop_after_commit),
    }
}

fn remote(ctx: &Context, url: &str, action: &SandboxAction) -> anyhow::Result<()> {
    let admin = SandboxAdmin::new(url).map_err(|e| {
        CliError::new(Exit::Usage, e.to_string()).with_hint("use e.g. --url http://127.0.0.1:8080")
    })?;
    let outcome = runtime()?.block_on(async {
        let outcome = match action {
            SandboxAction::Serve { .. } => return Ok(None),
            SandboxAction::Clock { action } => Outcome::Clock(match action {
                ClockAction::Show => admin.clock().await?,
                ClockAction::Set { time } => admin.set_clock(time).await?,
                ClockAction::Advance { duration } => admin.advance_clock(duration).await?,
            }),
            SandboxAction::Npac { action } => Outcome::Npac(match action {
                NpacAction::Subscribe {
                    order,
                    medium_timers,
                } => admin.npac_subscribe(order, *medium_timers).await?,
                NpacAction::Activate { order } => admin.npac_activate(order).await?,
            }),
            SandboxAction::Inventory { action: None } => {
                Outcome::Inventory(admin.inventory().await?)
            }
            SandboxAction::Inventory {
                action: Some(InventoryAction::Add { tn, behaviour, pin }),
            } => Outcome::Added(admin.add_inventory(tn, behaviour, pin.as_deref()).await?),
            SandboxAction::Faults { action } => Outcome::Faults(match action {
                FaultsAction::Show => admin.faults().await?,
                FaultsAction::Clear => admin.clear_faults().await?,
                FaultsAction::Set {
                    latency_ms,
                    error_rate,
                    drop_after_commit,
                } => {
                    let current = admin.faults().await?;
                    let wanted =
                        merged_faults(current, *latency_ms, *error_rate, *drop_after_commit);
                    admin.set_faults(&wanted).await?
                }
            }),
            SandboxAction::Reset => {
                admin.reset().await?;
                Outcome::Reset { reset: true }
            }
        };
        Ok::<_, AdminClientError>(Some(outcome))
    });
    match outcome {
        Ok(Some(outcome)) => print_outcome(ctx, &outcome),
        Ok(None) => Ok(()),
        Err(e) => Err(remote_error(url, e)),
    }
}

fn admin_failure(e: AdminError) -> anyhow::Error {
    match e {
        AdminError::NotFound(m) => CliError::new(Exit::NotFound, m)
            .with_hint("give an order id from `lsr --sandbox search`")
            .into(),
        AdminError::Conflict(m) => CliError::new(Exit::Rejected, m)
            .with_hint("see `lsr sandbox inventory` and docs/sandbox.md for the sandbox rules")
            .into(),
        AdminError::Invalid(m) => CliError::new(Exit::Usage, m).into(),
        AdminError::Store(e) => anyhow::Error::from(e).context("using the sandbox store"),
    }
}

fn local(ctx: &Context, action: &SandboxAction) -> anyhow::Result<()> {
    if let SandboxAction::Inventory { action: None } = action {
        // The table needs no store; the explicit entries do, when there is one.
        let data_dir = crate::sandbox::default_data_dir(&ctx.config_dir);
        let entries = if data_dir.join(crate::sandbox::store::STORE_FILE).exists() {
            open_local(ctx)?
                .inventory()
                .context("reading the sandbox inventory")?
        } else {
            Vec::new()
        };
        let view = InventoryView {
            line_table: LINE_TABLE
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            entries,
        };
        return print_outcome(ctx, &Outcome::Inventory(view));
    }
    let mut store = open_local(ctx)?;
    let outcome = (|| -> Result<Outcome, AdminError> {
        Ok(match action {
            SandboxAction::Serve { .. } | SandboxAction::Inventory { action: None } => {
                Outcome::Reset { reset: false }
            }
            SandboxAction::Clock { action } => {
                match action {
                    ClockAction::Show => {}
                    ClockAction::Set { time } => {
                        let at = clock::parse_time(time)
                            .map_err(|e| AdminError::Invalid(e.to_string()))?;
                        store.set_clock(at)?;
                    }
                    ClockAction::Advance { duration } => {
                        let by = clock::parse_duration(duration)
                            .map_err(|e| AdminError::Invalid(e.to_string()))?;
                        store.advance_clock(by)?;
                    }
                }
                Outcome::Clock(admin_api::clock_view(&mut store)?)
            }
            SandboxAction::Npac { action } => {
                let order = match action {
                    NpacAction::Subscribe {
                        order,
                        medium_timers,
                    } => store.npac_subscribe(order, *medium_timers)?,
                    NpacAction::Activate { order } => store.npac_activate(order)?,
                };
                Outcome::Npac(admin_api::npac_view(&order, store.calendar()))
            }
            SandboxAction::Inventory {
                action: Some(InventoryAction::Add { tn, behaviour, pin }),
            } => Outcome::Added(admin_api::add_inventory(
                &mut store,
                tn,
                behaviour,
                pin.as_deref(),
            )?),
            SandboxAction::Faults { action } => {
                let faults = match action {
                    FaultsAction::Show => store.faults()?,
                    FaultsAction::Clear => Faults::default(),
                    FaultsAction::Set {
                        latency_ms,
                        error_rate,
                        drop_after_commit,
                    } => merged_faults(
                        store.faults()?,
                        *latency_ms,
                        *error_rate,
                        *drop_after_commit,
                    ),
                };
                if !matches!(action, FaultsAction::Show) {
                    admin_api::check_faults(&faults)?;
                    store.set_faults(&faults)?;
                }
                Outcome::Faults(faults)
            }
            SandboxAction::Reset => {
                store.reset()?;
                Outcome::Reset { reset: true }
            }
        })
    })()
    .map_err(admin_failure)?;
    print_outcome(ctx, &outcome)
}

fn open_local(ctx: &Context) -> anyhow::Result<Store> {
    let data_dir = crate::sandbox::default_data_dir(&ctx.config_dir);
    let delay_ms = i64::try_from(DEFAULT_PROCESSING_DELAY.as_millis()).unwrap_or(i64::MAX);
    Store::open(&data_dir, ctx.calendar.clone(), delay_ms)
        .with_context(|| format!("opening the sandbox store in {}", data_dir.display()))
}

fn print_outcome(ctx: &Context, outcome: &Outcome) -> anyhow::Result<()> {
    if ctx.output == OutputMode::Json {
        print_json(outcome)?;
        return Ok(());
    }
    let mut out = std::io::stdout().lock();
    match outcome {
        Outcome::Clock(view) => writeln!(out, "{}", view.now)?,
        Outcome::Npac(view) => {
            writeln!(
                out,
                "order {} ({}): {}",
                view.order_id, view.pon, view.status
            )?;
            if let Some(foc) = &view.actual_foc_date {
                writeln!(out, "FOC date: {foc}")?;
            }
            match (&view.concurred_at, &view.concurrence_due) {
                (Some(at), _) => writeln!(out, "concurrence: received {at}")?,
                (None, Some(due)) => writeln!(out, "concurrence: due {due}")?,
                (None, None) => {}
            }
        }
        Outcome::Inventory(view) => {
            writeln!(out, "TN line\tbehaviour")?;
            for (line, behaviour) in &view.line_table {
                writeln!(out, "{line}\t{behaviour}")?;
            }
            if !view.entries.is_empty() {
                writeln!(out)?;
                writeln!(out, "explicit TNs (override the line rule):")?;
                for entry in &view.entries {
                    writeln!(out, "{}\t{}", entry.tn, entry.behaviour.name())?;
                }
            }
        }
        Outcome::Added(entry) => writeln!(out, "{}\t{}", entry.tn, entry.behaviour.name())?,
        Outcome::Faults(f) => {
            if f.is_clear() {
                writeln!(out, "no faults")?;
            } else {
                writeln!(out, "latency_ms\t{}", f.latency_ms)?;
                writeln!(out, "error_rate\t{}", f.error_rate)?;
                writeln!(out, "drop_after_commit\t{}", f.drop_after_commit)?;
            }
        }
        Outcome::Reset { .. } => ctx.note("sandbox reset: orders deleted, demo accounts restored"),
    }
    Ok(())
}
