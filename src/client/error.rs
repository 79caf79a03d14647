//! `ApiError`: every way a call to the backend can fail, with its exit code and hint.

use std::time::Duration;

use crate::exit::Exit;

/// One of Bandwidth's error codes with its text, from `LsrOrderErrors` or `ResponseStatus`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BandwidthError {
    pub code: u32,
    pub description: String,
}

/// A failed call to the lsrorders API. Messages never contain credentials.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("backend URL `{url}` is invalid: {reason}")]
    InvalidUrl { url: String, reason: String },
    #[error("backend URL `{url}` is not https; plain http is only allowed on loopback")]
    Insecure { url: String },
    #[error("no credentials for {backend}")]
    MissingCredentials { backend: String },
    #[error("cannot reach {url}: {message}")]
    Network { url: String, message: String },
    #[error("the answer of {url} broke off: {message}")]
    CutShort { url: String, message: String },
    #[error("{method} {url} timed out after {}s", after.as_secs())]
    Timeout {
        method: String,
        url: String,
        after: Duration,
    },
    #[error("{}", http_message(*status, method, url, description.as_deref(), errors))]
    Http {
        status: u16,
        method: String,
        url: String,
        description: Option<String>,
        errors: Vec<BandwidthError>,
    },
    #[error("the token endpoint {url} refused the client credentials (HTTP {status})")]
    TokenRejected { url: String, status: u16 },
    #[error("the token endpoint {url} did not answer with an OAuth2 token: {message}")]
    TokenUnreadable { url: String, message: String },
    #[error("cannot read the answer of {method} {url}: {message}")]
    Decode {
        method: String,
        url: String,
        message: String,
    },
    #[error("the answer of {url} is larger than {limit} bytes")]
    BodyTooLarge { url: String, limit: usize },
    #[error("{url} answered with a redirect to {location}; redirects are not followed")]
    Redirect { url: String, location: String },
    #[error(
        "the outcome of creating order with customer order id `{customer_order_id}` is unknown: {message}"
    )]
    UnclearOutcome {
        customer_order_id: String,
        message: String,
    },
}

fn http_message(
    status: u16,
    method: &str,
    url: &str,
    description: Option<&str>,
    errors: &[BandwidthError],
) -> String {
    let what = match status {
        400 => "rejected the request",
        401 => "refused the credentials",
        403 => "denied access",
        404 => "found nothing",
        413 => "refused the request as too large",
        429 => "is rate limiting requests",
        500..=599 => "failed",
        _ => "answered with an error",
    };
    let mut text = format!("{method} {url}: the backend {what} (HTTP {status})");
    if let Some(d) = description.filter(|d| !d.is_empty()) {
        text.push_str(": ");
        text.push_str(d);
    }
    for e in errors {
        text.push_str(&format!("\n  {}: {}", e.code, e.description));
    }
    text
}

impl ApiError {
    /// The exit code for this error.
    pub fn exit(&self) -> Exit {
        match self {
            ApiError::InvalidUrl { .. } | ApiError::Insecure { .. } => Exit::Usage,
            ApiError::MissingCredentials { .. } | ApiError::TokenRejected { .. } => Exit::Auth,
            ApiError::Network { .. }
            | ApiError::CutShort { .. }
            | ApiError::Timeout { .. }
            | ApiError::Decode { .. }
            | ApiError::TokenUnreadable { .. }
            | ApiError::BodyTooLarge { .. }
            | ApiError::Redirect { .. }
            | ApiError::UnclearOutcome { .. } => Exit::Network,
            ApiError::Http { status, .. } => match status {
                401 | 403 => Exit::Auth,
                404 => Exit::NotFound,
                429 | 500..=599 => Exit::Network,
                _ => Exit::Rejected,
            },
        }
    }

    /// What to do next.
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            ApiError::InvalidUrl { .. } => "check --base-url / LSR_BASE_URL or the profile's base_url".into(),
            ApiError::Insecure { .. } => "use an https:// URL (http is accepted for 127.0.0.1, ::1 and localhost only)".into(),
            ApiError::MissingCredentials { .. } => "set LSR_CLIENT_ID and LSR_CLIENT_SECRET (or `lsr config set client_id …`, `lsr config set client_secret -`)".into(),
            ApiError::TokenRejected { .. } => "check the client id and secret (`lsr config show` says where they come from)".into(),
            ApiError::Network { .. } | ApiError::CutShort { .. } | ApiError::Timeout { .. } => "check the network and the backend URL, then try again (LSR_HTTP_TIMEOUT_SECS sets the timeout)".into(),
            ApiError::TokenUnreadable { .. } => "check LSR_TOKEN_URL or the profile's token_url (by default Bandwidth's endpoint for its hosts, else /api/v1/oauth2/token on the backend)".into(),
            // A proxy's error page, a captive portal or another service answered instead.
            ApiError::Decode { .. } | ApiError::BodyTooLarge { .. } => "the answer is not Bandwidth's lsrorders XML; check that --base-url points at the lsrorders API and no proxy is answering instead, then try again".into(),
            ApiError::Redirect { .. } => "lsr never follows redirects, so credentials only go where they are configured; if the new address is right, set it as --base-url (or token_url) yourself".into(),
            ApiError::UnclearOutcome { customer_order_id, .. } => format!(
                "run `lsr search --customer-order-id {customer_order_id}` before submitting again, so the order is not placed twice"
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

    /// Bandwidth's codes carried by the error, if any.
    pub fn codes(&self) -> &[BandwidthError] {
        match self {
            ApiError::Http { errors, .. } => errors,
            _ => &[],
        }
    }

    /// True for failures where a request may not have reached the server or its answer was lost.
    pub fn is_unclear_outcome(&self) -> bool {
        matches!(
            self,
            ApiError::Network { .. } | ApiError::CutShort { .. } | ApiError::Timeout { .. }
        ) || matches!(self, ApiError::Decode { .. })
    }
}
