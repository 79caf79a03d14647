//! `lsr auth logout`: forget the profile's client secret (keychain and config file) and its
//! cached tokens. The client id and account stay, so `auth login` asks only for the secret.

use anyhow::Context as _;

use crate::config::{Source, keychain};
use crate::context::Context;
use crate::output::{self, OutputMode};

/// `lsr --json auth logout` (schemas/auth-logout.schema.json).
#[derive(Debug, Default, serde::Serialize, schemars::JsonSchema)]
pub struct LogoutJson {
    pub profile: String,
    /// The client id signed out (null when the profile has none).
    pub client_id: Option<String>,
    /// What was removed: `keychain`, `config`, `token_cache`.
    pub removed: Vec<String>,
}
use crate::session::credentials::{store_choice, token_cache};

pub fn run(ctx: &Context) -> anyhow::Result<()> {
    let s = &ctx.settings;
    let Some(client_id) = s.client_id.as_ref().map(|c| c.value.clone()) else {
        ctx.note(&format!(
            "profile `{}` has no client id: nothing to sign out",
            s.profile
        ));
        if ctx.output == OutputMode::Json {
            output::print_json(&LogoutJson {
                profile: s.profile.clone(),
                ..LogoutJson::default()
            })?;
        }
        return Ok(());
    };
    let mut keys: Vec<String> = Vec::new();
    let mut removed = Vec::new();
    if store_choice(ctx)? != keychain::StoreChoice::File {
        match keychain::remove(s.endpoints.environment, &client_id) {
            Ok(true) => {
                removed.push("the secret in the OS keychain");
                keys.push("keychain".into());
            }
            Ok(false) => {}
            Err(e) if ctx.global.verbose > 0 => ctx.note(&e.to_string()),
            Err(_) => {}
        }
    }
    let mut config = ctx.config.clone();
    if let Some(profile) = config.profiles.get_mut(&s.profile)
        && profile.client_secret.take().is_some()
    {
        config
            .save(&ctx.config_dir)
            .context("saving the configuration")?;
        removed.push("the secret in config.toml");
        keys.push("config".into());
    }
    if let Some(token_url) = &s.token_url {
        token_cache(ctx).remove(&token_url.value, &client_id);
        removed.push("the cached token");
        keys.push("token_cache".into());
    }
    ctx.note(&format!(
        "signed out {client_id} from profile `{}`: removed {}",
        s.profile,
        if removed.is_empty() {
            "nothing".to_string()
        } else {
            removed.join(", ")
        }
    ));
    if let Some(secret) = &s.client_secret
        && !matches!(secret.source, Source::Profile(_))
    {
        ctx.note(&format!(
            "note: a client secret still comes from {}",
            secret.source
        ));
    }
    if ctx.output == OutputMode::Json {
        output::print_json(&LogoutJson {
            profile: s.profile.clone(),
            client_id: Some(client_id),
            removed: keys,
        })?;
    }
    Ok(())
}
