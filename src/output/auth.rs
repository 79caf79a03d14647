//! What `lsr auth login` and `lsr auth status` print: the profile's sign-in (stable JSON keys).

use chrono::{DateTime, Utc};
use serde::Serialize;

/// A profile's sign-in. Never holds a secret or a token, only where the secret lives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct AuthView {
    pub profile: String,
    pub environment: String,
    pub api_version: String,
    pub base_url: String,
    pub base_url_source: String,
    pub token_url: Option<String>,
    pub token_url_source: Option<String>,
    pub client_id: Option<String>,
    pub account_id: Option<String>,
    /// The accounts the token lists (decoded from its payload, not verified).
    pub accounts: Vec<String>,
    pub roles: Vec<String>,
    pub token_expires_at: Option<DateTime<Utc>>,
    /// `OS keychain`, `config file (mode 0600)`, `env LSR_CLIENT_SECRET`, `file …`, or none.
    pub secret: Option<String>,
    pub signed_in: bool,
}

/// The human block, one `key: value` line each.
pub fn render_auth(view: &AuthView) -> String {
    let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_string());
    let list = |v: &[String]| {
        if v.is_empty() {
            "-".to_string()
        } else {
            v.join(", ")
        }
    };
    let with_source = |value: &str, source: &Option<String>| match source {
        Some(s) => format!("{value}  ({s})"),
        None => value.to_string(),
    };
    let lines = [
        ("profile", view.profile.clone()),
        ("environment", view.environment.clone()),
        ("api version", view.api_version.clone()),
        (
            "base URL",
            with_source(&view.base_url, &Some(view.base_url_source.clone())),
        ),
        (
            "token URL",
            with_source(&dash(&view.token_url), &view.token_url_source),
        ),
        ("client id", dash(&view.client_id)),
        ("account", dash(&view.account_id)),
        ("token accounts", list(&view.accounts)),
        ("token roles", list(&view.roles)),
        (
            "token expires",
            view.token_expires_at.map_or("-".to_string(), |t| {
                t.format("%Y-%m-%d %H:%M:%S UTC").to_string()
            }),
        ),
        ("secret", dash(&view.secret)),
        (
            "signed in",
            if view.signed_in { "yes" } else { "no" }.to_string(),
        ),
    ];
    lines
        .iter()
        .map(|(k, v)| format!("{:<16}{v}\n", format!("{k}:")))
        .collect()
}
