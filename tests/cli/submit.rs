//! `lsr submit` and `lsr status` end to end against a real sandbox process.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::common::{SandboxProcess, all_output, run_expect, run_json, write_order_file};

/// The R4 text of 17008, as the FAQ writes it.
fn r4_text(tn: &str, pon: &str, foc_mm_dd_yyyy: &str) -> String {
    format!(
        "TNs found with a pending FOC Date: TN: [{tn}], PON: [{pon}], FOC Date: [{foc_mm_dd_yyyy}]"
    )
}

fn mm_dd_yyyy(iso: &str) -> String {
    let d = chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap();
    d.format("%m/%d/%Y").to_string()
}

#[test]
fn submit_places_the_order_and_status_follows_it_to_foc() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    let answer = sandbox.submit_file(config.path(), "STORY-1", &["919-720-6100", "919-720-6101"]);
    let order = &answer["orders"][0];
    assert_eq!(order["pon"], "STORY-1");
    assert_eq!(order["pon_version"], 1);
    assert_eq!(order["status"], "PENDING");
    assert_eq!(order["tns"].as_array().unwrap().len(), 2);
    assert!(
        order["customer_order_id"]
            .as_str()
            .is_some_and(|c| !c.is_empty())
    );
    // Processing delay 0: the next look sees the FOC, with the R1 window and R2 next steps.
    let status = sandbox.json(config.path(), &["status", "STORY-1"]);
    assert_eq!(status["status"], "FOC");
    assert!(status["actual_foc_date"].is_string());
    assert!(status["foc_window_last_day"].is_string());
    let steps = status["next_steps"].to_string();
    assert!(steps.contains("6 hours"), "{steps}");
    // By id and by PON@1 too.
    let id = order["order_id"].as_str().unwrap();
    assert_eq!(sandbox.json(config.path(), &["status", id])["order_id"], id);
    assert_eq!(
        sandbox.json(config.path(), &["status", "STORY-1@1"])["order_id"],
        id
    );
}

#[test]
fn submit_catches_17008_from_the_history_before_sending() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    sandbox.submit_file(config.path(), "FIRST-1", &["919-720-6200"]);
    let first = sandbox.json(config.path(), &["status", "FIRST-1"]);
    assert_eq!(first["status"], "FOC");
    let foc = first["actual_foc_date"].as_str().unwrap().to_string();

    let file = write_order_file(config.path(), "SECOND-1", &["919-720-6200", "919-720-6201"]);
    let out = sandbox
        .lsr(config.path())
        .args(["submit", "--from"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&r4_text("9197206200", "FIRST-1", &mm_dd_yyyy(&foc))),
        "{stderr}"
    );
    assert!(stderr.contains("17008"), "{stderr}");
    // Nothing was sent.
    let search = sandbox.json(config.path(), &["search", "--pon", "SECOND-1"]);
    assert_eq!(search["orders"].as_array().map(Vec::len), Some(0));
}

#[test]
fn submit_catches_17008_from_the_backend_with_an_empty_history() {
    let sandbox = SandboxProcess::start();
    let someone_else = tempfile::tempdir().unwrap();
    sandbox.submit_file(someone_else.path(), "OTHER-1", &["919-720-6300"]);
    let foc = sandbox.json(someone_else.path(), &["status", "OTHER-1"])["actual_foc_date"]
        .as_str()
        .unwrap()
        .to_string();

    let me = tempfile::tempdir().unwrap();
    let file = write_order_file(me.path(), "MINE-1", &["919-720-6300"]);
    let answer = run_json(
        sandbox
            .lsr(me.path())
            .args(["--json", "submit", "--from"])
            .arg(&file),
        3,
    );
    assert_eq!(answer["orders"].as_array().unwrap().len(), 0);
    let finding = answer["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == 17008)
        .expect("a 17008 finding");
    assert_eq!(
        finding["message"],
        r4_text("9197206300", "OTHER-1", &mm_dd_yyyy(&foc))
    );

    // --force sends it anyway; the sandbox then fails it with 17008 itself.
    run_expect(
        sandbox
            .lsr(me.path())
            .args(["--json", "submit", "--force", "--from"])
            .arg(&file),
        0,
    );
    let status = sandbox.json(me.path(), &["status", "MINE-1"]);
    assert_eq!(status["status"], "FAILED");
    assert_eq!(status["errors"][0]["code"], 17008);
}

#[test]
fn submit_wait_times_out_with_exit_8() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    // Line 2000–2999: manual handling, PENDING for 24 hours (R6).
    let file = write_order_file(config.path(), "SLOW-1", &["919-720-2100"]);
    let out = run_expect(
        sandbox
            .lsr(config.path())
            .args(["submit", "--wait", "foc", "--timeout", "2s", "--from"])
            .arg(&file),
        8,
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("still PENDING"), "{stderr}");
}

#[test]
fn submit_with_wrong_credentials_exits_6_without_leaking_the_secret() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    let file = write_order_file(config.path(), "AUTH-1", &["919-720-6400"]);
    let secret = "not-the-secret-5eb3";
    let out = sandbox
        .lsr(config.path())
        .env("LSR_CLIENT_SECRET", secret)
        .args(["-vv", "submit", "--from"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    let all = all_output(&out);
    assert!(all.contains("hint:"), "{all}");
    assert!(!all.contains(secret), "the secret leaked: {all}");
    // Legacy Basic with a bad password: same.
    let out = sandbox
        .lsr(config.path())
        .env_remove("LSR_CLIENT_ID")
        .env_remove("LSR_CLIENT_SECRET")
        .env("LSR_USERNAME", "demo-user-1")
        .env("LSR_PASSWORD", secret)
        .args(["-v", "status", "AUTH-1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    let all = all_output(&out);
    assert!(!all.contains(secret), "the secret leaked: {all}");
}

#[test]
fn submit_caches_the_token_in_a_private_file() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    sandbox.submit_file(config.path(), "TOKEN-1", &["919-720-6500"]);
    let cache = config.path().join("token-cache.json");
    let text = std::fs::read_to_string(&cache).unwrap();
    assert!(text.contains("access_token"));
    assert!(!text.contains(crate::common::DEMO_CLIENT_SECRET));
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&cache).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn submit_never_places_an_order_twice_when_answers_are_dropped() {
    let sandbox = SandboxProcess::start();
    sandbox.admin(&["faults", "set", "--drop-after-commit", "0.3"]);
    let config = tempfile::tempdir().unwrap();
    let mut recovered = 0;
    for i in 0..50 {
        let pon = format!("DROP-{i:03}");
        let tn = format!("919-721-{:04}", 6000 + i);
        let file = write_order_file(config.path(), &pon, &[&tn]);
        let out = sandbox
            .lsr(config.path())
            .args(["submit", "--from"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{pon}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if String::from_utf8_lossy(&out.stderr).contains("not sent twice") {
            recovered += 1;
        }
    }
    sandbox.admin(&["faults", "clear"]);
    assert!(
        recovered > 0,
        "30% drops over 50 orders never exercised the recovery"
    );
    for i in 0..50 {
        let pon = format!("DROP-{i:03}");
        let found = sandbox.json(config.path(), &["search", "--pon", &pon]);
        assert_eq!(found["orders"].as_array().unwrap().len(), 1, "{pon}");
    }
}

#[test]
fn submit_eight_processes_in_parallel_lose_no_history_entry() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    let files: Vec<_> = (0..8)
        .map(|i| {
            write_order_file(
                config.path(),
                &format!("PAR-{i}"),
                &[&format!("919-722-{:04}", 6000 + i)],
            )
        })
        .collect();
    let children: Vec<_> = files
        .iter()
        .map(|file| {
            let mut c = sandbox.lsr_process(config.path());
            c.args(["submit", "--from"])
                .arg(file)
                .stdout(std::process::Stdio::null());
            c.spawn().unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let out = sandbox
        .lsr(config.path())
        .args(["--json", "search", "--local"])
        .output()
        .unwrap();
    if out.status.success() {
        let pons: std::collections::BTreeSet<String> = crate::common::json_of(&out)["orders"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["pon"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(pons.len(), 8, "{pons:?}");
    } else {
        // Before `search --local` exists: every PON resolves from the history alone.
        for i in 0..8 {
            let db = config.path().join("history.sqlite3");
            let store = lsr::history::HistoryStore::open(&db).unwrap();
            let key =
                lsr::history::BackendKey::new(&sandbox.api_url(), crate::common::DEMO_ACCOUNT);
            let found = store
                .resolve_ref(&key, &format!("PAR-{i}").parse().unwrap())
                .unwrap();
            assert!(found.is_some(), "PAR-{i} missing from the history");
        }
    }
}

/// A server that fails the first `failures` requests with 503, then serves Bandwidth's GET
/// example; counts requests for one order (the list lsr reads the first time it sees an order's
/// PON is answered, not counted).
fn flaky_server(failures: usize) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&hits);
    let body = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/wire/get-lsrorders-id-200-example.xml"),
    )
    .unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 8192];
            let read = stream.read(&mut buf).unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..read]);
            let target = request.split(' ').nth(1).unwrap_or_default();
            if target.ends_with("/lsrorders") || target.contains("/lsrorders?") {
                let empty = "<LsrOrders><TotalCount>0</TotalCount></LsrOrders>";
                let _ = write!(
                    stream,
                    "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{empty}",
                    empty.len()
                );
                continue;
            }
            let n = counter.fetch_add(1, Ordering::SeqCst);
            let reply = if n < failures {
                "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 0\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string()
            } else {
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                )
            };
            let _ = stream.write_all(reply.as_bytes());
        }
    });
    (format!("http://127.0.0.1:{}/api/v1", addr.port()), hits)
}

#[test]
fn status_retries_a_burst_of_5xx_on_get() {
    let (url, hits) = flaky_server(3);
    let config = tempfile::tempdir().unwrap();
    let status = run_json(
        crate::common::lsr(config.path())
            .env("LSR_BASE_URL", &url)
            .env("LSR_ACCOUNT_ID", "9999999")
            .env("LSR_USERNAME", "u")
            .env("LSR_PASSWORD", "p")
            .args(["--json", "status", "00cf7e08-cab0-4515-9a77-2d0a7da09415"]),
        0,
    );
    assert_eq!(status["status"], "FAILED");
    assert_eq!(hits.load(Ordering::SeqCst), 4);
}

#[test]
fn status_gives_up_after_bounded_retries_with_exit_5() {
    let (url, hits) = flaky_server(usize::MAX);
    let config = tempfile::tempdir().unwrap();
    run_expect(
        crate::common::lsr(config.path())
            .env("LSR_BASE_URL", &url)
            .env("LSR_ACCOUNT_ID", "9999999")
            .env("LSR_USERNAME", "u")
            .env("LSR_PASSWORD", "p")
            .args(["status", "00cf7e08-cab0-4515-9a77-2d0a7da09415"]),
        5,
    );
    assert_eq!(hits.load(Ordering::SeqCst), 5, "one try and four retries");
}

#[test]
fn status_of_an_unknown_order_exits_7_with_the_r12_hint() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    let out = sandbox
        .lsr(config.path())
        .args(["status", "NOSUCH-1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not found") && stderr.contains("by LSR"),
        "{stderr}"
    );
}

#[test]
fn submit_refuses_plain_http_off_loopback() {
    let config = tempfile::tempdir().unwrap();
    let file = write_order_file(config.path(), "TLS-1", &["919-720-6600"]);
    let out = crate::common::lsr(config.path())
        .env("LSR_BASE_URL", "http://example.com/api/v1")
        .env("LSR_ACCOUNT_ID", "1")
        .env("LSR_CLIENT_ID", "a")
        .env("LSR_CLIENT_SECRET", "b")
        .args(["submit", "--from"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not https"));
}

#[test]
fn status_verbose_shows_requests_but_never_credentials() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    sandbox.submit_file(config.path(), "VERB-1", &["919-720-6700"]);
    std::fs::remove_file(config.path().join("token-cache.json")).unwrap();
    let out = sandbox
        .lsr(config.path())
        .args(["-vv", "status", "VERB-1"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("> POST ") && stderr.contains("oauth2/token"),
        "{stderr}"
    );
    assert!(
        stderr.contains("> GET ") && stderr.contains("< 200 GET"),
        "{stderr}"
    );
    let cache = std::fs::read_to_string(config.path().join("token-cache.json")).unwrap();
    let token: serde_json::Value = serde_json::from_str(&cache).unwrap();
    let token = token.as_object().unwrap().values().next().unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let all = format!("{}{stderr}", String::from_utf8_lossy(&out.stdout));
    assert!(!all.contains(&token), "the bearer token leaked");
    assert!(
        !all.contains(crate::common::DEMO_CLIENT_SECRET),
        "the secret leaked"
    );
}
