//! Credentials: OAuth2 client credentials with a 0600 token cache, or legacy HTTP Basic.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A secret string: never printed, in `Debug` or `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The secret itself, for the one place that sends it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// How the client authenticates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credentials {
    /// OAuth2 client credentials (Bandwidth's current scheme); a Bearer token is fetched and cached.
    ClientCredentials {
        client_id: String,
        client_secret: Secret,
    },
    /// Legacy API user with HTTP Basic (Bandwidth retires these on 2026-12-02).
    Basic { username: String, password: Secret },
}

/// A bearer token and when it stops being usable.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedToken {
    pub access_token: String,
    pub expires_at: DateTime<Utc>,
}

impl std::fmt::Debug for CachedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CachedToken")
            .field("access_token", &"<redacted>")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// Tokens are renewed this long before they expire, so a request never races the expiry.
pub const TOKEN_REFRESH_MARGIN_SECS: i64 = 60;

impl CachedToken {
    pub fn is_fresh(&self, now: DateTime<Utc>) -> bool {
        self.expires_at - chrono::Duration::seconds(TOKEN_REFRESH_MARGIN_SECS) > now
    }

    /// The token can be sent: not blank, and `Bearer TOKEN` is a valid header value (no control
    /// characters, which would be a header injection).
    pub fn is_usable(&self) -> bool {
        bearer_header_is_valid(&self.access_token)
    }
}

/// True when `Bearer TOKEN` can be sent as a header: the token is not blank and holds no
/// character a header cannot carry.
pub fn bearer_header_is_valid(token: &str) -> bool {
    !token.trim().is_empty()
        && reqwest::header::HeaderValue::from_str(&format!("Bearer {token}")).is_ok()
}

/// The token endpoint's JSON answer. `Debug` redacts the token.
#[derive(Deserialize)]
pub struct TokenResponse {
    pub access_token: String,
    #[serde(default)]
    pub expires_in: Option<i64>,
    #[serde(default)]
    pub token_type: Option<String>,
}

impl std::fmt::Debug for TokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenResponse")
            .field("access_token", &"<redacted>")
            .field("expires_in", &self.expires_in)
            .field("token_type", &self.token_type)
            .finish()
    }
}

/// Tokens cached on disk (mode 0600) across `lsr` runs, keyed by token URL and client id.
#[derive(Debug, Clone)]
pub struct TokenCache {
    path: PathBuf,
}

impl TokenCache {
    pub fn new(path: impl Into<PathBuf>) -> TokenCache {
        TokenCache { path: path.into() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn key(token_url: &str, client_id: &str) -> String {
        format!("{token_url} {client_id}")
    }

    fn read_all(&self) -> BTreeMap<String, CachedToken> {
        // A missing or damaged cache only costs a new token, never an error; one that is not a
        // regular file or is too large is not read (the next `put` replaces it).
        crate::files::read_own_file(&self.path, crate::files::MAX_OWN_FILE_BYTES)
            .ok()
            .flatten()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// A fresh cached token, if any. An entry that cannot be used (a token no header can carry)
    /// is dropped from the file, so the next run fetches a new one instead of failing again.
    pub fn get(&self, token_url: &str, client_id: &str, now: DateTime<Utc>) -> Option<CachedToken> {
        let found = self.read_all().remove(&Self::key(token_url, client_id))?;
        if !found.is_usable() {
            self.remove(token_url, client_id);
            return None;
        }
        Some(found).filter(|t| t.is_fresh(now))
    }

    /// Stores a token, dropping expired ones. Failures are ignored: the cache is an optimisation.
    pub fn put(&self, token_url: &str, client_id: &str, token: &CachedToken, now: DateTime<Utc>) {
        let mut all = self.read_all();
        all.retain(|_, t| t.is_fresh(now));
        all.insert(Self::key(token_url, client_id), token.clone());
        if let Ok(bytes) = serde_json::to_vec(&all) {
            let _ = crate::files::write_private_file(&self.path, &bytes);
        }
    }

    /// Forgets a token the server refused.
    pub fn remove(&self, token_url: &str, client_id: &str) {
        let mut all = self.read_all();
        if all.remove(&Self::key(token_url, client_id)).is_some()
            && let Ok(bytes) = serde_json::to_vec(&all)
        {
            let _ = crate::files::write_private_file(&self.path, &bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn secrets_never_show_in_debug() {
        let creds = Credentials::ClientCredentials {
            client_id: "id".into(),
            client_secret: Secret::new("s3cr3t"),
        };
        assert!(!format!("{creds:?}").contains("s3cr3t"));
        let token = CachedToken {
            access_token: "tok3n".into(),
            expires_at: Utc::now(),
        };
        assert!(!format!("{token:?}").contains("tok3n"));
    }

    #[test]
    fn token_cache_keeps_fresh_tokens_in_a_private_file() {
        let dir = tempfile::tempdir().unwrap();
        let cache = TokenCache::new(dir.path().join("token-cache.json"));
        let now = Utc::now();
        let fresh = CachedToken {
            access_token: "a".into(),
            expires_at: now + chrono::Duration::seconds(3600),
        };
        let stale = CachedToken {
            access_token: "b".into(),
            expires_at: now + chrono::Duration::seconds(30),
        };
        cache.put("u", "one", &fresh, now);
        cache.put("u", "two", &stale, now);
        assert_eq!(cache.get("u", "one", now), Some(fresh));
        assert_eq!(cache.get("u", "two", now), None);
        cache.remove("u", "one");
        assert_eq!(cache.get("u", "one", now), None);
        // A damaged entry (a control character in the token) is dropped, not kept forever.
        let damaged = CachedToken {
            access_token: "bad\u{1}token".into(),
            expires_at: now + chrono::Duration::seconds(3600),
        };
        cache.put("u", "three", &damaged, now);
        assert_eq!(cache.get("u", "three", now), None);
        assert!(
            !std::fs::read_to_string(cache.path())
                .unwrap()
                .contains("three")
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(cache.path())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
