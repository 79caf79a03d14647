//! `lsr config set`: one value in the current profile, or a top-level key.

use std::io::Read;

use anyhow::Context as _;

use crate::config::{
    PROFILE_KEYS, SetError, URL_KEYS, redact_url_credentials, url_has_credentials,
};
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::output::{self, OutputMode};

/// `lsr --json config set` (schemas/config-set.schema.json).
#[derive(Debug, serde::Serialize, schemars::JsonSchema)]
pub struct SetJson {
    pub key: String,
    /// The value as set; `<redacted>` for a secret.
    pub value: String,
    /// The file written.
    pub path: String,
}

pub fn run(ctx: &Context, key: &str, value: &str) -> anyhow::Result<()> {
    let value = if value == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading the value from stdin")?;
        text.trim_end_matches(['\n', '\r']).to_string()
    } else {
        value.to_string()
    };
    refuse_url_credentials(key, &value)?;
    let mut config = ctx.config.clone();
    match key {
        "default_profile" => config.default_profile = Some(value.clone()),
        "calendar.holidays" => {
            let mut dates = Vec::new();
            for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                let date = chrono::NaiveDate::parse_from_str(part, "%Y-%m-%d").map_err(|_| {
                    CliError::new(
                        Exit::Usage,
                        format!("holiday `{part}` is not a YYYY-MM-DD date"),
                    )
                    .with_hint("give a comma-separated list, e.g. 2026-12-24,2026-12-31")
                })?;
                dates.push(date);
            }
            config.calendar.holidays = dates;
        }
        "calendar.replace_default" => {
            config.calendar.replace_default = value.parse().map_err(|_| {
                CliError::new(Exit::Usage, format!("`{value}` is not true or false"))
                    .with_hint("lsr config set calendar.replace_default true")
            })?;
        }
        _ => {
            let profile = config
                .profiles
                .entry(ctx.settings.profile.clone())
                .or_default();
            match profile.set(key, value.clone()) {
                Ok(()) => {}
                Err(SetError::Unknown) => {
                    let known: Vec<&str> = PROFILE_KEYS.iter().map(|(k, _)| *k).collect();
                    return Err(CliError::new(Exit::Usage, format!("unknown config key `{key}`"))
                        .with_hint(format!(
                            "profile keys: {}; top-level: default_profile, calendar.holidays, calendar.replace_default",
                            known.join(", ")
                        ))
                        .into());
                }
                Err(SetError::Invalid(why)) => {
                    return Err(CliError::new(Exit::Usage, why)
                        .with_hint("environment: prod or test; api_version: v1 or v2")
                        .into());
                }
            }
        }
    }
    let path = config
        .save(&ctx.config_dir)
        .context("saving the configuration")?;
    let secret = PROFILE_KEYS.iter().any(|(k, secret)| *k == key && *secret);
    let shown = if secret { "<redacted>" } else { value.as_str() };
    ctx.note(&format!("set {key} = {shown} in {}", path.display()));
    if ctx.output == OutputMode::Json {
        output::print_json(&SetJson {
            key: key.to_string(),
            value: shown.to_string(),
            path: path.display().to_string(),
        })?;
    }
    Ok(())
}

/// A URL with `user:password@` in it is refused (exit 2): the value would be stored in plain
/// sight and shown, and lsr never sends credentials that way.
fn refuse_url_credentials(key: &str, value: &str) -> Result<(), CliError> {
    if URL_KEYS.contains(&key) && url_has_credentials(value) {
        return Err(CliError::new(
            Exit::Usage,
            format!(
                "{key} `{}` carries credentials (a name and password before `@`); lsr does not keep or send them in a URL",
                redact_url_credentials(value)
            ),
        )
        .with_hint(
            "give the URL without them, and the credentials with `lsr config set client_id ID` and `lsr config set client_secret -`",
        ));
    }
    Ok(())
}
