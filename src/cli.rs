//! The command line: global flags and the command tree (README, "Commands"). Doc comments are the help.

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::commands;

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
const AFTER_LONG_HELP: &str = "\
Environment:
  LSR_CONFIG_DIR      config directory (config.toml, history database, sandbox state, token cache)
  LSR_PROFILE         configuration profile (--profile)
  LSR_BASE_URL        backend base URL (--base-url)
  LSR_ACCOUNT_ID      Bandwidth account id (--account-id)
  LSR_CLIENT_ID, LSR_CLIENT_SECRET   OAuth2 client credentials (the default)
  LSR_CLIENT_SECRET_FILE             read the client secret from a file (--client-secret-file)
  LSR_USERNAME, LSR_PASSWORD         legacy HTTP Basic credentials
  LSR_TOKEN_URL       OAuth2 token endpoint (default: Bandwidth's for its hosts)
  LSR_HTTP_TIMEOUT_SECS  seconds a request may take; no retry starts after it (default 60)
  LSR_NO_INPUT        never prompt (--no-input)
  LSR_TODAY           pretend today is YYYY-MM-DD (rehearsals, tests)
  NO_COLOR, CLICOLOR_FORCE           colour off / on

Exit status:
  0 ok, 1 other failure, 2 usage, 3 local validation failed (nothing sent),
  4 rejected by the backend, 5 network, timeout or server error,
  6 authentication or permission, 7 not found, 8 --wait timed out, 130 interrupted.
  A broken pipe is success.

Files (under the config directory):
  config.toml         profiles and settings (mode 0600)
  history.sqlite3     the PON version history of every order seen
  token-cache.json    cached OAuth2 tokens (mode 0600)
  sandbox/            the embedded sandbox's store";

/// Flags every command accepts.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Configuration profile to use.
    #[arg(long, global = true, env = "LSR_PROFILE", value_name = "NAME")]
    pub profile: Option<String>,

    /// Use the embedded sandbox backend.
    ///
    /// Starts the local porting backend in-process on loopback with its state under the config
    /// directory; human-readable output is marked [sandbox].
    #[arg(long, global = true)]
    pub sandbox: bool,

    /// Backend base URL (https required except on loopback).
    #[arg(long, global = true, env = "LSR_BASE_URL", value_name = "URL")]
    pub base_url: Option<String>,

    /// Bandwidth account id.
    #[arg(long, global = true, env = "LSR_ACCOUNT_ID", value_name = "ID")]
    pub account_id: Option<String>,

    /// Read the OAuth2 client secret from FILE (`-`: stdin).
    ///
    /// Keeps the secret out of the command line, the environment and config.toml; surrounding
    /// whitespace is ignored. Wins over LSR_CLIENT_SECRET and the profile's client_secret.
    /// `-` cannot share stdin with another input such as `--tn-file -`.
    #[arg(
        long,
        global = true,
        env = "LSR_CLIENT_SECRET_FILE",
        value_name = "FILE",
        value_hint = clap::ValueHint::FilePath
    )]
    pub client_secret_file: Option<std::path::PathBuf>,

    /// Print machine-readable JSON on stdout (same as --output json).
    #[arg(long, global = true, conflicts_with = "output")]
    pub json: bool,

    /// Output format: tables on a terminal, TSV without headers when piped, or JSON.
    #[arg(long, short = 'o', global = true, value_enum, value_name = "FORMAT")]
    pub output: Option<OutputFormat>,

    /// When to use colours (honours NO_COLOR and CLICOLOR_FORCE).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Print less: no notes or hints on stderr.
    #[arg(long, short = 'q', global = true, action = clap::ArgAction::Count)]
    pub quiet: u8,

    /// Print more detail (secrets are always redacted).
    #[arg(long, short = 'v', global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Answer yes to every confirmation (needed for destructive commands off a terminal).
    #[arg(long, short = 'y', global = true)]
    pub yes: bool,

    /// Never prompt; missing input is an error.
    #[arg(long, global = true, env = "LSR_NO_INPUT", value_parser = clap::builder::FalseyValueParser::new())]
    pub no_input: bool,
}

impl GlobalArgs {
    /// The flags that choose the backend, as plain values for the config resolution.
    pub fn backend_flags(&self) -> crate::config::BackendFlags {
        crate::config::BackendFlags {
            profile: self.profile.clone(),
            base_url: self.base_url.clone(),
            account_id: self.account_id.clone(),
            client_secret_file: self.client_secret_file.clone(),
        }
    }
}

/// Output formats for `--output`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
    Tsv,
}

/// `--color` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Every command of lsr.
#[derive(Debug, Subcommand)]
pub enum Command {
    Submit(commands::submit::SubmitArgs),
    Supp(commands::supp::SuppArgs),
    Cancel(commands::cancel::CancelArgs),
    Resubmit(commands::resubmit::ResubmitArgs),
    Search(commands::search::SearchArgs),
    Status(commands::status::StatusArgs),
    History(commands::history::HistoryArgs),
    Notes(commands::notes::NotesArgs),
    Validate(commands::validate::ValidateArgs),
    Explain(commands::explain::ExplainArgs),
    FocWindow(commands::foc_window::FocWindowArgs),
    Batch(commands::batch::BatchArgs),
    Watch(commands::watch::WatchArgs),
    Email(commands::email::EmailArgs),
    Config(commands::config::ConfigArgs),
    Sandbox(commands::sandbox::SandboxArgs),
    Completions(commands::completions::CompletionsArgs),
}

/// The order fields shared by `submit`, `validate`, `supp` and `resubmit`; they override the
/// same fields of a `--from` file.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Order fields")]
pub struct OrderFieldArgs {
    /// Purchase Order Number: 1–25 letters, digits, #, - or _.
    #[arg(long, value_name = "PON")]
    pub pon: Option<String>,

    /// Your own reference for the order (letters, digits, spaces, dashes; at most 40).
    #[arg(long, value_name = "ID")]
    pub customer_order_id: Option<String>,

    /// Requested port date: YYYY-MM-DD, MM/DD/YYYY, or +Nbd for N business days from today.
    #[arg(long, visible_alias = "foc", value_name = "DATE")]
    pub requested_foc_date: Option<String>,

    /// NPAC SPID of the winning carrier (4 letters or digits).
    #[arg(long, value_name = "SPID")]
    pub spid: Option<String>,

    /// Billing telephone number at the losing carrier.
    #[arg(long, value_name = "TN")]
    pub btn: Option<String>,

    /// Person authorising the port.
    #[arg(long, value_name = "NAME")]
    pub auth_person: Option<String>,

    /// End-user type.
    #[arg(long, value_enum, value_name = "TYPE")]
    pub subscriber_type: Option<SubscriberTypeArg>,

    /// Business name (business subscribers; at most 25 characters).
    #[arg(long, value_name = "NAME")]
    pub business_name: Option<String>,

    /// First name (residential subscribers).
    #[arg(long, value_name = "NAME")]
    pub first_name: Option<String>,

    /// Middle initial (residential subscribers).
    #[arg(long, value_name = "INITIAL")]
    pub middle_initial: Option<String>,

    /// Last name (required for residential subscribers).
    #[arg(long, value_name = "NAME")]
    pub last_name: Option<String>,

    /// Account number at the losing carrier.
    #[arg(long, value_name = "NUMBER")]
    pub account_number: Option<String>,

    /// The end user's port-out PIN (passcode).
    #[arg(long, value_name = "PIN")]
    pub pin: Option<String>,

    /// Service address: house number.
    #[arg(long, value_name = "NUMBER")]
    pub house_number: Option<String>,

    /// Service address: street name.
    #[arg(long, value_name = "STREET")]
    pub street: Option<String>,

    /// Service address: city.
    #[arg(long, value_name = "CITY")]
    pub city: Option<String>,

    /// Service address: two-letter state code.
    #[arg(long, value_name = "STATE")]
    pub state: Option<String>,

    /// Service address: ZIP code (12345 or 12345-6789).
    #[arg(long, value_name = "ZIP")]
    pub zip: Option<String>,

    /// Service address: second line (suite, unit).
    #[arg(long, value_name = "TEXT")]
    pub address_line2: Option<String>,
}

/// `--subscriber-type` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SubscriberTypeArg {
    Business,
    Residential,
}

impl OrderFieldArgs {
    /// The flags as a draft, to lay over a `--from` file.
    pub fn to_draft(&self) -> crate::model::OrderDraft {
        use crate::model::{AddressDraft, OrderDraft, SubscriberDraft};
        OrderDraft {
            pon: self.pon.clone(),
            customer_order_id: self.customer_order_id.clone(),
            requested_foc_date: self.requested_foc_date.clone(),
            spid: self.spid.clone(),
            btn: self.btn.clone(),
            authorizing_person: self.auth_person.clone(),
            subscriber: SubscriberDraft {
                subscriber_type: self.subscriber_type.map(|t| {
                    match t {
                        SubscriberTypeArg::Business => "BUSINESS",
                        SubscriberTypeArg::Residential => "RESIDENTIAL",
                    }
                    .to_string()
                }),
                business_name: self.business_name.clone(),
                first_name: self.first_name.clone(),
                middle_initial: self.middle_initial.clone(),
                last_name: self.last_name.clone(),
                account_number: self.account_number.clone(),
                pin: self.pin.clone(),
                address: AddressDraft {
                    house_number: self.house_number.clone(),
                    street: self.street.clone(),
                    city: self.city.clone(),
                    state: self.state.clone(),
                    zip: self.zip.clone(),
                    address_line2: self.address_line2.clone(),
                    ..AddressDraft::default()
                },
            },
            tns: Vec::new(),
        }
    }
}

/// Where the telephone numbers of a new order come from (`submit`, `validate`).
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Telephone numbers")]
pub struct TnInputArgs {
    /// A telephone number to port (repeatable; any common format).
    #[arg(long = "tn", value_name = "TN")]
    pub tns: Vec<String>,

    /// Read telephone numbers from FILE (`-` for stdin): one a line with `#` comments, or CSV
    /// with a `tn` column.
    #[arg(long, value_name = "FILE")]
    pub tn_file: Option<std::path::PathBuf>,
}

/// `--wait` targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WaitTarget {
    /// Until the order has a FOC date (or ends).
    Foc,
    /// Until the order reaches a final status.
    Final,
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
