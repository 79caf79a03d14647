//! Stopping a long-running command cleanly: `lsr sandbox serve` and `lsr listen` run until
//! Ctrl-C or SIGTERM.

/// Resolves on Ctrl-C, or SIGTERM on Unix.
pub async fn stop_signal() {
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
