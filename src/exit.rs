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

// ---- sandbox errors ----

/// The hint under a sandbox order reference that names nothing.
const SANDBOX_ORDER_HINT: &str = "give an order id from `lsr --sandbox search`";

/// A refused admin action on the embedded store: unknown order 7, wrong state 4, bad value 2.
impl From<crate::sandbox::AdminError> for CliError {
    fn from(e: crate::sandbox::AdminError) -> CliError {
        use crate::sandbox::AdminError;
        match e {
            AdminError::NotFound(m) => {
                CliError::new(Exit::NotFound, m).with_hint(SANDBOX_ORDER_HINT)
            }
            AdminError::Conflict(m) => CliError::new(Exit::Rejected, m)
                .with_hint("see `lsr sandbox inventory` and docs/sandbox.md for the sandbox rules"),
            AdminError::Invalid(m) => CliError::new(Exit::Usage, m),
            AdminError::Store(e) => {
                CliError::new(Exit::Failure, format!("using the sandbox store: {e}"))
            }
        }
    }
}

/// A refusal or failure of a running sandbox's admin endpoints (`lsr sandbox … --url`): 404 is
/// 7, 403 is 6, 400 and 409 are 4, anything else is a network problem (5).
impl From<crate::client::sandbox_admin::AdminClientError> for CliError {
    fn from(e: crate::client::sandbox_admin::AdminClientError) -> CliError {
        use crate::client::sandbox_admin::AdminClientError;
        if let AdminClientError::BadUrl(_) = e {
            return CliError::new(Exit::Usage, e.to_string())
                .with_hint("use e.g. --url http://127.0.0.1:8080");
        }
        let exit = match e.status() {
            Some(404) => Exit::NotFound,
            Some(403) => Exit::Auth,
            Some(400) | Some(409) => Exit::Rejected,
            Some(_) | None => Exit::Network,
        };
        let hint = match exit {
            Exit::Network => format!("is `lsr sandbox serve` running at {}?", e.url()),
            Exit::NotFound => SANDBOX_ORDER_HINT.to_string(),
            _ => "see docs/sandbox.md for the sandbox rules".to_string(),
        };
        CliError::new(exit, e.to_string()).with_hint(hint)
    }
}

/// The sandbox store could not be opened or used.
impl From<crate::sandbox::StoreError> for CliError {
    fn from(e: crate::sandbox::StoreError) -> CliError {
        CliError::new(Exit::Failure, e.to_string())
    }
}

/// The sandbox server could not start or stopped badly.
impl From<crate::sandbox::ServeError> for CliError {
    fn from(e: crate::sandbox::ServeError) -> CliError {
        CliError::new(Exit::Failure, e.to_string())
    }
}

/// The embedded sandbox (`lsr --sandbox`) could not start.
impl From<crate::sandbox::embedded::EmbeddedError> for CliError {
    fn from(e: crate::sandbox::embedded::EmbeddedError) -> CliError {
        CliError::new(Exit::Failure, e.to_string())
    }
}

#[cfg(test)]
mod sandbox_error_tests {
    use super::*;
    use crate::client::sandbox_admin::AdminClientError;
    use crate::sandbox::AdminError;

    #[test]
    fn sandbox_errors_choose_their_exit_code_and_hint() {
        let missing = CliError::from(AdminError::NotFound("order `X` not found".into()));
        assert_eq!(missing.exit, Exit::NotFound);
        assert!(
            missing
                .hint
                .is_some_and(|h| h.contains("lsr --sandbox search"))
        );
        assert_eq!(
            CliError::from(AdminError::Conflict("no".into())).exit,
            Exit::Rejected
        );
        let invalid = CliError::from(AdminError::Invalid("bad".into()));
        assert_eq!((invalid.exit, invalid.hint), (Exit::Usage, None));
        let refused = |status| AdminClientError::Refused {
            url: "http://127.0.0.1:9".into(),
            status,
            message: "m".into(),
        };
        assert_eq!(CliError::from(refused(409)).exit, Exit::Rejected);
        assert_eq!(CliError::from(refused(403)).exit, Exit::Auth);
        assert_eq!(CliError::from(refused(404)).exit, Exit::NotFound);
        let down = CliError::from(refused(500));
        assert_eq!(down.exit, Exit::Network);
        assert_eq!(
            down.hint.as_deref(),
            Some("is `lsr sandbox serve` running at http://127.0.0.1:9?")
        );
        let bad = CliError::from(AdminClientError::BadUrl("ftp://x".into()));
        assert_eq!(bad.exit, Exit::Usage);
    }
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
