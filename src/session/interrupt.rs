//! Ctrl-C while orders are being placed: the first press stops new work and lets the answers
//! in flight arrive (up to the request timeout), so that what happened can be recorded and
//! said; a second press stops at once. Once listening, Ctrl-C no longer kills the process: the
//! command decides what to do with it.

use std::time::Duration;

use tokio::sync::watch;

/// Counts Ctrl-C presses for the rest of the command.
#[derive(Debug)]
pub struct Interrupt {
    presses: watch::Receiver<u32>,
    task: tokio::task::JoinHandle<()>,
}

impl Interrupt {
    /// Starts listening (needs a running tokio runtime). `announce` is printed on the first
    /// press, when notes are shown.
    pub fn listen(announce: Option<String>) -> Interrupt {
        let (tx, rx) = watch::channel(0u32);
        let task = tokio::spawn(async move {
            while tokio::signal::ctrl_c().await.is_ok() {
                let n = *tx.borrow() + 1;
                if n == 1
                    && let Some(text) = &announce
                {
                    eprintln!("{text}");
                }
                if tx.send(n).is_err() {
                    break;
                }
            }
        });
        Interrupt { presses: rx, task }
    }

    /// How many times Ctrl-C was pressed so far.
    pub fn presses(&self) -> u32 {
        *self.presses.borrow()
    }

    /// True once Ctrl-C was pressed.
    pub fn interrupted(&self) -> bool {
        self.presses() > 0
    }

    /// Resolves once Ctrl-C has been pressed `n` times in all.
    pub async fn pressed(&self, n: u32) {
        let mut rx = self.presses.clone();
        if rx.wait_for(|count| *count >= n).await.is_err() {
            // The listener ended: no press will come.
            std::future::pending::<()>().await;
        }
    }

    /// Resolves when the work in flight should be given up: a second press, or `grace` after
    /// the first one.
    pub async fn give_up(&self, grace: Duration) {
        self.pressed(1).await;
        tokio::select! {
            () = self.pressed(2) => {}
            () = tokio::time::sleep(grace) => {}
        }
    }
}

impl Drop for Interrupt {
    fn drop(&mut self) {
        self.task.abort();
    }
}
