//! The configuration file (`config.toml` under the config directory): profiles, backend, holidays.
//!
//! - `endpoints.rs`: which hosts a profile talks to (environment, API version, scheme), and
//!   that a credential never goes to another realm;
//! - `keychain.rs`: where `lsr auth login` keeps a client secret (the OS keychain, or this
//!   file where there is none).

mod endpoints;
pub mod keychain;

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
    /// Bandwidth's environment: `prod` or `test` (its own hosts, credentials and tokens).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Environment>,
    /// `v1` (the default) or `v2` (every TN in E.164 form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_version: Option<ApiVersion>,
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
            .field("environment", &self.environment)
            .field("api_version", &self.api_version)
            .finish()
    }
}

pub use crate::wire::hosts::{
    ApiVersion, BANDWIDTH_PRODUCTION_URL, BANDWIDTH_TEST_URL, Environment, Scheme,
};
pub use endpoints::Endpoints;

/// Where a resolved setting came from, for `lsr config show`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag,
    Env(&'static str),
    Profile(String),
    Default,
    /// Worked out from other settings (the environment, the base URL's origin …).
    Derived(String),
    /// `--client-secret-file`/`LSR_CLIENT_SECRET_FILE`: the value is read only when it is used
    /// (see [`read_client_secret`]), so `config show` never consumes stdin.
    SecretFile(PathBuf),
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag => f.write_str("flag"),
            Source::Env(name) => write!(f, "env {name}"),
            Source::Profile(name) => write!(f, "config.toml [profiles.{name}]"),
            Source::Default => f.write_str("default"),
            Source::Derived(why) => write!(f, "default: {why}"),
            Source::SecretFile(path) if path.as_os_str() == "-" => f.write_str("stdin"),
            Source::SecretFile(path) => write!(f, "file {}", path.display()),
        }
    }
}

/// A value and where it came from.
#[derive(Clone, PartialEq, Eq)]
pub struct Sourced {
    pub value: String,
    pub source: Source,
}

impl std::fmt::Debug for Sourced {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} ({})", self.value, self.source)
    }
}

/// The backend settings after flags, environment, profile and defaults are applied.
/// Secrets are redacted in `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct Settings {
    pub profile: String,
    pub base_url: Sourced,
    pub account_id: Option<Sourced>,
    pub token_url: Option<Sourced>,
    pub client_id: Option<Sourced>,
    pub client_secret: Option<Sourced>,
    pub username: Option<Sourced>,
    pub password: Option<Sourced>,
    pub spid: Option<Sourced>,
    /// Seconds one HTTP request may take (`LSR_HTTP_TIMEOUT_SECS`), unparsed.
    pub http_timeout: Option<Sourced>,
    /// Environment, API version and scheme behind `base_url` and `token_url`.
    pub endpoints: Endpoints,
    /// `LSR_SECRET_STORE`: where `auth login` may keep a secret (auto, keychain, file).
    pub secret_store: Option<Sourced>,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let redact = |v: &Option<Sourced>| v.as_ref().map(|s| format!("<redacted> ({})", s.source));
        f.debug_struct("Settings")
            .field("profile", &self.profile)
            .field("base_url", &self.base_url)
            .field("account_id", &self.account_id)
            .field("token_url", &self.token_url)
            .field("client_id", &self.client_id)
            .field("client_secret", &redact(&self.client_secret))
            .field("username", &self.username)
            .field("password", &redact(&self.password))
            .field("spid", &self.spid)
            .field("http_timeout", &self.http_timeout)
            .field("endpoints", &self.endpoints)
            .field("secret_store", &self.secret_store)
            .finish()
    }
}

impl Settings {
    /// The base URL when `--base-url` gave it (not the environment, the profile or a default).
    pub fn base_url_flag(&self) -> Option<String> {
        (self.base_url.source == Source::Flag).then(|| self.base_url.value.clone())
    }
}

/// The keys `lsr config set` accepts in a profile, and whether each is a secret.
pub const PROFILE_KEYS: [(&str, bool); 10] = [
    ("environment", false),
    ("api_version", false),
    ("base_url", false),
    ("account_id", false),
    ("token_url", false),
    ("client_id", false),
    ("client_secret", true),
    ("username", false),
    ("password", true),
    ("spid", false),
];

/// Why `Profile::set` refused a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetError {
    /// Not a profile key.
    Unknown,
    /// A key whose value must be one of a few words.
    Invalid(String),
}

impl Profile {
    /// The value of a profile key.
    pub fn get(&self, key: &str) -> Option<String> {
        match key {
            "environment" => self.environment.map(|e| e.to_string()),
            "api_version" => self.api_version.map(|v| v.to_string()),
            "base_url" => self.base_url.clone(),
            "account_id" => self.account_id.clone(),
            "token_url" => self.token_url.clone(),
            "client_id" => self.client_id.clone(),
            "client_secret" => self.client_secret.clone(),
            "username" => self.username.clone(),
            "password" => self.password.clone(),
            "spid" => self.spid.clone(),
            _ => None,
        }
    }

    /// Sets a profile key; an empty value removes it.
    pub fn set(&mut self, key: &str, value: String) -> Result<(), SetError> {
        let empty = value.trim().is_empty();
        match key {
            "environment" => {
                self.environment = if empty {
                    None
                } else {
                    Some(value.parse().map_err(SetError::Invalid)?)
                };
                return Ok(());
            }
            "api_version" => {
                self.api_version = if empty {
                    None
                } else {
                    Some(value.parse().map_err(SetError::Invalid)?)
                };
                return Ok(());
            }
            _ => {}
        }
        let slot = match key {
            "base_url" => &mut self.base_url,
            "account_id" => &mut self.account_id,
            "token_url" => &mut self.token_url,
            "client_id" => &mut self.client_id,
            "client_secret" => &mut self.client_secret,
            "username" => &mut self.username,
            "password" => &mut self.password,
            "spid" => &mut self.spid,
            _ => return Err(SetError::Unknown),
        };
        *slot = (!empty).then_some(value);
        Ok(())
    }
}

/// The backend flags as given on the command line (clap has already folded `LSR_PROFILE`,
/// `LSR_BASE_URL`, `LSR_ACCOUNT_ID` and `LSR_CLIENT_SECRET_FILE` into them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BackendFlags {
    pub profile: Option<String>,
    pub base_url: Option<String>,
    pub account_id: Option<String>,
    pub client_secret_file: Option<PathBuf>,
}

/// Applies, in order of precedence, flags (and their env vars), credential env vars, the chosen
/// profile and defaults. `env` reads an environment variable (injected so tests stay hermetic).
pub fn resolve_settings(
    flags: &BackendFlags,
    config: &ConfigFile,
    env: &dyn Fn(&str) -> Option<String>,
) -> Settings {
    let profile_name = flags
        .profile
        .clone()
        .or_else(|| config.default_profile.clone())
        .unwrap_or_else(|| "default".to_string());
    let profile = config
        .profiles
        .get(&profile_name)
        .cloned()
        .unwrap_or_default();
    let from_profile = |key: &str| {
        profile.get(key).filter(|v| !v.is_empty()).map(|v| Sourced {
            value: v,
            source: Source::Profile(profile_name.clone()),
        })
    };
    // clap folds LSR_BASE_URL/LSR_ACCOUNT_ID into the flag; tell them apart for `config show`.
    let from_flag = |value: &Option<String>, var: &'static str| {
        value.as_ref().filter(|v| !v.is_empty()).map(|v| Sourced {
            value: v.clone(),
            source: if env(var).as_deref() == Some(v.as_str()) {
                Source::Env(var)
            } else {
                Source::Flag
            },
        })
    };
    let from_env = |var: &'static str| {
        env(var).filter(|v| !v.is_empty()).map(|value| Sourced {
            value,
            source: Source::Env(var),
        })
    };
    let client_id = from_env("LSR_CLIENT_ID").or_else(|| from_profile("client_id"));
    let username = from_env("LSR_USERNAME").or_else(|| from_profile("username"));
    // OAuth2 when a client id is configured (its secret may be in the keychain), legacy Basic
    // when only an API user is, OAuth2 (Bandwidth's only scheme from 2026-12-02) otherwise.
    let scheme = if client_id.is_none() && username.is_some() {
        Scheme::Basic
    } else {
        Scheme::OAuth
    };
    let resolved = endpoints::resolve(endpoints::Inputs {
        base_url: from_flag(&flags.base_url, "LSR_BASE_URL").or_else(|| from_profile("base_url")),
        token_url: from_env("LSR_TOKEN_URL").or_else(|| from_profile("token_url")),
        environment: from_env("LSR_ENVIRONMENT").or_else(|| from_profile("environment")),
        api_version: from_env("LSR_API_VERSION").or_else(|| from_profile("api_version")),
        scheme,
    });
    Settings {
        base_url: resolved.base_url,
        account_id: from_flag(&flags.account_id, "LSR_ACCOUNT_ID")
            .or_else(|| from_profile("account_id")),
        token_url: resolved.token_url,
        client_id,
        // A secret file named on the command line (or LSR_CLIENT_SECRET_FILE) wins: it is the
        // way to keep the secret out of argv, the environment and the config file.
        client_secret: flags
            .client_secret_file
            .as_ref()
            .filter(|p| !p.as_os_str().is_empty())
            .map(|path| Sourced {
                value: String::new(),
                source: Source::SecretFile(path.clone()),
            })
            .or_else(|| from_env("LSR_CLIENT_SECRET"))
            .or_else(|| from_profile("client_secret")),
        username,
        password: from_env("LSR_PASSWORD").or_else(|| from_profile("password")),
        spid: from_profile("spid"),
        http_timeout: from_env("LSR_HTTP_TIMEOUT_SECS"),
        endpoints: resolved.endpoints,
        secret_store: from_env("LSR_SECRET_STORE"),
        profile: profile_name,
    }
}

/// The largest client secret file read: a secret is a line, not a megabyte.
const MAX_SECRET_FILE_BYTES: u64 = 64 * 1024;

/// The client secret's value: the setting's own value, or, when it comes from
/// `--client-secret-file`, the file's contents (stdin for `-`) without surrounding whitespace.
pub fn read_client_secret(setting: &Sourced) -> Result<String, ConfigError> {
    use std::io::Read;
    let Source::SecretFile(path) = &setting.source else {
        return Ok(setting.value.clone());
    };
    let label = setting.source.to_string();
    let failed = |message: String| ConfigError::SecretFile {
        from: label.clone(),
        message,
    };
    let mut text = String::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_SECRET_FILE_BYTES + 1)
            .read_to_string(&mut text)
    } else {
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_SECRET_FILE_BYTES + 1).read_to_string(&mut text))
    };
    read.map_err(|e| failed(e.to_string()))?;
    if text.len() as u64 > MAX_SECRET_FILE_BYTES {
        return Err(failed(format!(
            "it is larger than {MAX_SECRET_FILE_BYTES} bytes"
        )));
    }
    let secret = text.trim();
    if secret.is_empty() {
        return Err(failed("it is empty".into()));
    }
    Ok(secret.to_string())
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
    #[error("cannot read the client secret from {from}: {message}")]
    SecretFile { from: String, message: String },
}

impl ConfigFile {
    /// Loads `config.toml` from `dir`; a missing file is an empty configuration.
    pub fn load(dir: &Path) -> Result<ConfigFile, ConfigError> {
        let path = dir.join(CONFIG_FILE);
        let text = match read_config_text(&path) {
            Ok(Some(text)) => text,
            Ok(None) => return Ok(ConfigFile::default()),
            Err(source) => return Err(ConfigError::Read { path, source }),
        };
        toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path,
            message: e.message().to_string(),
        })
    }
}

/// The text of `config.toml`, if it exists: only a regular file of at most
/// [`crate::files::MAX_OWN_FILE_BYTES`] (a FIFO or `/dev/zero` is an error, not a hang).
fn read_config_text(path: &Path) -> std::io::Result<Option<String>> {
    crate::files::read_own_file(path, crate::files::MAX_OWN_FILE_BYTES)?
        .map(|bytes| {
            String::from_utf8(bytes).map_err(|_| {
                std::io::Error::new(std::io::ErrorKind::InvalidData, "it is not UTF-8 text")
            })
        })
        .transpose()
}

/// The profile keys whose values are URLs (shown with their credentials redacted, and refused
/// by `config set` when they carry any).
pub const URL_KEYS: [&str; 2] = ["base_url", "token_url"];

/// The `user:password@` part of a URL, if it has one (`https://user:pw@host/…`).
fn url_userinfo(url: &str) -> Option<&str> {
    let (_, rest) = url.trim().split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    authority.rfind('@').map(|at| &authority[..at])
}

/// True when a URL carries credentials (`https://user:password@host/…`).
pub fn url_has_credentials(url: &str) -> bool {
    url_userinfo(url).is_some()
}

/// A URL as it may be shown: its credentials replaced by `<redacted>`
/// (`https://<redacted>@host/api/v1`); any other text unchanged.
pub fn redact_url_credentials(url: &str) -> String {
    match url_userinfo(url) {
        Some(userinfo) => url.replacen(&format!("{userinfo}@"), "<redacted>@", 1),
        None => url.to_string(),
    }
}

/// The comment written at the top of `config.toml`.
const CONFIG_HEADER: &str = "\
# lsr configuration. `lsr config show` prints the resolved values and where each came from.
# Secrets (client_secret, password) may live here: this file is kept at mode 0600.
# `lsr auth login` fills in a profile (client id, account, environment) and keeps the secret in
# the OS keychain where there is one. A profile without base_url talks to its environment's hosts:
# prod https://api.bandwidth.com, test https://test.api.bandwidth.com (OAuth2), or the legacy
# dashboard hosts for username/password (Basic, retired by Bandwidth on 2026-12-02).
# Environment variables override it: LSR_PROFILE, LSR_BASE_URL, LSR_ACCOUNT_ID, LSR_CLIENT_ID,
# LSR_CLIENT_SECRET (or LSR_CLIENT_SECRET_FILE), LSR_USERNAME, LSR_PASSWORD, LSR_TOKEN_URL,
# LSR_ENVIRONMENT, LSR_API_VERSION.
";

impl ConfigFile {
    /// A starting configuration: a `default` profile for Bandwidth production and a `test`
    /// profile for Bandwidth's test environment, with credentials to fill in (`lsr auth login`).
    /// They name their environment, not a host: the host follows the credentials' scheme.
    pub fn starter() -> ConfigFile {
        let mut profiles = BTreeMap::new();
        profiles.insert(
            "default".to_string(),
            Profile {
                environment: Some(Environment::Prod),
                ..Profile::default()
            },
        );
        profiles.insert(
            "test".to_string(),
            Profile {
                environment: Some(Environment::Test),
                ..Profile::default()
            },
        );
        ConfigFile {
            default_profile: Some("default".to_string()),
            calendar: CalendarConfig::default(),
            profiles,
        }
    }

    /// Writes `config.toml` atomically (temp file + rename) with mode 0600.
    pub fn save(&self, dir: &Path) -> Result<PathBuf, ConfigError> {
        let path = dir.join(CONFIG_FILE);
        let body = toml::to_string_pretty(self).map_err(|e| ConfigError::Parse {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let text = format!("{CONFIG_HEADER}\n{body}");
        crate::files::write_private_file(&path, text.as_bytes()).map_err(|source| {
            ConfigError::Read {
                path: path.clone(),
                source,
            }
        })?;
        Ok(path)
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
    fn config_save_round_trips_with_mode_0600() {
        let dir = tempfile::tempdir().unwrap();
        let mut config = ConfigFile::starter();
        config
            .profiles
            .entry("default".into())
            .or_default()
            .set("client_secret", "s3cr3t".into())
            .unwrap();
        let path = config.save(dir.path()).unwrap();
        assert_eq!(ConfigFile::load(dir.path()).unwrap(), config);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn settings_precedence_flag_env_profile_default() {
        let mut config = ConfigFile::starter();
        let test = config.profiles.get_mut("test").unwrap();
        test.set("account_id", "111".into()).unwrap();
        test.set("client_id", "from-profile".into()).unwrap();
        let flags = BackendFlags {
            profile: Some("test".into()),
            ..BackendFlags::default()
        };
        let env = |k: &str| (k == "LSR_CLIENT_ID").then(|| "from-env".to_string());
        let s = resolve_settings(&flags, &config, &env);
        // The test profile names its environment; with a client id that is OAuth2's test host.
        assert_eq!(s.base_url.value, "https://test.api.bandwidth.com/api/v1");
        assert!(matches!(s.base_url.source, Source::Derived(_)));
        let mut legacy = config.clone();
        let test = legacy.profiles.get_mut("test").unwrap();
        test.set("base_url", BANDWIDTH_TEST_URL.into()).unwrap();
        let s2 = resolve_settings(&flags, &legacy, &env);
        assert_eq!(s2.base_url.value, BANDWIDTH_TEST_URL);
        assert_eq!(s2.base_url.source, Source::Profile("test".into()));
        assert_eq!(s.account_id.unwrap().value, "111");
        assert_eq!(s.client_id.clone().unwrap().value, "from-env");
        let flags = BackendFlags {
            base_url: Some("http://127.0.0.1:9".into()),
            ..BackendFlags::default()
        };
        let s = resolve_settings(&flags, &ConfigFile::default(), &|_| None);
        assert_eq!(s.base_url.source, Source::Flag);
        assert_eq!(s.profile, "default");
        assert!(s.client_id.is_none());
    }

    #[test]
    fn client_secret_file_wins_and_is_read_only_when_used() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("secret");
        std::fs::write(&file, "  from-file\r\n").unwrap();
        let flags = BackendFlags {
            client_secret_file: Some(file.clone()),
            ..BackendFlags::default()
        };
        let env = |k: &str| (k == "LSR_CLIENT_SECRET").then(|| "from-env".to_string());
        let s = resolve_settings(&flags, &ConfigFile::default(), &env);
        let secret = s.client_secret.unwrap();
        assert_eq!(secret.source, Source::SecretFile(file.clone()));
        assert_eq!(
            secret.source.to_string(),
            format!("file {}", file.display())
        );
        assert_eq!(read_client_secret(&secret).unwrap(), "from-file");
        std::fs::write(&file, vec![b'x'; 70 * 1024]).unwrap();
        let err = read_client_secret(&secret).unwrap_err();
        assert!(err.to_string().contains("larger than"), "{err}");
        let from_env = Sourced {
            value: "v".into(),
            source: Source::Env("LSR_CLIENT_SECRET"),
        };
        assert_eq!(read_client_secret(&from_env).unwrap(), "v");
    }

    #[test]
    fn url_credentials_are_found_and_redacted() {
        let url = "https://user:pa55word@host.example/api/v1?x=a@b";
        assert!(url_has_credentials(url));
        assert_eq!(
            redact_url_credentials(url),
            "https://<redacted>@host.example/api/v1?x=a@b"
        );
        assert!(url_has_credentials("http://tok@127.0.0.1:8080"));
        assert!(!url_has_credentials("https://host.example/a@b"));
        assert!(!url_has_credentials("not a url"));
        assert_eq!(
            redact_url_credentials("https://host.example/api/v1"),
            "https://host.example/api/v1"
        );
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
