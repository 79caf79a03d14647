//! The one integration test binary: a module per command.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod agenda;
mod architecture;
mod assets;
mod auth;
mod batch;
mod common;
mod completion;
mod conformance;
mod contract;
mod exactly_once;
mod explain;
mod foc_window;
mod hardening;
mod hostile;
mod listen;
mod load;
mod local_state;
mod lookup;
mod orders;
mod pipes;
mod readme;
mod sandbox;
mod sandbox_cli;
mod sandbox_scale;
mod sandbox_subscriptions;
mod security;
mod snapshots;
mod submit;
mod validate;
mod watch;
mod wizard;
