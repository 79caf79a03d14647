//! `lsr config path`: the config directory and the files lsr keeps in it.

use crate::config::CONFIG_FILE;
use crate::context::Context;
use crate::output::{self, OutputMode};

/// `lsr --json config path` (schemas/config-path.schema.json).
#[derive(Debug, serde::Serialize, schemars::JsonSchema)]
pub struct PathJson {
    pub config_dir: String,
    pub files: Vec<PathFile>,
}

/// One file lsr keeps in the config directory.
#[derive(Debug, serde::Serialize, schemars::JsonSchema)]
pub struct PathFile {
    /// `config`, `history`, `token cache` or `sandbox`.
    pub what: String,
    pub path: String,
    pub exists: bool,
}

pub fn run(ctx: &Context) -> anyhow::Result<()> {
    let dir = &ctx.config_dir;
    let files = [
        ("config", dir.join(CONFIG_FILE)),
        ("history", dir.join("history.sqlite3")),
        ("token cache", dir.join("token-cache.json")),
        ("sandbox", dir.join("sandbox")),
    ];
    if ctx.output == OutputMode::Json {
        output::print_json(&PathJson {
            config_dir: dir.display().to_string(),
            files: files
                .iter()
                .map(|(what, p)| PathFile {
                    what: (*what).to_string(),
                    path: p.display().to_string(),
                    exists: p.exists(),
                })
                .collect(),
        })?;
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
