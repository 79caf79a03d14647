//! Confirmations of destructive commands: a prompt on a terminal, `--yes` elsewhere.

use std::io::{BufRead, Write};

use anyhow::Context as _;

use crate::context::Context;
use crate::exit::{CliError, Exit};

/// Fails (exit 2) when a destructive `verb` could not be confirmed: no `--yes` and no
/// terminal to ask on.
pub fn require_confirmation_means(ctx: &Context, verb: &str) -> Result<(), CliError> {
    if ctx.global.yes || ctx.interactive {
        return Ok(());
    }
    Err(CliError::new(
        Exit::Usage,
        format!("`lsr {verb}` needs a confirmation and there is no terminal to ask on"),
    )
    .with_hint(format!("pass --yes to {verb} without a prompt")))
}

/// Asks `question` on the terminal unless `--yes`; anything but y/yes stops (exit 1).
/// `verb` names the command in the error when there is no terminal.
pub fn confirm(ctx: &Context, verb: &str, question: &str) -> anyhow::Result<()> {
    if ctx.global.yes {
        return Ok(());
    }
    require_confirmation_means(ctx, verb)?;
    let mut stderr = std::io::stderr().lock();
    write!(stderr, "{question} [y/N] ")?;
    stderr.flush()?;
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .context("reading the confirmation")?;
    if matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
        return Ok(());
    }
    Err(
        CliError::new(Exit::Failure, "not confirmed; nothing was changed")
            .with_hint("answer `y` to go ahead, or pass --yes")
            .into(),
    )
}
