//! The resolved run context: config, profile, output mode, colour, interactivity, calendar and
//! today's date. Built once in `main` from the global flags and the environment; commands never
//! read the environment themselves.

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Context as _;
use chrono::NaiveDate;

use crate::cli::{ColorChoice, GlobalArgs, OutputFormat};
use crate::config::{ConfigFile, Settings, config_dir_from_env, resolve_settings};
use crate::exit::{CliError, Exit};
use crate::output::OutputMode;
use crate::validate::BusinessCalendar;

/// Everything a command needs to know about how it was run.
#[derive(Debug, Clone)]
pub struct Context {
    pub global: GlobalArgs,
    pub output: OutputMode,
    pub color: bool,
    pub stdout_is_tty: bool,
    /// Prompts are allowed: stdin and stdout are terminals and neither `--no-input` nor `--yes`
    /// is set.
    pub interactive: bool,
    pub config_dir: PathBuf,
    pub config: ConfigFile,
    /// Backend settings after flags, environment, profile and defaults.
    pub settings: Settings,
    pub calendar: BusinessCalendar,
    /// Today's date for date rules (`LSR_TODAY` pins it for rehearsals and tests).
    pub today: NaiveDate,
    /// True when `LSR_TODAY` pinned `today` (a fresh embedded sandbox then starts on that day).
    pub today_pinned: bool,
    /// Terminal width for tables, when stdout is a terminal.
    pub term_width: Option<u16>,
}

impl Context {
    /// Resolves the context from the global flags and the process environment.
    pub fn from_env(global: &GlobalArgs) -> anyhow::Result<Context> {
        let stdout_is_tty = std::io::stdout().is_terminal() || env_flag("LSR_FORCE_TTY");
        let stdin_is_tty = std::io::stdin().is_terminal() || env_flag("LSR_FORCE_TTY");
        let output = match (global.json, global.output) {
            (true, _) | (_, Some(OutputFormat::Json)) => OutputMode::Json,
            (_, Some(OutputFormat::Table)) => OutputMode::Table,
            (_, Some(OutputFormat::Tsv)) => OutputMode::Tsv,
            (false, None) if stdout_is_tty => OutputMode::Table,
            (false, None) => OutputMode::Tsv,
        };
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                    false
                } else if std::env::var_os("CLICOLOR_FORCE")
                    .is_some_and(|v| !v.is_empty() && v != "0")
                {
                    true
                } else {
                    stdout_is_tty && std::env::var("TERM").map_or(true, |t| t != "dumb")
                }
            }
        };
        let config_dir = config_dir_from_env().ok_or_else(|| {
            CliError::new(Exit::Failure, "cannot find a config directory for lsr")
                .with_hint("set LSR_CONFIG_DIR to a directory lsr may use")
        })?;
        let config = ConfigFile::load(&config_dir).map_err(|e| {
            CliError::new(Exit::Failure, e.to_string())
                .with_hint("fix the file, or move it aside and run `lsr config init`")
        })?;
        let calendar = BusinessCalendar::with_holidays(
            config.calendar.holidays.iter().copied(),
            config.calendar.replace_default,
        );
        let settings = resolve_settings(&global.backend_flags(), &config, &|name| {
            std::env::var(name).ok()
        });
        let (today, today_pinned) = match std::env::var("LSR_TODAY") {
            Ok(text) if !text.is_empty() => (
                NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                    .with_context(|| format!("LSR_TODAY `{text}` is not a YYYY-MM-DD date"))?,
                true,
            ),
            _ => (chrono::Local::now().date_naive(), false),
        };
        let term_width = if stdout_is_tty {
            std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok())
        } else {
            None
        };
        Ok(Context {
            global: global.clone(),
            output,
            color,
            stdout_is_tty,
            // `--yes` and `--no-input` both mean never prompt.
            interactive: stdin_is_tty && stdout_is_tty && !global.no_input && !global.yes,
            config_dir,
            config,
            settings,
            calendar,
            today,
            today_pinned,
            term_width,
        })
    }

    /// This context with another configuration (e.g. the profile `auth login` is writing), its
    /// settings resolved again from the same flags and environment.
    pub fn with_config(&self, config: ConfigFile) -> Context {
        let settings = resolve_settings(&self.global.backend_flags(), &config, &|name| {
            std::env::var(name).ok()
        });
        Context {
            config,
            settings,
            ..self.clone()
        }
    }

    /// Notes, hints and progress on stderr are shown unless `-q`.
    pub fn show_notes(&self) -> bool {
        self.global.quiet == 0
    }

    /// Renders rows for stdout in the chosen mode: a table on a terminal (headed `[sandbox]`
    /// when using the sandbox), TSV otherwise (its column names first with `--header`).
    pub fn render_rows(&self, rows: &crate::output::Rows) -> String {
        match self.output {
            OutputMode::Table => {
                let text = crate::output::render_rows(rows, self.output, self.term_width);
                if self.global.sandbox {
                    format!("[sandbox]\n{text}")
                } else {
                    text
                }
            }
            OutputMode::Tsv | OutputMode::Json => {
                crate::output::render_tsv(rows, self.global.header)
            }
        }
    }

    /// Renders rows as TSV whatever the mode (a command's piped form), with `--header`.
    pub fn render_tsv(&self, rows: &crate::output::Rows) -> String {
        crate::output::render_tsv(rows, self.global.header)
    }

    /// `--progress json`: events of long runs go to stderr as JSON lines.
    pub fn progress_json(&self) -> bool {
        self.global.progress == crate::cli::ProgressMode::Json
    }

    /// Writes one JSON line on stderr (`--progress json`), escaped as stdout's JSON is.
    pub fn progress_line<T: serde::Serialize + ?Sized>(&self, value: &T) {
        if let Ok(line) = crate::output::json_line(value) {
            eprintln!("{line}");
        }
    }

    /// Prints a note on stderr (unless `-q`), marked `[sandbox]` when using the sandbox. Notes
    /// quote order files and server text: control and bidi characters are shown as `?`.
    pub fn note(&self, text: &str) {
        if self.show_notes() {
            let lines: Vec<String> = text.split('\n').map(crate::output::printable).collect();
            let text = lines.join("\n");
            if self.global.sandbox {
                eprintln!("[sandbox] {text}");
            } else {
                eprintln!("{text}");
            }
        }
    }
}

fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0")
}
