//! Bandwidth's hosts: where its lsrorders API and its OAuth2 token endpoint live (the same hosts
//! Bandwidth's own CLI uses).

/// Bandwidth's production API base.
pub const BANDWIDTH_PRODUCTION_URL: &str = "https://dashboard.bandwidth.com/api/v1";
/// Bandwidth's test environment base.
pub const BANDWIDTH_TEST_URL: &str = "https://test.dashboard.bandwidth.com/api/v1";
/// Bandwidth's OAuth2 token endpoint, used for Bandwidth's hosts.
pub const BANDWIDTH_TOKEN_URL: &str = "https://api.bandwidth.com/api/v1/oauth2/token";
