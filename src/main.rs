//! The `lsr` binary: parse, build the context, dispatch, map the error to an exit code.

use std::process::ExitCode;

use clap::Parser;

use lsr::commands::Cli;
use lsr::context::Context;
use lsr::exit::{Exit, exit_for, hint_for};

fn main() -> ExitCode {
    // `COMPLETE=<shell> lsr -- …` is a completion request from a script `lsr completions`
    // printed: answer it and exit before anything else runs or prints.
    clap_complete::CompleteEnv::with_factory(<Cli as clap::CommandFactory>::command)
        .var(lsr::commands::completions::COMPLETE_VAR)
        .complete();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // Help and version go to stdout with 0; usage errors to stderr with 2. A closed
            // pipe while printing help is not worth reporting.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() {
                Exit::Usage.code()
            } else {
                0
            });
        }
    };
    let result =
        Context::from_env(&cli.global).and_then(|ctx| lsr::commands::dispatch(&ctx, &cli.command));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let exit = exit_for(&err);
            if exit != Exit::Success {
                report(&err, cli.global.sandbox);
            }
            ExitCode::from(exit.code())
        }
    }
}

/// Prints `lsr: error: …` with the context chain, then one `hint:` line.
fn report(err: &anyhow::Error, sandbox: bool) {
    let marker = if sandbox { "[sandbox] " } else { "" };
    let message = lsr::exit::message_for(err);
    // Messages quote user files and server text: never let a terminal escape through.
    let message: Vec<String> = message.lines().map(lsr::output::printable).collect();
    let message = message.join("\n");
    eprintln!("{marker}lsr: error: {message}");
    if let Some(hint) = hint_for(err) {
        eprintln!("{marker}hint: {}", lsr::output::printable(&hint));
    }
}
