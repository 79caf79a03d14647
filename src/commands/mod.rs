//! The command tree: one module per subcommand (a folder per group), each its `Args` and one
//! `run(ctx, args)`; [`Cli`] is what clap parses, [`dispatch`] runs the chosen command.

pub mod agenda;
pub mod auth;
pub mod batch;
pub mod cancel;
pub mod completions;
pub mod config;
pub mod email;
pub mod explain;
pub mod foc_window;
pub mod history;
pub mod listen;
pub mod notes;
pub mod resubmit;
pub mod sandbox;
pub mod schema;
pub mod search;
pub mod status;
pub mod submit;
pub mod subscribe;
pub mod subscriptions;
pub mod supp;
pub mod validate;
pub mod watch;

use clap::{Parser, Subcommand};

use crate::cli::GlobalArgs;
use crate::context::Context;

/// Submit and track port-out LSRs with Bandwidth.
///
/// lsr checks an order against Bandwidth's rules before it is sent, explains every code in plain
/// words, never submits an order twice, and keeps a local history of every PON version.
/// `lsr --sandbox …` runs any command against a local porting backend, with no setup.
#[derive(Debug, Parser)]
#[command(
    name = "lsr",
    version,
    propagate_version = true,
    max_term_width = 100,
    after_long_help = AFTER_LONG_HELP
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// The environment, exit codes and files; shown by `lsr --help` and in the man page.
/// Laid out in columns; every line fits 72 characters, because the man page keeps the lines as
/// written, indented by 7 (a test checks both).
const AFTER_LONG_HELP: &str = "\
Environment:
  LSR_CONFIG_DIR          config directory (config, history, sandbox
                          state, token cache)
  LSR_PROFILE             configuration profile (--profile)
  LSR_BASE_URL            backend base URL (--base-url)
  LSR_ACCOUNT_ID          Bandwidth account id (--account-id)
  LSR_CLIENT_ID           OAuth2 client id (OAuth2 is the default)
  LSR_CLIENT_SECRET       OAuth2 client secret
  LSR_CLIENT_SECRET_FILE  read the client secret from a file
                          (--client-secret-file)
  LSR_USERNAME            legacy HTTP Basic user
  LSR_PASSWORD            legacy HTTP Basic password
  LSR_TOKEN_URL           OAuth2 token endpoint (default: the base URL's
                          realm or origin)
  LSR_ENVIRONMENT         Bandwidth environment: prod or test
  LSR_API_VERSION         v1 or v2 (v2: every TN in E.164 form)
  LSR_SECRET_STORE        where `auth login` keeps the secret: auto,
                          keychain or file
  LSR_HTTP_TIMEOUT_SECS   seconds a request may take; no retry starts
                          after it (default 60)
  LSR_NO_INPUT            never prompt (--no-input)
  LSR_LISTEN_USER         notification user (subscribe, listen)
  LSR_LISTEN_PASSWORD     notification password (subscribe, listen)
  LSR_TODAY               pretend today is YYYY-MM-DD (rehearsals)
  NO_COLOR                no colour
  CLICOLOR_FORCE          colour even when piped

Exit status:
  0 ok, 1 other failure, 2 usage, 3 refused locally (nothing sent),
  4 rejected by the backend, 5 network, timeout or server error,
  6 authentication or permission, 7 not found, 8 --wait timed out,
  130 interrupted. A broken pipe is success.

Files (under the config directory):
  config.toml         profiles and settings (mode 0600)
  history.sqlite3     the PON version history of every order seen
  token-cache.json    cached OAuth2 tokens (mode 0600)
  sandbox/            the embedded sandbox's store";

/// Every command of lsr.
#[derive(Debug, Subcommand)]
pub enum Command {
    Submit(submit::SubmitArgs),
    Supp(supp::SuppArgs),
    Cancel(cancel::CancelArgs),
    Resubmit(resubmit::ResubmitArgs),
    Search(search::SearchArgs),
    Status(status::StatusArgs),
    History(history::HistoryArgs),
    Notes(notes::NotesArgs),
    Validate(validate::ValidateArgs),
    Explain(explain::ExplainArgs),
    FocWindow(foc_window::FocWindowArgs),
    Batch(batch::BatchArgs),
    Watch(watch::WatchArgs),
    Subscribe(subscribe::SubscribeArgs),
    Listen(listen::ListenArgs),
    Agenda(agenda::AgendaArgs),
    Subscriptions(subscriptions::SubscriptionsArgs),
    Email(email::EmailArgs),
    Auth(auth::AuthArgs),
    Config(config::ConfigArgs),
    Sandbox(sandbox::SandboxArgs),
    Completions(completions::CompletionsArgs),
    Schema(schema::SchemaArgs),
}

/// Runs the chosen command.
pub fn dispatch(ctx: &Context, command: &Command) -> anyhow::Result<()> {
    match command {
        Command::Submit(args) => submit::run(ctx, args),
        Command::Supp(args) => supp::run(ctx, args),
        Command::Cancel(args) => cancel::run(ctx, args),
        Command::Resubmit(args) => resubmit::run(ctx, args),
        Command::Search(args) => search::run(ctx, args),
        Command::Status(args) => status::run(ctx, args),
        Command::History(args) => history::run(ctx, args),
        Command::Notes(args) => notes::run(ctx, args),
        Command::Validate(args) => validate::run(ctx, args),
        Command::Explain(args) => explain::run(ctx, args),
        Command::FocWindow(args) => foc_window::run(ctx, args),
        Command::Batch(args) => batch::run(ctx, args),
        Command::Watch(args) => watch::run(ctx, args),
        Command::Subscribe(args) => subscribe::run(ctx, args),
        Command::Listen(args) => listen::run(ctx, args),
        Command::Agenda(args) => agenda::run(ctx, args),
        Command::Subscriptions(args) => subscriptions::run(ctx, args),
        Command::Email(args) => email::run(ctx, args),
        Command::Auth(args) => auth::run(ctx, args),
        Command::Config(args) => config::run(ctx, args),
        Command::Sandbox(args) => sandbox::run(ctx, args),
        Command::Completions(args) => completions::run(ctx, args),
        Command::Schema(args) => schema::run(ctx, args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
