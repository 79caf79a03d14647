//! Exit codes (README, "Scripting") and the one error type commands use to choose one.

use std::fmt;

use schemars::JsonSchema;
use serde::Serialize;

use crate::client::ApiError;
use crate::config::ConfigError;
use crate::history::StoreError;
use crate::validate::{Finding, Severity};

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

    /// The short stable word of the error document's `kind` (README, "Scripting"): one per
    /// exit code.
    pub fn kind(self) -> &'static str {
        match self {
            Exit::Success => "ok",
            Exit::Failure => "failure",
            Exit::Usage => "usage",
            Exit::Invalid => "invalid",
            Exit::Rejected => "rejected",
            Exit::Network => "network",
            Exit::Auth => "auth",
            Exit::NotFound => "not_found",
            Exit::WaitTimeout => "wait_timeout",
            Exit::Interrupted => "interrupted",
        }
    }

    /// Every exit code, in order.
    pub const ALL: [Exit; 10] = [
        Exit::Success,
        Exit::Failure,
        Exit::Usage,
        Exit::Invalid,
        Exit::Rejected,
        Exit::Network,
        Exit::Auth,
        Exit::NotFound,
        Exit::WaitTimeout,
        Exit::Interrupted,
    ];
}

/// A failure with a chosen exit code, a lowercase message naming the object, and at most one
/// hint saying what to do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CliError {
    pub exit: Exit,
    pub message: String,
    pub hint: Option<String>,
    /// Bandwidth's code when the failure is one (a backend error, or the one finding that
    /// stopped an order locally).
    pub code: Option<u32>,
    /// The findings that stopped an order locally (exit 3).
    pub findings: Vec<Finding>,
}

impl CliError {
    pub fn new(exit: Exit, message: impl Into<String>) -> CliError {
        CliError {
            exit,
            message: message.into(),
            hint: None,
            code: None,
            findings: Vec::new(),
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> CliError {
        self.hint = Some(hint.into());
        self
    }

    /// With the findings that stopped the order; the code is the error finding's when exactly
    /// one error stopped it.
    pub fn with_findings(mut self, findings: &[Finding]) -> CliError {
        let mut errors = findings.iter().filter(|f| f.severity == Severity::Error);
        if let (Some(only), None) = (errors.next(), errors.next()) {
            self.code = only.code;
        }
        self.findings = findings.to_vec();
        self
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {}

/// The exit code and hint of a library error, chosen here once for each error type, so that
/// no call site maps the same error by hand. `None` for errors that are not lsr's own.
fn classify(cause: &(dyn std::error::Error + 'static)) -> Option<(Exit, Option<String>)> {
    if let Some(api) = cause.downcast_ref::<ApiError>() {
        return Some((api_exit(api), api_hint(api)));
    }
    if let Some(store) = cause.downcast_ref::<StoreError>() {
        return Some((Exit::Failure, store.hint()));
    }
    if let Some(config) = cause.downcast_ref::<ConfigError>() {
        return Some(config_exit(config));
    }
    None
}

/// Chooses the exit code for an error: the first typed error in its chain decides; a broken
/// pipe (the reader went away, e.g. `| head`) is success.
pub fn exit_for(err: &anyhow::Error) -> Exit {
    for cause in err.chain() {
        if let Some(cli) = cause.downcast_ref::<CliError>() {
            return cli.exit;
        }
        if let Some((exit, _)) = classify(cause) {
            return exit;
        }
        if let Some(io) = cause.downcast_ref::<std::io::Error>()
            && io.kind() == std::io::ErrorKind::BrokenPipe
        {
            return Exit::Success;
        }
    }
    Exit::Failure
}

/// The error with its context chain on one line (`submitting order X: cannot reach …`),
/// each cause once.
pub fn message_for(err: &anyhow::Error) -> String {
    let mut message = err.to_string();
    for cause in err.chain().skip(1) {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
    }
    message
}

/// The hint to print under an error, if any part of its chain carries one.
pub fn hint_for(err: &anyhow::Error) -> Option<String> {
    err.chain().find_map(|cause| {
        if let Some(cli) = cause.downcast_ref::<CliError>() {
            return cli.hint.clone();
        }
        classify(cause).and_then(|(_, hint)| hint)
    })
}

/// Bandwidth's code of an error: the first backend error's, or the code a [`CliError`]
/// carries (the one finding that stopped an order).
pub fn code_for(err: &anyhow::Error) -> Option<u32> {
    err.chain().find_map(|cause| {
        if let Some(cli) = cause.downcast_ref::<CliError>() {
            return cli.code;
        }
        match cause.downcast_ref::<ApiError>() {
            Some(ApiError::Http { errors, .. }) => errors.first().map(|e| e.code),
            _ => None,
        }
    })
}

/// What `--json` prints on stdout when a command fails before it has an answer of its own:
/// `{"error": {…}}` (schemas/error.schema.json).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ErrorDocument {
    pub error: ErrorBody,
}

/// The error of a failed run, as the error document carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ErrorBody {
    /// The exit code of the run.
    pub exit: u8,
    /// The exit code's stable word: `failure` (1), `usage` (2), `invalid` (3), `rejected` (4),
    /// `network` (5), `auth` (6), `not_found` (7), `wait_timeout` (8), `interrupted` (130).
    pub kind: String,
    /// The message stderr shows after `lsr: error:`, on one line.
    pub message: String,
    /// What to do next, when lsr knows.
    pub hint: Option<String>,
    /// Bandwidth's code, when the error carries one (the backend's first error, or the one
    /// finding that stopped an order locally).
    pub code: Option<u32>,
    /// The findings that stopped an order locally (exit 3); empty otherwise.
    pub findings: Vec<Finding>,
}

impl ErrorDocument {
    /// The document of a failed run with exit code `exit`.
    pub fn of(err: &anyhow::Error, exit: Exit) -> ErrorDocument {
        let findings = err
            .chain()
            .find_map(|cause| cause.downcast_ref::<CliError>())
            .map(|cli| cli.findings.clone())
            .unwrap_or_default();
        ErrorDocument {
            error: ErrorBody {
                exit: exit.code(),
                kind: exit.kind().to_string(),
                message: message_for(err),
                hint: hint_for(err),
                code: code_for(err),
                findings,
            },
        }
    }

    /// The document of a usage error clap found (before any command ran).
    pub fn usage(message: String, hint: Option<String>) -> ErrorDocument {
        ErrorDocument {
            error: ErrorBody {
                exit: Exit::Usage.code(),
                kind: Exit::Usage.kind().to_string(),
                message,
                hint,
                code: None,
                findings: Vec::new(),
            },
        }
    }
}

impl From<ApiError> for CliError {
    fn from(e: ApiError) -> CliError {
        let code = match &e {
            ApiError::Http { errors, .. } => errors.first().map(|e| e.code),
            _ => None,
        };
        CliError {
            exit: api_exit(&e),
            hint: api_hint(&e),
            message: e.to_string(),
            code,
            findings: Vec::new(),
        }
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> CliError {
        CliError {
            exit: Exit::Failure,
            hint: e.hint(),
            message: e.to_string(),
            code: None,
            findings: Vec::new(),
        }
    }
}

impl From<ConfigError> for CliError {
    fn from(e: ConfigError) -> CliError {
        let (exit, hint) = config_exit(&e);
        CliError {
            exit,
            hint,
            message: e.to_string(),
            code: None,
            findings: Vec::new(),
        }
    }
}

fn config_exit(e: &ConfigError) -> (Exit, Option<String>) {
    match e {
        ConfigError::Read { .. } | ConfigError::Parse { .. } => (
            Exit::Failure,
            Some("fix the file, or move it aside and run `lsr config init`".into()),
        ),
        ConfigError::SecretFile { .. } => (
            Exit::Usage,
            Some(
                "give --client-secret-file a readable, non-empty file (or `-` and pipe the secret)"
                    .into(),
            ),
        ),
    }
}

/// The exit code of a failed call to the backend.
fn api_exit(e: &ApiError) -> Exit {
    match e {
        ApiError::InvalidUrl { .. } | ApiError::Insecure { .. } => Exit::Usage,
        ApiError::MissingCredentials { .. } | ApiError::TokenRejected { .. } => Exit::Auth,
        ApiError::Network { .. }
        | ApiError::CutShort { .. }
        | ApiError::Timeout { .. }
        | ApiError::Decode { .. }
        | ApiError::TokenUnreadable { .. }
        | ApiError::BodyTooLarge { .. }
        | ApiError::Redirect { .. }
        | ApiError::UnclearOutcome { .. }
        | ApiError::Ambiguous { .. } => Exit::Network,
        ApiError::Http { status, .. } => match status {
            401 | 403 => Exit::Auth,
            404 => Exit::NotFound,
            429 | 500..=599 => Exit::Network,
            _ => Exit::Rejected,
        },
    }
}

/// What to do next after a failed call to the backend.
fn api_hint(e: &ApiError) -> Option<String> {
    Some(match e {
        ApiError::InvalidUrl { .. } => "check --base-url / LSR_BASE_URL or the profile's base_url".into(),
        ApiError::Insecure { .. } => "use an https:// URL (http is accepted for 127.0.0.1, ::1 and localhost only)".into(),
        ApiError::MissingCredentials { .. } => "run `lsr auth login` (or set LSR_CLIENT_ID and LSR_CLIENT_SECRET, or `lsr config set client_id …`, `lsr config set client_secret -`)".into(),
        ApiError::TokenRejected { .. } => "check the client id and secret (`lsr config show` says where they come from)".into(),
        ApiError::Network { .. } | ApiError::CutShort { .. } | ApiError::Timeout { .. } => "check the network and the backend URL, then try again (LSR_HTTP_TIMEOUT_SECS sets the timeout)".into(),
        ApiError::TokenUnreadable { .. } => "check LSR_TOKEN_URL or the profile's token_url (by default the token endpoint of the base URL's Bandwidth realm, else /api/v1/oauth2/token on the backend; `lsr config show` prints it)".into(),
        // A proxy's error page, a captive portal or another service answered instead.
        ApiError::Decode { .. } | ApiError::BodyTooLarge { .. } => "the answer is not Bandwidth's lsrorders XML; check that --base-url points at the lsrorders API and no proxy is answering instead, then try again".into(),
        ApiError::Redirect { .. } => "lsr never follows redirects, so credentials only go where they are configured; if the new address is right, set it as --base-url (or token_url) yourself".into(),
        ApiError::UnclearOutcome { customer_order_id, .. } => format!(
            "run `lsr search --customer-order-id {customer_order_id}` before submitting again, so the order is not placed twice"
        ),
        ApiError::Ambiguous { customer_order_id, .. } => format!(
            "lsr does not guess: `lsr search --customer-order-id {customer_order_id}` lists them; keep the one that is yours, cancel the others (`lsr cancel ORDER --yes`), then submit with --force if an order is still missing"
        ),
        ApiError::Http { status: 401, .. } => "check the credentials (`lsr config show`); legacy API users stop working on 2026-12-02, use OAuth2 client credentials".into(),
        // R12: "not authorized to view a port" usually means searching by Port instead of by LSR.
        ApiError::Http { status: 403, .. } => "the order may belong to another account; search by LSR (`lsr search --pon …`), not by Port, and check --account-id (see `lsr explain not-authorized`)".into(),
        ApiError::Http { status: 404, .. } => "check the order id or PON (`lsr search --pon …`); LSRs are found by LSR, not by Port (`lsr explain not-authorized`)".into(),
        ApiError::Http { status: 429, .. } | ApiError::Http { status: 500..=599, .. } => "the backend is busy or failing; try again in a minute".into(),
        ApiError::Http { errors, .. } if !errors.is_empty() => format!(
            "`lsr explain {}` says what the code means and what to do",
            errors[0].code
        ),
        ApiError::Http { .. } => "the backend gave no reason it understands; `lsr validate` checks an order offline, and `lsr status` shows where an order stands".into(),
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
        let err = anyhow::Error::from(ApiError::MissingCredentials {
            backend: "https://x".into(),
        })
        .context("submitting");
        assert_eq!(exit_for(&err), Exit::Auth);
        assert!(hint_for(&err).is_some_and(|h| h.contains("LSR_CLIENT_ID")));
    }

    #[test]
    fn exit_403_says_search_by_lsr_not_port_r12() {
        let err = anyhow::Error::from(ApiError::Http {
            status: 403,
            method: "GET".into(),
            url: "https://x/api/v1/accounts/1/lsrorders/ord".into(),
            description: None,
            errors: Vec::new(),
        });
        assert_eq!(exit_for(&err), Exit::Auth);
        let hint = hint_for(&err).unwrap_or_default();
        assert!(hint.contains("search by LSR"), "{hint}");
        assert!(hint.contains("not by Port"), "{hint}");
        assert!(hint.contains("lsr explain not-authorized"), "{hint}");
    }
}
