//! `lsr sandbox serve|clock|npac|inventory|faults|reset` as processes: the listening line, the
//! admin commands against a running server (`--url`) and against the embedded store.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use lsr::sandbox::{DEMO_ACCOUNT_1, SandboxConfig, embedded};
use predicates::prelude::*;

use crate::common::lsr;
use crate::sandbox::{USER_1, order_xml};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Starts `lsr sandbox serve` and returns the process and its base URL (from the first line).
fn spawn_serve(config_dir: &std::path::Path, data: &std::path::Path) -> (Child, String) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("lsr"))
        .env_clear()
        .env("LSR_CONFIG_DIR", config_dir)
        .env("NO_COLOR", "1")
        .args(["sandbox", "serve", "--processing-delay", "0", "--data"])
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let line = first.trim_end().to_string();
    let base = line
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    (child, base)
}

fn terminate(mut child: Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    for _ in 0..100 {
        if let Some(exit) = child.try_wait().unwrap() {
            assert!(exit.success(), "serve exited with {exit}");
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap();
    panic!("`lsr sandbox serve` did not stop on SIGTERM");
}

fn create_order(base: &str, pon: &str, tn: &str) -> String {
    runtime().block_on(async {
        let response = reqwest::Client::new()
            .post(format!(
                "{base}/api/v1/accounts/{}/lsrorders",
                DEMO_ACCOUNT_1.account_id
            ))
            .basic_auth(USER_1.0, Some(USER_1.1))
            .body(order_xml(pon, &[tn], None))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201);
        let body = response.text().await.unwrap();
        let parsed: lsr::wire::LsrOrderResponse = lsr::wire::decode(body.as_bytes()).unwrap();
        parsed.lsr_order.unwrap().order_id.unwrap()
    })
}

fn order_status(base: &str, id: &str) -> (u16, Option<String>) {
    runtime().block_on(async {
        let response = reqwest::Client::new()
            .get(format!(
                "{base}/api/v1/accounts/{}/lsrorders/{id}",
                DEMO_ACCOUNT_1.account_id
            ))
            .basic_auth(USER_1.0, Some(USER_1.1))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let body = response.text().await.unwrap();
        let order: Option<lsr::wire::LsrOrder> = lsr::wire::decode(body.as_bytes()).ok();
        (status, order.and_then(|o| o.order_status))
    })
}

#[test]
fn sandbox_serve_prints_the_listening_line_and_keeps_state_across_restarts() {
    let config = tempfile::tempdir().unwrap();
    let data = config.path().join("data");
    let (child, base) = spawn_serve(config.path(), &data);
    assert!(
        predicate::str::is_match(r"^http://127\.0\.0\.1:\d+$")
            .unwrap()
            .eval(&base),
        "{base}"
    );
    let id = create_order(&base, "SERVE-1", "9192380130");
    terminate(child);

    let (child, base) = spawn_serve(config.path(), &data);
    let (status, order_status) = order_status(&base, &id);
    assert_eq!(status, 200);
    assert_eq!(order_status.as_deref(), Some("FOC"));
    terminate(child);
}

fn embedded_server(dir: &std::path::Path) -> embedded::EmbeddedSandbox {
    let mut config = SandboxConfig::new(dir.join("sandbox"));
    config.processing_delay = Duration::ZERO;
    embedded::start_with(config).unwrap()
}

#[test]
fn sandbox_admin_commands_drive_a_running_server_with_url() {
    let config = tempfile::tempdir().unwrap();
    let server = embedded_server(&config.path().join("server"));
    let url = server.base_url().to_string();
    lsr(config.path())
        .args([
            "sandbox",
            "clock",
            "set",
            "2026-11-30T12:00:00Z",
            "--url",
            &url,
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("2026-11-30T12:00:0"));
    lsr(config.path())
        .args(["sandbox", "clock", "advance", "6h", "--url", &url])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("2026-11-30T18:00:0"));

    let id = create_order(&url, "CLI-1", "9192380140");
    assert_eq!(order_status(&url, &id).1.as_deref(), Some("FOC"));
    lsr(config.path())
        .args([
            "sandbox",
            "npac",
            "subscribe",
            &id,
            "--medium-timers",
            "--url",
            &url,
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "concurrence: due 2026-12-01T00:00:0",
        ));
    lsr(config.path())
        .args(["sandbox", "clock", "advance", "7h", "--url", &url])
        .assert()
        .success();
    // Concurred, but the FOC date (2026-12-03) is still ahead: refused, exit 4.
    lsr(config.path())
        .args(["sandbox", "npac", "activate", &id, "--url", &url])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("before its FOC date"));
    lsr(config.path())
        .args([
            "sandbox",
            "clock",
            "set",
            "2026-12-03T10:00:00Z",
            "--url",
            &url,
        ])
        .assert()
        .success();
    lsr(config.path())
        .args(["sandbox", "npac", "activate", "CLI-1", "--url", &url])
        .assert()
        .success()
        .stdout(predicate::str::contains("COMPLETE"));
    lsr(config.path())
        .args([
            "sandbox",
            "npac",
            "activate",
            "no-such-order",
            "--url",
            &url,
        ])
        .assert()
        .code(7);

    lsr(config.path())
        .args([
            "sandbox",
            "faults",
            "set",
            "--error-rate",
            "0.25",
            "--url",
            &url,
        ])
        .assert()
        .success();
    let shown = lsr(config.path())
        .args(["--json", "sandbox", "faults", "show", "--url", &url])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let faults: serde_json::Value = serde_json::from_slice(&shown).unwrap();
    assert_eq!(faults["error_rate"], 0.25);
    assert_eq!(faults["latency_ms"], 0);
    lsr(config.path())
        .args([
            "sandbox",
            "faults",
            "set",
            "--error-rate",
            "2",
            "--url",
            &url,
        ])
        .assert()
        .code(4);
    lsr(config.path())
        .args(["sandbox", "faults", "clear", "--url", &url])
        .assert()
        .success()
        .stdout("no faults\n");

    lsr(config.path())
        .args([
            "sandbox",
            "inventory",
            "add",
            "9192380150",
            "--behaviour",
            "disconnected",
            "--url",
            &url,
        ])
        .assert()
        .success();
    lsr(config.path())
        .args(["sandbox", "inventory", "--url", &url])
        .assert()
        .success()
        .stdout(predicate::str::contains("5000-5999"))
        .stdout(predicate::str::contains("9192380150\tdisconnected"));
    let disconnected = create_order(&url, "CLI-2", "9192380150");
    assert_eq!(
        order_status(&url, &disconnected).1.as_deref(),
        Some("CANCELLED")
    );

    lsr(config.path())
        .args(["sandbox", "reset", "--url", &url])
        .assert()
        .success();
    assert_eq!(order_status(&url, &id).0, 404);
}

#[test]
fn sandbox_commands_without_url_use_the_embedded_store() {
    let config = tempfile::tempdir().unwrap();
    lsr(config.path())
        .args(["sandbox", "inventory"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "9000-9999\tnot a Bandwidth TN: CANCELLED, 7516",
        ));
    lsr(config.path())
        .args(["sandbox", "clock", "set", "2026-12-01"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("2026-12-01T00:00:0"));
    lsr(config.path())
        .args(["sandbox", "faults", "set", "--latency-ms", "5"])
        .assert()
        .success();
    lsr(config.path())
        .args(["sandbox", "faults", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("latency_ms\t5"));
    lsr(config.path())
        .args(["sandbox", "npac", "subscribe", "nothing-here"])
        .assert()
        .code(7);

    // The embedded sandbox opens the same store: it sees the clock set above.
    let embedded = embedded::start(config.path()).unwrap();
    let today = runtime().block_on(async {
        let body = reqwest::get(format!("{}/sandbox/clock", embedded.base_url()))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        serde_json::from_str::<serde_json::Value>(&body).unwrap()["today"].clone()
    });
    assert_eq!(today, "2026-12-01");
    embedded.shutdown().unwrap();

    lsr(config.path())
        .args(["sandbox", "reset"])
        .assert()
        .success();
    lsr(config.path())
        .args(["sandbox", "faults", "show"])
        .assert()
        .success()
        .stdout("no faults\n");
}
