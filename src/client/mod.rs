//! The HTTP client for Bandwidth's lsrorders and Subscriptions APIs: the only module that uses
//! reqwest.

mod auth;
mod error;
mod http;
mod identity;
mod lsrorders;
pub mod sandbox_admin;
mod subscriptions;

pub use crate::wire::SearchQuery;
pub use auth::{CachedToken, Credentials, Secret, TokenCache};
pub use error::{ApiError, BandwidthError};
pub use http::{
    Answer, ClientOptions, DEFAULT_REQUEST_TIMEOUT, HttpResponse, Pacer, SharedPacer, Trace,
    Transport, check_status, default_token_url, http_error, is_loopback_host, parse_base_url,
};
pub use identity::{CLOCK_SKEW_ALLOWANCE, Candidate, Identity, Lookup};
pub use lsrorders::{Created, LsrClient};
