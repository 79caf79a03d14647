//! The sandbox HTTP server: starting and stopping it, the accept loop (which can drop a
//! connection after a commit), the background tick, and the state the handlers share.
//!
//! - `limits.rs`: the connection cap, read timeouts and body caps that keep it answering;
//! - `rate_limit.rs`: the rate-limit fault (429 beyond N requests per second and account);
//! - `router.rs`: the routes and the guard of the admin endpoints (loopback, same origin);
//! - `auth.rs`: the handlers' prologue — injected faults, then Bearer or Basic credentials;
//! - `handlers/`: one module per resource (orders, history, notes, token, admin);
//! - `worker.rs`: the store's own thread, which commits concurrent requests' work together;
//! - `responses.rs`: XML and JSON answers and error bodies; `to_wire.rs`: stored data as XML;
//! - `v2.rs`: the `/api/v2` routes, every TN in E.164 form both ways.

// Handlers build the refusal `Response` where the problem is found and return it through `?`;
// boxing it would only add noise on a path that allocates a body anyway.
#![allow(clippy::result_large_err)]

mod auth;
mod handlers;
mod limits;
mod rate_limit;
mod responses;
mod router;
mod to_wire;
mod v2;
mod worker;

use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::response::Response;
use tokio::io::AsyncWriteExt as _;
use tokio::net::TcpListener;
use tokio::sync::{Notify, Semaphore, watch};
use tokio::task::JoinSet;
use tower_service::Service as _;

use super::clock::Millis;
use super::store::{Store, StoreError};
use super::{Faults, SandboxConfig};
use responses::internal;

/// How long a clean shutdown waits for requests in flight.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Why the server could not start or stopped badly.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("sandbox server task failed: {0}")]
    Task(String),
}

/// What every handler shares: the store's thread, the faults as last read, the rate limit's
/// windows, the callers admitted lately, and the permits for reading request bodies (see `limits.rs`).
struct AppState {
    store: worker::StoreWorker,
    faults: RwLock<Faults>,
    rate_limiter: rate_limit::RateLimiter,
    admissions: auth::Admissions,
    body_reads: Semaphore,
}

impl AppState {
    fn new(store: Store, faults: Faults) -> Result<AppState, String> {
        Ok(AppState {
            store: worker::StoreWorker::start(store)?,
            faults: RwLock::new(faults),
            rate_limiter: rate_limit::RateLimiter::default(),
            admissions: auth::Admissions::default(),
            body_reads: Semaphore::new(limits::CONCURRENT_BODY_READS),
        })
    }
}

impl AppState {
    fn set_faults(&self, faults: Faults) {
        if let Ok(mut shared) = self.faults.write() {
            *shared = faults;
        }
    }
}

/// Closes the connection a request came on, without an answer (drop-after-commit).
#[derive(Clone)]
struct ConnectionKill(Arc<Notify>);

/// Starts sandbox servers.
pub struct SandboxServer;

/// A sandbox server running on the current tokio runtime.
pub struct RunningSandbox {
    addr: SocketAddr,
    shutdown: watch::Sender<bool>,
    task: tokio::task::JoinHandle<Result<(), ServeError>>,
}

impl RunningSandbox {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://HOST:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The API base a Bandwidth client is configured with: `http://HOST:PORT/api/v1`.
    pub fn api_base_url(&self) -> String {
        format!("http://{}/api/v1", self.addr)
    }

    /// Stops accepting, lets requests in flight finish, checkpoints the WAL.
    pub async fn shutdown(self) -> Result<(), ServeError> {
        let _ = self.shutdown.send(true);
        self.wait().await
    }

    /// Waits until the server stops (after `shutdown` or a failure).
    pub async fn wait(self) -> Result<(), ServeError> {
        match self.task.await {
            Ok(result) => result,
            Err(e) => Err(ServeError::Task(e.to_string())),
        }
    }

    /// A handle that asks the server to stop.
    pub fn shutdown_handle(&self) -> watch::Sender<bool> {
        self.shutdown.clone()
    }
}

impl SandboxServer {
    /// Opens the store, binds, and serves in a background task.
    pub async fn start(config: SandboxConfig) -> Result<RunningSandbox, ServeError> {
        let delay_ms = Millis::try_from(config.processing_delay.as_millis()).unwrap_or(Millis::MAX);
        let data_dir = config.data_dir.clone();
        let calendar = config.calendar.clone();
        let initial_clock = config.initial_clock;
        let (store, faults) = tokio::task::spawn_blocking(move || {
            let mut store = Store::open(&data_dir, calendar, delay_ms)?;
            if let Some(at) = initial_clock {
                store.set_clock_if_unset(at)?;
            }
            let faults = store.faults()?;
            Ok::<_, StoreError>((store, faults))
        })
        .await
        .map_err(|e| ServeError::Task(e.to_string()))??;
        let state = Arc::new(AppState::new(store, faults).map_err(ServeError::Task)?);
        let bind_error = |source| ServeError::Bind {
            addr: config.listen,
            source,
        };
        let listener = TcpListener::bind(config.listen).await.map_err(bind_error)?;
        let addr = listener.local_addr().map_err(bind_error)?;
        let (shutdown, shutdown_rx) = watch::channel(false);
        let router = router::routes(state.clone());
        let task = tokio::spawn(serve_loop(
            listener,
            router,
            state,
            shutdown_rx,
            config.tick,
        ));
        Ok(RunningSandbox {
            addr,
            shutdown,
            task,
        })
    }
}

async fn serve_loop(
    listener: TcpListener,
    router: Router,
    state: Arc<AppState>,
    mut shutdown: watch::Receiver<bool>,
    tick: Duration,
) -> Result<(), ServeError> {
    let mut connections = JoinSet::new();
    let slots = limits::Connections::new(limits::connection_limit());
    let ticker = tokio::spawn(tick_loop(state.clone(), shutdown.clone(), tick));
    let notifier = tokio::spawn(super::notify::run(
        state.store.clone(),
        shutdown.clone(),
        tick,
    ));
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, peer)) = accepted else {
                    // Out of file descriptors and the like: back off instead of spinning.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                };
                let _ = stream.set_nodelay(true);
                match slots.admit() {
                    Some(slot) => {
                        connections.spawn(serve_connection(
                            stream,
                            peer,
                            slot,
                            router.clone(),
                            shutdown.clone(),
                        ));
                    }
                    None => {
                        connections.spawn(refuse_connection(stream));
                    }
                }
            }
            _ = shutdown.changed() => break,
        }
        // Reap finished connection tasks so the set does not grow without bound.
        while connections.try_join_next().is_some() {}
    }
    drop(listener);
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    connections.abort_all();
    let _ = ticker.await;
    let _ = notifier.await;
    state
        .store
        .alone(|store| store.checkpoint())
        .await
        .map_err(ServeError::Task)??;
    Ok(())
}

/// Every connection slot is in the middle of a request: a short 503, then the connection closes.
async fn refuse_connection(mut stream: tokio::net::TcpStream) {
    let _ = tokio::time::timeout(Duration::from_secs(1), async {
        stream.write_all(limits::BUSY_ANSWER).await?;
        stream.shutdown().await
    })
    .await;
}

async fn serve_connection(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    slot: limits::Slot,
    router: Router,
    mut shutdown: watch::Receiver<bool>,
) {
    let slot = Arc::new(slot);
    let kill = slot.kill.clone();
    let service_slot = slot.clone();
    let service =
        hyper::service::service_fn(move |mut request: hyper::Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            request
                .extensions_mut()
                .insert(ConnectionKill(service_slot.kill.clone()));
            let mut router = router.clone();
            let slot = service_slot.clone();
            slot.begin_request();
            async move {
                let response = router.call(request.map(Body::new)).await;
                slot.end_request();
                response
            }
        });
    let connection = hyper::server::conn::http1::Builder::new()
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(limits::HEADER_READ_TIMEOUT)
        .max_buf_size(limits::MAX_BUF_SIZE)
        .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
    tokio::pin!(connection);
    tokio::select! {
        _ = connection.as_mut() => {}
        // Dropping the connection future closes the socket before any answer is written.
        _ = kill.notified() => {}
        _ = shutdown.changed() => {
            connection.as_mut().graceful_shutdown();
            let _ = connection.await;
        }
    }
}

/// Applies due events and rereads the faults (another connection may have changed them) on
/// every tick.
async fn tick_loop(state: Arc<AppState>, mut shutdown: watch::Receiver<bool>, tick: Duration) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(tick) => {}
            _ = shutdown.changed() => return,
        }
        let refreshed = with_store(&state, |store| {
            store.advance_due().ok()?;
            store.faults().ok()
        })
        .await;
        if let Ok(Some(faults)) = refreshed {
            state.set_faults(faults);
        }
    }
}

/// Runs store work on the store's thread, in the next group transaction; its value once that
/// committed (see `worker.rs`).
async fn with_store<T: Send + 'static>(
    state: &Arc<AppState>,
    work: impl FnOnce(&mut Store) -> T + Send + 'static,
) -> Result<T, Response> {
    state.store.shared(work).await.map_err(internal)
}

/// Runs store work on the store's thread outside any transaction (the admin endpoints: a reset
/// replaces everything, and they are rare).
async fn with_store_alone<T: Send + 'static>(
    state: &Arc<AppState>,
    work: impl FnOnce(&mut Store) -> T + Send + 'static,
) -> Result<T, Response> {
    state.store.alone(work).await.map_err(internal)
}
