//! Snapshots of `lsr status` with its timeline at a fixed clock, plain and in colour.

use crate::common::{BUSINESS_ORDER_FLAGS, SandboxWorld};

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
    let id = placed["orders"][0]["order_id"]
        .as_str()
        .unwrap()
        .to_string();
    let coid = placed["orders"][0]["customer_order_id"]
        .as_str()
        .unwrap()
        .to_string();
    world.process();
    let mut cmd = world.lsr();
    cmd.env("LSR_FORCE_TTY", "1").env("COLUMNS", "100");
    if colour {
        cmd.env_remove("NO_COLOR").args(["--color", "always"]);
    }
    let out = cmd.args(["status", "SNAP-1"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .replace(&id, "[ORDER-ID]")
        .replace(&coid, "[CUSTOMER-ORDER-ID]")
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
