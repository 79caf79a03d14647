//! lsr: submit and track port-out LSRs with Bandwidth's `lsrorders` API.
//!
//! The library holds everything; `main.rs` only parses, builds the [`context::Context`],
//! dispatches and maps the error to an exit code.

pub mod batch;
pub mod cli;
pub mod client;
pub mod commands;
pub mod config;
pub mod context;
pub mod exit;
pub mod files;
pub mod history;
pub mod model;
pub mod output;
pub mod sandbox;
pub mod session;
pub mod validate;
pub mod wire;
