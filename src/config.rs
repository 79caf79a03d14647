//! The configuration file (`config.toml` under the config directory): profiles, backend, holidays.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The name of the configuration file inside the config directory.
pub const CONFIG_FILE: &str = "config.toml";

/// The parsed `config.toml`. Unknown keys are an error, so a typo never goes unnoticed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// The profile used when `--profile`/`LSR_PROFILE` is not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_profile: Option<String>,
    #[serde(default, skip_serializing_if = "CalendarConfig::is_empty")]
    pub calendar: CalendarConfig,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub profiles: BTreeMap<String, Profile>,
}

/// Holiday overrides for the business calendar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarConfig {
    /// Extra non-business days (YYYY-MM-DD), e.g. a company closure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<chrono::NaiveDate>,
    /// Use only `holidays`, not the default US federal holidays NPAC observes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub replace_default: bool,
}

impl CalendarConfig {
    pub fn is_empty(&self) -> bool {
        self.holidays.is_empty() && !self.replace_default
    }
}

/// One backend profile. Secrets are redacted in `Debug`.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// Default SPID for new orders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spid: Option<String>,
}

impl std::fmt::Debug for Profile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let redact = |v: &Option<String>| v.as_ref().map(|_| "<redacted>");
        f.debug_struct("Profile")
            .field("base_url", &self.base_url)
            .field("account_id", &self.account_id)
            .field("token_url", &self.token_url)
            .field("client_id", &self.client_id)
            .field("client_secret", &redact(&self.client_secret))
            .field("username", &self.username)
            .field("password", &redact(&self.password))
            .field("spid", &self.spid)
            .finish()
    }
}

/// Why the configuration could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file `{path}`: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file `{path}` is invalid: {message}")]
    Parse { path: PathBuf, message: String },
}

impl ConfigFile {
    /// Loads `config.toml` from `dir`; a missing file is an empty configuration.
    pub fn load(dir: &Path) -> Result<ConfigFile, ConfigError> {
        let path = dir.join(CONFIG_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ConfigFile::default()),
            Err(source) => return Err(ConfigError::Read { path, source }),
        };
        toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path,
            message: e.message().to_string(),
        })
    }
}

/// The config directory: `LSR_CONFIG_DIR` when set, else the platform's config dir for lsr.
pub fn config_dir_from_env() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("LSR_CONFIG_DIR").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "lsr").map(|p| p.config_dir().to_path_buf())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn config_missing_file_is_empty_and_bad_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(ConfigFile::load(dir.path()).unwrap(), ConfigFile::default());
        std::fs::write(dir.path().join(CONFIG_FILE), "[calendar]\nholidayz = []\n").unwrap();
        let err = ConfigFile::load(dir.path()).unwrap_err();
        assert!(err.to_string().contains("holidayz"), "{err}");
    }

    #[test]
    fn profile_debug_redacts_secrets() {
        let p = Profile {
            client_secret: Some("s3cr3t".into()),
            password: Some("hunter2".into()),
            ..Profile::default()
        };
        let shown = format!("{p:?}");
        assert!(
            !shown.contains("s3cr3t") && !shown.contains("hunter2"),
            "{shown}"
        );
    }
}
