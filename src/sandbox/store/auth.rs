//! Accounts and who may act for them: the demo accounts, API users (legacy HTTP Basic), OAuth2
//! clients and the Bearer tokens (HS256 JWTs) they are issued.

use base64::Engine as _;
use rusqlite::{OptionalExtension, params};

use super::super::clock::real_now_ms;
use super::super::{DEMO_ACCOUNTS, DEMO_MULTI_CLIENT};
use super::{Store, StoreError, corrupt};
use crate::wire::jwt::{self, Claims};

/// Lifetime of an OAuth2 access token, in seconds.
pub const TOKEN_LIFETIME_SECS: i64 = 3600;
/// The roles a sandbox token carries.
pub const SANDBOX_ROLES: [&str; 1] = ["lsrorders"];
/// The settings key of the token signing key.
const JWT_KEY: &str = "jwt_key";

/// Who a Bearer token names: the client, and every account it may act for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub name: String,
    pub accounts: Vec<String>,
}

impl Caller {
    /// The caller acting for `account`, when the token lists it.
    pub fn principal_for(&self, account: &str) -> Option<Principal> {
        self.accounts
            .iter()
            .any(|a| a == account)
            .then(|| Principal {
                name: self.name.clone(),
                account_id: account.to_string(),
            })
    }
}

/// Who is calling: an API user or OAuth2 client, and the account it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub name: String,
    pub account_id: String,
}

impl Store {
    /// Writes the demo accounts with their documented credentials (a fresh store, a reset).
    pub(super) fn seed_demo_accounts(&mut self) -> Result<(), StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        for demo in DEMO_ACCOUNTS {
            tx.execute(
                "INSERT OR REPLACE INTO accounts (id, spid) VALUES (?1, ?2)",
                params![demo.account_id, demo.spid],
            )?;
            tx.execute(
                "INSERT OR REPLACE INTO api_clients (client_id, secret, account_id) VALUES (?1, ?2, ?3)",
                params![demo.client_id, demo.client_secret, demo.account_id],
            )?;
            tx.execute(
                "INSERT OR REPLACE INTO api_users (username, password, account_id) VALUES (?1, ?2, ?3)",
                params![demo.username, demo.password, demo.account_id],
            )?;
        }
        let (client_id, secret, accounts) = DEMO_MULTI_CLIENT;
        tx.execute(
            "INSERT OR REPLACE INTO api_clients (client_id, secret, account_id) VALUES (?1, ?2, ?3)",
            params![client_id, secret, accounts[0]],
        )?;
        for account in accounts {
            tx.execute(
                "INSERT OR IGNORE INTO client_accounts (client_id, account_id) VALUES (?1, ?2)",
                params![client_id, account],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Legacy HTTP Basic with an API user's name and password.
    pub fn authenticate_user(
        &self,
        username: &str,
        password: &str,
    ) -> Result<Option<Principal>, StoreError> {
        let found: Option<(String, String)> = self
            .conn
            .prepare_cached("SELECT password, account_id FROM api_users WHERE username = ?1")?
            .query_row([username], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(found
            .filter(|(stored, _)| stored == password)
            .map(|(_, account_id)| Principal {
                name: username.to_string(),
                account_id,
            }))
    }

    /// OAuth2 client credentials: a new Bearer token (an HS256 JWT signed with the store's key,
    /// like Bandwidth's: `sub` = the client id, `accounts`, `roles`, `iat`, `exp`), or `None`
    /// for bad credentials.
    pub fn issue_token(
        &self,
        client_id: &str,
        secret: &str,
    ) -> Result<Option<(String, i64)>, StoreError> {
        let found: Option<(String, String)> = self
            .conn
            .prepare_cached("SELECT secret, account_id FROM api_clients WHERE client_id = ?1")?
            .query_row([client_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((_, account_id)) = found.filter(|(stored, _)| stored == secret) else {
            return Ok(None);
        };
        let mut accounts = vec![account_id];
        for other in self.client_accounts(client_id)? {
            if !accounts.contains(&other) {
                accounts.push(other);
            }
        }
        // Token expiry runs on the real clock: moving the sandbox clock must not log users out.
        let now = real_now_ms() / 1000;
        let claims = Claims {
            sub: Some(client_id.to_string()),
            accounts,
            roles: SANDBOX_ROLES.iter().map(|r| r.to_string()).collect(),
            iat: Some(now),
            exp: Some(now + TOKEN_LIFETIME_SECS),
        };
        let unsigned = jwt::unsigned_hs256(&claims).map_err(corrupt)?;
        let signature = ring::hmac::sign(&self.jwt_key()?, unsigned.as_bytes());
        let token = format!("{unsigned}.{}", jwt::b64url(signature.as_ref()));
        Ok(Some((token, TOKEN_LIFETIME_SECS)))
    }

    /// The caller behind a Bearer token whose signature is the store's and that has not
    /// expired.
    pub fn authenticate_token(&self, token: &str) -> Result<Option<Caller>, StoreError> {
        let Some((unsigned, signature)) = token.trim().rsplit_once('.') else {
            return Ok(None);
        };
        let Ok(signature) = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(signature)
        else {
            return Ok(None);
        };
        if ring::hmac::verify(&self.jwt_key()?, unsigned.as_bytes(), &signature).is_err() {
            return Ok(None);
        }
        let Some(claims) = jwt::claims_of(token) else {
            return Ok(None);
        };
        let live = claims.exp.is_some_and(|exp| exp * 1000 > real_now_ms());
        Ok(match (claims.sub, live) {
            (Some(name), true) => Some(Caller {
                name,
                accounts: claims.accounts,
            }),
            _ => None,
        })
    }

    /// The store's token signing key: made on first use (and after a reset, which logs
    /// everyone out). Several processes may meet a fresh store at once: the first key written
    /// wins and every process reads that one back, so no process signs with a key the others
    /// never see.
    fn jwt_key(&self) -> Result<ring::hmac::Key, StoreError> {
        let engine = base64::engine::general_purpose::STANDARD;
        let text = match self.setting(JWT_KEY)? {
            Some(text) => text,
            None => {
                let mut fresh = [0u8; 32];
                ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut fresh)
                    .map_err(|_| corrupt("no random bytes for the token key"))?;
                self.put_setting_if_absent(JWT_KEY, &engine.encode(fresh))?;
                self.setting(JWT_KEY)?
                    .ok_or_else(|| corrupt("the token key vanished as it was written"))?
            }
        };
        let bytes = engine.decode(text).map_err(corrupt)?;
        Ok(ring::hmac::Key::new(ring::hmac::HMAC_SHA256, &bytes))
    }

    /// The accounts a client may use besides its own.
    fn client_accounts(&self, client_id: &str) -> Result<Vec<String>, StoreError> {
        let accounts = self
            .conn
            .prepare_cached(
                "SELECT account_id FROM client_accounts WHERE client_id = ?1 ORDER BY rowid",
            )?
            .query_map([client_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(accounts)
    }

    /// The SPID of an account (the default for orders that give none).
    pub fn account_spid(&self, account_id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT spid FROM accounts WHERE id = ?1")?
            .query_row([account_id], |r| r.get(0))
            .optional()?)
    }
}
