//! `ApiError`: every way a call to the backend can fail (its exit code and hint are chosen in
//! `crate::exit`, once).

use std::time::Duration;

pub use crate::model::BandwidthError;

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
    #[error(
        "the outcome of creating order {pon} with customer order id `{customer_order_id}` is unclear: {} order{} could be it: {}{}",
        candidates.len(),
        if candidates.len() == 1 { "" } else { "s" },
        candidates.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "),
        if message.is_empty() { String::new() } else { format!(" (the create: {message})") }
    )]
    Ambiguous {
        customer_order_id: String,
        pon: String,
        message: String,
        candidates: Vec<super::identity::Candidate>,
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
