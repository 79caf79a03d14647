//! `lsr config`: the configuration file.

use clap::{Args, Subcommand};

use crate::context::Context;

/// Create, show and change the configuration.
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
    /// Write a starting config.toml (mode 0600).
    Init {
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Show the resolved configuration, where each value came from, secrets redacted.
    Show,
    /// Set a value in the current profile.
    Set {
        /// The key, e.g. base_url, account_id, client_id.
        #[arg(value_name = "KEY")]
        key: String,
        /// The value; for secrets, `-` reads it from stdin.
        #[arg(value_name = "VALUE")]
        value: String,
    },
    /// Print the config directory and the files in it.
    Path,
}

pub fn run(_ctx: &Context, _args: &ConfigArgs) -> anyhow::Result<()> {
    Err(super::not_yet_available("config"))
}
