//! The sandbox hardened (issue 14): a `lsr sandbox serve` process under a flood of strangers
//! keeps its memory and keeps answering, two processes share one store, the admin endpoints
//! refuse web pages and answer local clients on a dual-stack listener, the clock stays in a sane
//! range, and the embedded store is private and keeps no PIN.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::common::{self, SandboxProcess, SandboxWorld, all_output, run_expect};
use crate::sandbox::order_xml;

/// `Authorization` for the first demo account's API user.
fn demo_basic() -> String {
    use base64::Engine as _;
    let pair = "demo-user-1:demo-password-1";
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(pair)
    )
}

fn addr_of(url: &str) -> SocketAddr {
    let host_port = url.trim_start_matches("http://");
    let port = host_port.rsplit(':').next().unwrap();
    format!("127.0.0.1:{port}").parse().unwrap()
}

/// One request on a fresh connection; the status code, or `None` when no answer came within
/// `within`.
fn request(addr: SocketAddr, raw: &str, within: Duration) -> Option<u16> {
    let mut stream = TcpStream::connect_timeout(&addr, within).ok()?;
    stream.set_read_timeout(Some(within)).ok()?;
    stream.write_all(raw.as_bytes()).ok()?;
    let mut line = String::new();
    BufReader::new(stream).read_line(&mut line).ok()?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// An authenticated list of the demo account's orders: what a normal client does.
fn list_orders(addr: SocketAddr, within: Duration) -> Option<u16> {
    let raw = format!(
        "GET /api/v1/accounts/9900001/lsrorders HTTP/1.1\r\nHost: {addr}\r\n\
         Authorization: {}\r\nConnection: close\r\n\r\n",
        demo_basic()
    );
    request(addr, &raw, within)
}

/// The resident memory of a process, in KiB.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap()
}

/// A client that announces a 16 MB body and sends it slowly until the server stops reading.
fn slow_body_sender(addr: SocketAddr, authorization: Option<String>, stop: Arc<AtomicBool>) {
    let Ok(mut stream) = TcpStream::connect(addr) else {
        return;
    };
    let auth = authorization
        .map(|a| format!("Authorization: {a}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "POST /api/v1/accounts/9900001/lsrorders HTTP/1.1\r\nHost: {addr}\r\n{auth}\
         Content-Type: application/xml\r\nContent-Length: 16000000\r\n\r\n"
    );
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    let chunk = vec![b'A'; 64 * 1024];
    let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
    while !stop.load(Ordering::Relaxed) {
        if stream.write_all(&chunk).is_err() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn sandbox_serve_keeps_answering_while_strangers_flood_it() {
    // At `ulimit -n 256` (as the attack was reproduced), 300 half-sent request heads and 60
    // POSTs announcing 16 MB bodies (40 without credentials, 20 with the public demo ones).
    let sandbox =
        SandboxProcess::start_with(tempfile::tempdir().unwrap(), "127.0.0.1:0", Some(256));
    let addr = addr_of(&sandbox.url);
    assert_eq!(list_orders(addr, Duration::from_secs(5)), Some(200));
    let baseline = rss_kib(sandbox.pid());
    let stop = Arc::new(AtomicBool::new(false));
    let mut half_sent = Vec::new();
    for _ in 0..300 {
        if let Ok(mut stream) = TcpStream::connect(addr) {
            let _ = stream
                .write_all(b"POST /api/v1/accounts/9900001/lsrorders HTTP/1.1\r\nHost: x\r\n");
            half_sent.push(stream);
        }
    }
    let senders: Vec<_> = (0..60)
        .map(|i| {
            let auth = (i % 3 == 0).then(demo_basic);
            let stop = stop.clone();
            std::thread::spawn(move || slow_body_sender(addr, auth, stop))
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let mut peak = 0;
    let mut answers = Vec::new();
    for _ in 0..8 {
        let started = Instant::now();
        let status = list_orders(addr, Duration::from_secs(1));
        answers.push((status, started.elapsed()));
        peak = peak.max(rss_kib(sandbox.pid()));
        std::thread::sleep(Duration::from_millis(500));
    }
    stop.store(true, Ordering::Relaxed);
    for sender in senders {
        let _ = sender.join();
    }
    drop(half_sent);
    for (status, took) in &answers {
        assert_eq!(
            *status,
            Some(200),
            "a normal request went unanswered: {answers:?}"
        );
        assert!(*took < Duration::from_secs(1), "{answers:?}");
    }
    // Before the fix the server held each unfinished body: 60 × 16 MB, near 1 GB.
    let growth_mib = peak.saturating_sub(baseline) / 1024;
    eprintln!("baseline {baseline} KiB, peak {peak} KiB; answers {answers:?}");
    assert!(
        growth_mib < 100,
        "the server grew by {growth_mib} MiB (from {baseline} KiB)"
    );
    assert_eq!(list_orders(addr, Duration::from_secs(5)), Some(200));
}

#[test]
fn sandbox_serve_refuses_a_stranger_body_before_reading_it() {
    let sandbox = SandboxProcess::start();
    let addr = addr_of(&sandbox.url);
    // No credentials: 401 without the body (a 413 would mean it was read).
    let raw = format!(
        "POST /api/v1/accounts/9900001/lsrorders HTTP/1.1\r\nHost: {addr}\r\n\
         Content-Length: 16000000\r\n\r\n"
    );
    assert_eq!(request(addr, &raw, Duration::from_secs(5)), Some(401));
    // The token endpoint takes a small form only.
    let big_form = format!("grant_type=client_credentials&pad={}", "x".repeat(100_000));
    let raw = format!(
        "POST /api/v1/oauth2/token HTTP/1.1\r\nHost: {addr}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{big_form}",
        big_form.len()
    );
    assert_eq!(request(addr, &raw, Duration::from_secs(5)), Some(413));
    // A head that never ends is cut off (header read timeout, 10 s) rather than held.
    let mut silent = TcpStream::connect(addr).unwrap();
    silent
        .write_all(b"GET /api/v1/accounts/9900001/lsrorders HTTP/1.1\r\n")
        .unwrap();
    silent
        .set_read_timeout(Some(Duration::from_secs(15)))
        .unwrap();
    let started = Instant::now();
    let mut rest = Vec::new();
    let _ = silent.read_to_end(&mut rest);
    assert!(
        started.elapsed() < Duration::from_secs(14),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn sandbox_serve_shares_one_store_between_two_processes() {
    let data = tempfile::tempdir().unwrap();
    let first = SandboxProcess::start_with(data, "127.0.0.1:0", None);
    first.admin(&["clock", "set", common::SANDBOX_START]);
    // A second server on the same data directory.
    let (mut second, second_url) = common::spawn_sandbox(first.data.path(), "127.0.0.1:0", None);
    let servers = [addr_of(&first.url), addr_of(&second_url)];
    let workers: Vec<_> = (0..6)
        .map(|w| {
            let addr = servers[w % 2];
            std::thread::spawn(move || {
                (0..10)
                    .filter_map(|i| {
                        let body = order_xml(
                            &format!("SHARE-{w}-{i}"),
                            &[&format!("91955{w}{i:04}")],
                            None,
                        );
                        let raw = format!(
                            "POST /api/v1/accounts/9900001/lsrorders HTTP/1.1\r\nHost: {addr}\r\n\
                             Authorization: {}\r\nContent-Type: application/xml\r\n\
                             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
                            demo_basic(),
                            body.len()
                        );
                        request(addr, &raw, Duration::from_secs(20)).filter(|s| *s != 201)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let failures: Vec<u16> = workers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    let _ = second.kill();
    let _ = second.wait();
    assert!(failures.is_empty(), "creates failed: {failures:?}");
}

/// `POST path` as a web page could send it: a foreign `Origin`, a `text/plain` body.
fn cross_site_post(addr: SocketAddr, path: &str, body: &str) -> Option<u16> {
    let raw = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://evil.example\r\n\
         Content-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    request(addr, &raw, Duration::from_secs(5))
}

#[test]
fn sandbox_admin_refuses_requests_from_web_pages() {
    let sandbox = SandboxProcess::start();
    let addr = addr_of(&sandbox.url);
    sandbox.admin(&["clock", "set", common::SANDBOX_START]);
    assert_eq!(cross_site_post(addr, "/sandbox/reset", "x"), Some(403));
    let set = r#"{"time":"2030-01-01"}"#;
    assert_eq!(cross_site_post(addr, "/sandbox/clock/set", set), Some(403));
    // DNS rebinding: right peer, wrong name.
    let raw = format!(
        "POST /sandbox/reset HTTP/1.1\r\nHost: evil.example:{}\r\n\
         Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}",
        addr.port()
    );
    assert_eq!(request(addr, &raw, Duration::from_secs(5)), Some(403));
    // Neither the clock nor the data moved.
    let shown = sandbox.admin(&["clock", "show"]);
    assert!(shown.starts_with("2026-11-30T14:00"), "{shown}");
    // The admin client keeps working.
    sandbox.admin(&["reset"]);
    sandbox.admin(&["faults", "clear"]);
}

#[test]
fn sandbox_serve_on_a_dual_stack_listener_answers_local_admin() {
    let has_ipv6 = std::fs::read_to_string("/proc/net/if_inet6").is_ok_and(|t| !t.is_empty());
    if !has_ipv6 || std::net::TcpListener::bind("[::]:0").is_err() {
        eprintln!("skipped: no IPv6 here");
        return;
    }
    let sandbox = SandboxProcess::start_with(tempfile::tempdir().unwrap(), "[::]:0", None);
    // 127.0.0.1 reaches a [::] listener as ::ffff:127.0.0.1.
    let url = format!("http://{}", addr_of(&sandbox.url));
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("lsr"))
        .args(["sandbox", "--url", &url, "clock", "show"])
        .env("LSR_CONFIG_DIR", sandbox.data.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", all_output(&out));
}

#[test]
fn sandbox_clock_refuses_a_time_beyond_a_sane_range() {
    let world = SandboxWorld::new();
    for args in [
        &["advance", "9999999999w"][..],
        &["set", "3000-01-01"],
        &["set", "1969-12-31"],
    ] {
        let out = run_expect(world.lsr().args(["sandbox", "clock"]).args(args), 2);
        let stderr = common::stderr_of(&out);
        assert!(
            stderr.contains("between 1970-01-01 and 2999-12-31"),
            "{stderr}"
        );
    }
    // Repeating the advance cannot wrap the clock around either.
    run_expect(
        world.lsr().args(["sandbox", "clock", "advance", "52000w"]),
        2,
    );
    let shown = run_expect(world.lsr().args(["sandbox", "clock", "show"]), 0);
    assert!(
        String::from_utf8_lossy(&shown.stdout).starts_with("2026-11-30T14:00"),
        "{}",
        all_output(&shown)
    );
}

#[test]
fn sandbox_store_is_private_and_keeps_no_pin() {
    let world = SandboxWorld::new();
    let dir = world.dir.path().join("sandbox");
    // Line 4321 wants PIN 4321: the order is checked, and nothing of the PIN is stored.
    let out = world
        .lsr()
        .args([
            "submit",
            "--pon",
            "PRIV-1",
            "--tn",
            "919-555-4321",
            "--pin",
            "4321",
        ])
        .args(["--foc", "+5bd"])
        .args(common::BUSINESS_ORDER_FLAGS)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", all_output(&out));
    world.process();
    let status = world.status("PRIV-1");
    assert_eq!(status["status"], "FOC", "{status}");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    let store = dir.join("sandbox.sqlite3");
    assert_eq!(mode(&store), 0o600);
    let conn = rusqlite::Connection::open(&store).unwrap();
    let drafts: Vec<String> = conn
        .prepare("SELECT draft FROM orders")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(drafts.len(), 1);
    assert!(!drafts[0].contains("\"pin\""), "{}", drafts[0]);
}
