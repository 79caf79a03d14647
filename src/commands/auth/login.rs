//! `lsr auth login`: check OAuth2 client credentials, choose the account from the token, save
//! the profile, keep the secret in the OS keychain (or the 0600 config file where there is none).

use anyhow::Context as _;
use clap::Args;

use crate::config::{BANDWIDTH_PRODUCTION_URL, BANDWIDTH_TEST_URL, Source, keychain};
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::output::auth::render_auth;
use crate::output::{self, OutputMode};
use crate::session::backend::runtime;
use crate::session::credentials::{auth_view, store_choice, token_client};

/// `lsr auth login` flags (the secret comes with the global --client-secret-file).
#[derive(Debug, Clone, Args)]
pub struct LoginArgs {
    /// The OAuth2 client id (default: LSR_CLIENT_ID or the profile's; asked on a terminal).
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
}

pub fn run(ctx: &Context, args: &LoginArgs) -> anyhow::Result<()> {
    let client_id = match args
        .client_id
        .clone()
        .or_else(|| ctx.settings.client_id.as_ref().map(|c| c.value.clone()))
    {
        Some(id) if !id.trim().is_empty() => id.trim().to_string(),
        _ if ctx.interactive => dialoguer::Input::<String>::new()
            .with_prompt("OAuth2 client id")
            .interact_text()
            .context("reading the client id")?
            .trim()
            .to_string(),
        _ => {
            return Err(CliError::new(Exit::Usage, "no client id to sign in with")
                .with_hint("pass --client-id ID (or set LSR_CLIENT_ID)")
                .into());
        }
    };
    let secret = match &ctx.settings.client_secret {
        Some(setting) => crate::config::read_client_secret(setting).map_err(CliError::from)?,
        None if ctx.interactive => dialoguer::Password::new()
            .with_prompt(format!("client secret for {client_id}"))
            .interact()
            .context("reading the client secret")?,
        None => {
            return Err(
                CliError::new(Exit::Usage, "no client secret to sign in with")
                    .with_hint(
                        "pass --client-secret-file FILE (`-` reads stdin) or set LSR_CLIENT_SECRET",
                    )
                    .into(),
            );
        }
    };
    // Resolve the endpoints as the profile will be: with this client id, OAuth2.
    let mut config = ctx.config.clone();
    let profile_name = ctx.settings.profile.clone();
    let profile = config.profiles.entry(profile_name.clone()).or_default();
    profile.client_id = Some(client_id.clone());
    if profile
        .base_url
        .as_deref()
        .is_some_and(|b| b == BANDWIDTH_PRODUCTION_URL || b == BANDWIDTH_TEST_URL)
    {
        // The legacy Basic host an older `config init` wrote: OAuth2 goes to api.bandwidth.com.
        ctx.note(&format!(
            "note: removing base_url {} (Bandwidth's legacy Basic host) from profile `{profile_name}`",
            profile.base_url.as_deref().unwrap_or_default()
        ));
        profile.base_url = None;
    }
    let login = ctx.with_config(config.clone());
    let token = runtime()?.block_on(async {
        let client = token_client(&login, &client_id, secret.clone())?;
        anyhow::Ok(client.transport().new_token().await?)
    })?;
    let claims = token
        .as_ref()
        .and_then(|t| crate::wire::jwt::claims_of(&t.access_token))
        .unwrap_or_default();
    let account = choose_account(&login, &claims.accounts)?;

    let profile = config.profiles.entry(profile_name.clone()).or_default();
    profile.account_id = Some(account);
    profile.environment = Some(login.settings.endpoints.environment);
    if let Some(base) = ctx.settings.base_url_flag() {
        profile.base_url = Some(base);
    }
    let home = keep_secret(ctx, &login, &client_id, &secret, profile)?;
    let path = config
        .save(&ctx.config_dir)
        .context("saving the configuration")?;
    ctx.note(&format!(
        "signed in as {client_id}; profile `{profile_name}` saved in {}; secret kept in the {}",
        path.display(),
        home.label()
    ));
    let done = ctx.with_config(config);
    let view = auth_view(&done, token.as_ref(), Some(home.label().to_string()));
    match ctx.output {
        OutputMode::Json => output::print_json(&view)?,
        _ => output::print_text(&render_auth(&view))?,
    }
    Ok(())
}

/// The account: --account-id (or LSR_ACCOUNT_ID) wins, with a warning when the token does not
/// list it; else the token's only account; with several, a choice on a terminal, else the
/// first with a note; a token that lists none keeps the profile's account.
fn choose_account(ctx: &Context, listed: &[String]) -> anyhow::Result<String> {
    let given = ctx
        .settings
        .account_id
        .as_ref()
        .filter(|a| matches!(a.source, Source::Flag | Source::Env(_)));
    if let Some(given) = given {
        if !listed.is_empty() && !listed.contains(&given.value) {
            ctx.note(&format!(
                "warning: the token does not list account {} (it lists {}); using it as asked",
                given.value,
                listed.join(", ")
            ));
        }
        return Ok(given.value.clone());
    }
    match listed {
        [] => ctx
            .settings
            .account_id
            .as_ref()
            .map(|a| a.value.clone())
            .ok_or_else(|| {
                CliError::new(Exit::Usage, "the token lists no account")
                    .with_hint("pass --account-id ID")
                    .into()
            }),
        [one] => Ok(one.clone()),
        several if ctx.interactive => {
            let chosen = dialoguer::Select::new()
                .with_prompt("account")
                .items(several)
                .default(0)
                .interact()
                .context("choosing the account")?;
            Ok(several[chosen].clone())
        }
        several => {
            ctx.note(&format!(
                "note: the token lists {} accounts ({}); using the first, {} (--account-id chooses another)",
                several.len(),
                several.join(", "),
                several[0]
            ));
            Ok(several[0].clone())
        }
    }
}

/// Keeps the secret where LSR_SECRET_STORE allows: the keychain (the profile then holds none),
/// else the profile in the 0600 config file, with a note when the keychain was not there.
fn keep_secret(
    ctx: &Context,
    login: &Context,
    client_id: &str,
    secret: &str,
    profile: &mut crate::config::Profile,
) -> anyhow::Result<keychain::SecretHome> {
    let environment = login.settings.endpoints.environment;
    let choice = store_choice(ctx)?;
    if choice != keychain::StoreChoice::File {
        match keychain::store(environment, client_id, secret) {
            Ok(()) => {
                profile.client_secret = None;
                return Ok(keychain::SecretHome::Keychain);
            }
            Err(e) if choice == keychain::StoreChoice::Keychain => {
                return Err(CliError::new(Exit::Failure, e.to_string())
                    .with_hint(
                        "unset LSR_SECRET_STORE to keep the secret in the config file instead",
                    )
                    .into());
            }
            Err(e) => ctx.note(&format!(
                "note: {e}; the secret is kept in config.toml (mode 0600) instead"
            )),
        }
    }
    profile.client_secret = Some(secret.to_string());
    Ok(keychain::SecretHome::ConfigFile)
}
