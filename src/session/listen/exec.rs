//! `lsr listen --exec CMD`: desk automation per event (a chat message, a ticket).
//!
//! CMD runs as `sh -c CMD`, so it may be a pipeline the operator wrote; the event reaches it
//! only on stdin, as one JSON document, never in its arguments or environment (no quoting
//! trouble, no injection from what a server sent). At most [`MAX_RUNNING`] run at once and at
//! most [`MAX_QUEUED`] wait; each gets `--exec-timeout` (killed after it). Its exit status,
//! and the first line of its stderr when it fails, go to listen's log on stderr.

use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tokio::io::AsyncWriteExt as _;
use tokio::sync::Semaphore;

/// Commands running at once.
pub const MAX_RUNNING: usize = 4;
/// Events waiting for a free slot; beyond this an event's command is skipped (and logged).
pub const MAX_QUEUED: usize = 256;
/// How much of a command's output is kept for the log.
const KEPT_OUTPUT: usize = 4 * 1024;

/// Runs `--exec` for events.
#[derive(Clone)]
pub struct Exec {
    command: Arc<String>,
    timeout: Duration,
    slots: Arc<Semaphore>,
    pending: Arc<AtomicUsize>,
}

/// What one run came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExecOutcome {
    Exited { code: Option<i32>, stderr: String },
    TimedOut,
    Failed(String),
}

impl ExecOutcome {
    /// The log line's tail: `exit 0`, `exit 3: first stderr line`, `timed out …`.
    pub fn describe(&self, timeout: Duration) -> String {
        match self {
            ExecOutcome::Exited { code: Some(0), .. } => "exit 0".to_string(),
            ExecOutcome::Exited { code, stderr } => {
                let code = code.map_or("by a signal".to_string(), |c| c.to_string());
                let first = stderr.lines().next().unwrap_or("").trim();
                if first.is_empty() {
                    format!("exit {code}")
                } else {
                    format!("exit {code}: {}", crate::output::printable(first))
                }
            }
            ExecOutcome::TimedOut => {
                format!("timed out after {} s and was killed", timeout.as_secs())
            }
            ExecOutcome::Failed(why) => format!("could not run: {why}"),
        }
    }
}

impl Exec {
    pub fn new(command: String, timeout: Duration) -> Exec {
        Exec {
            command: Arc::new(command),
            timeout,
            slots: Arc::new(Semaphore::new(MAX_RUNNING)),
            pending: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// Starts the command for one event in the background; `log` gets its outcome.
    pub fn spawn(
        &self,
        label: String,
        input: String,
        log: Arc<dyn Fn(&str) + Send + Sync>,
    ) -> Option<tokio::task::JoinHandle<ExecOutcome>> {
        if self.pending.fetch_add(1, Ordering::SeqCst) >= MAX_RUNNING + MAX_QUEUED {
            self.pending.fetch_sub(1, Ordering::SeqCst);
            log(&format!(
                "exec: skipped for {label}: {} commands are running or waiting",
                MAX_RUNNING + MAX_QUEUED
            ));
            return None;
        }
        let exec = self.clone();
        Some(tokio::spawn(async move {
            let outcome = match exec.slots.clone().acquire_owned().await {
                Ok(_slot) => {
                    let started = Instant::now();
                    let outcome = exec.run(&input).await;
                    log(&format!(
                        "exec: {label}: {} ({} ms)",
                        outcome.describe(exec.timeout),
                        started.elapsed().as_millis()
                    ));
                    outcome
                }
                Err(_) => ExecOutcome::Failed("listen is stopping".into()),
            };
            exec.pending.fetch_sub(1, Ordering::SeqCst);
            outcome
        }))
    }

    /// Runs the command once with `input` on stdin, within the timeout.
    pub async fn run(&self, input: &str) -> ExecOutcome {
        let child = tokio::process::Command::new("sh")
            .arg("-c")
            .arg(self.command.as_str())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn();
        let mut child = match child {
            Ok(child) => child,
            Err(e) => return ExecOutcome::Failed(e.to_string()),
        };
        if let Some(mut stdin) = child.stdin.take() {
            // A command that does not read its stdin is fine: a broken pipe is not its failure.
            let _ = stdin.write_all(input.as_bytes()).await;
            let _ = stdin.write_all(b"\n").await;
        }
        match tokio::time::timeout(self.timeout, child.wait_with_output()).await {
            Ok(Ok(output)) => ExecOutcome::Exited {
                code: output.status.code(),
                stderr: String::from_utf8_lossy(
                    &output.stderr[..output.stderr.len().min(KEPT_OUTPUT)],
                )
                .into_owned(),
            },
            Ok(Err(e)) => ExecOutcome::Failed(e.to_string()),
            // Dropping the child on timeout kills it (kill_on_drop).
            Err(_) => ExecOutcome::TimedOut,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[tokio::test]
    async fn listen_exec_passes_the_event_on_stdin_and_is_bounded_in_time() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("got");
        let exec = Exec::new(
            format!("cat > '{}'; echo oops >&2; exit 3", file.display()),
            Duration::from_secs(10),
        );
        let outcome = exec.run(r#"{"status":"FOC"}"#).await;
        assert_eq!(
            outcome,
            ExecOutcome::Exited {
                code: Some(3),
                stderr: "oops\n".into()
            }
        );
        assert_eq!(outcome.describe(exec.timeout), "exit 3: oops");
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            "{\"status\":\"FOC\"}\n"
        );
        let slow = Exec::new("sleep 5".into(), Duration::from_millis(200));
        let started = Instant::now();
        assert_eq!(slow.run("{}").await, ExecOutcome::TimedOut);
        assert!(started.elapsed() < Duration::from_secs(4));
    }
}
