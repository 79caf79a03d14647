//! Shared helpers for the integration tests: a hermetic `lsr` command.
#![allow(dead_code)]

use assert_cmd::Command;

/// `lsr` with a clean environment: temp config dir, no colour, fixed today.
pub fn lsr(config_dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("lsr").expect("lsr binary");
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LSR_CONFIG_DIR", config_dir)
        .env("LSR_TODAY", "2026-11-30")
        .env("NO_COLOR", "1");
    cmd
}
