//! The claims of SECURITY.md that no other test backs: secrets redacted by `config show`,
//! private atomic config writes, `--client-secret-file`, the history's file modes with the batch
//! journal's PIN, the sandbox binding loopback by default, and order files that cannot exhaust
//! the parser.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::{
    self, BUSINESS_ORDER_FLAGS, DEMO_CLIENT_SECRET, SandboxProcess, SandboxWorld, all_output,
};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn security_config_show_redacts_secrets_and_names_their_source() {
    let dir = tempfile::tempdir().unwrap();
    let secret = "s3cr3t-config-7781";
    let password = "hunter2-env-4410";
    common::lsr(dir.path())
        .args(["config", "set", "client_secret", "-"])
        .write_stdin(format!("{secret}\n"))
        .assert()
        .success();
    for json in [false, true] {
        let mut cmd = common::lsr(dir.path());
        cmd.env("LSR_PASSWORD", password)
            .args(["-vv", "config", "show"]);
        if json {
            cmd.arg("--json");
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success());
        let all = all_output(&out);
        assert!(!all.contains(secret) && !all.contains(password), "{all}");
        assert!(all.contains("<redacted>"), "{all}");
        assert!(all.contains("config.toml [profiles.default]"), "{all}");
        assert!(all.contains("env LSR_PASSWORD"), "{all}");
    }
    // The note of `config set` redacts too.
    let out = common::lsr(dir.path())
        .args(["config", "set", "password", "-"])
        .write_stdin("hunter3\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!all_output(&out).contains("hunter3"));
}

#[test]
fn security_config_rewrite_makes_a_readable_file_private() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "default_profile = \"default\"\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    common::lsr(dir.path())
        .args(["config", "set", "client_secret", "-"])
        .write_stdin("s3cr3t\n")
        .assert()
        .success();
    assert_eq!(mode(&path), 0o600);
    // Written through a temp file and a rename: nothing is left beside it.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["config.toml".to_string()], "{names:?}");
}

/// A `lsr` at the sandbox with the client secret taken away from the environment.
fn lsr_without_secret(sandbox: &SandboxProcess, config_dir: &Path) -> assert_cmd::Command {
    let mut cmd = sandbox.lsr(config_dir);
    cmd.env_remove("LSR_CLIENT_SECRET");
    cmd
}

#[test]
fn security_client_secret_file_authenticates_without_argv_or_env() {
    let sandbox = SandboxProcess::start();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("secret.txt");
    std::fs::write(&file, format!("  {DEMO_CLIENT_SECRET}\n")).unwrap();
    let search = ["--json", "search", "--pon", "NOPE-1"];
    // From a file, winning over a wrong secret in the environment.
    let out = lsr_without_secret(&sandbox, dir.path())
        .env("LSR_CLIENT_SECRET", "wrong-secret")
        .arg("--client-secret-file")
        .arg(&file)
        .args(search)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", all_output(&out));
    // From stdin.
    let out = lsr_without_secret(&sandbox, dir.path())
        .args(["--client-secret-file", "-"])
        .args(search)
        .write_stdin(format!("{DEMO_CLIENT_SECRET}\n"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", all_output(&out));
    // From LSR_CLIENT_SECRET_FILE.
    let out = lsr_without_secret(&sandbox, dir.path())
        .env("LSR_CLIENT_SECRET_FILE", &file)
        .args(search)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", all_output(&out));
    // `config show` names the file and reads nothing.
    let out = lsr_without_secret(&sandbox, dir.path())
        .arg("--client-secret-file")
        .arg(&file)
        .args(["config", "show"])
        .output()
        .unwrap();
    let all = all_output(&out);
    assert!(out.status.success(), "{all}");
    assert!(!all.contains(DEMO_CLIENT_SECRET), "{all}");
    assert!(all.contains(&format!("file {}", file.display())), "{all}");
}

#[test]
fn security_client_secret_file_empty_or_missing_is_a_usage_error() {
    let sandbox = SandboxProcess::start();
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "\n").unwrap();
    for (file, says) in [
        (empty, "it is empty"),
        (
            dir.path().join("missing.txt"),
            "cannot read the client secret",
        ),
    ] {
        let out = lsr_without_secret(&sandbox, dir.path())
            .arg("--client-secret-file")
            .arg(&file)
            .args(["search", "--pon", "NOPE-1"])
            .output()
            .unwrap();
        let all = all_output(&out);
        assert_eq!(out.status.code(), Some(2), "{all}");
        assert!(all.contains(says) && all.contains("hint:"), "{all}");
    }
}

#[test]
fn security_history_with_the_batch_journal_pin_is_private() {
    let world = SandboxWorld::new();
    let pin = "987654";
    let out = world
        .lsr()
        .args(["-vv", "submit", "--pon", "PINSEC-1", "--split", "per-tn"])
        .args(["--pin", pin, "--account-number", "55512"])
        .args(BUSINESS_ORDER_FLAGS)
        .args(["--tn", "919-555-0101", "--tn", "919-555-0102"])
        .output()
        .unwrap();
    let all = all_output(&out);
    assert!(out.status.success(), "{all}");
    assert!(!all.contains(pin), "the PIN was printed: {all}");
    let shown = world
        .lsr()
        .args(["-vv", "batch", "show", "1"])
        .output()
        .unwrap();
    assert!(!all_output(&shown).contains(pin));
    // The journal keeps the order template, PIN included, in the history database.
    let history = world.dir.path().join("history.sqlite3");
    let stored: Vec<u8> = ["", "-wal"]
        .iter()
        .filter_map(|suffix| std::fs::read(format!("{}{suffix}", history.display())).ok())
        .flatten()
        .collect();
    assert!(stored.windows(pin.len()).any(|w| w == pin.as_bytes()));
    for suffix in ["", "-wal", "-shm"] {
        let file = format!("{}{suffix}", history.display());
        if Path::new(&file).exists() {
            assert_eq!(mode(Path::new(&file)), 0o600, "{file}");
        }
    }
}

#[test]
fn security_sandbox_serve_binds_loopback_by_default() {
    let data = tempfile::tempdir().unwrap();
    let first = crate::common::first_stdout_line(
        std::process::Command::new(assert_cmd::cargo::cargo_bin("lsr"))
            .args(["sandbox", "serve", "--data"])
            .arg(data.path())
            .env("LSR_CONFIG_DIR", data.path()),
    );
    assert!(
        first.starts_with("listening on http://127.0.0.1:"),
        "{first:?}"
    );
}

#[test]
fn security_order_files_cannot_exhaust_the_parser() {
    let dir = tempfile::tempdir().unwrap();
    let deep = 100_000;
    let cases = [
        (
            "deep.json",
            format!("{{\"pon\": {}{}}}", "[".repeat(deep), "]".repeat(deep)),
        ),
        (
            "deep.toml",
            format!("pon = {}{}\n", "[".repeat(deep), "]".repeat(deep)),
        ),
        (
            "tables.toml",
            format!(
                "pon = {}1{}\n",
                "{a=".repeat(deep / 10),
                "}".repeat(deep / 10)
            ),
        ),
        (
            "unknown.json",
            format!(
                "{{\"pon\": \"A-1\", \"extra\": {}{}}}",
                "[".repeat(deep),
                "]".repeat(deep)
            ),
        ),
    ];
    for (name, text) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let started = Instant::now();
        let out = common::lsr(dir.path())
            .args(["validate", "--from"])
            .arg(&path)
            .timeout(Duration::from_secs(30))
            .output()
            .unwrap();
        let all = all_output(&out);
        assert_eq!(out.status.code(), Some(3), "{name}: {all}");
        assert!(all.contains("lsr: error: order file"), "{name}: {all}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{name} took {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn security_oversized_order_and_tn_files_are_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.toml");
    let mut text = String::from("pon = \"BIG\"\n");
    text.push_str(&"# padding\n".repeat(1_700_000)); // 17 MB of comments
    std::fs::write(&big, &text).unwrap();
    let out = crate::common::lsr(dir.path())
        .args(["validate", "--from"])
        .arg(&big)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than"));
}
