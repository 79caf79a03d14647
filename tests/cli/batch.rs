//! `lsr submit --split` and `lsr batch` end to end against a real sandbox process: splits land
//! as the planned orders, and a batch killed at any point and resumed places every child
//! exactly once (also while the sandbox drops answers after committing).

use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use lsr::client::{ClientOptions, Credentials, LsrClient, SearchQuery, Secret};

use crate::common::{
    DEMO_ACCOUNT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, SandboxProcess, run_expect, run_json,
    run_json_progress, write_order_file,
};

/// `n` distinct TNs on plain FOC lines (0000–0999 of consecutive exchanges), from exchange `nxx`.
fn plain_tns(nxx: u32, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("919{}{:04}", nxx + (i / 1000) as u32, i % 1000))
        .collect()
}

fn write_tn_file(dir: &Path, name: &str, tns: &[String]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, tns.join("\n") + "\n").unwrap();
    path
}

/// Every order on the sandbox's demo account: PON → how many orders carry it.
fn server_pons(sandbox: &SandboxProcess) -> BTreeMap<String, usize> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut opts = ClientOptions::new(sandbox.api_url(), DEMO_ACCOUNT);
        opts.credentials = Some(Credentials::ClientCredentials {
            client_id: DEMO_CLIENT_ID.into(),
            client_secret: Secret::new(DEMO_CLIENT_SECRET),
        });
        let client = LsrClient::new(opts).unwrap();
        let found = client.search(&SearchQuery::default()).await.unwrap();
        assert!(found.summaries.len() < 1000, "the list is capped at 1,000");
        let mut pons = BTreeMap::new();
        for s in found.summaries {
            *pons.entry(s.pon.unwrap_or_default()).or_insert(0) += 1;
        }
        pons
    })
}

fn expected_pons(parent: &str, count: usize) -> BTreeSet<String> {
    (1..=count).map(|i| format!("{parent}-{i:04}")).collect()
}

#[test]
fn batch_split_per_tn_999_lands_as_999_orders() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    let file = write_order_file(config.path(), "PER999", &[]);
    let tns = write_tn_file(config.path(), "tns.txt", &plain_tns(720, 999));
    // One document on stdout; one progress line per child on stderr (`--progress json`).
    let (summary, lines, _) = run_json_progress(
        sandbox
            .lsr(config.path())
            .args([
                "--json",
                "--progress",
                "json",
                "submit",
                "--split",
                "per-tn",
                "--from",
            ])
            .arg(&file)
            .arg("--tn-file")
            .arg(&tns),
        0,
    );
    assert_eq!(lines.len(), 999, "one line per child");
    assert_eq!(summary["orders"].as_array().unwrap().len(), 999);
    assert_eq!(summary["failed"].as_array().unwrap().len(), 0);
    assert_eq!(summary["batch"]["counts"]["sent"], 999);
    let child = &lines[0];
    assert_eq!(child["outcome"], "sent");
    assert_eq!(child["tns"].as_array().unwrap().len(), 1);
    assert!(child["order_id"].is_string());

    let pons = server_pons(&sandbox);
    assert_eq!(
        pons.keys().cloned().collect::<BTreeSet<_>>(),
        expected_pons("PER999", 999)
    );
    assert!(pons.values().all(|n| *n == 1), "no PON placed twice");

    // The journal says the same, and every child is in the history.
    let show = sandbox.json(config.path(), &["batch", "show", "1"]);
    assert_eq!(show["counts"]["sent"], 999);
    assert_eq!(show["children"].as_array().unwrap().len(), 999);
    let status = sandbox.json(config.path(), &["status", "PER999-0999"]);
    assert_eq!(status["pon"], "PER999-0999");
    // Placed orders reach the history a few dozen at a time: every one of them, the last
    // ones included, is there when the run ends.
    let local = sandbox.json(config.path(), &["search", "--local"]);
    assert_eq!(local["orders"].as_array().unwrap().len(), 999);
    assert!(
        local["orders"]
            .as_array()
            .unwrap()
            .iter()
            .all(|o| o["tns"].as_array().is_some_and(|t| t.len() == 1))
    );
}

#[test]
fn batch_split_2500_by_999_lands_as_3_orders() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    let file = write_order_file(config.path(), "BY999", &[]);
    // CSV with a `tn` column, as exported from a spreadsheet.
    let mut csv = String::from("name,tn\n");
    for tn in plain_tns(730, 2500) {
        csv.push_str(&format!("Acme,{tn}\n"));
    }
    let tns = config.path().join("tns.csv");
    std::fs::write(&tns, csv).unwrap();
    let (_, lines, _) = run_json_progress(
        sandbox
            .lsr(config.path())
            .args([
                "--json",
                "--progress",
                "json",
                "submit",
                "--split",
                "999",
                "--from",
            ])
            .arg(&file)
            .arg("--tn-file")
            .arg(&tns),
        0,
    );
    let sizes: Vec<usize> = lines[..3]
        .iter()
        .map(|l| l["tns"].as_array().unwrap().len())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(sizes, [502, 999]);
    let pons = server_pons(&sandbox);
    assert_eq!(
        pons.keys().cloned().collect::<BTreeSet<_>>(),
        expected_pons("BY999", 3)
    );
}

#[test]
fn batch_split_dry_run_prints_the_plan_and_sends_nothing() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    let file = write_order_file(config.path(), "DRY", &[]);
    let tns = write_tn_file(config.path(), "tns.txt", &plain_tns(740, 5));
    let plan = run_json(
        sandbox
            .lsr(config.path())
            .args(["--json", "submit", "--split", "2", "--dry-run", "--from"])
            .arg(&file)
            .arg("--tn-file")
            .arg(&tns),
        0,
    );
    assert_eq!(plan["dry_run"], true);
    let children = plan["children"].as_array().unwrap();
    let pons: Vec<&str> = children
        .iter()
        .map(|c| c["pon"].as_str().unwrap())
        .collect();
    assert_eq!(pons, ["DRY-0001", "DRY-0002", "DRY-0003"]);
    assert_eq!(children[2]["tns"].as_array().unwrap().len(), 1);
    let ids: BTreeSet<&str> = children
        .iter()
        .map(|c| c["customer_order_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 3, "unique customer order ids");
    assert!(server_pons(&sandbox).is_empty(), "nothing was sent");
}

#[test]
fn batch_split_pon_too_long_for_child_suffixes_is_refused() {
    let config = tempfile::tempdir().unwrap();
    let file = write_order_file(config.path(), "ABCDEFGHIJKLMNOPQRSTU", &[]);
    let out = crate::common::lsr(config.path())
        .args(["submit", "--split", "per-tn", "--dry-run", "--from"])
        .arg(&file)
        .args(["--tn", "9197500001", "--tn", "9197500002"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("too long to derive child PONs"), "{err}");
    assert!(err.contains("ABCDEFGHIJKLMNOPQRSTU-0002"), "{err}");
}

#[test]
fn batch_split_reports_bad_and_duplicate_lines_together_before_sending() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    let file = write_order_file(config.path(), "BAD", &[]);
    let tns = config.path().join("tns.txt");
    std::fs::write(
        &tns,
        "# numbers\n9197600001\n919760\n9197600002\n919-760-0001\n9197600003\n",
    )
    .unwrap();
    let out = sandbox
        .lsr(config.path())
        .args(["submit", "--split", "per-tn", "--from"])
        .arg(&file)
        .arg("--tn-file")
        .arg(&tns)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 3 of"), "the bad line: {err}");
    assert!(err.contains("line 5 of"), "the duplicate: {err}");
    assert!(
        err.contains("line 2 of"),
        "where the duplicate first appeared: {err}"
    );
    assert!(server_pons(&sandbox).is_empty(), "nothing was sent");
}

#[test]
fn batch_split_rejects_bad_split_values() {
    let config = tempfile::tempdir().unwrap();
    let file = write_order_file(config.path(), "SPLITV", &["9197500001"]);
    let out = crate::common::lsr(config.path())
        .args(["submit", "--split", "1000", "--dry-run", "--from"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("per-tn"));
}

/// Starts `lsr submit --split per-tn` for `count` TNs in the background.
fn spawn_split(
    sandbox: &SandboxProcess,
    config: &Path,
    pon: &str,
    nxx: u32,
    count: usize,
    stderr: Stdio,
) -> std::process::Child {
    let file = write_order_file(config, pon, &[]);
    let tns = write_tn_file(config, "tns.txt", &plain_tns(nxx, count));
    sandbox
        .lsr_process(config)
        .args([
            "submit",
            "--split",
            "per-tn",
            "--concurrency",
            "8",
            "--from",
        ])
        .arg(&file)
        .arg("--tn-file")
        .arg(&tns)
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .unwrap()
}

/// Resumes batch 1 (or, when the kill came before the journal was written and so nothing was
/// sent, submits again) until the batch is complete.
fn finish_batch(sandbox: &SandboxProcess, config: &Path, pon: &str, nxx: u32, count: usize) {
    let list = sandbox.json(config, &["batch", "list"]);
    let batches = list["batches"].as_array().unwrap().len();
    if batches == 0 {
        assert!(
            server_pons(sandbox).is_empty(),
            "no journal, so nothing may have been sent"
        );
        let status = spawn_split(sandbox, config, pon, nxx, count, Stdio::null())
            .wait()
            .unwrap();
        assert!(status.success());
        return;
    }
    let out = sandbox
        .lsr(config)
        .args(["batch", "resume", "1"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "resume failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
}

/// When to kill the run.
#[derive(Debug, Clone, Copy)]
enum KillPoint {
    /// This long after the start (possibly before the journal is written).
    After(Duration),
    /// As soon as the server holds at least this many of the batch's orders.
    Placed(usize),
}

/// Kills a split run with SIGKILL at several points and resumes it; every child must end up on
/// the server exactly once.
fn kill_and_resume(drop_after_commit: Option<&str>, kill_points: &[KillPoint]) {
    const COUNT: usize = 200;
    for (round, point) in kill_points.iter().enumerate() {
        let sandbox = SandboxProcess::start();
        // A little latency per request spreads the run over about a second.
        sandbox.admin(&["faults", "set", "--latency-ms", "10"]);
        if let Some(rate) = drop_after_commit {
            sandbox.admin(&["faults", "set", "--drop-after-commit", rate]);
        }
        let config = tempfile::tempdir().unwrap();
        let pon = format!("KILL{round}");
        let nxx = 750 + round as u32;
        let mut child = spawn_split(&sandbox, config.path(), &pon, nxx, COUNT, Stdio::null());
        let started = Instant::now();
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            let due = match *point {
                KillPoint::After(at) => started.elapsed() >= at,
                KillPoint::Placed(n) => server_pons(&sandbox).len() >= n,
            };
            if due || started.elapsed() > Duration::from_secs(60) {
                break;
            }
            std::thread::sleep(Duration::from_millis(fastrand::u64(1..10)));
        }
        let _ = child.kill(); // SIGKILL: no cleanup, no journal update after this point
        let _ = child.wait();
        // A POST the dead client sent may still be committing on the server.
        std::thread::sleep(Duration::from_millis(200));
        let before = server_pons(&sandbox).len();
        eprintln!("killed at {point:?}: {before} of {COUNT} orders on the server");
        finish_batch(&sandbox, config.path(), &pon, nxx, COUNT);

        let pons = server_pons(&sandbox);
        let doubled: Vec<_> = pons.iter().filter(|(_, n)| **n > 1).collect();
        assert!(
            doubled.is_empty(),
            "killed at {point:?}: placed twice: {doubled:?}"
        );
        assert_eq!(
            pons.keys().cloned().collect::<BTreeSet<_>>(),
            expected_pons(&pon, COUNT),
            "killed at {point:?}"
        );
        let show = sandbox.json(config.path(), &["batch", "show", "1"]);
        assert_eq!(show["counts"]["sent"], COUNT);
    }
}

#[test]
fn batch_resume_after_kill_places_each_child_once() {
    let early = Duration::from_millis(fastrand::u64(50..300));
    kill_and_resume(
        None,
        &[
            KillPoint::After(early),
            KillPoint::Placed(1),
            KillPoint::Placed(90),
            KillPoint::Placed(170 + fastrand::usize(0..25)),
        ],
    );
}

#[test]
fn batch_resume_after_kill_with_dropped_answers_places_each_child_once() {
    kill_and_resume(
        Some("0.3"),
        &[
            KillPoint::Placed(10 + fastrand::usize(0..20)),
            KillPoint::Placed(100),
            KillPoint::Placed(180 + fastrand::usize(0..15)),
        ],
    );
}

#[test]
fn batch_ctrl_c_stops_and_says_how_to_resume() {
    let sandbox = SandboxProcess::start();
    sandbox.admin(&["faults", "set", "--latency-ms", "40"]);
    let config = tempfile::tempdir().unwrap();
    let mut child = spawn_split(&sandbox, config.path(), "INT", 770, 150, Stdio::piped());
    let stderr = child.stderr.take().unwrap();
    let mut reader = std::io::BufReader::new(stderr);
    let mut line = String::new();
    loop {
        line.clear();
        assert!(reader.read_line(&mut line).unwrap() > 0, "no batch line");
        if line.contains("batch 1: sending") {
            break;
        }
    }
    std::thread::sleep(Duration::from_millis(150));
    let pid = child.id().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut reader, &mut rest).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "{rest}");
    assert!(rest.contains("lsr batch resume 1"), "{rest}");

    // Nothing in flight was left in doubt: the journal knows every sent child.
    let show = sandbox.json(config.path(), &["batch", "show", "1"]);
    assert_eq!(show["counts"]["sending"], 0);
    let sent = show["counts"]["sent"].as_u64().unwrap() as usize;
    assert!(sent < 150, "stopped early");
    assert_eq!(server_pons(&sandbox).len(), sent);

    finish_batch(&sandbox, config.path(), "INT", 770, 150);
    let pons = server_pons(&sandbox);
    assert_eq!(
        pons.keys().cloned().collect::<BTreeSet<_>>(),
        expected_pons("INT", 150)
    );
    assert!(pons.values().all(|n| *n == 1));
}

#[test]
fn batch_resume_of_unknown_batch_is_not_found() {
    let config = tempfile::tempdir().unwrap();
    let out = crate::common::lsr(config.path())
        .args(["batch", "show", "42"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(7));
    assert!(String::from_utf8_lossy(&out.stderr).contains("batch 42 not found"));
    let out = crate::common::lsr(config.path())
        .args(["batch", "show", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn batch_split_under_503s_with_retry_after_places_each_child_once() {
    let sandbox = SandboxProcess::start();
    // 503 with `Retry-After: 1` on a share of requests: the batch slows down, and whatever
    // stayed unclear is settled by resume.
    sandbox.admin(&["faults", "set", "--error-rate", "0.1"]);
    let config = tempfile::tempdir().unwrap();
    let status = spawn_split(&sandbox, config.path(), "BUSY", 780, 40, Stdio::null())
        .wait()
        .unwrap();
    assert!(
        matches!(status.code(), Some(0) | Some(5)),
        "placed or left for resume: {status:?}"
    );
    sandbox.admin(&["faults", "clear"]);
    finish_batch(&sandbox, config.path(), "BUSY", 780, 40);
    let pons = server_pons(&sandbox);
    assert_eq!(
        pons.keys().cloned().collect::<BTreeSet<_>>(),
        expected_pons("BUSY", 40)
    );
    assert!(pons.values().all(|n| *n == 1), "{pons:?}");
}

#[test]
fn batch_resume_refuses_while_the_batch_is_still_being_sent() {
    let sandbox = SandboxProcess::start();
    sandbox.admin(&["faults", "set", "--latency-ms", "40"]);
    let config = tempfile::tempdir().unwrap();
    let mut child = spawn_split(
        &sandbox,
        config.path(),
        "BUSYLOCK",
        790,
        100,
        Stdio::piped(),
    );
    let mut reader = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        assert!(reader.read_line(&mut line).unwrap() > 0, "no batch line");
        if line.contains("batch 1: sending") {
            break;
        }
    }
    let out = sandbox
        .lsr(config.path())
        .args(["batch", "resume", "1"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("being sent by another lsr process"), "{err}");
    let _ = child.kill(); // SIGKILL releases the lock with the process
    let _ = child.wait();
    std::thread::sleep(Duration::from_millis(200));
    finish_batch(&sandbox, config.path(), "BUSYLOCK", 790, 100);
    let pons = server_pons(&sandbox);
    assert_eq!(pons.len(), 100);
    assert!(pons.values().all(|n| *n == 1));
}

#[test]
fn batch_checks_stop_a_split_over_tns_with_a_pending_foc() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    let first = spawn_split(&sandbox, config.path(), "FIRST", 795, 3, Stdio::null())
        .wait()
        .unwrap();
    assert!(first.success());
    // The same TNs again: the checks over the whole batch stop it (17008, R4).
    let file = write_order_file(config.path(), "AGAIN", &[]);
    let tn_file = write_tn_file(config.path(), "again.txt", &plain_tns(795, 3));
    let stopped = sandbox
        .lsr(config.path())
        .args(["submit", "--split", "per-tn", "--from"])
        .arg(&file)
        .arg("--tn-file")
        .arg(&tn_file)
        .output()
        .unwrap();
    assert_eq!(stopped.status.code(), Some(3));
    let err = String::from_utf8_lossy(&stopped.stderr);
    assert!(
        err.contains("17008") && err.contains("nothing was sent"),
        "{err}"
    );
    assert_eq!(server_pons(&sandbox).len(), 3, "only the first batch");
}

#[test]
fn batch_rejected_children_are_journaled_and_not_sent_again() {
    let sandbox = SandboxProcess::start();
    // The sandbox's clock is past the requested FOC date lsr accepted for its own today: the
    // backend refuses every child with HTTP 400.
    sandbox.admin(&["clock", "set", "2027-03-01"]);
    let config = tempfile::tempdir().unwrap();
    let file = write_order_file(config.path(), "LATE", &[]);
    let tn_file = write_tn_file(config.path(), "late.txt", &plain_tns(796, 3));
    let (summary, lines, _) = run_json_progress(
        sandbox
            .lsr(config.path())
            .args([
                "--json",
                "--progress",
                "json",
                "submit",
                "--split",
                "per-tn",
                "--from",
            ])
            .arg(&file)
            .arg("--tn-file")
            .arg(&tn_file),
        4,
    );
    assert!(
        lines.len() == 3 && lines.iter().all(|l| l["outcome"] == "rejected"),
        "{lines:?}"
    );
    // The document is the answer; the exit code (4) says the rest.
    assert_eq!(summary["failed"].as_array().unwrap().len(), 3);
    assert_eq!(summary["batch"]["counts"]["rejected"], 3);
    // Resume leaves rejected children alone.
    let resumed = sandbox
        .lsr(config.path())
        .args(["batch", "resume", "1"])
        .output()
        .unwrap();
    assert_eq!(resumed.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&resumed.stderr).contains("nothing left to send"));
    assert!(server_pons(&sandbox).is_empty());
}

#[test]
fn batch_long_split_on_a_terminal_says_counts_and_points_to_batch_show() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    let file = write_order_file(config.path(), "LONGB", &[]);
    let tns = write_tn_file(config.path(), "tns.txt", &plain_tns(760, 25));
    let out = run_expect(
        sandbox
            .lsr(config.path())
            .env("LSR_FORCE_TTY", "1")
            .env("COLUMNS", "120")
            .args(["submit", "--split", "per-tn", "--from"])
            .arg(&file)
            .arg("--tn-file")
            .arg(&tns),
        0,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stdout.contains("25 of 25 orders placed, 0 rejected"),
        "{stdout}"
    );
    assert!(!stdout.contains("LONGB-0025"), "no row per order: {stdout}");
    assert!(stderr.contains("`lsr batch show"), "{stderr}");
    // Piped, every child is a TSV row: data for scripts.
    let tns = write_tn_file(config.path(), "tns2.txt", &plain_tns(761, 25));
    let file = write_order_file(config.path(), "LONGC", &[]);
    let out = run_expect(
        sandbox
            .lsr(config.path())
            .args(["submit", "--split", "per-tn", "--from"])
            .arg(&file)
            .arg("--tn-file")
            .arg(&tns),
        0,
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 25);
}

#[test]
fn batch_split_under_rate_limit_places_each_child_once_and_backs_off() {
    let sandbox = SandboxProcess::start();
    // 429 with Retry-After beyond 25 requests a second: the pre-check's 120 searches and the
    // 120 creations must go through it, none failing, none placed twice.
    sandbox.admin(&["faults", "set", "--rate-limit", "25"]);
    let config = tempfile::tempdir().unwrap();
    let file = write_order_file(config.path(), "LIMIT", &[]);
    let tns = write_tn_file(config.path(), "tns.txt", &plain_tns(790, 120));
    let summary = run_json(
        sandbox
            .lsr(config.path())
            .args(["--json", "submit", "--split", "per-tn", "--from"])
            .arg(&file)
            .arg("--tn-file")
            .arg(&tns),
        0,
    );
    assert_eq!(summary["batch"]["counts"]["sent"], 120, "{summary}");
    assert_eq!(summary["orders"].as_array().unwrap().len(), 120);
    assert_eq!(summary["failed"].as_array().unwrap().len(), 0, "{summary}");
    // The sandbox refused some requests, and lsr's limiter saw every refusal and backed off.
    let faults: serde_json::Value =
        serde_json::from_str(&sandbox.admin(&["--json", "faults", "show"])).unwrap();
    let refused = faults["rate_limited"].as_u64().unwrap();
    assert!(refused > 0, "the rate limit never bit: {faults}");
    let level = &summary["batch"]["concurrency"];
    assert_eq!(level["rate_limited"].as_u64(), Some(refused), "{level}");
    assert_eq!(level["max"], 32);
    assert!(level["backoffs"].as_u64().unwrap() >= 1, "{level}");
    assert!(
        level["lowest"].as_u64() < level["highest"].as_u64(),
        "the level came down: {level}"
    );
    sandbox.admin(&["faults", "clear"]);
    let pons = server_pons(&sandbox);
    assert_eq!(
        pons.keys().cloned().collect::<BTreeSet<_>>(),
        expected_pons("LIMIT", 120)
    );
    assert!(
        pons.values().all(|n| *n == 1),
        "no PON placed twice: {pons:?}"
    );
}
