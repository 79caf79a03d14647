//! Bandwidth's hosts: where its lsrorders API and its OAuth2 token endpoint live, per
//! environment (realm), credential scheme and API version.
//!
//! Sources (public): Bandwidth's own CLI (repository Bandwidth/cli, `internal/cmdutil/helpers.go`,
//! `internal/auth/oauth.go`) uses `https://api.bandwidth.com` for production and
//! `https://test.api.bandwidth.com` for test/uat, its token at `{host}/api/v1/oauth2/token` and the
//! Dashboard XML API (lsrorders) at `{host}/api/v2/accounts/{id}/…`. Bandwidth's "Universal
//! Platform breaking changes" page (dev.bandwidth.com/docs/universal-platform/breaking-changes)
//! lists the v1 forms on that host beside `/api/v2/` and says that on v2 every phone number is
//! E.164. Legacy API users (HTTP Basic) talk to `dashboard.bandwidth.com` until 2026-12-02.

use serde::{Deserialize, Serialize};

/// The legacy (HTTP Basic) production base.
pub const BANDWIDTH_PRODUCTION_URL: &str = "https://dashboard.bandwidth.com/api/v1";
/// The legacy (HTTP Basic) test base.
pub const BANDWIDTH_TEST_URL: &str = "https://test.dashboard.bandwidth.com/api/v1";
/// The OAuth2 (Universal Platform) production host.
pub const API_HOST_PRODUCTION: &str = "https://api.bandwidth.com";
/// The OAuth2 (Universal Platform) test host.
pub const API_HOST_TEST: &str = "https://test.api.bandwidth.com";
/// Bandwidth's production OAuth2 token endpoint.
pub const BANDWIDTH_TOKEN_URL: &str = "https://api.bandwidth.com/api/v1/oauth2/token";
/// Bandwidth's test OAuth2 token endpoint (a test-realm token is refused in production).
pub const BANDWIDTH_TEST_TOKEN_URL: &str = "https://test.api.bandwidth.com/api/v1/oauth2/token";
/// The token endpoint's path on any host (Bandwidth's, the sandbox's).
pub const TOKEN_PATH: &str = "/api/v1/oauth2/token";

/// A Bandwidth environment: its own hosts, credentials and tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Environment {
    #[serde(rename = "prod", alias = "production")]
    Prod,
    #[serde(rename = "test", alias = "uat")]
    Test,
}

impl Environment {
    pub fn as_str(self) -> &'static str {
        match self {
            Environment::Prod => "prod",
            Environment::Test => "test",
        }
    }

    /// The OAuth2 host of the environment.
    pub fn api_host(self) -> &'static str {
        match self {
            Environment::Prod => API_HOST_PRODUCTION,
            Environment::Test => API_HOST_TEST,
        }
    }

    /// The legacy HTTP Basic host of the environment.
    pub fn legacy_host(self) -> &'static str {
        match self {
            Environment::Prod => "https://dashboard.bandwidth.com",
            Environment::Test => "https://test.dashboard.bandwidth.com",
        }
    }

    /// The environment's OAuth2 token endpoint.
    pub fn token_url(self) -> &'static str {
        match self {
            Environment::Prod => BANDWIDTH_TOKEN_URL,
            Environment::Test => BANDWIDTH_TEST_TOKEN_URL,
        }
    }
}

impl std::fmt::Display for Environment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Environment {
    type Err = String;
    fn from_str(text: &str) -> Result<Environment, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "prod" | "production" => Ok(Environment::Prod),
            "test" | "uat" => Ok(Environment::Test),
            other => Err(format!("environment `{other}` is not prod or test")),
        }
    }
}

/// The version of Bandwidth's API: v1 (10-digit TNs) or v2 (E.164 TNs everywhere).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ApiVersion {
    #[default]
    #[serde(rename = "v1")]
    V1,
    #[serde(rename = "v2")]
    V2,
}

impl ApiVersion {
    pub fn as_str(self) -> &'static str {
        match self {
            ApiVersion::V1 => "v1",
            ApiVersion::V2 => "v2",
        }
    }

    /// The version a base URL's path names: a `v2` segment is v2; `v1`, `v1.0` or `api` alone
    /// are v1 (Bandwidth's three v1 forms); anything else says nothing.
    pub fn of_path(path: &str) -> Option<ApiVersion> {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        if segments.contains(&"v2") {
            return Some(ApiVersion::V2);
        }
        if segments.iter().any(|s| *s == "v1" || *s == "v1.0") || segments == ["api"] {
            return Some(ApiVersion::V1);
        }
        None
    }

    /// True when the version carries every TN in E.164 form.
    pub fn is_e164(self) -> bool {
        self == ApiVersion::V2
    }
}

impl std::fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for ApiVersion {
    type Err = String;
    fn from_str(text: &str) -> Result<ApiVersion, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "v1" | "1" => Ok(ApiVersion::V1),
            "v2" | "2" => Ok(ApiVersion::V2),
            other => Err(format!("api_version `{other}` is not v1 or v2")),
        }
    }
}

/// How a client proves who it is, which decides the host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// OAuth2 client credentials: Bearer tokens on `api.bandwidth.com`.
    OAuth,
    /// Legacy API user, HTTP Basic on `dashboard.bandwidth.com` (retired 2026-12-02).
    Basic,
}

/// The API base for an environment, scheme and version: `https://api.bandwidth.com/api/v1`,
/// `https://test.api.bandwidth.com/api/v2`, `https://dashboard.bandwidth.com/api/v1` …
pub fn api_base(environment: Environment, scheme: Scheme, version: ApiVersion) -> String {
    let host = match scheme {
        Scheme::OAuth => environment.api_host(),
        Scheme::Basic => environment.legacy_host(),
    };
    format!("{host}/api/{version}")
}

/// The environment a host belongs to when it is one of Bandwidth's: `test.` hosts are the test
/// realm, every other `*.bandwidth.com` host production; `None` for anyone else's host.
pub fn realm_of_host(host: &str) -> Option<Environment> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host != "bandwidth.com" && !host.ends_with(".bandwidth.com") {
        return None;
    }
    let first = host.split('.').next().unwrap_or_default();
    Some(
        if first == "test" || first == "uat" || host.contains(".test.") {
            Environment::Test
        } else {
            Environment::Prod
        },
    )
}

/// True for Bandwidth's legacy HTTP Basic hosts (`dashboard.bandwidth.com`, `test.dashboard…`).
pub fn is_legacy_host(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host == "dashboard.bandwidth.com" || host.ends_with(".dashboard.bandwidth.com")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_follow_environment_scheme_and_version() {
        use ApiVersion::*;
        use Environment::*;
        assert_eq!(
            api_base(Prod, Scheme::OAuth, V1),
            "https://api.bandwidth.com/api/v1"
        );
        assert_eq!(
            api_base(Test, Scheme::OAuth, V2),
            "https://test.api.bandwidth.com/api/v2"
        );
        assert_eq!(api_base(Prod, Scheme::Basic, V1), BANDWIDTH_PRODUCTION_URL);
        assert_eq!(api_base(Test, Scheme::Basic, V1), BANDWIDTH_TEST_URL);
        assert_eq!(Test.token_url(), BANDWIDTH_TEST_TOKEN_URL);
        assert!(Test.token_url().starts_with(Test.api_host()));
        assert!(Prod.token_url().starts_with(Prod.api_host()));
    }

    #[test]
    fn hosts_realm_of_a_host() {
        assert_eq!(realm_of_host("api.bandwidth.com"), Some(Environment::Prod));
        assert_eq!(
            realm_of_host("dashboard.bandwidth.com"),
            Some(Environment::Prod)
        );
        assert_eq!(
            realm_of_host("test.api.bandwidth.com"),
            Some(Environment::Test)
        );
        assert_eq!(
            realm_of_host("TEST.dashboard.bandwidth.com."),
            Some(Environment::Test)
        );
        assert_eq!(realm_of_host("127.0.0.1"), None);
        assert_eq!(realm_of_host("evilbandwidth.com"), None);
        assert!(is_legacy_host("test.dashboard.bandwidth.com"));
        assert!(!is_legacy_host("api.bandwidth.com"));
    }

    #[test]
    fn hosts_version_of_a_path() {
        assert_eq!(ApiVersion::of_path("/api/v2"), Some(ApiVersion::V2));
        assert_eq!(ApiVersion::of_path("/api/v1/"), Some(ApiVersion::V1));
        assert_eq!(ApiVersion::of_path("/v1.0"), Some(ApiVersion::V1));
        assert_eq!(ApiVersion::of_path("/api"), Some(ApiVersion::V1));
        assert_eq!(ApiVersion::of_path("/proxy"), None);
        assert_eq!("V2".parse::<ApiVersion>(), Ok(ApiVersion::V2));
        assert_eq!("uat".parse::<Environment>(), Ok(Environment::Test));
    }
}
