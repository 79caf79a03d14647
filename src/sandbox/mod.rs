//! The sandbox porting backend: server, store, engine (lifecycle rules), clock, NPAC, faults.
//!
//! It speaks Bandwidth's `lsrorders` API (the same XML, paths, status codes and auth) so that
//! any client written for Bandwidth works against it unchanged, and follows the porting rules
//! R1–R12 (docs/rules.md, docs/sandbox.md) on a clock that tests can move.

pub mod admin_api;
pub mod clock;
pub mod embedded;
pub mod engine;
pub mod notify;
pub mod order;
mod request_xml;
mod server;
pub mod store;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::validate::BusinessCalendar;

pub use crate::wire::admin::Faults;
pub use server::{RunningSandbox, SandboxServer, ServeError};
pub use store::{AdminError, Store, StoreError};

/// A demo account seeded into every fresh store, with documented credentials (docs/sandbox.md).
#[derive(Debug, Clone, Copy)]
pub struct DemoAccount {
    pub account_id: &'static str,
    pub spid: &'static str,
    pub client_id: &'static str,
    pub client_secret: &'static str,
    pub username: &'static str,
    pub password: &'static str,
}

/// The first demo account: use it unless a test needs two.
pub const DEMO_ACCOUNT_1: DemoAccount = DemoAccount {
    account_id: "9900001",
    spid: "991A",
    client_id: "demo-client-1",
    client_secret: "demo-secret-1",
    username: "demo-user-1",
    password: "demo-password-1",
};

/// The second demo account, to show that accounts are isolated.
pub const DEMO_ACCOUNT_2: DemoAccount = DemoAccount {
    account_id: "9900002",
    spid: "992B",
    client_id: "demo-client-2",
    client_secret: "demo-secret-2",
    username: "demo-user-2",
    password: "demo-password-2",
};

pub const DEMO_ACCOUNTS: [DemoAccount; 2] = [DEMO_ACCOUNT_1, DEMO_ACCOUNT_2];

/// An OAuth2 client allowed on both demo accounts (client id, secret, accounts): its token
/// lists two accounts, as a Bandwidth client with several accounts does.
pub const DEMO_MULTI_CLIENT: (&str, &str, [&str; 2]) = (
    "demo-client-all",
    "demo-secret-all",
    [DEMO_ACCOUNT_1.account_id, DEMO_ACCOUNT_2.account_id],
);

/// The default processing delay of `lsr sandbox serve` (between a POST and the TN-line rules).
pub const DEFAULT_PROCESSING_DELAY: Duration = Duration::from_secs(2);

/// How to run a sandbox server.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Where to listen; loopback unless told otherwise (`127.0.0.1:0` picks a free port).
    pub listen: SocketAddr,
    /// The directory of the SQLite store.
    pub data_dir: PathBuf,
    /// Time between a POST and the TN-line rules (on the sandbox clock).
    pub processing_delay: Duration,
    pub calendar: BusinessCalendar,
    /// How often the background tick applies due events.
    pub tick: Duration,
    /// Where the clock of a store whose clock was never set starts (`LSR_TODAY` rehearsals).
    pub initial_clock: Option<clock::Millis>,
}

impl SandboxConfig {
    /// Loopback on a free port, the default processing delay, the NPAC calendar.
    pub fn new(data_dir: PathBuf) -> SandboxConfig {
        SandboxConfig {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            data_dir,
            processing_delay: DEFAULT_PROCESSING_DELAY,
            calendar: BusinessCalendar::us_npac(),
            tick: Duration::from_millis(500),
            initial_clock: None,
        }
    }
}

/// The sandbox's data directory under a config directory.
pub fn default_data_dir(config_dir: &std::path::Path) -> PathBuf {
    config_dir.join("sandbox")
}
