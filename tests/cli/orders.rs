//! The order lifecycle through the `lsr` binary against the embedded sandbox: `supp`, `cancel`
//! and `resubmit`, with `submit`, `status` and the sandbox's clock and NPAC simulation.

use serde_json::Value;

use crate::common::{SandboxWorld, run_json, run_json_with_stderr, stderr_of, submit_processed};

fn error_codes(order: &Value) -> Vec<u64> {
    order["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_u64().unwrap())
        .collect()
}

#[test]
fn supp_moves_the_foc_date_and_the_port_completes_through_npac() {
    let world = SandboxWorld::new();
    let id = submit_processed(&world, "LIFE-1", &["919-720-6100", "919-720-6101"], &[]);
    let before = world.status("LIFE-1");
    assert_eq!(before["status"], "FOC");
    assert_eq!(before["actual_foc_date"], "2026-12-07");

    let supped = world.json(&["supp", "LIFE-1", "--foc", "2026-12-09"]);
    assert_eq!(supped["order_id"], id.as_str());
    assert_eq!(supped["requested_foc_date"], "2026-12-09");
    let after = world.status("LIFE-1");
    assert_eq!(after["status"], "FOC");
    assert_eq!(after["actual_foc_date"], "2026-12-09", "{after}");
    assert_eq!(after["foc_window_last_day"], "2026-12-22");

    world
        .lsr()
        .args(["sandbox", "npac", "subscribe", &id, "--medium-timers"])
        .assert()
        .success();
    world.clock(&["advance", "6h"]);
    // Activation works from the FOC date on (R2: no early concurrence).
    world.clock(&["set", "2026-12-09T15:00:00Z"]);
    world
        .lsr()
        .args(["sandbox", "npac", "activate", &id])
        .assert()
        .success();
    let done = world.status(&id);
    assert_eq!(done["status"], "COMPLETE", "{done}");
    assert_eq!(done["pon_version"], 1);
}

#[test]
fn supp_with_the_right_pin_moves_an_exception_to_foc() {
    let world = SandboxWorld::new();
    // Line 4000–4999: the end user has a PIN equal to the last four digits.
    submit_processed(&world, "PIN-1", &["919-720-4321"], &[]);
    let exception = world.status("PIN-1");
    assert_eq!(exception["status"], "EXCEPTION");
    assert_eq!(error_codes(&exception), vec![7512]);

    let wrong = world.json(&["supp", "PIN-1", "--pin", "1111"]);
    assert_eq!(wrong["status"], "PENDING", "a supp answers the exception");
    world.process();
    assert_eq!(error_codes(&world.status("PIN-1")), vec![7513]);

    world.json(&["supp", "PIN-1", "--pin", "4321"]);
    world.process();
    let foc = world.status("PIN-1");
    assert_eq!(foc["status"], "FOC", "{foc}");
    assert!(error_codes(&foc).is_empty());
    assert_eq!(foc["actual_foc_date"], "2026-12-07");
}

#[test]
fn supp_refuses_a_failed_order_with_the_r3_text() {
    let world = SandboxWorld::new();
    // Line 5000–5999: another carrier holds a pending FOC (17008).
    submit_processed(&world, "FAIL-1", &["919-720-5001"], &[]);
    let failed = world.status("FAIL-1");
    assert_eq!(failed["status"], "FAILED");
    assert_eq!(error_codes(&failed), vec![17008]);

    let out = world
        .lsr()
        .args(["supp", "FAIL-1", "--foc", "2026-12-09"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let err = stderr_of(&out);
    assert!(
        err.contains(
            "cannot supp order FAIL-1@1: FAILED is a final status: nothing can change this order"
        ),
        "{err}"
    );
    assert!(err.contains("hint: `lsr resubmit FAIL-1@1`"), "{err}");
    assert_eq!(world.status("FAIL-1")["requested_foc_date"], "2026-12-07");
}

#[test]
fn cancel_refuses_a_failed_order() {
    let world = SandboxWorld::new();
    submit_processed(&world, "FAIL-2", &["919-720-5002"], &[]);
    let json = run_json(world.lsr().args(["--json", "cancel", "FAIL-2", "--yes"]), 4);
    assert!(json["orders"].as_array().unwrap().is_empty());
    let failed = &json["failed"][0];
    assert_eq!(failed["pon"], "FAIL-2");
    assert_eq!(failed["tns"], serde_json::json!(["9197205002"]));
    assert!(
        failed["error"]
            .as_str()
            .unwrap()
            .contains("FAILED is a final status"),
        "{failed}"
    );
    assert_eq!(world.status("FAIL-2")["status"], "FAILED");
}

#[test]
fn supp_refuses_a_pon_change_with_the_r9_hint() {
    let world = SandboxWorld::new();
    submit_processed(&world, "R9-1", &["919-720-6110"], &[]);
    let out = world
        .lsr()
        .args(["supp", "R9-1", "--pon", "R9-2"])
        .output()
        .unwrap();
    // Refused locally (R9), nothing sent: 3, as every local refusal (was 4).
    assert_eq!(out.status.code(), Some(3));
    let err = stderr_of(&out);
    assert!(
        err.contains("a TN cannot be removed by a supp: cancel and resubmit"),
        "{err}"
    );
    assert!(err.contains("lsr resubmit R9-1@1 --pon R9-2"), "{err}");
    assert!(err.contains("--remove-tn"), "{err}");
    // The same PON is no change at all.
    world
        .lsr()
        .args(["supp", "R9-1", "--pon", "R9-1"])
        .assert()
        .code(2);
}

#[test]
fn supp_without_changes_is_a_usage_error_before_any_lookup() {
    let world = SandboxWorld::new();
    let out = world.lsr().args(["supp", "NO-SUCH-PON"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "not 7: nothing was looked up");
    assert!(stderr_of(&out).contains("changes nothing"));
}

#[test]
fn supp_checks_the_new_date_offline_and_sends_nothing_on_errors() {
    let world = SandboxWorld::new();
    submit_processed(&world, "DATE-1", &["919-720-6120"], &[]);
    let json = run_json(
        world
            .lsr()
            .args(["--json", "supp", "DATE-1", "--foc", "2026-12-05"]),
        3,
    );
    // A supp's answer is the order: refused locally, stdout is the error document.
    assert_eq!(
        json["error"]["findings"][0]["code"], 17019,
        "a Saturday: {json}"
    );
    assert_eq!(json["error"]["code"], 17019, "{json}");
    assert_eq!(world.status("DATE-1")["actual_foc_date"], "2026-12-07");
    // A relative date counts from the sandbox's today (Mon 2026-11-30).
    let supped = world.json(&["supp", "DATE-1", "--foc", "+3bd"]);
    assert_eq!(supped["requested_foc_date"], "2026-12-03");
}

#[test]
fn resubmit_removing_a_tn_cancels_the_old_order_and_keeps_the_rest() {
    let world = SandboxWorld::new();
    let old_id = submit_processed(
        &world,
        "RESUB-1",
        &["919-720-6130", "919-720-6131", "919-720-6132"],
        &[],
    );
    let json = world.json(&[
        "resubmit",
        "RESUB-1",
        "--remove-tn",
        "(919) 720-6131",
        "--yes",
    ]);
    let new = &json["orders"][0];
    assert_eq!(new["pon"], "RESUB-1");
    assert_eq!(
        new["pon_version"], 2,
        "the same PON is its next version (R8)"
    );
    assert_eq!(new["tns"], serde_json::json!(["9197206130", "9197206132"]));
    assert_ne!(new["order_id"], old_id.as_str());
    assert_eq!(json["replaced"]["order_id"], old_id.as_str());
    assert_eq!(json["replaced"]["status"], "CANCELLED");
    assert!(json["failed"].as_array().unwrap().is_empty());

    assert_eq!(world.status(&old_id)["status"], "CANCELLED");
    world.process();
    // `RESUB-1` now means its latest version; the old one stays reachable as RESUB-1@1.
    let latest = world.status("RESUB-1");
    assert_eq!(latest["status"], "FOC", "{latest}");
    assert_eq!(latest["pon_version"], 2);
    assert_eq!(world.status("RESUB-1@1")["status"], "CANCELLED");
}

#[test]
fn resubmit_names_a_remove_tn_that_is_not_on_the_order() {
    let world = SandboxWorld::new();
    submit_processed(&world, "RESUB-2", &["919-720-6140"], &[]);
    let out = world
        .lsr()
        .args([
            "resubmit",
            "RESUB-2",
            "--remove-tn",
            "919-720-6199",
            "--yes",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("919-720-6199"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(
        world.status("RESUB-2")["status"],
        "FOC",
        "nothing was cancelled"
    );
}

#[test]
fn resubmit_of_a_failed_order_places_a_new_pon_without_a_cancel() {
    let world = SandboxWorld::new();
    let old_id = submit_processed(&world, "RESUB-3", &["919-720-5003", "919-720-6150"], &[]);
    assert_eq!(world.status("RESUB-3")["status"], "FAILED");
    // Terminal: nothing to cancel, so no confirmation is needed off a terminal.
    let json = world.json(&[
        "resubmit",
        "RESUB-3",
        "--remove-tn",
        "919-720-5003",
        "--pon",
        "RESUB-3B",
        "--wait",
        "--timeout",
        "30s",
    ]);
    assert_eq!(json["orders"][0]["pon"], "RESUB-3B");
    assert_eq!(json["orders"][0]["pon_version"], 1);
    assert_eq!(
        json["orders"][0]["status"], "FOC",
        "--wait polls until the FOC"
    );
    assert_eq!(json["replaced"]["order_id"], old_id.as_str());
    assert_eq!(json["replaced"]["status"], "FAILED");
    assert_eq!(world.status(&old_id)["status"], "FAILED", "never cancelled");
}

#[test]
fn resubmit_dry_run_changes_nothing() {
    let world = SandboxWorld::new();
    submit_processed(&world, "RESUB-4", &["919-720-6160", "919-720-6161"], &[]);
    let json = world.json(&[
        "resubmit",
        "RESUB-4",
        "--remove-tn",
        "919-720-6161",
        "--dry-run",
    ]);
    assert_eq!(json["dry_run"], true);
    assert_eq!(json["order"]["tns"].as_array().unwrap().len(), 1, "{json}");
    let still = world.status("RESUB-4");
    assert_eq!(still["status"], "FOC");
    assert_eq!(still["pon_version"], 1);
}

#[test]
fn resubmit_split_per_tn_turns_a_7517_order_into_one_order_per_tn() {
    let world = SandboxWorld::new();
    // Lines 1000–1999: the reseller wants one TN per request; with two TNs the LSR is cancelled.
    submit_processed(&world, "RESELL-1", &["919-720-1100", "919-720-1101"], &[]);
    let old = world.status("RESELL-1");
    assert_eq!(old["status"], "CANCELLED");
    assert_eq!(error_codes(&old), [7517]);
    assert!(old["next_steps"].to_string().contains("--split per-tn"));

    let out = world
        .lsr()
        .args([
            "--json", "resubmit", "RESELL-1", "--split", "per-tn", "--foc", "+5bd",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    world.process();
    for (pon, tn) in [
        ("RESELL-1-0001", "9197201100"),
        ("RESELL-1-0002", "9197201101"),
    ] {
        let child = world.status(pon);
        assert_eq!(child["status"], "FOC", "{child}");
        assert_eq!(child["tns"], serde_json::json!([tn]));
    }
}

#[test]
fn cancel_needs_yes_off_a_terminal_then_cancels() {
    let world = SandboxWorld::new();
    submit_processed(&world, "CXL-1", &["919-720-6170"], &[]);
    let out = world.lsr().args(["cancel", "CXL-1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("hint: pass --yes to cancel without a prompt"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(
        world.status("CXL-1")["status"],
        "FOC",
        "nothing was cancelled"
    );

    let json = world.json(&["cancel", "CXL-1", "--yes"]);
    assert_eq!(json["orders"][0]["status"], "CANCELLED");
    assert_eq!(json["orders"][0]["pon"], "CXL-1");
    assert!(json["failed"].as_array().unwrap().is_empty());
    assert_eq!(world.status("CXL-1")["status"], "CANCELLED");
}

#[test]
fn cancel_dry_run_lists_without_cancelling_or_asking() {
    let world = SandboxWorld::new();
    submit_processed(&world, "CXL-2", &["919-720-6180"], &[]);
    let json = world.json(&["cancel", "CXL-2", "--dry-run"]);
    assert_eq!(json["dry_run"], true);
    assert_eq!(json["orders"][0]["status"], "FOC");
    assert_eq!(world.status("CXL-2")["status"], "FOC");
}

#[test]
fn cancel_of_several_orders_continues_past_failures_with_the_worst_exit() {
    let world = SandboxWorld::new();
    submit_processed(&world, "CXL-3", &["919-720-6190"], &[]);
    submit_processed(&world, "CXL-4", &["919-720-5004"], &[]);
    // Not found (7) is worse than rejected (4).
    let (json, err) = run_json_with_stderr(
        world
            .lsr()
            .args(["--json", "cancel", "CXL-4", "NO-SUCH-PON", "CXL-3", "--yes"]),
        7,
    );
    let cancelled: Vec<&str> = json["orders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["pon"].as_str().unwrap())
        .collect();
    assert_eq!(cancelled, vec!["CXL-3"]);
    let failed: Vec<&str> = json["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["pon"].as_str().unwrap())
        .collect();
    assert_eq!(failed, vec!["CXL-4", "NO-SUCH-PON"]);
    assert!(err.contains("2 of 3 orders were not cancelled"));
    assert_eq!(world.status("CXL-3")["status"], "CANCELLED");
}

#[test]
fn cancel_asks_on_a_terminal_and_honours_the_answer() {
    let world = SandboxWorld::new();
    submit_processed(&world, "CXL-5", &["919-720-6200"], &[]);
    let out = world
        .lsr()
        .env("LSR_FORCE_TTY", "1")
        .args(["--json", "cancel", "CXL-5"])
        .write_stdin("n\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.contains("cancel CXL-5@1 (1 TN)? [y/N]"), "{err}");
    assert!(err.contains("nothing was changed"), "{err}");
    assert_eq!(world.status("CXL-5")["status"], "FOC");

    let out = world
        .lsr()
        .env("LSR_FORCE_TTY", "1")
        .args(["--json", "cancel", "CXL-5"])
        .write_stdin("y\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(world.status("CXL-5")["status"], "CANCELLED");
}

#[test]
fn resubmit_says_where_an_old_requested_date_came_from() {
    let world = SandboxWorld::new();
    let old_id = submit_processed(&world, "RESUB-5", &["919-720-6210", "919-720-6211"], &[]);
    // Two weeks on, the old order's date (2026-12-07) is in the past.
    world.clock(&["set", "2026-12-14T15:00:00Z"]);
    let out = world
        .lsr()
        .args([
            "resubmit",
            "RESUB-5",
            "--remove-tn",
            "919-720-6211",
            "--yes",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr_of(&out));
    let err = stderr_of(&out);
    assert!(err.contains("7208"), "{err}");
    assert!(err.contains("the one of order RESUB-5@1"), "{err}");
    assert_eq!(
        world.status(&old_id)["status"],
        "FOC",
        "nothing was cancelled"
    );

    let json = world.json(&[
        "resubmit",
        "RESUB-5",
        "--remove-tn",
        "919-720-6211",
        "--foc",
        "+2bd",
        "--yes",
    ]);
    assert_eq!(json["orders"][0]["requested_foc_date"], "2026-12-16");
    assert_eq!(json["orders"][0]["tns"], serde_json::json!(["9197206210"]));
}

#[test]
fn supp_wait_foc_polls_until_the_answered_exception_is_confirmed() {
    let world = SandboxWorld::new();
    submit_processed(&world, "PIN-2", &["919-720-4455"], &[]);
    assert_eq!(world.status("PIN-2")["status"], "EXCEPTION");
    // The sandbox processes the supp after its delay (2 s on its clock, which runs).
    let json = world.json(&[
        "supp",
        "PIN-2",
        "--pin",
        "4455",
        "--wait",
        "--timeout",
        "30s",
    ]);
    assert_eq!(json["status"], "FOC", "{json}");
    assert_eq!(json["actual_foc_date"], "2026-12-07");
}
