//! Embedded mode (`lsr --sandbox …`): the same server started in-process on loopback, with its
//! store under `<config_dir>/sandbox/` and a short processing delay so a demo reaches FOC while
//! the user watches.
//!
//! The server runs on its own thread and tokio runtime, so it works whether or not the caller
//! is inside a runtime; dropping the handle shuts it down cleanly (WAL checkpointed).

use std::path::Path;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use chrono::NaiveDate;
use tokio::sync::watch;

use super::{DEMO_ACCOUNT_1, DemoAccount, SandboxConfig, SandboxServer, ServeError};

/// The processing delay of the embedded sandbox.
pub const EMBEDDED_PROCESSING_DELAY: Duration = Duration::from_secs(2);

/// Why the embedded sandbox could not start.
#[derive(Debug, thiserror::Error)]
pub enum EmbeddedError {
    #[error("cannot start the embedded sandbox: {0}")]
    Start(String),
    #[error(transparent)]
    Serve(#[from] ServeError),
}

/// A sandbox running in this process.
pub struct EmbeddedSandbox {
    base_url: String,
    shutdown: watch::Sender<bool>,
    thread: Option<JoinHandle<Result<(), ServeError>>>,
}

/// Starts the embedded sandbox with its store under `<config_dir>/sandbox/`.
pub fn start(config_dir: &Path) -> Result<EmbeddedSandbox, EmbeddedError> {
    let mut config = SandboxConfig::new(super::default_data_dir(config_dir));
    config.processing_delay = EMBEDDED_PROCESSING_DELAY;
    start_with(config)
}

/// Like [`start`], with the clock of a fresh store starting at noon UTC on `today` (pass the
/// context's `today` so that `LSR_TODAY` rehearsals see the same date in the sandbox).
pub fn start_on(config_dir: &Path, today: NaiveDate) -> Result<EmbeddedSandbox, EmbeddedError> {
    let mut config = SandboxConfig::new(super::default_data_dir(config_dir));
    config.processing_delay = EMBEDDED_PROCESSING_DELAY;
    config.initial_clock = Some(super::clock::start_of(today) + 12 * super::clock::HOUR_MS);
    start_with(config)
}

/// Starts an embedded sandbox with an explicit configuration.
pub fn start_with(config: SandboxConfig) -> Result<EmbeddedSandbox, EmbeddedError> {
    let (ready_tx, ready_rx) = mpsc::channel();
    let thread = std::thread::Builder::new()
        .name("lsr-sandbox".to_string())
        .spawn(move || {
            let runtime = match tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
            {
                Ok(runtime) => runtime,
                Err(e) => {
                    let _ = ready_tx.send(Err(EmbeddedError::Start(e.to_string())));
                    return Ok(());
                }
            };
            runtime.block_on(async move {
                match SandboxServer::start(config).await {
                    Ok(running) => {
                        let _ = ready_tx.send(Ok((running.base_url(), running.shutdown_handle())));
                        running.wait().await
                    }
                    Err(e) => {
                        let _ = ready_tx.send(Err(EmbeddedError::Serve(e)));
                        Ok(())
                    }
                }
            })
        })
        .map_err(|e| EmbeddedError::Start(e.to_string()))?;
    let (base_url, shutdown) = ready_rx
        .recv()
        .map_err(|e| EmbeddedError::Start(e.to_string()))??;
    Ok(EmbeddedSandbox {
        base_url,
        shutdown,
        thread: Some(thread),
    })
}

impl EmbeddedSandbox {
    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The API base for clients: `http://127.0.0.1:PORT/api/v1`.
    pub fn api_base_url(&self) -> String {
        format!("{}/api/v1", self.base_url)
    }

    /// The OAuth2 token endpoint.
    pub fn token_url(&self) -> String {
        format!("{}/api/v1/oauth2/token", self.base_url)
    }

    /// The demo account the embedded mode uses, with its documented credentials.
    pub fn demo_account(&self) -> DemoAccount {
        DEMO_ACCOUNT_1
    }

    pub fn account_id(&self) -> &'static str {
        DEMO_ACCOUNT_1.account_id
    }

    /// Stops the server and waits for it (also done on drop).
    pub fn shutdown(mut self) -> Result<(), EmbeddedError> {
        self.stop()
    }

    fn stop(&mut self) -> Result<(), EmbeddedError> {
        let _ = self.shutdown.send(true);
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(result)) => Ok(result?),
            Some(Err(_)) => Err(EmbeddedError::Start(
                "the sandbox thread stopped abnormally".to_string(),
            )),
            None => Ok(()),
        }
    }
}

impl Drop for EmbeddedSandbox {
    fn drop(&mut self) {
        let _ = self.stop();
    }
}
