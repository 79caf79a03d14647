//! Notifications end to end: a sandbox served, `lsr listen` started, `lsr subscribe` pointing at
//! it, an order moved through its lifecycle with the sandbox clock and NPAC commands. The
//! listener's history learns every status from the notifications alone (its config directory
//! never runs `status`), `--exec` gets every event, wrong credentials get 401, and a
//! notification lost while the listener was down is found by its reconcile poll.
//!
//! The notification and subscription shapes follow Bandwidth/api-docs
//! (`site/specs/numbers.yml`, `site/docs/numbers/webhooks.md`, `orderWebhook.md`).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::{SANDBOX_START, SandboxProcess, json_of, run_json};

const USER: &str = "desk";
const PASSWORD: &str = "s3cret-desk";

/// A running `lsr listen`; killed on drop.
struct Listener {
    child: Child,
    url: String,
    stdout: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Listener {
    /// `lsr --json listen` for `sandbox` with its history in `dir`, the password on stdin.
    fn start(sandbox: &SandboxProcess, dir: &Path, extra: &[&str]) -> Listener {
        let mut child = sandbox
            .lsr_process(dir)
            .args([
                "--json",
                "listen",
                "--listen",
                "127.0.0.1:0",
                "--user",
                USER,
                "--password-file",
                "-",
            ])
            .args(extra)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start lsr listen");
        {
            let mut stdin = child.stdin.take().expect("listen stdin");
            writeln!(stdin, "{PASSWORD}").unwrap();
        }
        let mut reader = BufReader::new(child.stdout.take().expect("listen stdout"));
        let mut first = String::new();
        reader.read_line(&mut first).expect("the listening line");
        // `--json`: the first line is a JSON document saying where it listens.
        let listening: Value = serde_json::from_str(&first)
            .unwrap_or_else(|e| panic!("unexpected first line ({e}): {first:?}"));
        crate::common::assert_schema("listen", &listening);
        let url = listening["listening"].as_str().unwrap().to_string();
        let stdout = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let sink = stdout.clone();
        std::thread::spawn(move || {
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
                sink.lock().unwrap().push_str(&line);
                line.clear();
            }
        });
        Listener { child, url, stdout }
    }

    /// The JSON lines printed so far.
    fn events(&self) -> Vec<Value> {
        self.stdout
            .lock()
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
            .inspect(|event| crate::common::assert_schema("listen", event))
            .collect()
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `check` until it gives a value (at most 30 s), failing with `what` otherwise.
fn eventually<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn password_file(dir: &Path) -> PathBuf {
    let path = dir.join("callback-password");
    std::fs::write(&path, format!("{PASSWORD}\n")).unwrap();
    path
}

/// `status --local --json` of the listener's history (no network); `Null` while the history
/// does not know the order.
fn local_status(sandbox: &SandboxProcess, dir: &Path, order: &str) -> Value {
    let out = sandbox
        .lsr(dir)
        .args(["--json", "status", order, "--local"])
        .output()
        .unwrap();
    if out.status.code() == Some(7) {
        return Value::Null;
    }
    json_of(&out)
}

fn statuses_by(status: &Value, source: &str) -> Vec<String> {
    status["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["source"] == source)
        .map(|e| e["status"].as_str().unwrap().to_string())
        .collect()
}

fn subscribe(sandbox: &SandboxProcess, dir: &Path, url: &str, password: &Path) -> String {
    let created = sandbox.json(
        dir,
        &[
            "subscribe",
            "--url",
            url,
            "--user",
            USER,
            "--password-file",
            password.to_str().unwrap(),
            "--expiry",
            "30d",
        ],
    );
    assert_eq!(created["order_type"], "lsrorders");
    assert_eq!(created["user"], USER);
    created["subscription_id"].as_str().unwrap().to_string()
}

#[test]
fn listen_records_each_status_from_notifications_and_runs_exec() {
    let sandbox = SandboxProcess::start();
    sandbox.admin(&["clock", "set", SANDBOX_START]);
    let listener_dir = tempfile::tempdir().unwrap();
    let desk_dir = tempfile::tempdir().unwrap();
    let exec_log = listener_dir.path().join("events.jsonl");
    let exec = format!("cat >> '{}'", exec_log.display());
    let listener = Listener::start(&sandbox, listener_dir.path(), &["--exec", &exec]);
    let password = password_file(desk_dir.path());
    let subscription = subscribe(&sandbox, desk_dir.path(), &listener.url, &password);

    // The desk submits from another machine: the listener hears of the order only by
    // notification.
    let placed = sandbox.submit_file(desk_dir.path(), "NOTE-0001", &["919-720-6100"]);
    let id = placed["orders"][0]["order_id"]
        .as_str()
        .unwrap()
        .to_string();
    eventually("the FOC notification", || {
        let s = local_status(&sandbox, listener_dir.path(), &id);
        (s["status"] == "FOC").then_some(())
    });
    let foc = local_status(&sandbox, listener_dir.path(), &id);
    assert_eq!(foc["actual_foc_date"], "2026-12-07", "{foc}");
    assert_eq!(foc["pon"], "NOTE-0001");

    sandbox.admin(&["npac", "subscribe", &id, "--medium-timers"]);
    sandbox.admin(&["clock", "set", "2026-12-07T15:00:00Z"]);
    sandbox.admin(&["npac", "activate", &id]);
    run_json(
        sandbox.lsr(desk_dir.path()).args([
            "--json",
            "notes",
            &id,
            "add",
            "customer confirmed the port",
        ]),
        0,
    );
    let done = eventually("the COMPLETE notification and the note", || {
        let s = local_status(&sandbox, listener_dir.path(), &id);
        (s["status"] == "COMPLETE" && !s["notes"].as_array().unwrap().is_empty()).then_some(s)
    });
    assert_eq!(
        statuses_by(&done, "notification"),
        vec!["PENDING", "FOC", "COMPLETE"],
        "{done}"
    );
    assert!(statuses_by(&done, "read").is_empty(), "{done}");
    assert_eq!(done["notes"][0]["text"], "customer confirmed the port");
    assert_eq!(done["notes"][0]["source"], "notification");
    // `search --local` sees it at once too.
    let found = sandbox.json(
        listener_dir.path(),
        &["search", "--local", "--pon", "NOTE-0001"],
    );
    assert_eq!(found["orders"][0]["status"], "COMPLETE", "{found}");

    // Every event went to stdout and to --exec, as JSON.
    let printed = listener.events();
    let exec_events = eventually("--exec to see the note", || {
        let text = std::fs::read_to_string(&exec_log).ok()?;
        let events: Vec<Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        events
            .iter()
            .any(|e| e["note"].is_string())
            .then_some(events)
    });
    for events in [&printed, &exec_events] {
        let statuses: Vec<&str> = events
            .iter()
            .filter(|e| e["note"].is_null())
            .map(|e| e["status"].as_str().unwrap())
            .collect();
        for status in ["PENDING", "FOC", "COMPLETE"] {
            assert!(statuses.contains(&status), "{status} missing: {events:?}");
        }
        assert!(
            events
                .iter()
                .all(|e| e["subscription_id"] == subscription.as_str() || e["source"] == "poll")
        );
    }
    let last = exec_events
        .iter()
        .find(|e| e["status"] == "COMPLETE" && e["note"].is_null())
        .unwrap();
    assert_eq!(last["order"], "NOTE-0001@1");
    assert_eq!(last["source"], "notification");
    assert_eq!(last["view"]["status"], "COMPLETE");

    // The sandbox recorded the last delivery's outcome.
    let shown = sandbox.json(desk_dir.path(), &["subscriptions", "show", &subscription]);
    assert_eq!(shown["last_status"], "200 OK", "{shown}");
}

/// A raw HTTP/1.1 POST with the given Authorization header; the answer's head.
fn raw_post(url: &str, authorization: Option<&str>) -> String {
    let addr = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    let body = "<Notification><Status>FOC</Status></Notification>";
    let auth = authorization
        .map(|a| format!("Authorization: {a}\r\n"))
        .unwrap_or_default();
    write!(
        stream,
        "POST /bw HTTP/1.1\r\nHost: {addr}\r\n{auth}Content-Type: application/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

#[test]
fn listen_refuses_wrong_credentials_with_401() {
    use base64::Engine as _;
    let sandbox = SandboxProcess::start();
    let listener_dir = tempfile::tempdir().unwrap();
    let listener = Listener::start(&sandbox, listener_dir.path(), &["--reconcile", "0"]);
    let basic = |pair: &str| {
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(pair)
        )
    };
    for auth in [
        None,
        Some(basic("desk:wrong")),
        Some(basic("other:s3cret-desk")),
    ] {
        let answer = raw_post(&listener.url, auth.as_deref());
        assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
        assert!(
            answer
                .to_ascii_lowercase()
                .contains("www-authenticate: basic"),
            "{answer}"
        );
    }
    let ok = raw_post(&listener.url, Some(&basic(&format!("{USER}:{PASSWORD}"))));
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");

    // A subscription with the wrong password: the sandbox's delivery is refused, and says so.
    let desk_dir = tempfile::tempdir().unwrap();
    let wrong = desk_dir.path().join("wrong");
    std::fs::write(&wrong, "not-the-password\n").unwrap();
    let subscription = subscribe(&sandbox, desk_dir.path(), &listener.url, &wrong);
    sandbox.submit_file(desk_dir.path(), "WRONG-0001", &["919-720-6101"]);
    let shown = eventually("the refused delivery", || {
        let shown = sandbox.json(desk_dir.path(), &["subscriptions", "show", &subscription]);
        shown["last_status"].is_string().then_some(shown)
    });
    assert_eq!(shown["last_status"], "401 Unauthorized", "{shown}");
    assert!(listener.events().is_empty(), "{:?}", listener.events());
}

#[test]
fn listen_reconcile_finds_a_notification_lost_while_down() {
    let sandbox = SandboxProcess::start();
    sandbox.admin(&["clock", "set", SANDBOX_START]);
    let listener_dir = tempfile::tempdir().unwrap();
    let desk_dir = tempfile::tempdir().unwrap();
    let listener = Listener::start(&sandbox, listener_dir.path(), &[]);
    let password = password_file(desk_dir.path());
    let subscription = subscribe(&sandbox, desk_dir.path(), &listener.url, &password);
    let placed = sandbox.submit_file(desk_dir.path(), "LOST-0001", &["919-720-6102"]);
    let id = placed["orders"][0]["order_id"]
        .as_str()
        .unwrap()
        .to_string();
    eventually("the FOC notification", || {
        (local_status(&sandbox, listener_dir.path(), &id)["status"] == "FOC").then_some(())
    });

    // The listener goes down; the cancel's notification finds nobody (and is not retried).
    drop(listener);
    run_json(
        sandbox
            .lsr(desk_dir.path())
            .args(["--json", "cancel", &id, "--yes"]),
        0,
    );
    let lost = eventually("the failed delivery", || {
        let shown = sandbox.json(desk_dir.path(), &["subscriptions", "show", &subscription]);
        shown["last_status"]
            .as_str()
            .is_some_and(|s| s.starts_with("not delivered"))
            .then_some(shown)
    });
    assert!(
        lost["last_status"]
            .as_str()
            .unwrap()
            .contains("cannot connect"),
        "{lost}"
    );
    assert_eq!(
        local_status(&sandbox, listener_dir.path(), &id)["status"],
        "FOC"
    );

    // Back up: the reconcile poll at start finds the cancel, marked as found by polling.
    let listener = Listener::start(&sandbox, listener_dir.path(), &["--reconcile", "1h"]);
    let after = eventually("the reconcile poll", || {
        let s = local_status(&sandbox, listener_dir.path(), &id);
        (s["status"] == "CANCELLED").then_some(s)
    });
    assert_eq!(statuses_by(&after, "poll"), vec!["CANCELLED"], "{after}");
    let found = eventually("the printed poll event", || {
        listener
            .events()
            .into_iter()
            .find(|e| e["source"] == "poll")
    });
    assert_eq!(found["status"], "CANCELLED");
    assert_eq!(found["previous_status"], "FOC");
    assert_eq!(found["order"], "LOST-0001@1");
}

#[tokio::test]
async fn listen_serves_https_with_a_certificate_and_key() {
    let sandbox = SandboxProcess::start();
    let dir = tempfile::tempdir().unwrap();
    let tls = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tls");
    let cert = tls.join("self-signed.cert.pem");
    let key = tls.join("self-signed.key.pem");
    let listener = Listener::start(
        &sandbox,
        dir.path(),
        &[
            "--reconcile",
            "0",
            "--tls-cert",
            cert.to_str().unwrap(),
            "--tls-key",
            key.to_str().unwrap(),
        ],
    );
    assert!(
        listener.url.starts_with("https://127.0.0.1:"),
        "{}",
        listener.url
    );
    // The fixture is a self-signed CA certificate, which WebPKI refuses as a server's; this test
    // is about listen speaking TLS, so the client does not verify it.
    let client = reqwest::Client::builder()
        .danger_accept_invalid_certs(true)
        .build()
        .unwrap();
    let post = |user: &str, password: &str| {
        client
            .post(format!("{}/bw", listener.url))
            .basic_auth(user, Some(password))
            .body("<Notification><OrderType>lsrorders</OrderType></Notification>")
            .send()
    };
    assert_eq!(post(USER, "wrong").await.unwrap().status(), 401);
    assert_eq!(post(USER, PASSWORD).await.unwrap().status(), 200);
}

#[test]
fn subscribe_twice_to_the_same_url_is_refused_with_a_hint() {
    let sandbox = SandboxProcess::start();
    let dir = tempfile::tempdir().unwrap();
    let password = password_file(dir.path());
    subscribe(&sandbox, dir.path(), "http://127.0.0.1:9/bw", &password);
    let out = crate::common::run_expect(
        sandbox.lsr(dir.path()).args([
            "subscribe",
            "--url",
            "http://127.0.0.1:9/bw",
            "--user",
            USER,
            "--password-file",
            password.to_str().unwrap(),
        ]),
        4,
    );
    let stderr = crate::common::stderr_of(&out);
    assert!(stderr.contains("is subscribed already"), "{stderr}");
    assert!(stderr.contains("lsr subscriptions list"), "{stderr}");
    assert!(!stderr.contains(PASSWORD), "{stderr}");
    // A password without a user is a usage error before anything is sent.
    crate::common::run_expect(
        sandbox.lsr(dir.path()).args([
            "subscribe",
            "--url",
            "http://127.0.0.1:9/x",
            "--password-file",
            password.to_str().unwrap(),
        ]),
        2,
    );
}
