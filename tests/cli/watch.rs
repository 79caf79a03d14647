//! `lsr watch`: JSON lines of changes until every order is final.

use crate::common::{BUSINESS_ORDER_FLAGS, SandboxWorld, json_lines, run_expect};

#[test]
fn watch_prints_json_lines_until_the_order_is_final() {
    let world = SandboxWorld::new();
    // Line 9000–9999: not a Bandwidth TN, the sandbox cancels it (7516) after processing.
    let mut submit = world.lsr();
    submit
        .args([
            "--json",
            "submit",
            "--pon",
            "WATCH-1",
            "--tn",
            "919-720-9100",
            "--foc",
            "+3bd",
        ])
        .args(BUSINESS_ORDER_FLAGS);
    submit.assert().success();
    let out = run_expect(
        world
            .lsr()
            .args(["watch", "WATCH-1", "--interval", "1"])
            .timeout(std::time::Duration::from_secs(60)),
        0,
    );
    let lines = json_lines(&out);
    assert!(!lines.is_empty());
    let last = lines.last().unwrap();
    assert_eq!(last["pon"], "WATCH-1");
    assert_eq!(last["status"], "CANCELLED");
    assert_eq!(last["errors"][0]["code"], 7516);
    if lines.len() > 1 {
        assert_eq!(lines[0]["status"], "PENDING");
        assert_eq!(last["previous_status"], "PENDING");
    }
}

#[test]
fn watch_without_orders_is_a_usage_error() {
    let world = SandboxWorld::new();
    let out = world.lsr().arg("watch").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
