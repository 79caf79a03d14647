//! Local state and output hardened (issue 14): lsr's own files are read only when they are
//! regular files of a sane size, a damaged token-cache entry is replaced, URL credentials are
//! refused and never shown, the config directory is made private, far dates cost nothing and are
//! refused as requests, and bidirectional controls are never printed raw.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

use crate::common::{self, SandboxProcess, all_output, run_expect, stderr_of};
use crate::hostile::{HostileServer, ORDER_XML, lsr_at, reply};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn mkfifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn config_show_refuses_a_config_file_that_is_not_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
    let mut cmd = common::lsr(dir.path());
    cmd.args(["config", "show"])
        .timeout(Duration::from_secs(20));
    let out = run_expect(&mut cmd, 1);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains(&path.display().to_string()) && stderr.contains("not a regular file"),
        "{stderr}"
    );
    std::fs::remove_file(&path).unwrap();
    if mkfifo(&path) {
        let mut cmd = common::lsr(dir.path());
        cmd.args(["config", "show"])
            .timeout(Duration::from_secs(20));
        let out = run_expect(&mut cmd, 1);
        assert!(stderr_of(&out).contains("a FIFO"), "{}", all_output(&out));
        std::fs::remove_file(&path).unwrap();
    }
    std::fs::write(&path, vec![b'#'; 2 * 1024 * 1024]).unwrap();
    let out = run_expect(common::lsr(dir.path()).args(["config", "show"]), 1);
    assert!(
        stderr_of(&out).contains("larger than"),
        "{}",
        all_output(&out)
    );
}

#[test]
fn status_replaces_a_token_cache_that_is_not_a_regular_file_or_is_damaged() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    sandbox.submit_file(config.path(), "CACHE-1", &["919-555-0142"]);
    let order = "CACHE-1".to_string();
    let cache = config.path().join("token-cache.json");
    std::fs::remove_file(&cache).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &cache).unwrap();
    let mut cmd = sandbox.lsr(config.path());
    cmd.args(["--json", "status", &order])
        .timeout(Duration::from_secs(20));
    run_expect(&mut cmd, 0);
    assert!(std::fs::symlink_metadata(&cache).unwrap().is_file());
    // A control character in the cached token: the entry is dropped and a new token fetched,
    // on the first run already.
    let text = std::fs::read_to_string(&cache).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let (key, entry) = value.as_object().unwrap().iter().next().unwrap();
    let token = entry["access_token"].as_str().unwrap().to_string();
    let damaged = text.replace(&token, &format!("{token}\\u0001"));
    std::fs::write(&cache, &damaged).unwrap();
    for _ in 0..2 {
        let out = run_expect(
            sandbox
                .lsr(config.path())
                .args(["--json", "status", &order]),
            0,
        );
        assert!(
            !all_output(&out).contains("token endpoint"),
            "{}",
            all_output(&out)
        );
    }
    let fixed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&cache).unwrap()).unwrap();
    let fresh = fixed[key]["access_token"].as_str().unwrap();
    assert!(!fresh.contains('\u{1}') && !fresh.is_empty(), "{fixed}");
}

#[test]
fn config_set_refuses_credentials_in_a_url_and_show_never_prints_them() {
    let dir = tempfile::tempdir().unwrap();
    for key in ["base_url", "token_url"] {
        let out = run_expect(
            common::lsr(dir.path()).args([
                "config",
                "set",
                key,
                "https://user:pa55word@api.example.com/api/v1",
            ]),
            2,
        );
        let all = all_output(&out);
        assert!(!all.contains("pa55word") && !all.contains("user:"), "{all}");
        assert!(all.contains("credentials"), "{all}");
    }
    assert!(!dir.path().join("config.toml").exists());
    // A value that came from elsewhere (the environment, an older config) is shown redacted.
    std::fs::write(
        dir.path().join("config.toml"),
        "[profiles.default]\ntoken_url = \"https://id:s3cret@auth.example.com/token\"\n",
    )
    .unwrap();
    for json in [false, true] {
        let mut cmd = common::lsr(dir.path());
        cmd.env(
            "LSR_BASE_URL",
            "https://user:pa55word@api.example.com/api/v1",
        )
        .args(["config", "show"]);
        if json {
            cmd.arg("--json");
        }
        let out = run_expect(&mut cmd, 0);
        let all = all_output(&out);
        assert!(
            !all.contains("pa55word") && !all.contains("s3cret"),
            "{all}"
        );
        assert!(
            all.contains("https://<redacted>@api.example.com/api/v1"),
            "{all}"
        );
    }
    // Nor does an error about the backend.
    let out = common::lsr(dir.path())
        .env(
            "LSR_BASE_URL",
            "https://user:pa55word@api.example.com/api/v1",
        )
        .env("LSR_ACCOUNT_ID", "9900001")
        .args(["status", "X"])
        .output()
        .unwrap();
    assert!(
        !all_output(&out).contains("pa55word"),
        "{}",
        all_output(&out)
    );
}

#[test]
fn config_set_makes_a_loose_config_directory_private() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("lsr");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    // Reading the configuration changes nothing.
    run_expect(common::lsr(&dir).args(["config", "show"]), 0);
    assert_eq!(mode(&dir), 0o755);
    common::lsr(&dir)
        .args(["config", "set", "client_secret", "-"])
        .write_stdin("s3cr3t\n")
        .assert()
        .success();
    assert_eq!(mode(&dir), 0o700);
    // The history does the same.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o750)).unwrap();
    let sandbox = SandboxProcess::start();
    sandbox.submit_file(&dir, "LOOSE-1", &["919-555-0143"]);
    assert_eq!(mode(&dir), 0o700);
}

#[test]
fn foc_window_far_out_is_quick_and_not_laid_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = common::lsr(dir.path());
    cmd.env("LSR_FORCE_TTY", "1")
        .args(["foc-window", "9999-12-30"])
        .timeout(Duration::from_secs(20));
    let out = run_expect(&mut cmd, 0);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("not drawn"), "{stdout}");
}

#[test]
fn validate_refuses_a_requested_foc_date_more_than_a_year_out() {
    let dir = tempfile::tempdir().unwrap();
    let file = common::write_order_file(dir.path(), "FAR-1", &["919-555-0144"]);
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("+5bd", "2027-12-01");
    std::fs::write(&file, text).unwrap();
    let out = run_expect(
        common::lsr(dir.path())
            .args(["validate", "--from"])
            .arg(&file),
        3,
    );
    assert!(
        all_output(&out).contains("more than a year out"),
        "{}",
        all_output(&out)
    );
}

#[test]
fn sandbox_refuses_a_requested_foc_date_more_than_a_year_out() {
    let sandbox = SandboxProcess::start();
    sandbox.admin(&["clock", "set", common::SANDBOX_START]);
    let body = crate::sandbox::order_xml("FAR-2", &["9195550145"], None)
        .replace("2026-12-03", "2027-12-01");
    let url = format!("{}/accounts/9900001/lsrorders", sandbox.api_url());
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (status, text) = runtime.block_on(async {
        let answer = reqwest::Client::new()
            .post(url)
            .basic_auth("demo-user-1", Some("demo-password-1"))
            .body(body)
            .send()
            .await
            .unwrap();
        (answer.status().as_u16(), answer.text().await.unwrap())
    });
    assert_eq!(status, 400, "{text}");
    assert!(text.contains("more than a year out"), "{text}");
}

/// A FOC order from a broken server, with `edit` applied to its XML.
fn server_order(edit: impl Fn(String) -> String) -> String {
    edit(
        ORDER_XML
            .replace("<OrderStatus>FAILED</OrderStatus>", "<OrderStatus>FOC</OrderStatus>")
            .replace(
                "<RequestedFocDate>2015-11-15</RequestedFocDate>",
                "<RequestedFocDate>2015-11-15</RequestedFocDate><ActualFocDate>2015-11-16</ActualFocDate>",
            ),
    )
}

fn status_of(order_xml: String, args: &[&str]) -> std::process::Output {
    let server = HostileServer::start(move |_, out| {
        reply(out, "200 OK", "application/xml", order_xml.as_bytes())
    });
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = lsr_at(&server.api_url(), dir.path());
    cmd.env("LSR_FORCE_TTY", "1")
        .args(args)
        .arg("status")
        .arg("ORD-1");
    cmd.output().unwrap()
}

#[test]
fn status_of_a_far_future_foc_date_is_quick_and_said_in_words() {
    let order = server_order(|xml| xml.replace("2015-11-16", "9999-12-31"));
    let started = std::time::Instant::now();
    let out = status_of(order, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("9999-12-31"), "{stdout}");
    assert!(stdout.contains("not drawn"), "{stdout}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn status_never_prints_bidi_controls_from_server_text() {
    let order = server_order(|xml| {
        xml.replace("MyId5", "My\u{202E}5dIyM").replace(
            "FOC date cannot fall on a holiday",
            "evil \u{2067}text\u{2069}",
        )
    });
    for args in [&[][..], &["--output", "tsv"], &["--json"]] {
        let out = status_of(order.clone(), args);
        assert_eq!(out.status.code(), Some(0), "{}", all_output(&out));
        let all = all_output(&out);
        for bidi in ['\u{202E}', '\u{2067}', '\u{2069}'] {
            assert!(!all.contains(bidi), "{args:?}: {all}");
        }
        if args == ["--json"] {
            assert!(all.contains(r"My\u202e5dIyM"), "{all}");
        }
    }
}

#[test]
fn validate_never_prints_bidi_controls_from_an_order_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("evil.json");
    std::fs::write(
        &file,
        "{\"pon\": \"ABC\u{202E}DEF\", \"authorizing_person\": \"\u{2066}x\u{2069}\", \"tns\": [\"919\u{202D}5550100\"]}",
    )
    .unwrap();
    for tty in ["0", "1"] {
        let out = common::lsr(dir.path())
            .env("LSR_FORCE_TTY", tty)
            .args(["validate", "--from"])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{}", all_output(&out));
        let all = all_output(&out);
        for bidi in ['\u{202E}', '\u{2066}', '\u{2069}', '\u{202D}'] {
            assert!(!all.contains(bidi), "tty={tty}: {all}");
        }
    }
}
