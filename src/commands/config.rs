//! `lsr config`: the configuration file.

use std::io::Read;

use anyhow::Context as _;
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::config::{CONFIG_FILE, ConfigFile, PROFILE_KEYS, Sourced};
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::output::{self, OutputMode, Rows};

/// Create, show and change the configuration.
///
/// The configuration lives in config.toml under the config directory (LSR_CONFIG_DIR), with
/// one table per profile. It is kept at mode 0600 because it may hold secrets.
///
/// Example: lsr config set account_id 9999999
#[derive(Debug, Clone, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: ConfigAction,
}

/// `lsr config` actions.
#[derive(Debug, Clone, Subcommand)]
pub enum ConfigAction {
    /// Write a starting config.toml (mode 0600) with Bandwidth production and test profiles.
    ///
    /// Example: lsr config init
    Init {
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Show the resolved configuration, where each value came from, secrets redacted.
    ///
    /// Example: lsr --profile test config show
    Show,
    /// Set a value in the current profile (--profile), or a top-level key.
    ///
    /// Profile keys: base_url, account_id, token_url, client_id, client_secret, username,
    /// password, spid. Top-level keys: default_profile, calendar.holidays (comma-separated
    /// YYYY-MM-DD), calendar.replace_default (true/false). For secrets, give `-` as the value to
    /// read it from stdin, so it never appears in the process list or shell history.
    ///
    /// Example: lsr --profile test config set client_secret - < secret.txt
    Set {
        /// The key, e.g. base_url, account_id, client_id.
        #[arg(value_name = "KEY")]
        key: String,
        /// The value; `-` reads it from stdin.
        #[arg(value_name = "VALUE")]
        value: String,
    },
    /// Print the config directory and the files lsr keeps in it.
    ///
    /// Example: lsr config path
    Path,
}

pub fn run(ctx: &Context, args: &ConfigArgs) -> anyhow::Result<()> {
    match &args.action {
        ConfigAction::Init { force } => init(ctx, *force),
        ConfigAction::Show => show(ctx),
        ConfigAction::Set { key, value } => set(ctx, key, value),
        ConfigAction::Path => path(ctx),
    }
}

fn init(ctx: &Context, force: bool) -> anyhow::Result<()> {
    let path = ctx.config_dir.join(CONFIG_FILE);
    if path.exists() && !force {
        return Err(CliError::new(
            Exit::Failure,
            format!("config file `{}` already exists", path.display()),
        )
        .with_hint("use `lsr config set KEY VALUE` to change it, or `lsr config init --force` to start over")
        .into());
    }
    let written = ConfigFile::starter()
        .save(&ctx.config_dir)
        .context("writing the starting configuration")?;
    ctx.note(&format!("wrote {}", written.display()));
    ctx.note("next: lsr config set account_id ID; lsr config set client_id ID; lsr config set client_secret -");
    Ok(())
}

/// One line of `config show`.
#[derive(Debug, Serialize)]
struct ShownSetting {
    key: &'static str,
    value: Option<String>,
    source: Option<String>,
}

fn show(ctx: &Context) -> anyhow::Result<()> {
    let s = &ctx.settings;
    let shown = |key: &'static str, v: &Option<Sourced>, secret: bool| ShownSetting {
        key,
        value: v.as_ref().map(|v| {
            if secret {
                "<redacted>".to_string()
            } else {
                v.value.clone()
            }
        }),
        source: v.as_ref().map(|v| v.source.to_string()),
    };
    let lines = vec![
        ShownSetting {
            key: "profile",
            value: Some(s.profile.clone()),
            source: None,
        },
        shown("base_url", &Some(s.base_url.clone()), false),
        shown("account_id", &s.account_id, false),
        shown("token_url", &s.token_url, false),
        shown("client_id", &s.client_id, false),
        shown("client_secret", &s.client_secret, true),
        shown("username", &s.username, false),
        shown("password", &s.password, true),
        shown("spid", &s.spid, false),
        ShownSetting {
            key: "calendar.holidays",
            value: Some(
                ctx.config
                    .calendar
                    .holidays
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join(","),
            )
            .filter(|v| !v.is_empty()),
            source: None,
        },
        ShownSetting {
            key: "calendar.replace_default",
            value: Some(ctx.config.calendar.replace_default.to_string()),
            source: None,
        },
    ];
    if ctx.output == OutputMode::Json {
        output::print_json(&lines)?;
        return Ok(());
    }
    let mut rows = Rows::new(["KEY", "VALUE", "SOURCE"]);
    for line in &lines {
        rows.push([
            line.key.to_string(),
            line.value.clone().unwrap_or_else(|| "-".into()),
            line.source.clone().unwrap_or_default(),
        ]);
    }
    output::print_text(&output::render_rows(&rows, ctx.output, ctx.term_width))?;
    Ok(())
}

fn set(ctx: &Context, key: &str, value: &str) -> anyhow::Result<()> {
    let value = if value == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading the value from stdin")?;
        text.trim_end_matches(['\n', '\r']).to_string()
    } else {
        value.to_string()
    };
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
            if !profile.set(key, value.clone()) {
                let known: Vec<&str> = PROFILE_KEYS.iter().map(|(k, _)| *k).collect();
                return Err(CliError::new(Exit::Usage, format!("unknown config key `{key}`"))
                    .with_hint(format!(
                        "profile keys: {}; top-level: default_profile, calendar.holidays, calendar.replace_default",
                        known.join(", ")
                    ))
                    .into());
            }
        }
    }
    let path = config
        .save(&ctx.config_dir)
        .context("saving the configuration")?;
    let secret = PROFILE_KEYS.iter().any(|(k, secret)| *k == key && *secret);
    let shown = if secret { "<redacted>" } else { value.as_str() };
    ctx.note(&format!("set {key} = {shown} in {}", path.display()));
    Ok(())
}

fn path(ctx: &Context) -> anyhow::Result<()> {
    let dir = &ctx.config_dir;
    let files = [
        ("config", dir.join(CONFIG_FILE)),
        ("history", dir.join("history.sqlite3")),
        ("token cache", dir.join("token-cache.json")),
        ("sandbox", dir.join("sandbox")),
    ];
    if ctx.output == OutputMode::Json {
        let value = serde_json::json!({
            "config_dir": dir,
            "files": files.iter().map(|(what, p)| serde_json::json!({
                "what": what, "path": p, "exists": p.exists(),
            })).collect::<Vec<_>>(),
        });
        output::print_json(&value)?;
        return Ok(());
    }
    let mut text = format!("{}\n", dir.display());
    if ctx.stdout_is_tty {
        for (what, p) in &files {
            let mark = if p.exists() { "" } else { " (not yet created)" };
            text.push_str(&format!("  {what}: {}{mark}\n", p.display()));
        }
    }
    output::print_text(&text)?;
    Ok(())
}
