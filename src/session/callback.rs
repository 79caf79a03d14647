//! The callback's Basic credentials, shared by `subscribe` (which gives them to Bandwidth) and
//! `listen` (which checks them): `--user` or `LSR_LISTEN_USER`, and the password from
//! `--password-file FILE` (`-`: stdin) or `LSR_LISTEN_PASSWORD`, never from the command line.

use std::io::Read;
use std::path::PathBuf;

use clap::Args;

use crate::exit::{CliError, Exit};
use crate::wire::CallbackPassword;

/// The environment variable that may hold the callback password.
pub const PASSWORD_ENV: &str = "LSR_LISTEN_PASSWORD";
/// The largest password file read.
const MAX_PASSWORD_BYTES: u64 = 4 * 1024;

/// `--user` and `--password-file`.
#[derive(Debug, Clone, Default, Args)]
pub struct CallbackCredentialArgs {
    /// The user name Bandwidth sends with each notification (HTTP Basic).
    #[arg(long, env = "LSR_LISTEN_USER", value_name = "USER")]
    pub user: Option<String>,

    /// Read the notification password from FILE (`-`: stdin); LSR_LISTEN_PASSWORD may hold it
    /// instead. Never given on the command line.
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub password_file: Option<PathBuf>,
}

/// A user name and its password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallbackCredentials {
    pub user: String,
    pub password: CallbackPassword,
}

impl CallbackCredentialArgs {
    /// The credentials, when a user is given: its password from the file or the environment
    /// (exit 2 when there is none, or a password without a user).
    pub fn read(&self) -> Result<Option<CallbackCredentials>, CliError> {
        let from_env = std::env::var(PASSWORD_ENV).ok().filter(|p| !p.is_empty());
        let user = self
            .user
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty());
        let Some(user) = user else {
            if self.password_file.is_some() {
                return Err(CliError::new(Exit::Usage, "--password-file needs --user")
                    .with_hint("give the user name too: --user USER (or LSR_LISTEN_USER)"));
            }
            return Ok(None);
        };
        if user.contains(':') {
            return Err(CliError::new(
                Exit::Usage,
                format!("user `{user}` holds a `:`, which HTTP Basic cannot carry"),
            )
            .with_hint("choose a user name without `:`"));
        }
        let password = match (&self.password_file, from_env) {
            (Some(path), _) => read_password(path)?,
            (None, Some(text)) => text,
            (None, None) => {
                return Err(CliError::new(
                    Exit::Usage,
                    format!("no password is given for user `{user}`"),
                )
                .with_hint(format!(
                    "pass --password-file FILE (or - for stdin), or set {PASSWORD_ENV}"
                )));
            }
        };
        Ok(Some(CallbackCredentials {
            user: user.to_string(),
            password: CallbackPassword::new(password),
        }))
    }
}

/// The password in a file (stdin for `-`), without its line end.
fn read_password(path: &std::path::Path) -> Result<String, CliError> {
    let from = if path.as_os_str() == "-" {
        "stdin".to_string()
    } else {
        format!("`{}`", path.display())
    };
    let failed = |why: String| {
        CliError::new(
            Exit::Usage,
            format!("cannot read the password from {from}: {why}"),
        )
        .with_hint("give a file holding the password on one line, or - to read it from stdin")
    };
    let mut text = String::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_PASSWORD_BYTES + 1)
            .read_to_string(&mut text)
    } else {
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_PASSWORD_BYTES + 1).read_to_string(&mut text))
    };
    read.map_err(|e| failed(e.to_string()))?;
    if text.len() as u64 > MAX_PASSWORD_BYTES {
        return Err(failed(format!(
            "it is larger than {MAX_PASSWORD_BYTES} bytes"
        )));
    }
    let password = text.trim_end_matches(['\r', '\n']);
    if password.is_empty() {
        return Err(failed("it is empty".into()));
    }
    Ok(password.to_string())
}
