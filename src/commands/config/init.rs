//! `lsr config init`: write a starting config.toml.

use anyhow::Context as _;

use crate::config::{CONFIG_FILE, ConfigFile};
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::output::{self, OutputMode};

/// `lsr --json config init` (schemas/config-init.schema.json).
#[derive(Debug, serde::Serialize, schemars::JsonSchema)]
pub struct InitJson {
    /// The file written.
    pub written: String,
}

pub fn run(ctx: &Context, force: bool) -> anyhow::Result<()> {
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
    if ctx.output == OutputMode::Json {
        output::print_json(&InitJson {
            written: written.display().to_string(),
        })?;
    }
    ctx.note("next: lsr config set account_id ID; lsr config set client_id ID; lsr config set client_secret -");
    Ok(())
}
