//! `lsr config`: the configuration file — `init`, `show`, `set`, `path`.

mod init;
mod path;
mod set;
mod show;

pub use init::InitJson;
pub use path::{PathFile, PathJson};
pub use set::SetJson;
pub use show::ShownSetting;

use clap::{Args, Subcommand};

use crate::context::Context;

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
    /// JSON: an array of settings (schemas/config-show.schema.json). TSV columns: key, value,
    /// source.
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
        ConfigAction::Init { force } => init::run(ctx, *force),
        ConfigAction::Show => show::run(ctx),
        ConfigAction::Set { key, value } => set::run(ctx, key, value),
        ConfigAction::Path => path::run(ctx),
    }
}
