//! `lsr auth`: sign in with OAuth2 client credentials (`login`), see what the credentials
//! give (`status`), forget them (`logout`).

mod login;
mod logout;
mod status;

pub use logout::LogoutJson;

use clap::{Args, Subcommand};

use crate::context::Context;

/// Sign in to Bandwidth with OAuth2 client credentials, show the sign-in, sign out.
///
/// `login` checks the client id and secret against the profile's token endpoint, reads the
/// accounts and roles the token lists, picks the account, writes client id, account and
/// environment to the profile and keeps the secret in the OS keychain (or, where there is no
/// keychain, in the 0600 config file, with a note). Afterwards commands need no account id or
/// secret in the environment. LSR_SECRET_STORE=file keeps the secret in the config file;
/// LSR_SECRET_STORE=keychain refuses that fallback.
///
/// Example: lsr --profile test auth login --client-id my-client-id
///
/// Example: lsr auth status --json
#[derive(Debug, Clone, Args)]
pub struct AuthArgs {
    #[command(subcommand)]
    pub action: AuthAction,
}

/// `lsr auth` actions.
#[derive(Debug, Clone, Subcommand)]
pub enum AuthAction {
    /// Check OAuth2 client credentials and save them in the profile (secret in the keychain).
    ///
    /// Asks for what is missing on a terminal (the secret without echo). The account: the one
    /// the token lists; with several, a choice on a terminal, else the first (with a note);
    /// --account-id wins (with a warning when the token does not list it). Give the secret
    /// with --client-secret-file FILE (`-`: stdin) or LSR_CLIENT_SECRET off a terminal.
    ///
    /// Example: printf %s "$SECRET" | lsr auth login --client-id my-id --client-secret-file -
    Login(login::LoginArgs),
    /// Show the profile's sign-in: environment, URLs, client id, accounts, roles, token expiry
    /// and where the secret lives. Exit 6 when no token can be had.
    ///
    /// Example: lsr --profile test auth status
    Status,
    /// Remove the profile's client secret (keychain and config file) and its cached tokens.
    ///
    /// Example: lsr auth logout
    Logout,
}

pub fn run(ctx: &Context, args: &AuthArgs) -> anyhow::Result<()> {
    match &args.action {
        AuthAction::Login(login) => login::run(ctx, login),
        AuthAction::Status => status::run(ctx),
        AuthAction::Logout => logout::run(ctx),
    }
}
