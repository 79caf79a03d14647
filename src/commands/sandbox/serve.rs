//! `lsr sandbox serve`: run the sandbox HTTP server until Ctrl-C or SIGTERM.

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::Path;
use std::time::Duration;

use anyhow::Context as _;

use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::output::{self, OutputMode};
use crate::sandbox::{DEFAULT_PROCESSING_DELAY, DEMO_ACCOUNTS, SandboxConfig, SandboxServer};
use crate::session::backend::server_runtime;
use crate::session::signal::stop_signal;

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

/// What `lsr --json sandbox serve` prints once the server is up, on one line
/// (schemas/sandbox-serve.schema.json).
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct Serving {
    /// The server's base URL.
    pub listening: String,
    /// The lsrorders API base (`--base-url`).
    pub api_base: String,
    /// Where its store lives.
    pub data_dir: String,
}

pub(super) fn run(
    ctx: &Context,
    listen: &str,
    data: Option<&Path>,
    processing_delay: Option<u64>,
) -> anyhow::Result<()> {
    let addr = parse_listen(listen)?;
    let mut config = SandboxConfig::new(
        data.map(Path::to_path_buf)
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
    server_runtime()?.block_on(async move {
        let running = SandboxServer::start(config)
            .await
            .map_err(CliError::from)
            .with_context(|| format!("starting the sandbox on {addr}"))?;
        if ctx.output == OutputMode::Json {
            // One line, so that a script can read it as soon as the server is up.
            let line = output::json_line(&Serving {
                listening: running.base_url().to_string(),
                api_base: running.api_base_url().to_string(),
                data_dir: data_dir.display().to_string(),
            })?;
            output::print_text(&format!("{line}\n"))?;
        } else {
            output::print_text(&format!("listening on {}\n", running.base_url()))?;
        }
        ctx.note(&format!(
            "sandbox data in {}; API base {}; demo account {} (client {}); Ctrl-C stops it",
            data_dir.display(),
            running.api_base_url(),
            DEMO_ACCOUNTS[0].account_id,
            DEMO_ACCOUNTS[0].client_id,
        ));
        stop_signal().await;
        running
            .shutdown()
            .await
            .map_err(CliError::from)
            .context("stopping the sandbox")?;
        Ok(())
    })
}
