//! `lsr config path`: the config directory and the files lsr keeps in it.

use crate::config::CONFIG_FILE;
use crate::context::Context;
use crate::output::{self, OutputMode};

pub fn run(ctx: &Context) -> anyhow::Result<()> {
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
