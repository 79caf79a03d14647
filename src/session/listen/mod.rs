//! `lsr listen`'s receiver: an HTTP server for Bandwidth's order notifications (Bandwidth/api-docs
//! `site/docs/numbers/webhooks.md`, `orderWebhook.md`), and the reconcile poll that finds what
//! notifications missed (Bandwidth does not retry a notification its receiver did not take).
//!
//! - a request is checked in this order: POST only (405), Basic credentials (401 with the
//!   `WWW-Authenticate: Basic` challenge Bandwidth expects, before any of the body is read),
//!   body size (413 above [`MAX_BODY_BYTES`]), a readable `<Notification>` (400); then it is
//!   queued and answered 200 at once. A full queue is a 503 (the reconcile poll finds it later);
//! - one worker takes the queue in order: the history is updated ([`apply`]), the event
//!   printed, and `--exec` started for it ([`exec`]);
//! - the reconcile poll runs at start and every `--reconcile`;
//! - with a certificate and key it serves https itself (rustls); otherwise plain http, to put
//!   behind a TLS-terminating reverse proxy.

pub mod apply;
pub mod exec;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, mpsc};
use tower_service::Service as _;

use super::backend::Backend;
use super::callback::CallbackCredentials;
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::output::{self, OutputMode};
use crate::wire::{self, Notification};
use apply::{ListenEvent, apply_notification, event_line, reconcile};
use exec::Exec;

/// Notification bodies above this size are refused with 413 (one is well under 2 KiB).
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// Notifications waiting for the worker; beyond this a notification is answered 503.
const QUEUE: usize = 1024;
/// Connections served at once.
const MAX_CONNECTIONS: usize = 256;
/// How long a TLS handshake may take.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// How to run the receiver.
pub struct ListenConfig {
    pub addr: SocketAddr,
    pub credentials: CallbackCredentials,
    pub exec: Option<Exec>,
    /// How often to poll the open orders; `None`: never.
    pub reconcile: Option<Duration>,
    /// Certificate chain and private key (PEM) to serve https.
    pub tls: Option<(PathBuf, PathBuf)>,
}

/// What the request handler shares.
struct Receiver {
    /// `user:password`, as Basic carries it.
    expected: Vec<u8>,
    queue: mpsc::Sender<Notification>,
    log: Arc<dyn Fn(&str) + Send + Sync>,
}

/// True when two byte strings are equal, in a time that does not depend on where they differ.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, x) in a.iter().enumerate() {
        diff |= usize::from(x ^ b.get(i).copied().unwrap_or(!x));
    }
    diff == 0
}

fn authorized(headers: &HeaderMap, expected: &[u8]) -> bool {
    let Some(value) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let (scheme, rest) = value.trim().split_once(' ').unwrap_or((value, ""));
    if !scheme.eq_ignore_ascii_case("basic") {
        return false;
    }
    base64::engine::general_purpose::STANDARD
        .decode(rest.trim())
        .is_ok_and(|given| same_secret(&given, expected))
}

fn plain(status: StatusCode, text: &str) -> Response {
    (status, format!("{text}\n")).into_response()
}

async fn receive(
    State(receiver): State<Arc<Receiver>>,
    method: Method,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if method != Method::POST {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "POST notifications here");
    }
    if !authorized(&headers, &receiver.expected) {
        let mut response = plain(StatusCode::UNAUTHORIZED, "credentials required");
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"lsr listen\", charset=\"UTF-8\""),
        );
        return response;
    }
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        return plain(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!("a notification is at most {MAX_BODY_BYTES} bytes"),
        );
    };
    let notification: Notification = match wire::decode(&bytes) {
        Ok(n) => n,
        Err(e) => {
            (receiver.log)(&format!("refused a body that is not a notification: {e}"));
            return plain(StatusCode::BAD_REQUEST, "not a <Notification>");
        }
    };
    if let Some(kind) = notification
        .order_type
        .as_deref()
        .filter(|t| *t != wire::ORDER_TYPE_LSR)
    {
        (receiver.log)(&format!("ignored a notification for OrderType {kind}"));
        return StatusCode::OK.into_response();
    }
    match receiver.queue.try_send(notification) {
        Ok(()) => StatusCode::OK.into_response(),
        Err(_) => {
            (receiver.log)("dropped a notification: the queue is full (reconcile will find it)");
            plain(StatusCode::SERVICE_UNAVAILABLE, "busy")
        }
    }
}

/// The receiver's routes: every path takes notifications (the subscription names the URL).
fn router(receiver: Arc<Receiver>) -> Router {
    Router::new().fallback(receive).with_state(receiver)
}

fn tls_acceptor(cert: &PathBuf, key: &PathBuf) -> anyhow::Result<tokio_rustls::TlsAcceptor> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let usage = |what: &str, path: &PathBuf, e: &dyn std::fmt::Display| {
        CliError::new(
            Exit::Usage,
            format!("cannot read the TLS {what} `{}`: {e}", path.display()),
        )
        .with_hint("give PEM files: --tls-cert with the certificate chain, --tls-key with its key")
    };
    let certs = CertificateDer::pem_file_iter(cert)
        .and_then(|certs| certs.collect::<Result<Vec<_>, _>>())
        .map_err(|e| usage("certificate", cert, &e))?;
    let key_der = PrivateKeyDer::from_pem_file(key).map_err(|e| usage("key", key, &e))?;
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .context("setting up TLS")?
    .with_no_client_auth()
    .with_single_cert(certs, key_der)
    .map_err(|e| usage("certificate and key", cert, &e))?;
    Ok(tokio_rustls::TlsAcceptor::from(Arc::new(config)))
}

/// Serves one connection (after the TLS handshake, when there is one).
async fn serve_connection<S>(stream: S, router: Router)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let service =
        hyper::service::service_fn(move |request: hyper::Request<hyper::body::Incoming>| {
            let mut router = router.clone();
            async move { router.call(request.map(Body::new)).await }
        });
    let _ = hyper::server::conn::http1::Builder::new()
        .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
        .await;
}

/// The first line `lsr listen --json` prints: where it listens (schemas/listen.schema.json).
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct Listening {
    /// The receiver's URL.
    pub listening: String,
}

/// Prints one event (a line, or a JSON line) and starts `--exec` for it.
fn emit(
    ctx: &Context,
    event: &ListenEvent,
    exec: Option<&Exec>,
    log: &Arc<dyn Fn(&str) + Send + Sync>,
) {
    let json = output::json_line(event).unwrap_or_default();
    let line = if ctx.output == OutputMode::Json {
        json.clone()
    } else {
        event_line(event)
    };
    if let Err(e) = output::print_text(&format!("{line}\n")) {
        log(&format!("cannot print: {e}"));
    }
    if let Some(exec) = exec {
        let label = format!(
            "{} {}",
            event.order.as_deref().unwrap_or(&event.order_id),
            event.status.as_deref().unwrap_or("")
        );
        let _ = exec.spawn(label, json, log.clone());
    }
}

/// Runs the receiver until Ctrl-C or SIGTERM: prints `listening on URL` first.
pub async fn run(ctx: &Context, backend: Backend, config: ListenConfig) -> anyhow::Result<()> {
    let quiet = !ctx.show_notes();
    let log: Arc<dyn Fn(&str) + Send + Sync> = Arc::new(move |text: &str| {
        if !quiet {
            eprintln!("lsr listen: {}", output::printable(text));
        }
    });
    let acceptor = match &config.tls {
        Some((cert, key)) => Some(tls_acceptor(cert, key)?),
        None => None,
    };
    let listener = TcpListener::bind(config.addr).await.map_err(|e| {
        CliError::new(
            Exit::Failure,
            format!("cannot listen on {}: {e}", config.addr),
        )
        .with_hint("choose another --listen address (port 0 picks a free one)")
    })?;
    let addr = listener.local_addr()?;
    let scheme = if acceptor.is_some() { "https" } else { "http" };
    let url = format!("{scheme}://{addr}");
    if ctx.output == OutputMode::Json {
        let line = output::json_line(&Listening { listening: url })?;
        output::print_text(&format!("{line}\n"))?;
    } else {
        output::print_text(&format!("listening on {url}\n"))?;
    }
    ctx.note(&format!(
        "lsr listen: taking notifications for {} as user `{}`{}; Ctrl-C stops",
        backend.key,
        config.credentials.user,
        config
            .reconcile
            .map(|d| format!("; polling open orders every {}s", d.as_secs()))
            .unwrap_or_default()
    ));
    let (queue, mut inbox) = mpsc::channel::<Notification>(QUEUE);
    let receiver = Arc::new(Receiver {
        expected: format!(
            "{}:{}",
            config.credentials.user,
            config.credentials.password.as_str()
        )
        .into_bytes(),
        queue,
        log: log.clone(),
    });
    let router = router(receiver);
    let backend = Arc::new(backend);
    let calendar = ctx.calendar.clone();
    // `listen` runs for days: today moves on, unless pinned (LSR_TODAY, or the sandbox clock of
    // an embedded sandbox).
    let pinned = ctx.today_pinned || backend.is_embedded_sandbox();
    let started_today = backend.today;
    let today = move || {
        if pinned {
            started_today
        } else {
            chrono::Local::now().date_naive()
        }
    };
    let accepting = async {
        let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
        loop {
            let Ok(slot) = slots.clone().acquire_owned().await else {
                return;
            };
            let Ok((stream, _peer)) = listener.accept().await else {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            };
            let router = router.clone();
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                let _slot = slot;
                match acceptor {
                    None => serve_connection(stream, router).await,
                    Some(acceptor) => {
                        if let Ok(Ok(tls)) =
                            tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await
                        {
                            serve_connection(tls, router).await;
                        }
                    }
                }
            });
        }
    };
    let working = async {
        while let Some(notification) = inbox.recv().await {
            let event =
                apply_notification(&backend, &calendar, &notification, today(), log.as_ref()).await;
            if let Some(event) = event {
                emit(ctx, &event, config.exec.as_ref(), &log);
            }
        }
    };
    let polling = async {
        let Some(every) = config.reconcile else {
            return std::future::pending().await;
        };
        loop {
            for event in reconcile(&backend, &calendar, today(), log.as_ref()).await {
                emit(ctx, &event, config.exec.as_ref(), &log);
            }
            tokio::time::sleep(every).await;
        }
    };
    tokio::select! {
        _ = accepting => {}
        _ = working => {}
        _ = polling => {}
        _ = super::signal::stop_signal() => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn basic(user_pass: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        let value = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(user_pass)
        );
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(&value).unwrap(),
        );
        headers
    }

    #[test]
    fn listen_checks_basic_credentials_exactly() {
        let expected = b"desk:s3cret";
        assert!(authorized(&basic("desk:s3cret"), expected));
        assert!(!authorized(&basic("desk:s3cre"), expected));
        assert!(!authorized(&basic("desk:s3cret!"), expected));
        assert!(!authorized(&basic("other:s3cret"), expected));
        assert!(!authorized(&HeaderMap::new(), expected));
        assert!(same_secret(b"", b""));
        assert!(!same_secret(b"a", b""));
    }
}
