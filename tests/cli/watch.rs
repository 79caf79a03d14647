//! `lsr watch`: one document when every order is final, the changes as they come on stderr
//! (`--progress json`) or as TSV rows when piped.

use crate::common::{BUSINESS_ORDER_FLAGS, SandboxWorld, run_expect, run_json_progress};

/// Submits WATCH-1 on line 9000–9999: not a Bandwidth TN, the sandbox cancels it (7516) after
/// processing.
fn submit_watched(world: &SandboxWorld) {
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
}

#[test]
fn watch_prints_one_document_when_the_order_is_final_and_each_change_on_stderr() {
    let world = SandboxWorld::new();
    submit_watched(&world);
    let (document, lines, _) = run_json_progress(
        world
            .lsr()
            .args([
                "--json",
                "--progress",
                "json",
                "watch",
                "WATCH-1",
                "--interval",
                "1",
            ])
            .timeout(std::time::Duration::from_secs(60)),
        0,
    );
    assert!(!lines.is_empty());
    // The same changes, in the document and on stderr as they came.
    assert_eq!(document["changes"].as_array().unwrap(), &lines);
    let last = lines.last().unwrap();
    assert_eq!(last["pon"], "WATCH-1");
    assert_eq!(last["status"], "CANCELLED");
    assert_eq!(last["errors"][0]["code"], 7516);
    if lines.len() > 1 {
        assert_eq!(lines[0]["status"], "PENDING");
        assert_eq!(last["previous_status"], "PENDING");
    }
    assert_eq!(document["orders"][0]["status"], "CANCELLED");
    assert_eq!(document["interrupted"], false);
}

#[test]
fn watch_piped_prints_one_tsv_row_per_change() {
    let world = SandboxWorld::new();
    submit_watched(&world);
    let out = run_expect(
        world
            .lsr()
            .args(["--header", "watch", "WATCH-1", "--interval", "1"])
            .timeout(std::time::Duration::from_secs(60)),
        0,
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut rows = text.lines().map(|l| l.split('\t').collect::<Vec<_>>());
    let header = rows.next().unwrap();
    assert_eq!(header[..3], ["at", "previous_status", "order_id"]);
    let last = rows.next_back().unwrap();
    assert_eq!(last.len(), header.len());
    let status = header.iter().position(|h| *h == "status").unwrap();
    assert_eq!(last[status], "CANCELLED");
}

#[test]
fn watch_without_orders_is_a_usage_error() {
    let world = SandboxWorld::new();
    let out = world.lsr().arg("watch").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
