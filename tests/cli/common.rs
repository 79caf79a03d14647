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

/// Monday 2026-11-30 14:00 UTC: the embedded sandbox's clock at the start of a lifecycle test,
/// the same day as `LSR_TODAY`.
pub const SANDBOX_START: &str = "2026-11-30T14:00:00Z";

/// A hermetic `lsr --sandbox` world: its own config directory (so its own embedded sandbox
/// store and history), with the sandbox clock set to `SANDBOX_START`. Every `lsr` run starts the
/// embedded sandbox on loopback and stops it on exit; the state stays in the directory.
pub struct SandboxWorld {
    pub dir: tempfile::TempDir,
}

impl SandboxWorld {
    pub fn new() -> SandboxWorld {
        let world = SandboxWorld {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        world.clock(&["set", SANDBOX_START]);
        world
    }

    /// `lsr --sandbox` in this world.
    pub fn lsr(&self) -> Command {
        let mut cmd = lsr(self.dir.path());
        cmd.arg("--sandbox");
        cmd
    }

    /// Runs `lsr --sandbox --json ARGS`, expects success, and parses stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self
            .lsr()
            .arg("--json")
            .args(args)
            .output()
            .expect("run lsr");
        assert!(
            out.status.success(),
            "lsr {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("JSON on stdout")
    }

    /// `lsr --sandbox sandbox clock ARGS` (e.g. `["advance", "5s"]`), expecting success.
    pub fn clock(&self, args: &[&str]) {
        self.lsr()
            .args(["sandbox", "clock"])
            .args(args)
            .assert()
            .success();
    }

    /// Lets the embedded sandbox's processing delay (seconds, on its clock) pass.
    pub fn process(&self) {
        self.clock(&["advance", "5s"]);
    }

    /// The `status --json` view of an order.
    pub fn status(&self, order: &str) -> serde_json::Value {
        self.json(&["status", order])
    }
}

/// The order-field flags of a valid business port-out, without PON or TNs.
pub const BUSINESS_ORDER_FLAGS: &[&str] = &[
    "--auth-person",
    "Jane Doe",
    "--subscriber-type",
    "business",
    "--business-name",
    "Acme Widgets",
    "--house-number",
    "11",
    "--street",
    "Park Ave",
    "--city",
    "Raleigh",
    "--state",
    "NC",
    "--zip",
    "27601",
];
