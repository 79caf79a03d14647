//! Conformance: the client against a replay server that answers with Bandwidth's published
//! example bodies, verbatim (`tests/fixtures/wire/`, from Bandwidth/api-docs
//! `site/specs/numbers.yml`), for status, search, history, notes, supp, cancel and submit; what
//! lsr prints and how it exits. lsr and its sandbox agreeing proves nothing about Bandwidth:
//! these bodies are Bandwidth's own.

use std::io::Write;

use crate::common::{self, json_of, run_expect, stderr_of};
use crate::hostile::{HostileServer, Seen, reply};

const ACCOUNT: &str = "9999999";
/// The order of the GET example (FAILED, 17008 "FOC date cannot fall on a holiday").
const ORDER_ID: &str = "00cf7e08-cab0-4515-9a77-2d0a7da09415";
/// The order id of the PUT 404 example.
const MISSING_ID: &str = "63fb728d-421b-46ce-8c32-da30b909934s";
/// The order of the PUT 200 example (PENDING): Bandwidth publishes no GET example for it, so
/// the replay answers its GET with that same published body (a client accepts both roots).
const PENDING_ID: &str = "63fb728d-421b-46ce-8c32-da30b909934d";

macro_rules! example {
    ($name:literal) => {
        include_str!(concat!("../fixtures/wire/", $name))
    };
}

const XML: &str = "application/xml";

/// Answers each request with the example Bandwidth publishes for it.
fn replay(seen: &Seen, out: &mut dyn Write) -> std::io::Result<()> {
    let path = seen.target.split('?').next().unwrap_or_default();
    let orders = format!("/api/v1/accounts/{ACCOUNT}/lsrorders");
    let tail = path.strip_prefix(&orders).unwrap_or("?");
    match (seen.method.as_str(), tail) {
        ("GET", "") => reply(
            out,
            "200 OK",
            XML,
            example!("get-lsrorders-200-example.xml").as_bytes(),
        ),
        ("POST", "") => {
            let body = example!("post-lsrorders-201-example.xml");
            write!(
                out,
                "HTTP/1.1 201 Created\r\nContent-Type: {XML}\r\nLocation: http://replay{orders}/afce454a-4e89-4753-9f58-a442ebc7b142\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            )
        }
        ("GET", t) if t == format!("/{ORDER_ID}") => reply(
            out,
            "200 OK",
            XML,
            example!("get-lsrorders-id-200-example.xml").as_bytes(),
        ),
        ("GET", t) if t == format!("/{ORDER_ID}/history") => reply(
            out,
            "200 OK",
            XML,
            example!("get-lsrorders-id-history-200-example.xml").as_bytes(),
        ),
        ("GET", t) if t == format!("/{ORDER_ID}/notes") => reply(
            out,
            "200 OK",
            XML,
            example!("get-lsrorders-id-notes-200-example.xml").as_bytes(),
        ),
        ("PUT" | "GET", t) if t == format!("/{PENDING_ID}") => reply(
            out,
            "200 OK",
            XML,
            example!("put-lsrorders-id-200-example.xml").as_bytes(),
        ),
        ("PUT", _) => reply(
            out,
            "404 Not Found",
            XML,
            example!("put-lsrorders-id-404-example.xml").as_bytes(),
        ),
        ("GET", t) if t.ends_with("/history") => reply(
            out,
            "404 Not Found",
            XML,
            example!("get-lsrorders-id-history-404-example.xml").as_bytes(),
        ),
        _ => reply(
            out,
            "404 Not Found",
            XML,
            example!("get-lsrorders-id-history-404-example.xml").as_bytes(),
        ),
    }
}

/// A replay server that answers a POST with the 400 example instead.
fn rejecting(seen: &Seen, out: &mut dyn Write) -> std::io::Result<()> {
    if seen.method == "POST" {
        return reply(
            out,
            "400 Bad Request",
            XML,
            example!("post-lsrorders-400-example.xml").as_bytes(),
        );
    }
    replay(seen, out)
}

fn lsr_at(server: &HostileServer, dir: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = common::lsr(dir);
    cmd.env("LSR_BASE_URL", server.api_url())
        .env("LSR_ACCOUNT_ID", ACCOUNT)
        .env("LSR_CLIENT_ID", "conformance")
        .env("LSR_CLIENT_SECRET", "conformance-secret")
        .env("LSR_HTTP_TIMEOUT_SECS", "5");
    cmd
}

#[test]
fn conformance_status_of_the_get_example() {
    let server = HostileServer::start(replay);
    let dir = tempfile::tempdir().unwrap();
    let view = json_of(&run_expect(
        lsr_at(&server, dir.path()).args(["--json", "status", ORDER_ID]),
        0,
    ));
    assert_eq!(view["order_id"], ORDER_ID);
    assert_eq!(view["pon"], "testpon1002");
    assert_eq!(view["status"], "FAILED");
    // PonVersion 0 is read as Bandwidth sent it; lsr's own number (`PON@N`, 12.5) counts the
    // orders of the PON from 1.
    assert_eq!(view["server_pon_version"], 0);
    assert_eq!(view["pon_version"], 1);
    assert_eq!(view["tns"], serde_json::json!(["9192381467", "9192381468"]));
    let error = &view["errors"][0];
    assert_eq!(error["code"], 17008);
    assert_eq!(error["description"], "FOC date cannot fall on a holiday");
    // The holiday 17008 is not a pending FOC: Bandwidth's errors table's meaning.
    assert_eq!(error["explanation"], "Bandwidth internal error");
    let steps = view["next_steps"].to_string();
    assert!(steps.contains("1 business day"), "{steps}");
    assert!(steps.contains("lsr email escalation"), "{steps}");
    assert!(!steps.contains("pending FOC"), "{steps}");
    assert!(steps.contains("FAILED is final"), "{steps}");

    let human = run_expect(
        lsr_at(&server, dir.path()).args(["-o", "table", "status", ORDER_ID]),
        0,
    );
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("17008  FOC date cannot fall on a holiday"),
        "{text}"
    );
    assert!(
        text.contains("Bandwidth internal error (`lsr explain 17008`)"),
        "{text}"
    );
    assert!(!text.contains("pending FOC"), "{text}");
}

#[test]
fn conformance_search_of_the_list_example() {
    let server = HostileServer::start(replay);
    let dir = tempfile::tempdir().unwrap();
    let found = json_of(&run_expect(
        lsr_at(&server, dir.path()).args(["--json", "search", "--pon", "testpon1002"]),
        0,
    ));
    let text = found.to_string();
    for expected in [
        "7d644c88-ef23-4307-96ab-20253666d0c7",
        ORDER_ID,
        "ATT-011515-324234",
        "PENDING",
        "FAILED",
        "FOC date cannot fall on a holiday",
    ] {
        assert!(text.contains(expected), "{expected} missing from {text}");
    }
    assert!(!text.contains("A TN already has a pending FOC"), "{text}");
}

#[test]
fn conformance_history_and_notes_of_the_examples() {
    let server = HostileServer::start(replay);
    let dir = tempfile::tempdir().unwrap();
    let history = run_expect(
        lsr_at(&server, dir.path()).args(["--json", "history", ORDER_ID]),
        0,
    );
    let text = String::from_utf8_lossy(&history.stdout);
    assert!(
        text.contains("LSR has been received by the system and is being processed"),
        "{text}"
    );
    assert!(text.contains("Port-out date has been set"), "{text}");
    assert!(text.contains("2015-06-27"), "{text}");

    let notes = run_expect(
        lsr_at(&server, dir.path()).args(["--json", "notes", ORDER_ID]),
        0,
    );
    let text = String::from_utf8_lossy(&notes.stdout);
    for expected in ["87037", "jbm", "This is a test note", "87039", "smckinnon"] {
        assert!(text.contains(expected), "{expected} missing from {text}");
    }
}

#[test]
fn conformance_supp_and_cancel_of_the_put_examples() {
    let server = HostileServer::start(replay);
    let dir = tempfile::tempdir().unwrap();
    let supped = json_of(&run_expect(
        lsr_at(&server, dir.path()).args([
            "--json",
            "--yes",
            "supp",
            PENDING_ID,
            "--btn",
            "9192381468",
        ]),
        0,
    ));
    let text = supped.to_string();
    assert!(
        text.contains("ATT-011515-324234") && text.contains("PENDING"),
        "{text}"
    );
    let supp = server
        .seen()
        .into_iter()
        .find(|s| s.method == "PUT")
        .unwrap();
    assert!(supp.target.ends_with(PENDING_ID), "{}", supp.target);
    // The GET example is FAILED: lsr refuses to supp it before sending anything (R3).
    let out = run_expect(
        lsr_at(&server, dir.path()).args(["--yes", "supp", ORDER_ID, "--btn", "9192381468"]),
        4,
    );
    assert!(stderr_of(&out).contains("FAILED is a final status"));

    // The PUT 404 example: lsr says the order is not found and exits 7.
    let out = run_expect(
        lsr_at(&server, dir.path()).args(["--yes", "cancel", MISSING_ID]),
        7,
    );
    let err = stderr_of(&out);
    assert!(err.contains("not found"), "{err}");
}

#[test]
fn conformance_submit_of_the_post_examples() {
    let server = HostileServer::start(replay);
    let dir = tempfile::tempdir().unwrap();
    let file = common::write_order_file(dir.path(), "CONF-1", &["919-555-0142"]);
    // The replay answers the pre-check's TN search with the list example too, whose PENDING
    // order has a FOC date: lsr's R4 pre-check stops the submission, as it should.
    let out = run_expect(
        lsr_at(&server, dir.path()).args(["--json", "submit", "--from", file.to_str().unwrap()]),
        3,
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("PON: [ATT-011515-324234]"));
    let out = run_expect(
        lsr_at(&server, dir.path()).args([
            "--json",
            "submit",
            "--force",
            "--from",
            file.to_str().unwrap(),
        ]),
        0,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("afce454a-4e89-4753-9f58-a442ebc7b142"),
        "{text}"
    );

    // The 400 example: every error with its code, exit 4 (rejected by the backend).
    let server = HostileServer::start(rejecting);
    let dir = tempfile::tempdir().unwrap();
    let file = common::write_order_file(dir.path(), "CONF-2", &["919-555-0142"]);
    let out = run_expect(
        lsr_at(&server, dir.path()).args(["submit", "--force", "--from", file.to_str().unwrap()]),
        4,
    );
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        stderr_of(&out)
    );
    for code in ["7324", "7318", "7203", "16005", "16009", "16002"] {
        assert!(all.contains(code), "{code} missing from {all}");
    }
    assert!(all.contains("Lsr order doesn't pass validation"), "{all}");
}
