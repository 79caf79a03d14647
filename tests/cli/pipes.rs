//! Consistency across commands: a closed pipe is success, NO_COLOR wins, errors are lowercase
//! with one hint.

use crate::common::lsr;

#[test]
fn broken_pipe_exits_0_quietly() {
    let config = tempfile::tempdir().unwrap();
    for args in [
        &["explain"][..],
        &["completions", "bash"],
        &["foc-window", "2026-12-21"],
    ] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("lsr"))
            .args(args)
            .env("LSR_CONFIG_DIR", config.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before lsr writes (like `lsr explain | head -0`).
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty() || !String::from_utf8_lossy(&out.stderr).contains("error"),
            "{args:?}"
        );
    }
}

#[test]
fn no_color_turns_colour_off_even_on_a_terminal() {
    let config = tempfile::tempdir().unwrap();
    let out = lsr(config.path())
        .env("LSR_FORCE_TTY", "1")
        .args(["explain", "17008"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'));
    let out = lsr(config.path())
        .env("LSR_FORCE_TTY", "1")
        .env_remove("NO_COLOR")
        .args(["explain", "17008"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains('\x1b'));
}

#[test]
fn errors_are_lowercase_with_one_hint() {
    let config = tempfile::tempdir().unwrap();
    for args in [
        &["explain", "99999"][..],
        &["foc-window", "2026-12-25"],
        &[
            "status",
            "X",
            "--base-url",
            "http://example.com/api/v1",
            "--account-id",
            "1",
        ],
        &["validate", "--from", "/nonexistent/order.toml"],
    ] {
        let out = lsr(config.path()).args(args).output().unwrap();
        assert!(!out.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let error_line = stderr
            .lines()
            .find(|l| l.starts_with("lsr: error: "))
            .unwrap_or_else(|| panic!("{args:?}: no error line in {stderr}"));
        // Lowercase, except for an acronym such as FOC, PON or TN.
        let first_word = error_line["lsr: error: ".len()..]
            .split_whitespace()
            .next()
            .unwrap();
        let acronym = first_word.chars().all(|c| !c.is_lowercase());
        assert!(
            acronym || !first_word.starts_with(char::is_uppercase),
            "{args:?}: {error_line}"
        );
        assert_eq!(stderr.matches("hint:").count(), 1, "{args:?}: {stderr}");
    }
}

#[test]
fn validate_never_prints_terminal_escapes_from_an_order_file() {
    let config = tempfile::tempdir().unwrap();
    let file = config.path().join("evil.json");
    std::fs::write(
        &file,
        r#"{"pon": "A\u001b[31mB", "authorizing_person": "\u001b]0;owned\u0007", "tns": ["919\u001b[2J"]}"#,
    )
    .unwrap();
    for tty in ["0", "1"] {
        let out = lsr(config.path())
            .env("LSR_FORCE_TTY", tty)
            .args(["validate", "--from"])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3));
        assert!(
            !out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b),
            "tty={tty}"
        );
        assert!(
            !out.stdout.contains(&0x07) && !out.stderr.contains(&0x07),
            "tty={tty}"
        );
    }
}
