//! Snapshots of lsr's human output (table mode) as a person sees it on a terminal: `status`
//! with its timeline (plain and in colour), `search`, `validate` and `explain`. The runs are
//! pinned: LSR_FORCE_TTY=1, a fixed COLUMNS, LSR_TODAY and sandbox clock (see `common`),
//! NO_COLOR unless the colour itself is under test, and fixed customer order ids. Order ids are
//! random, so they are replaced before the comparison.
//!
//! After an intended change of the output: `cargo insta review` (or `INSTA_UPDATE=always cargo
//! test --test cli snapshots`), then read the diff of the `.snap` files.

use assert_cmd::Command;

use crate::common::{BUSINESS_ORDER_FLAGS, SandboxWorld, lsr, run_expect};

/// Runs `cmd` as on a terminal `columns` wide, expects exit `code`, and returns what the person
/// sees: stdout, then stderr (when there is any) under a `--- stderr ---` line.
fn screen(cmd: &mut Command, columns: u16, code: i32) -> String {
    let out = run_expect(
        cmd.env("LSR_FORCE_TTY", "1")
            .env("COLUMNS", columns.to_string()),
        code,
    );
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.stderr.is_empty() {
        text.push_str("--- stderr ---\n");
        text.push_str(&String::from_utf8_lossy(&out.stderr));
    }
    text
}

/// Replaces each `(value, placeholder)` in `text`.
fn redact(text: &str, replacements: &[(&str, &str)]) -> String {
    replacements
        .iter()
        .fold(text.to_string(), |text, (value, placeholder)| {
            assert!(!value.is_empty(), "nothing to redact for {placeholder}");
            text.replace(value, placeholder)
        })
}

/// Submits a business order with FOC Mon 2026-12-07 and a fixed customer order id in `world`;
/// returns the new order's id.
fn submit(world: &SandboxWorld, pon: &str, coid: &str, tns: &[&str]) -> String {
    let mut args = vec![
        "submit",
        "--pon",
        pon,
        "--customer-order-id",
        coid,
        "--foc",
        "2026-12-07",
    ];
    for tn in tns {
        args.extend(["--tn", tn]);
    }
    args.extend(BUSINESS_ORDER_FLAGS);
    let placed = world.json(&args);
    placed["orders"][0]["order_id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// `status` of a fresh FOC order as a person sees it on a 100-column terminal.
fn status_screen(colour: bool) -> String {
    let world = SandboxWorld::new();
    let placed = world.json(
        &[
            &[
                "submit",
                "--pon",
                "SNAP-1",
                "--tn",
                "919-720-6100",
                "--tn",
                "919-720-6101",
                "--foc",
                "2026-12-07",
            ][..],
            BUSINESS_ORDER_FLAGS,
        ]
        .concat(),
    );
    let id = placed["orders"][0]["order_id"].as_str().unwrap();
    let coid = placed["orders"][0]["customer_order_id"].as_str().unwrap();
    world.process();
    let mut cmd = world.lsr();
    if colour {
        cmd.env_remove("NO_COLOR").args(["--color", "always"]);
    }
    redact(
        &screen(cmd.args(["status", "SNAP-1"]), 100, 0),
        &[(id, "[ORDER-ID]"), (coid, "[CUSTOMER-ORDER-ID]")],
    )
}

#[test]
fn status_snapshot_plain() {
    insta::assert_snapshot!(status_screen(false));
}

#[test]
fn status_snapshot_colour() {
    let screen = status_screen(true);
    assert!(screen.contains('\x1b'));
    insta::assert_snapshot!(screen.replace('\x1b', "<ESC>"));
}

/// A FAILED order: the 17008 error with its explanation, R3's next steps, the timeline of the
/// requested date.
#[test]
fn status_snapshot_failed_17008() {
    let world = SandboxWorld::new();
    // Line 5000–5999: another carrier holds a pending FOC on the TN (17008).
    let id = submit(&world, "SNAP-FAIL", "snap-fail-1", &["919-720-5001"]);
    world.process();
    let status = world.status("SNAP-FAIL");
    assert_eq!(status["status"], "FAILED", "{status}");
    let text = screen(world.lsr().args(["status", "SNAP-FAIL"]), 100, 0);
    insta::assert_snapshot!(redact(&text, &[(&id, "[ORDER-ID]")]));
}

/// `search` of three orders (FOC, FAILED with 17008, PENDING with 7521), newest first. The
/// order ids become fake ones of the same length, so the table keeps its layout.
#[test]
fn search_snapshot_table() {
    let world = SandboxWorld::new();
    let mut ids = Vec::new();
    for (pon, coid, tn) in [
        ("SNAP-A", "snap-a-1", "919-720-6100"),
        ("SNAP-B", "snap-b-1", "919-720-5001"),
        ("SNAP-C", "snap-c-1", "919-720-2100"),
    ] {
        ids.push(submit(&world, pon, coid, &[tn]));
        // A second apart on the sandbox's clock: newest first is one order.
        world.clock(&["advance", "1s"]);
    }
    world.process();
    let fakes = [
        "00000000-0000-0000-0000-00000000000a",
        "00000000-0000-0000-0000-00000000000b",
        "00000000-0000-0000-0000-00000000000c",
    ];
    let replacements: Vec<(&str, &str)> = ids
        .iter()
        .map(String::as_str)
        .zip(fakes)
        .inspect(|(id, fake)| assert_eq!(id.len(), fake.len(), "{id}"))
        .collect();
    let text = screen(world.lsr().arg("search"), 140, 0);
    insta::assert_snapshot!(redact(&text, &replacements));
}

/// `validate` of an order file with several findings: the table, then the summary and its hint.
#[test]
fn validate_snapshot_table() {
    let dir = tempfile::tempdir().unwrap();
    let order = dir.path().join("order.toml");
    std::fs::write(
        &order,
        r#"pon = "SNAP 1"
requested_foc_date = "2026-12-05"
authorizing_person = "Jane Doe"
tns = ["919-720-6100", "919-720-6100", "800-720-6100"]

[subscriber]
type = "residential"
last_name = "Doe"

[subscriber.address]
house_number = "11"
street = "Park Ave"
city = "Raleigh"
state = "ZZ"
zip = "27601"
"#,
    )
    .unwrap();
    // Run in the order's directory: no temp path can reach the output.
    let text = screen(
        lsr(dir.path())
            .current_dir(dir.path())
            .args(["validate", "--from", "order.toml"]),
        100,
        3,
    );
    insta::assert_snapshot!(text);
}

#[test]
fn explain_snapshot_code() {
    let dir = tempfile::tempdir().unwrap();
    insta::assert_snapshot!(screen(lsr(dir.path()).args(["explain", "17008"]), 100, 0));
}

#[test]
fn explain_snapshot_topic() {
    let dir = tempfile::tempdir().unwrap();
    insta::assert_snapshot!(screen(
        lsr(dir.path()).args(["explain", "foc-window"]),
        100,
        0
    ));
}

#[test]
fn explain_snapshot_list() {
    let dir = tempfile::tempdir().unwrap();
    insta::assert_snapshot!(screen(lsr(dir.path()).arg("explain"), 120, 0));
}
