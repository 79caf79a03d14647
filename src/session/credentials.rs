//! Credentials as the commands find them: the endpoints checked (no credential crosses
//! realms), the client secret found (flag, environment, profile, or the OS keychain where
//! `lsr auth login` put it), and the token-only client `auth login` and `auth status` use.

use crate::client::{CachedToken, ClientOptions, Credentials, LsrClient, Secret, TokenCache};
use crate::config::{Source, keychain, read_client_secret};
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::output::auth::AuthView;
use crate::session::backend::{http_timeout, verbose_trace};

/// The token cache file under the config directory.
pub const TOKEN_CACHE_FILE: &str = "token-cache.json";

/// Refuses a configuration whose hosts do not fit together (a token URL in another realm than
/// the base URL, an environment that is not the base URL's), and notes a doubtful one.
pub fn check_endpoints(ctx: &Context) -> Result<(), CliError> {
    let endpoints = &ctx.settings.endpoints;
    if let Some(problem) = &endpoints.problem {
        return Err(CliError::new(
            Exit::Usage,
            format!("profile `{}`: {problem}", ctx.settings.profile),
        )
        .with_hint("`lsr config show` prints each URL and where it came from"));
    }
    if let Some(warning) = &endpoints.warning {
        ctx.note(&format!("warning: {warning}"));
    }
    Ok(())
}

/// Where `auth login` may keep secrets (`LSR_SECRET_STORE`).
pub fn store_choice(ctx: &Context) -> Result<keychain::StoreChoice, CliError> {
    match &ctx.settings.secret_store {
        None => Ok(keychain::StoreChoice::Auto),
        Some(setting) => setting.value.parse().map_err(|why: String| {
            CliError::new(Exit::Usage, why).with_hint("LSR_SECRET_STORE=auto, keychain or file")
        }),
    }
}

/// The client secret and where it was found: `--client-secret-file`, the environment or the
/// profile, else the OS keychain where `lsr auth login` kept it (never looked up with
/// `LSR_SECRET_STORE=file`).
pub fn client_secret(ctx: &Context, client_id: &str) -> anyhow::Result<Option<(String, String)>> {
    if let Some(secret) = &ctx.settings.client_secret {
        let where_ = match &secret.source {
            Source::Profile(_) => keychain::SecretHome::ConfigFile.label().to_string(),
            other => other.to_string(),
        };
        return Ok(Some((
            read_client_secret(secret).map_err(CliError::from)?,
            where_,
        )));
    }
    if store_choice(ctx)? == keychain::StoreChoice::File {
        return Ok(None);
    }
    match keychain::load(ctx.settings.endpoints.environment, client_id) {
        Ok(found) => Ok(found.map(|s| (s, keychain::SecretHome::Keychain.label().to_string()))),
        Err(e) => {
            if ctx.global.verbose > 0 {
                ctx.note(&e.to_string());
            }
            Ok(None)
        }
    }
}

/// A client that only fetches tokens for these credentials (no account needed yet).
pub fn token_client(ctx: &Context, client_id: &str, secret: String) -> anyhow::Result<LsrClient> {
    check_endpoints(ctx)?;
    let s = &ctx.settings;
    let account = s
        .account_id
        .as_ref()
        .map(|a| a.value.clone())
        .unwrap_or_default();
    let mut opts = ClientOptions::new(s.base_url.value.clone(), account)
        .with_timeout(http_timeout(s.http_timeout.as_ref())?);
    opts.api_version = s.endpoints.api_version;
    opts.trace = verbose_trace(ctx);
    opts.credentials = Some(Credentials::ClientCredentials {
        client_id: client_id.to_string(),
        client_secret: Secret::new(secret),
    });
    opts.token_url = s.token_url.as_ref().map(|t| t.value.clone());
    opts.token_cache = Some(token_cache(ctx));
    Ok(LsrClient::new(opts)?)
}

/// The token cache of this config directory.
pub fn token_cache(ctx: &Context) -> TokenCache {
    TokenCache::new(ctx.config_dir.join(TOKEN_CACHE_FILE))
}

/// The sign-in `auth login` and `auth status` print: the settings, what the token's payload
/// lists (decoded only to show and to choose defaults), and where the secret lives.
pub fn auth_view(ctx: &Context, token: Option<&CachedToken>, secret: Option<String>) -> AuthView {
    let s = &ctx.settings;
    let claims = token
        .and_then(|t| crate::wire::jwt::claims_of(&t.access_token))
        .unwrap_or_default();
    AuthView {
        profile: s.profile.clone(),
        environment: s.endpoints.environment.to_string(),
        api_version: s.endpoints.api_version.to_string(),
        base_url: s.base_url.value.clone(),
        base_url_source: s.base_url.source.to_string(),
        token_url: s.token_url.as_ref().map(|t| t.value.clone()),
        token_url_source: s.token_url.as_ref().map(|t| t.source.to_string()),
        client_id: s.client_id.as_ref().map(|c| c.value.clone()),
        account_id: s.account_id.as_ref().map(|a| a.value.clone()),
        accounts: claims.accounts,
        roles: claims.roles,
        token_expires_at: token.map(|t| t.expires_at),
        secret,
        signed_in: token.is_some(),
    }
}

/// The token `client` would use now.
pub async fn current_token(client: &LsrClient) -> anyhow::Result<Option<CachedToken>> {
    Ok(client.transport().current_token().await?)
}
