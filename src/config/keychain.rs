//! Where `lsr auth login` keeps a client secret: the OS keychain (Keychain Services, Windows
//! Credential Manager, the Secret Service) through the `keyring` crate, keyed by environment and
//! client id; or, where no keychain answers (headless Linux, CI), the profile in the 0600
//! config file. `LSR_SECRET_STORE=file` skips the keychain altogether (and keeps tests away from
//! the developer's real keychain); `keychain` refuses the fallback.

use super::Environment;

/// Which store `auth login` may use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StoreChoice {
    /// The keychain, else the config file with a note.
    #[default]
    Auto,
    /// The keychain only.
    Keychain,
    /// The config file only; the keychain is never touched.
    File,
}

impl std::str::FromStr for StoreChoice {
    type Err = String;
    fn from_str(text: &str) -> Result<StoreChoice, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "" | "auto" => Ok(StoreChoice::Auto),
            "keychain" => Ok(StoreChoice::Keychain),
            "file" => Ok(StoreChoice::File),
            other => Err(format!(
                "LSR_SECRET_STORE `{other}` is not auto, keychain or file"
            )),
        }
    }
}

/// Where a secret lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretHome {
    Keychain,
    ConfigFile,
}

impl SecretHome {
    pub fn label(self) -> &'static str {
        match self {
            SecretHome::Keychain => "OS keychain",
            SecretHome::ConfigFile => "config file (mode 0600)",
        }
    }
}

/// The keychain did not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the OS keychain is not available: {0}")]
pub struct KeychainError(pub String);

/// The keychain service name for an environment: `lsr:prod`, `lsr:test`.
pub fn service(environment: Environment) -> String {
    format!("lsr:{environment}")
}

fn entry(environment: Environment, client_id: &str) -> Result<keyring::Entry, KeychainError> {
    keyring::Entry::new(&service(environment), client_id).map_err(|e| KeychainError(e.to_string()))
}

/// Stores a secret in the keychain.
pub fn store(environment: Environment, client_id: &str, secret: &str) -> Result<(), KeychainError> {
    entry(environment, client_id)?
        .set_password(secret)
        .map_err(|e| KeychainError(e.to_string()))
}

/// The secret kept in the keychain for this client, if any (`Ok(None)` when there is none).
pub fn load(environment: Environment, client_id: &str) -> Result<Option<String>, KeychainError> {
    match entry(environment, client_id)?.get_password() {
        Ok(secret) => Ok(Some(secret)),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(KeychainError(e.to_string())),
    }
}

/// Removes the secret from the keychain; true when there was one.
pub fn remove(environment: Environment, client_id: &str) -> Result<bool, KeychainError> {
    match entry(environment, client_id)?.delete_credential() {
        Ok(()) => Ok(true),
        Err(keyring::Error::NoEntry) => Ok(false),
        Err(e) => Err(KeychainError(e.to_string())),
    }
}

/// Test support: the keychain as an in-memory store shared by every entry of this process
/// (keyring's own mock keeps a secret only inside one entry object).
#[cfg(test)]
pub(crate) mod memory {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};

    use keyring::credential::{Credential, CredentialApi, CredentialBuilderApi};

    /// Secrets by (service, user).
    type Secrets = Mutex<HashMap<(String, String), Vec<u8>>>;

    static SECRETS: OnceLock<Secrets> = OnceLock::new();

    fn secrets() -> &'static Secrets {
        SECRETS.get_or_init(|| Mutex::new(HashMap::new()))
    }

    #[derive(Debug)]
    struct Slot(String, String);

    impl CredentialApi for Slot {
        fn set_secret(&self, secret: &[u8]) -> keyring::Result<()> {
            let mut all = secrets()
                .lock()
                .map_err(|_| keyring::Error::NoStorageAccess("poisoned".into()))?;
            all.insert((self.0.clone(), self.1.clone()), secret.to_vec());
            Ok(())
        }
        fn get_secret(&self) -> keyring::Result<Vec<u8>> {
            let all = secrets()
                .lock()
                .map_err(|_| keyring::Error::NoStorageAccess("poisoned".into()))?;
            all.get(&(self.0.clone(), self.1.clone()))
                .cloned()
                .ok_or(keyring::Error::NoEntry)
        }
        fn delete_credential(&self) -> keyring::Result<()> {
            let mut all = secrets()
                .lock()
                .map_err(|_| keyring::Error::NoStorageAccess("poisoned".into()))?;
            all.remove(&(self.0.clone(), self.1.clone()))
                .map(|_| ())
                .ok_or(keyring::Error::NoEntry)
        }
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
    }

    #[derive(Debug)]
    struct Builder;

    impl CredentialBuilderApi for Builder {
        fn build(
            &self,
            _target: Option<&str>,
            service: &str,
            user: &str,
        ) -> keyring::Result<Box<Credential>> {
            Ok(Box::new(Slot(service.to_string(), user.to_string())))
        }
        fn as_any(&self) -> &dyn std::any::Any {
            self
        }
    }

    /// Makes every keyring entry of this test process use the in-memory store (never the
    /// developer's real keychain).
    pub fn install() {
        static ONCE: OnceLock<()> = OnceLock::new();
        ONCE.get_or_init(|| keyring::set_default_credential_builder(Box::new(Builder)));
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn keychain_round_trip_per_environment_and_client() {
        memory::install();
        store(Environment::Test, "kc-client", "s3cr3t").unwrap();
        assert_eq!(
            load(Environment::Test, "kc-client").unwrap().as_deref(),
            Some("s3cr3t")
        );
        assert_eq!(load(Environment::Prod, "kc-client").unwrap(), None);
        assert!(remove(Environment::Test, "kc-client").unwrap());
        assert!(!remove(Environment::Test, "kc-client").unwrap());
        assert_eq!(load(Environment::Test, "kc-client").unwrap(), None);
    }

    #[test]
    fn keychain_mock_errors_are_reported_not_panicked() {
        // keyring's own mock: a failing keychain is an error the caller can fall back from.
        let entry =
            keyring::Entry::new_with_credential(Box::new(keyring::mock::MockCredential::default()));
        let mock: &keyring::mock::MockCredential = entry.get_credential().downcast_ref().unwrap();
        mock.set_error(keyring::Error::NoStorageAccess("no secret service".into()));
        let err = entry.set_password("x").unwrap_err();
        assert!(
            KeychainError(err.to_string())
                .to_string()
                .contains("not available")
        );
        assert_eq!("file".parse::<StoreChoice>(), Ok(StoreChoice::File));
        assert!("disk".parse::<StoreChoice>().is_err());
    }
}
