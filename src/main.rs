//! The `lsr` binary: parse, build the context, dispatch, map the error to an exit code.

use std::process::ExitCode;

use clap::Parser;

use lsr::cli::OutputFormat;
use lsr::commands::Cli;
use lsr::context::Context;
use lsr::exit::{ErrorDocument, Exit, exit_for, hint_for};
use lsr::output::OutputMode;

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
            if !err.use_stderr() {
                return ExitCode::SUCCESS;
            }
            if json_asked(std::env::args_os().skip(1)) {
                let (message, hint) = clap_message(&err);
                let _ = lsr::output::print_json(&ErrorDocument::usage(message, hint));
            }
            return ExitCode::from(Exit::Usage.code());
        }
    };
    let ctx = Context::from_env(&cli.global);
    // The context knows the output mode; when it could not be built, the flags say.
    let json = match &ctx {
        Ok(ctx) => ctx.output == OutputMode::Json,
        Err(_) => cli.global.json || cli.global.output == Some(OutputFormat::Json),
    };
    let result = ctx.and_then(|ctx| lsr::commands::dispatch(&ctx, &cli.command));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let exit = exit_for(&err);
            if exit != Exit::Success {
                report(&err, cli.global.sandbox);
                // One document per run: the error's, unless the command printed its answer
                // (which says what failed; the exit code says the rest).
                if json && !lsr::output::stdout::anything_written() {
                    let _ = lsr::output::print_json(&ErrorDocument::of(&err, exit));
                }
            }
            ExitCode::from(exit.code())
        }
    }
}

/// True when the raw arguments ask for JSON (`--json`, `--output json`, `-o json`, `-ojson`,
/// `--output=json`), for a command line clap refused.
fn json_asked(args: impl Iterator<Item = std::ffi::OsString>) -> bool {
    let args: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    let mut words = args.iter().take_while(|a| *a != "--").peekable();
    while let Some(arg) = words.next() {
        match arg.as_str() {
            "--json" | "--output=json" | "-ojson" | "-o=json" => return true,
            "--output" | "-o" if words.peek().is_some_and(|v| *v == "json") => return true,
            _ => {}
        }
    }
    false
}

/// The message and tip of a clap usage error, without its `error:` prefix and usage lines.
fn clap_message(err: &clap::Error) -> (String, Option<String>) {
    let text = err.render().to_string();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let message = lines
        .next()
        .map(|l| l.strip_prefix("error: ").unwrap_or(l).to_string())
        .unwrap_or_else(|| "the command line is not valid".to_string());
    let hint = lines
        .find_map(|l| l.strip_prefix("tip: "))
        .map(str::to_string)
        .or_else(|| Some("`lsr --help` lists the commands and flags".to_string()));
    (message, hint)
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
