//! Exit codes (README, "Scripting") and the one error type commands use to choose one.

use std::fmt;

/// The process exit codes of the command-line contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success = 0,
    /// Any other failure.
    Failure = 1,
    /// Bad flags or arguments.
    Usage = 2,
    /// Local validation failed; nothing was sent.
    Invalid = 3,
    /// The backend rejected the request (validation, terminal or unmodifiable order).
    Rejected = 4,
    /// Network, timeout or server error.
    Network = 5,
    /// Authentication or permission.
    Auth = 6,
    NotFound = 7,
    /// `--wait` timed out.
    WaitTimeout = 8,
    Interrupted = 130,
}

impl Exit {
    pub fn code(self) -> u8 {
        self as u8
    }
}

/// A failure with a chosen exit code, a lowercase message naming the object, and at most one
/// hint saying what to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError {
    pub exit: Exit,
    pub message: String,
    pub hint: Option<String>,
}

impl CliError {
    pub fn new(exit: Exit, message: impl Into<String>) -> CliError {
        CliError {
            exit,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> CliError {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

/// Chooses the exit code for an error: the first typed error in its chain decides; a broken
/// pipe (the reader went away, e.g. `| head`) is success.
pub fn exit_for(err: &anyhow::Error) -> Exit {
    for cause in err.chain() {
        if let Some(cli) = cause.downcast_ref::<CliError>() {
            return cli.exit;
        }
        if let Some(api) = cause.downcast_ref::<crate::client::ApiError>() {
            return api.exit();
        }
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::BrokenPipe {
                return Exit::Success;
            }
        }
    }
    Exit::Failure
}

/// The hint to print under an error, if any part of its chain carries one.
pub fn hint_for(err: &anyhow::Error) -> Option<String> {
    err.chain().find_map(|cause| {
        if let Some(cli) = cause.downcast_ref::<CliError>() {
            return cli.hint.clone();
        }
        cause
            .downcast_ref::<crate::client::ApiError>()
            .and_then(crate::client::ApiError::hint)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_for_finds_typed_errors_in_the_chain() {
        let err = anyhow::Error::from(CliError::new(Exit::NotFound, "order `X` not found"))
            .context("looking up the order");
        assert_eq!(exit_for(&err), Exit::NotFound);
        let pipe = anyhow::Error::from(std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert_eq!(exit_for(&pipe), Exit::Success);
        assert_eq!(exit_for(&anyhow::anyhow!("boom")), Exit::Failure);
    }

    #[test]
    fn hint_for_reads_api_errors_too() {
        let err = anyhow::Error::from(crate::client::ApiError::MissingCredentials {
            backend: "https://x".into(),
        })
        .context("submitting");
        assert_eq!(exit_for(&err), Exit::Auth);
        assert!(hint_for(&err).is_some_and(|h| h.contains("LSR_CLIENT_ID")));
    }
}
