//! Never a false success, never twice (issue 11): each way a submission used to report an order
//! it did not place, or place one twice, reproduced against a real sandbox with a fault proxy or
//! the sandbox's own faults; and the exit code of `--wait` telling the truth.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::Path;
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::{
    FaultProxy, ProxyAction, SandboxProcess, SandboxWorld, json_of, run_expect, run_json,
    run_json_with_stderr, stderr_of, write_order_file, write_order_file_with_customer_order_id,
};

/// The customer order id of the shipped example (examples/port-out.toml): the same for every
/// order made from it.
const EXAMPLE_CID: &str = "acme port 1";

fn orders(answer: &Value) -> &Vec<Value> {
    answer["orders"].as_array().expect("orders")
}

/// How many orders on the backend hold `tn` (any status).
fn orders_with_tn(run: impl Fn(&[&str]) -> Value, tn: &str) -> usize {
    orders(&run(&["search", "--tn", tn])).len()
}

#[test]
fn submit_lost_answer_is_not_recovered_to_an_older_order_of_the_same_pon() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    let first = write_order_file_with_customer_order_id(
        config.path(),
        "first",
        "ACME-0001",
        &["919-720-6100"],
        EXAMPLE_CID,
    );
    let placed = run_json(
        sandbox
            .lsr(config.path())
            .args(["--json", "submit", "--from"])
            .arg(&first),
        0,
    );
    let first_id = placed["orders"][0]["order_id"]
        .as_str()
        .unwrap()
        .to_string();

    // The same PON and customer order id with another TN, through a proxy that answers the
    // first POST 503 without forwarding it.
    let refused = Arc::new(AtomicBool::new(false));
    let flag = refused.clone();
    let proxy = FaultProxy::start(&sandbox.url, move |r, _| {
        if r.method == "POST"
            && r.target.ends_with("/lsrorders")
            && !flag.swap(true, Ordering::SeqCst)
        {
            ProxyAction::Refuse503
        } else {
            ProxyAction::Forward
        }
    });
    let second = write_order_file_with_customer_order_id(
        config.path(),
        "second",
        "ACME-0001",
        &["919-720-6101"],
        EXAMPLE_CID,
    );
    let (answer, stderr) = run_json_with_stderr(
        proxy
            .lsr(config.path())
            .args(["--json", "submit", "--from"])
            .arg(&second),
        0,
    );
    assert!(
        refused.load(Ordering::SeqCst),
        "the proxy never refused a POST"
    );
    let order = &answer["orders"][0];
    assert_ne!(order["order_id"], first_id.as_str(), "{stderr}");
    assert_eq!(order["tns"], json!(["9197206101"]), "{stderr}");
    assert_eq!(order["pon_version"], 2, "{stderr}");
    assert!(!stderr.contains("not sent twice"), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "customer order id `{EXAMPLE_CID}` is already on 1 order"
        )),
        "{stderr}"
    );
    // The backend holds both orders, each with its own TN: the new TN was ordered.
    let run = |args: &[&str]| sandbox.json(config.path(), args);
    assert_eq!(orders(&run(&["search", "--pon", "ACME-0001"])).len(), 2);
    assert_eq!(orders_with_tn(run, "9197206101"), 1);
}

#[test]
fn submit_never_guesses_between_two_orders_that_could_be_it() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    // The first POST reaches the backend twice and its answer is lost: two orders with this
    // customer order id, PON and TN, both created after the attempt began.
    let proxy = FaultProxy::start(&sandbox.url, |r, _| {
        if r.method == "POST" && r.target.ends_with("/lsrorders") {
            ProxyAction::ForwardTwiceAndDrop
        } else {
            ProxyAction::Forward
        }
    });
    let file = write_order_file_with_customer_order_id(
        config.path(),
        "twice",
        "TWICE-1",
        &["919-720-6300"],
        "twice 1",
    );
    let (answer, stderr) = run_json_with_stderr(
        proxy
            .lsr(config.path())
            .args(["--json", "submit", "--from"])
            .arg(&file),
        5,
    );
    assert_eq!(orders(&answer).len(), 0, "{answer}");
    assert_eq!(answer["failed"][0]["pon"], "TWICE-1");
    let ids: Vec<String> = orders(&sandbox.json(config.path(), &["search", "--pon", "TWICE-1"]))
        .iter()
        .map(|o| o["order_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2);
    for id in &ids {
        assert!(
            stderr.contains(id.as_str()),
            "a candidate is not named:\n{stderr}"
        );
    }
    assert!(stderr.contains("2 orders could be it"), "{stderr}");
    assert!(stderr.contains("does not guess"), "{stderr}");
    // Nothing more was sent: one POST, forwarded twice by the proxy.
    let posts = proxy
        .seen()
        .iter()
        .filter(|r| r.method == "POST" && r.target.ends_with("/lsrorders"))
        .count();
    assert_eq!(posts, 1);
    // The next submission of it does not guess either, until --force.
    let out = run_expect(
        proxy
            .lsr(config.path())
            .args(["submit", "--from"])
            .arg(&file),
        5,
    );
    assert!(
        stderr_of(&out).contains("could not be settled"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn submit_after_a_cancel_with_dropped_answers_reports_the_new_order() {
    let world = SandboxWorld::new();
    let file = write_order_file_with_customer_order_id(
        world.dir.path(),
        "acme",
        "ACME-0001",
        &["919-720-6100", "919-720-6101"],
        EXAMPLE_CID,
    );
    let file = file.to_str().unwrap();
    let first = world.json(&["submit", "--from", file]);
    let first_id = first["orders"][0]["order_id"].as_str().unwrap().to_string();
    world.json(&["cancel", "ACME-0001", "--yes"]);
    world
        .lsr()
        .args(["sandbox", "faults", "set", "--drop-after-commit", "1.0"])
        .assert()
        .success();
    let (again, stderr) =
        run_json_with_stderr(world.lsr().args(["--json", "submit", "--from", file]), 0);
    world
        .lsr()
        .args(["sandbox", "faults", "clear"])
        .assert()
        .success();
    let order = &again["orders"][0];
    assert_ne!(order["order_id"], first_id.as_str(), "{stderr}");
    assert_ne!(order["status"], "CANCELLED", "{stderr}");
    assert_eq!(order["pon_version"], 2, "{stderr}");
    assert!(stderr.contains("not sent twice"), "{stderr}");
    assert!(stderr.contains("ACME-0001@2"), "{stderr}");
    let all = world.json(&["search", "--pon", "ACME-0001"]);
    assert_eq!(orders(&all).len(), 2);
}

/// `lsr --sandbox submit --from FILE --pon PON --tn TN`, each its own process, all at once.
fn parallel_submits(
    world: &SandboxWorld,
    file: &Path,
    pon: &str,
    tns: &[String],
) -> Vec<(String, i32, Value, String)> {
    let children: Vec<(String, std::process::Child)> = tns
        .iter()
        .map(|tn| {
            let mut cmd = crate::common::lsr_process(world.dir.path());
            cmd.args(["--sandbox", "--json", "submit", "--from"])
                .arg(file)
                .args(["--pon", pon, "--tn", tn])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped());
            (tn.clone(), cmd.spawn().unwrap())
        })
        .collect();
    children
        .into_iter()
        .map(|(tn, child)| {
            let out = child.wait_with_output().unwrap();
            let code = out.status.code().unwrap_or(-1);
            let answer = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
            (tn, code, answer, stderr_of(&out))
        })
        .collect()
}

/// Every TN is on exactly one order of the PON, and every run that exited 0 reported the order
/// that holds its own TN.
fn assert_each_tn_once(world: &SandboxWorld, pon: &str, runs: &[(String, i32, Value, String)]) {
    for (tn, code, answer, stderr) in runs {
        if *code == 0 {
            let order = &answer["orders"][0];
            assert_eq!(
                order["tns"],
                json!([tn.replace('-', "")]),
                "the run for {tn} reported another TN's order:\n{stderr}"
            );
            assert_eq!(order["pon"], pon);
        }
    }
    let run = |args: &[&str]| world.json(args);
    for (tn, ..) in runs {
        assert_eq!(orders_with_tn(run, tn), 1, "TN {tn}");
    }
    let all = world.json(&["search", "--pon", pon]);
    assert_eq!(orders(&all).len(), runs.len());
}

/// Twelve parallel submits of one TN each under `pon` and the example's customer order id:
/// every run exits 0 and reports its own TN's order, and every TN is on exactly one order.
/// Returns the runs and how long they took.
fn twelve_of_one_pon(
    world: &SandboxWorld,
    pon: &str,
    nxx: u32,
) -> (Vec<(String, i32, Value, String)>, Duration) {
    let file =
        write_order_file_with_customer_order_id(world.dir.path(), pon, pon, &[], EXAMPLE_CID);
    let tns: Vec<String> = (0..12)
        .map(|i| format!("919-{nxx}-{:04}", 6100 + i))
        .collect();
    // One request first, so that the store's token key exists before twelve processes start
    // (on a fresh store they race to make it, and a token signed with the losing key is
    // refused: a sandbox matter, not this test's).
    world.json(&["search", "--pon", pon]);
    let started = Instant::now();
    let runs = parallel_submits(world, &file, pon, &tns);
    let took = started.elapsed();
    for (tn, code, _, stderr) in &runs {
        assert_eq!(*code, 0, "{tn}:\n{stderr}");
    }
    assert_each_tn_once(world, pon, &runs);
    (runs, took)
}

#[test]
fn submit_twelve_parallel_of_one_pon_and_customer_order_id_place_every_tn_once() {
    twelve_of_one_pon(&SandboxWorld::new(), "EMB-2", 723);
}

#[test]
fn submit_stress_twelve_parallel_with_half_the_answers_dropped() {
    let world = SandboxWorld::new();
    let faults = |args: &[&str]| {
        world
            .lsr()
            .args(["sandbox", "faults"])
            .args(args)
            .assert()
            .success();
    };
    faults(&["set", "--drop-after-commit", "0.5"]);
    let (runs, took) = twelve_of_one_pon(&world, "EMB-3", 724);
    faults(&["clear"]);
    let recovered = runs
        .iter()
        .filter(|r| r.3.contains("not sent twice"))
        .count();
    eprintln!("12 parallel submits, 50% drop-after-commit: {took:.1?}, {recovered} recovered");
    assert!(
        recovered > 0,
        "50% drops over 12 orders never exercised the recovery"
    );
}

#[test]
fn submit_run_twice_is_refused_the_second_time_for_every_open_status() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    // Line 2xxx: manual handling, PENDING with 7521 (R6); line 4xxx without a PIN: EXCEPTION
    // 7512.
    for (pon, tn, status) in [
        ("DUP-1", "919-720-2100", "PENDING"),
        ("DUP-2", "919-720-4100", "EXCEPTION"),
    ] {
        let file = write_order_file(config.path(), pon, &[tn]);
        run_expect(
            sandbox
                .lsr(config.path())
                .args(["submit", "--from"])
                .arg(&file),
            0,
        );
        assert_eq!(
            sandbox.json(config.path(), &["status", pon])["status"],
            status
        );
        // The same command again, at once: refused before sending (exit 3), naming the order.
        let out = run_expect(
            sandbox
                .lsr(config.path())
                .args(["submit", "--from"])
                .arg(&file),
            3,
        );
        let stderr = stderr_of(&out);
        assert!(stderr.contains(&format!("{pon}@1 ({status}")), "{stderr}");
        assert!(stderr.contains("nothing was sent"), "{stderr}");
        // From another machine (an empty history), the backend search finds it.
        let elsewhere = tempfile::tempdir().unwrap();
        let file = write_order_file(elsewhere.path(), pon, &[tn]);
        let answer = run_json(
            sandbox
                .lsr(elsewhere.path())
                .args(["--json", "submit", "--from"])
                .arg(&file),
            3,
        );
        let finding = answer["findings"].to_string();
        assert!(
            finding.contains(&format!("{pon} ({status}, order id")),
            "{finding}"
        );
        assert_eq!(
            orders(&sandbox.json(config.path(), &["search", "--pon", pon])).len(),
            1
        );
        // --force still sends.
        run_expect(
            sandbox
                .lsr(config.path())
                .args(["submit", "--force", "--from"])
                .arg(&file),
            0,
        );
        assert_eq!(
            orders(&sandbox.json(config.path(), &["search", "--pon", pon])).len(),
            2
        );
    }
}

/// A submit of one TN whose answers take 2.5 s (sandbox latency), interrupted with `presses`
/// Ctrl-C while its POST is in flight (after the `-v` pre-check line): the sandbox (latency
/// cleared), the config dir, the order file, the exit code and stderr.
fn interrupted_submit(
    pon: &str,
    tn: &str,
    presses: u32,
) -> (
    SandboxProcess,
    tempfile::TempDir,
    std::path::PathBuf,
    Option<i32>,
    String,
) {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    let file = write_order_file(config.path(), pon, &[tn]);
    sandbox.admin(&["faults", "set", "--latency-ms", "2500"]);
    let mut cmd = sandbox.lsr_process(config.path());
    cmd.args(["-v", "submit", "--from"])
        .arg(&file)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut reader = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        assert!(
            reader.read_line(&mut line).unwrap() > 0,
            "no pre-check line"
        );
        if line.contains("pre-check:") {
            break;
        }
    }
    std::thread::sleep(Duration::from_millis(800));
    for _ in 0..presses {
        let sent = std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        std::thread::sleep(Duration::from_millis(200));
    }
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut reader, &mut stderr).unwrap();
    let code = child.wait().unwrap().code();
    // Let the server finish whatever it was doing with the POST.
    std::thread::sleep(Duration::from_millis(3000));
    sandbox.admin(&["faults", "clear"]);
    (sandbox, config, file, code, stderr)
}

#[test]
fn submit_ctrl_c_waits_for_the_answer_in_flight_and_says_what_happened() {
    let (sandbox, config, file, code, stderr) = interrupted_submit("INT-1", "919-725-6100", 1);
    assert_eq!(code, Some(130), "{stderr}");
    assert!(stderr.contains("waiting up to"), "{stderr}");
    assert!(stderr.contains("INT-1@1 was placed"), "{stderr}");
    // Recorded: the journal says sent, the history knows the order, a re-run is refused.
    let show = sandbox.json(config.path(), &["batch", "show", "1"]);
    assert_eq!(show["split"], "none");
    assert_eq!(show["children"][0]["state"], "sent");
    run_expect(
        sandbox
            .lsr(config.path())
            .args(["submit", "--from"])
            .arg(&file),
        3,
    );
    assert_eq!(
        orders(&sandbox.json(config.path(), &["search", "--pon", "INT-1"])).len(),
        1
    );
}

#[test]
fn submit_ctrl_c_twice_leaves_an_intent_the_next_run_resolves() {
    let (sandbox, config, file, code, stderr) = interrupted_submit("INT-2", "919-725-6200", 2);
    assert_eq!(code, Some(130), "{stderr}");
    assert!(stderr.contains("is unknown"), "{stderr}");
    assert!(stderr.contains("looks it up first"), "{stderr}");
    let show = sandbox.json(config.path(), &["batch", "show", "1"]);
    assert_eq!(show["children"][0]["state"], "sending", "{show}");

    // The next run settles the intent first and says what it found; one order in the end.
    let out = sandbox
        .lsr(config.path())
        .args(["submit", "--from"])
        .arg(&file)
        .output()
        .unwrap();
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("the earlier submission of INT-2 (batch 1"),
        "{stderr}"
    );
    if stderr.contains("was placed after all") {
        // It had landed: the re-run is refused like any other.
        assert_eq!(out.status.code(), Some(3), "{stderr}");
    } else {
        assert!(stderr.contains("was not placed"), "{stderr}");
        assert_eq!(out.status.code(), Some(0), "{stderr}");
    }
    let show = sandbox.json(config.path(), &["batch", "show", "1"]);
    assert_ne!(show["children"][0]["state"], "sending", "{show}");
    assert_eq!(
        orders(&sandbox.json(config.path(), &["search", "--pon", "INT-2"])).len(),
        1
    );
}

#[test]
fn status_supp_and_cancel_act_on_the_latest_order_on_the_backend() {
    let sandbox = SandboxProcess::start();
    let me = tempfile::tempdir().unwrap();
    let colleague = tempfile::tempdir().unwrap();
    let mine = sandbox.submit_file(me.path(), "STALE1", &["919-726-6100"]);
    let theirs = sandbox.submit_file(colleague.path(), "STALE1", &["919-726-6101"]);
    let theirs_id = theirs["orders"][0]["order_id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(theirs["orders"][0]["pon_version"], 2);
    // My history knows only @1; the backend has @2.
    let status = sandbox.json(me.path(), &["status", "STALE1"]);
    assert_eq!(status["order_id"], theirs_id.as_str());
    assert_eq!(status["pon_version"], 2);
    assert_eq!(
        sandbox.json(me.path(), &["status", "STALE1@1"])["order_id"],
        mine["orders"][0]["order_id"]
    );
    let supped = sandbox.json(me.path(), &["supp", "STALE1", "--foc", "+8bd"]);
    assert_eq!(supped["order_id"], theirs_id.as_str());
    let cancelled = sandbox.json(me.path(), &["cancel", "STALE1", "--yes"]);
    assert_eq!(cancelled["orders"][0]["order_id"], theirs_id.as_str());
    assert_eq!(cancelled["orders"][0]["status"], "CANCELLED");
    assert_ne!(
        sandbox.json(me.path(), &["status", "STALE1@1"])["status"],
        "CANCELLED"
    );

    // Without the backend the history answers, and says so.
    let url = sandbox.api_url();
    drop(sandbox);
    let out = run_expect(
        assert_cmd::Command::from_std(crate::common::demo_lsr_process(me.path(), &url))
            .env("LSR_HTTP_TIMEOUT_SECS", "2")
            .args(["--json", "status", "STALE1"]),
        0,
    );
    let stderr = stderr_of(&out);
    assert!(stderr.contains("cannot be reached"), "{stderr}");
    assert!(stderr.contains("local history"), "{stderr}");
    assert_eq!(json_of(&out)["order_id"], theirs_id.as_str());
}

/// `lsr --json submit --from FILE --wait UNTIL` against `sandbox`, expecting `code`.
fn submit_waiting(
    sandbox: &SandboxProcess,
    config: &Path,
    pon: &str,
    tn: &str,
    until: &str,
    code: i32,
) -> (Value, String) {
    let file = write_order_file(config, pon, &[tn]);
    run_json_with_stderr(
        sandbox
            .lsr(config)
            .args([
                "--json",
                "submit",
                "--wait",
                until,
                "--timeout",
                "20s",
                "--from",
            ])
            .arg(&file),
        code,
    )
}

#[test]
fn submit_wait_exits_4_for_an_order_that_cannot_reach_its_target() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    // 5xxx: another carrier's pending FOC, FAILED 17008; 9xxx: not Bandwidth's, CANCELLED 7516;
    // 3xxx: disconnected, CANCELLED 7518; 4xxx without a PIN: EXCEPTION 7512.
    for (pon, tn, status, code) in [
        ("W-FAIL", "919-727-5100", "FAILED", 17008),
        ("W-NOTOURS", "919-727-9100", "CANCELLED", 7516),
        ("W-DISC", "919-727-3100", "CANCELLED", 7518),
        ("W-PIN", "919-727-4100", "EXCEPTION", 7512),
    ] {
        let (answer, stderr) = submit_waiting(&sandbox, config.path(), pon, tn, "foc", 4);
        assert_eq!(orders(&answer).len(), 1, "{stderr}");
        let failed = &answer["failed"][0];
        assert_eq!(failed["pon"], pon, "{answer}");
        assert_eq!(failed["status"], status, "{answer}");
        assert_eq!(failed["errors"][0]["code"], code, "{answer}");
        assert!(
            failed["error"].as_str().unwrap().contains(status),
            "{answer}"
        );
        if status == "EXCEPTION" {
            assert!(stderr.contains("lsr supp"), "{stderr}");
        }
    }
    // `final`: FAILED is 4 as well; `status --wait` says the same about an existing order.
    submit_waiting(
        &sandbox,
        config.path(),
        "W-FINAL",
        "919-727-5200",
        "final",
        4,
    );
    run_expect(
        sandbox
            .lsr(config.path())
            .args(["status", "W-FAIL", "--wait", "foc", "--timeout", "5s"]),
        4,
    );
    // Reached: 0, nothing failed.
    let (answer, _) = submit_waiting(&sandbox, config.path(), "W-OK", "919-727-6100", "foc", 0);
    assert_eq!(answer["failed"], json!([]));
    assert_eq!(answer["orders"][0]["status"], "FOC");
}

#[test]
fn submit_split_wait_lists_every_child_that_missed_and_the_worst_decides() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    let file = write_order_file(
        config.path(),
        "WSPLIT",
        &["919-728-6100", "919-728-5100", "919-728-6101"],
    );
    let out = run_expect(
        sandbox
            .lsr(config.path())
            .args([
                "--json",
                "submit",
                "--split",
                "per-tn",
                "--wait",
                "foc",
                "--timeout",
                "20s",
                "--from",
            ])
            .arg(&file),
        4,
    );
    let summary = &crate::common::json_of(&out);
    assert_eq!(orders(summary).len(), 3, "{summary}");
    let failed = summary["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 1, "{summary}");
    assert_eq!(failed[0]["status"], "FAILED");
    assert_eq!(failed[0]["tns"], json!(["9197285100"]));
    assert!(
        summary["batch"]["precheck"]["searches"].as_u64().unwrap() >= 3,
        "{summary}"
    );
    let stderr = stderr_of(&out);
    assert!(stderr.contains("pre-check: 3 TNs"), "{stderr}");
}

#[test]
fn submit_precheck_costs_what_it_must() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    let tns: Vec<String> = (0..5).map(|i| format!("919-729-{:04}", 2100 + i)).collect();
    let tn_refs: Vec<&str> = tns.iter().map(String::as_str).collect();
    // `lsr -v submit [--precheck WHERE] --from FILE`, expecting `code`; its stderr.
    let submit = |pon: &str, precheck: &str, code: i32| {
        let file = write_order_file(config.path(), pon, &tn_refs);
        let out = run_expect(
            sandbox
                .lsr(config.path())
                .args(["-v", "submit", "--precheck", precheck, "--from"])
                .arg(&file),
            code,
        );
        stderr_of(&out)
    };
    let stderr = submit("COST-1", "remote", 0);
    assert!(
        stderr.contains("pre-check: 5 TNs, 5 requests (5 TN searches, 0 order re-reads)"),
        "{stderr}"
    );
    // Again: every TN is on the open order the history knows; one GET re-reads it, no search.
    let stderr = submit("COST-2", "remote", 3);
    assert!(
        stderr.contains("pre-check: 5 TNs, 1 request (0 TN searches, 1 order re-read)"),
        "{stderr}"
    );
    // Local: the history alone; off: nothing is checked and the order goes out.
    let stderr = submit("COST-2", "local", 3);
    assert!(
        stderr.contains("pre-check: 5 TNs, history only"),
        "{stderr}"
    );
    let stderr = submit("COST-2", "off", 0);
    assert!(stderr.contains("pre-check: off"), "{stderr}");
}

/// A backend that numbers versions its own way (Bandwidth's examples send `PonVersion` 0 for an
/// unmodified order): `PON@N` is still lsr's count, from 1.
#[test]
fn status_pon_at_n_is_lsrs_count_whatever_the_server_numbers() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let order = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/wire/get-lsrorders-id-200-example.xml"),
    )
    .unwrap();
    assert!(order.contains("<PonVersion>0</PonVersion>"));
    let served = Arc::new(AtomicUsize::new(0));
    let count = served.clone();
    std::thread::spawn(move || {
        use std::io::{Read, Write};
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 8192];
            let n = stream.read(&mut buf).unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]).to_string();
            let target = request.split(' ').nth(1).unwrap_or_default().to_string();
            count.fetch_add(1, Ordering::SeqCst);
            let body = if target.contains("/lsrorders?") {
                "<LsrOrders><TotalCount>1</TotalCount><LsrOrderSummary><OrderId>00cf7e08-cab0-4515-9a77-2d0a7da09415</OrderId><Pon>testpon1002</Pon><PonVersion>0</PonVersion><OrderStatus>FAILED</OrderStatus><OrderDate>2015-03-03T13:54:00.450Z</OrderDate></LsrOrderSummary></LsrOrders>".to_string()
            } else {
                order.clone()
            };
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    let config = tempfile::tempdir().unwrap();
    let lsr = || {
        let mut cmd = crate::common::lsr(config.path());
        cmd.env("LSR_BASE_URL", format!("http://{addr}/api/v1"))
            .env("LSR_ACCOUNT_ID", "9999999")
            .env("LSR_USERNAME", "u")
            .env("LSR_PASSWORD", "p");
        cmd
    };
    let view = run_json(lsr().args(["--json", "status", "testpon1002"]), 0);
    assert_eq!(view["pon_version"], 1);
    assert_eq!(view["server_pon_version"], 0);
    let by_version = run_json(lsr().args(["--json", "status", "testpon1002@1"]), 0);
    assert_eq!(by_version["order_id"], view["order_id"]);
    let out = run_expect(lsr().args(["status", "testpon1002"]), 0);
    let text = crate::common::all_output(&out);
    assert!(text.contains("\ttestpon1002\t1\tFAILED\t"), "{text}");
    assert!(!text.contains("@0"), "{text}");
    // Named in the next steps by lsr's number too.
    let steps = view["next_steps"].to_string();
    assert!(steps.contains("testpon1002@1"), "{steps}");
    assert!(!steps.contains("@0"), "{steps}");
    run_expect(lsr().args(["status", "testpon1002@2"]), 7);
    assert!(served.load(Ordering::SeqCst) > 0);
}

/// The journal lists single submissions as batches of one, split `none`.
#[test]
fn batch_list_shows_single_submissions_as_split_none() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    sandbox.submit_file(config.path(), "ONE-1", &["919-730-6100"]);
    let list = sandbox.json(config.path(), &["batch", "list"]);
    let batches = list["batches"].as_array().unwrap();
    assert_eq!(batches.len(), 1);
    assert_eq!(batches[0]["split"], "none");
    assert_eq!(batches[0]["parent_pon"], "ONE-1");
    assert_eq!(batches[0]["counts"]["sent"], 1);
    let by_state: BTreeMap<String, u64> =
        serde_json::from_value(batches[0]["counts"].clone()).unwrap();
    assert_eq!(by_state.values().sum::<u64>(), 1);
}
