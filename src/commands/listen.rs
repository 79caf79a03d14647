//! `lsr listen`: receive Bandwidth's order notifications, keep the history current, run desk
//! automation per event, and poll for what notifications missed.

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;

use clap::Args;

use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::session::backend::{Backend, server_runtime};
use crate::session::callback::CallbackCredentialArgs;
use crate::session::listen::exec::Exec;
use crate::session::listen::{ListenConfig, run as serve};
use crate::validate::parse_duration;

/// Receive order notifications from Bandwidth and keep the local history current.
///
/// Serves HTTP on --listen for the notifications `lsr subscribe` asked Bandwidth for; its first
/// line on stdout is `listening on http://ADDR` (with --json, `{"listening": URL}`). Each
/// notification must carry the HTTP Basic credentials given here (--user and --password-file,
/// or LSR_LISTEN_USER and LSR_LISTEN_PASSWORD; never the password on the command line), or it
/// is refused with 401. It updates the history at once (status, errors, FOC date, note), so
/// `status --local`, `search --local` and `agenda` see it, and is printed: a line, or a JSON
/// line with --json (listen is lsr's one stream: each line is one document,
/// schemas/listen.schema.json). --exec runs `sh -c CMD` per event with the event as JSON on stdin (at most 4 at once, each killed
/// after --exec-timeout; exit statuses are logged on stderr).
///
/// Bandwidth does not retry a notification the receiver missed, so listen also polls: at start
/// and every --reconcile it reads the open orders the history knows and records any change
/// it missed, marked as found by polling. Serve https with --tls-cert and --tls-key, or run it
/// behind a TLS-terminating reverse proxy (docs: README, "Notifications").
///
/// Example: LSR_LISTEN_PASSWORD=s3cret lsr listen --listen 0.0.0.0:8086 --user desk --exec 'notify-desk.sh'
///
/// Example: lsr listen --user desk --password-file - --json < ~/.desk-pw
#[derive(Debug, Clone, Args)]
pub struct ListenArgs {
    /// Address to listen on (HOST:PORT; port 0 picks a free one).
    #[arg(long, default_value = "127.0.0.1:8086", value_name = "ADDR")]
    pub listen: String,

    #[command(flatten)]
    pub credentials: CallbackCredentialArgs,

    /// Run `sh -c CMD` for every event, with the event as JSON on stdin.
    #[arg(long, value_name = "CMD")]
    pub exec: Option<String>,

    /// How long one --exec command may run before it is killed.
    #[arg(long, default_value = "30s", value_name = "DURATION")]
    pub exec_timeout: String,

    /// How often to poll the open orders for changes notifications missed (`0` never).
    #[arg(long, default_value = "15m", value_name = "DURATION")]
    pub reconcile: String,

    /// Serve https with this certificate chain (PEM); needs --tls-key.
    #[arg(long, value_name = "FILE", requires = "tls_key", value_hint = clap::ValueHint::FilePath)]
    pub tls_cert: Option<PathBuf>,

    /// The private key (PEM) of --tls-cert.
    #[arg(long, value_name = "FILE", requires = "tls_cert", value_hint = clap::ValueHint::FilePath)]
    pub tls_key: Option<PathBuf>,
}

fn parse_addr(text: &str) -> Result<SocketAddr, CliError> {
    text.to_socket_addrs()
        .ok()
        .and_then(|mut addrs| addrs.next())
        .ok_or_else(|| {
            CliError::new(Exit::Usage, format!("--listen `{text}` is not HOST:PORT"))
                .with_hint("e.g. --listen 127.0.0.1:8086, or 0.0.0.0:8086 behind a proxy")
        })
}

fn duration(flag: &str, text: &str) -> Result<std::time::Duration, CliError> {
    if text.trim() == "0" {
        return Ok(std::time::Duration::ZERO);
    }
    parse_duration(text).map_err(|_| {
        CliError::new(Exit::Usage, format!("{flag} `{text}` is not a duration"))
            .with_hint(format!("e.g. {flag} 30s, 15m or 1h"))
    })
}

pub fn run(ctx: &Context, args: &ListenArgs) -> anyhow::Result<()> {
    let addr = parse_addr(&args.listen)?;
    let credentials = args.credentials.read()?.ok_or_else(|| {
        CliError::new(Exit::Usage, "lsr listen needs the notification credentials")
            .with_hint("pass --user USER with --password-file FILE (or set LSR_LISTEN_USER and LSR_LISTEN_PASSWORD), the same as `lsr subscribe` got")
    })?;
    let exec_timeout = duration("--exec-timeout", &args.exec_timeout)?;
    let reconcile = Some(duration("--reconcile", &args.reconcile)?).filter(|d| !d.is_zero());
    if !addr.ip().is_loopback() && args.tls_cert.is_none() {
        ctx.note(&format!(
            "note: {addr} is not loopback and serves plain http: put a TLS-terminating proxy in front, or pass --tls-cert and --tls-key"
        ));
    }
    let config = ListenConfig {
        addr,
        credentials,
        exec: args
            .exec
            .clone()
            .map(|command| Exec::new(command, exec_timeout)),
        reconcile,
        tls: args.tls_cert.clone().zip(args.tls_key.clone()),
    };
    server_runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        serve(ctx, backend, config).await
    })
}
