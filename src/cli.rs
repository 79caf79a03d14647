//! The global flags every command accepts (the command tree lives in `commands`). Doc comments
//! are the help.

use clap::{Args, ValueEnum};

/// Flags every command accepts.
#[derive(Debug, Clone, Args)]
pub struct GlobalArgs {
    /// Configuration profile to use.
    #[arg(long, global = true, env = "LSR_PROFILE", value_name = "NAME")]
    pub profile: Option<String>,

    /// Use the embedded sandbox backend.
    ///
    /// Starts the local porting backend in-process on loopback with its state under the config
    /// directory; human-readable output is marked `[sandbox]`.
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

    /// Output format: tables on a terminal, TSV when piped (`--header` names the columns), or JSON.
    #[arg(long, short = 'o', global = true, value_enum, value_name = "FORMAT")]
    pub output: Option<OutputFormat>,

    /// TSV: print a first row with the column names (each command's help lists them).
    #[arg(long, global = true)]
    pub header: bool,

    /// Progress of long runs on stderr: a bar on a terminal (`auto`), JSON lines (`json`: one
    /// per order of a batch, one per change of `watch`), or nothing (`none`).
    #[arg(long, global = true, value_enum, default_value_t = ProgressMode::Auto, value_name = "HOW")]
    pub progress: ProgressMode,

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

/// `--progress` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProgressMode {
    /// A progress bar when stderr is a terminal.
    Auto,
    /// One JSON line on stderr per event.
    Json,
    /// Nothing.
    None,
}

/// `--color` choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
