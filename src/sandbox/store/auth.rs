//! Accounts and who may act for them: the demo accounts, API users (legacy HTTP Basic), OAuth2
//! clients and the Bearer tokens they are issued.

use rusqlite::{OptionalExtension, params};

use super::super::DEMO_ACCOUNTS;
use super::super::clock::{Millis, real_now_ms};
use super::{Store, StoreError};

/// Lifetime of an OAuth2 access token, in seconds.
pub const TOKEN_LIFETIME_SECS: i64 = 3600;

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

    /// OAuth2 client credentials: a new Bearer token, or `None` for bad credentials.
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
        let token = format!(
            "{}{}",
            uuid::Uuid::new_v4().simple(),
            uuid::Uuid::new_v4().simple()
        );
        // Token expiry runs on the real clock: moving the sandbox clock must not log users out.
        let expires_at = real_now_ms() + TOKEN_LIFETIME_SECS * 1000;
        self.conn
            .prepare_cached(
                "INSERT INTO tokens (token, principal, account_id, expires_at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![token, client_id, account_id, expires_at])?;
        self.conn
            .prepare_cached("DELETE FROM tokens WHERE expires_at < ?1")?
            .execute([real_now_ms()])?;
        Ok(Some((token, TOKEN_LIFETIME_SECS)))
    }

    /// The principal of a Bearer token that has not expired.
    pub fn authenticate_token(&self, token: &str) -> Result<Option<Principal>, StoreError> {
        let found: Option<(String, String, Millis)> = self
            .conn
            .prepare_cached(
                "SELECT principal, account_id, expires_at FROM tokens WHERE token = ?1",
            )?
            .query_row([token], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        Ok(found
            .filter(|(_, _, expires_at)| *expires_at > real_now_ms())
            .map(|(name, account_id, _)| Principal { name, account_id }))
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
