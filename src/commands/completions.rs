//! `lsr completions`: print a shell completion script.

use clap::{Args, CommandFactory};

use crate::context::Context;

/// Print a completion script for SHELL.
///
/// Example: lsr completions bash > ~/.local/share/bash-completion/completions/lsr
#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// Renders the completion script for `shell` from the clap definitions.
pub fn render(shell: clap_complete::Shell) -> Vec<u8> {
    let mut command = crate::commands::Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "lsr", &mut out);
    out
}

pub fn run(_ctx: &Context, args: &CompletionsArgs) -> anyhow::Result<()> {
    use std::io::Write;
    let script = render(args.shell);
    std::io::stdout().lock().write_all(&script)?;
    Ok(())
}
