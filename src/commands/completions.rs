//! `lsr completions`: print a shell completion script.

use clap::Args;
use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};

use crate::context::Context;

/// Print a completion script for SHELL.
///
/// The script asks `lsr` itself what to complete (clap's dynamic completion), so ORDER
/// arguments complete from the local history (PONs, PON@N, recent order ids) and `explain`
/// completes codes and topics. `lsr` must be on PATH. Alternatively, load it fresh at each
/// shell start: `source <(COMPLETE=bash lsr)` (zsh likewise; fish: `COMPLETE=fish lsr | source`).
///
/// Example: lsr completions bash > ~/.local/share/bash-completion/completions/lsr
#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// The environment variable the scripts set when they call back into `lsr`.
pub const COMPLETE_VAR: &str = "COMPLETE";

/// Renders the completion script for `shell`: the registration that calls `lsr` back with
/// `COMPLETE=<shell>` for every completion.
pub fn render(shell: clap_complete::Shell) -> Vec<u8> {
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &Bash,
        clap_complete::Shell::Elvish => &Elvish,
        clap_complete::Shell::Fish => &Fish,
        clap_complete::Shell::PowerShell => &Powershell,
        // Invariant: clap_complete::Shell is non-exhaustive; zsh is the remaining shell we ship.
        _ => &Zsh,
    };
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = completer.write_registration(COMPLETE_VAR, "lsr", "lsr", "lsr", &mut out);
    out
}

/// `lsr --json completions SHELL` (schemas/completions.schema.json).
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct CompletionsJson {
    pub shell: String,
    /// The script, as printed without --json.
    pub script: String,
}

pub fn run(ctx: &Context, args: &CompletionsArgs) -> anyhow::Result<()> {
    let script = render(args.shell);
    if ctx.output == crate::output::OutputMode::Json {
        crate::output::print_json(&CompletionsJson {
            shell: args.shell.to_string(),
            script: String::from_utf8_lossy(&script).into_owned(),
        })?;
        return Ok(());
    }
    crate::output::stdout::with_stdout(|out| out.write_all(&script))?;
    Ok(())
}
