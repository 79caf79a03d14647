//! `lsr submit`'s wizard: answered in a real terminal (tmux) against the embedded sandbox, and
//! the usage error (exit 2) naming the missing flags when nobody can be asked.

use std::ffi::OsStr;

use crate::common::{BUSINESS_ORDER_FLAGS, SandboxWorld, TmuxSession, lsr};

/// `lsr --sandbox submit ARGS` in tmux, in `world`, on Monday 2026-11-30.
fn wizard(world: &SandboxWorld, args: &[&str]) -> Option<TmuxSession> {
    if !TmuxSession::available() {
        eprintln!("skipping: tmux is not installed (apt-get install -y tmux runs this test)");
        return None;
    }
    let env: [(&str, &OsStr); 3] = [
        ("LSR_CONFIG_DIR", world.dir.path().as_os_str()),
        ("LSR_TODAY", OsStr::new("2026-11-30")),
        ("NO_COLOR", OsStr::new("1")),
    ];
    let mut all = vec!["--sandbox", "submit"];
    all.extend_from_slice(args);
    Some(TmuxSession::start(
        &env,
        &assert_cmd::cargo::cargo_bin("lsr"),
        &all,
    ))
}

#[test]
fn submit_wizard_refuses_bad_answers_and_sends_the_order_it_built() {
    let world = SandboxWorld::new();
    let Some(t) = wizard(&world, &[]) else { return };

    t.wait_for("PON (purchase order number)");
    t.type_line("");
    t.wait_for("error: PON is required");
    t.type_line("WIZ-1");

    // The next business day after Monday 2026-11-30 is offered; a Saturday is refused.
    let screen = t.wait_for("Requested FOC date");
    assert!(screen.contains("[2026-12-01]"), "{screen}");
    t.type_line("2026-12-05");
    let screen = t.wait_for("is not a business day: it is Saturday");
    assert!(
        screen.contains("the next business day is 2026-12-07 (Monday)"),
        "{screen}"
    );
    t.type_line("");

    t.wait_for("Authorizing person");
    t.type_line("Jane Doe");
    t.wait_for("Subscriber type");
    t.press("Up");
    t.press("Enter");
    t.wait_for("Business name");
    t.type_line("Acme Widgets");
    for (prompt, answer) in [
        ("house number", "11"),
        ("street", "Park Ave"),
        ("city", "Raleigh"),
        ("state", "NC"),
        ("ZIP code", "27601"),
    ] {
        t.wait_for(&format!("Service address: {prompt}"));
        t.type_line(answer);
    }

    // A toll-free TN is refused with the reason, then a good one is taken.
    t.wait_for("Telephone number to port");
    t.type_line("800-555-0100");
    t.wait_for("telephone number 800-555-0100 is toll-free");
    t.type_line("919-720-6100");
    t.wait_for("Telephone number #2 (empty line to finish)");
    t.type_line("919 720 6101");
    t.wait_for("Telephone number #3");
    t.type_line("");

    // The optional fields are offered in one step, saying when a PIN matters (7512/7513).
    let screen = t.wait_for("Add any of them now?");
    assert!(screen.contains("EXCEPTION 7512"), "{screen}");
    t.press("n");

    let screen = t.wait_for("Send order WIZ-1 now");
    assert!(screen.contains("Acme Widgets (business)"), "{screen}");
    assert!(screen.contains("2026-12-01 (Tuesday)"), "{screen}");
    assert!(
        screen.contains("919-720-6100, 919-720-6101 (2)"),
        "{screen}"
    );
    // The summary offers to send (the default), to edit a field, or to cancel. A typo in the
    // street is corrected there: the field is offered with its value typed in, then the
    // summary comes back with it.
    t.press("Down");
    t.press("Enter");
    t.wait_for("Which field?");
    for _ in 0..8 {
        t.press("Down"); // to "Service address: street"
    }
    t.press("Enter");
    t.wait_for("Service address: street");
    for _ in 0.."Park Ave".len() {
        t.press("BSpace");
    }
    t.type_line("Main St");
    let screen = t.wait_for("11 Main St");
    assert!(screen.contains("Send order WIZ-1 now"), "{screen}");
    t.press("Enter"); // send
    let (code, screen) = t.wait_for_exit();
    assert_eq!(code, 0, "{screen}");
    assert!(screen.contains("submitted WIZ-1@1"), "{screen}");

    let order = world.status("WIZ-1");
    assert_eq!(order["pon"], "WIZ-1", "{order}");
    assert_eq!(order["requested_foc_date"], "2026-12-01", "{order}");
    assert_eq!(
        order["tns"],
        serde_json::json!(["9197206100", "9197206101"]),
        "{order}"
    );
}

#[test]
fn submit_wizard_asks_names_by_subscriber_type_and_declining_sends_nothing() {
    let world = SandboxWorld::new();
    // The state is given but refused: the wizard shows why and offers it for editing.
    let args = [
        "--pon",
        "WIZ-2",
        "--foc",
        "+2bd",
        "--auth-person",
        "Jane Doe",
        "--house-number",
        "11",
        "--street",
        "Park Ave",
        "--city",
        "Raleigh",
        "--state",
        "XX",
        "--zip",
        "27601",
    ];
    let Some(t) = wizard(&world, &args) else {
        return;
    };

    // Given fields are not asked again.
    let screen = t.wait_for("Subscriber type");
    assert!(!screen.contains("PON (purchase"), "{screen}");
    assert!(!screen.contains("Requested FOC date"), "{screen}");
    t.press("Enter"); // residential, Bandwidth's default
    t.wait_for("First name (optional)");
    t.type_line("");
    t.wait_for("Last name");
    t.type_line("");
    t.wait_for("a residential subscriber needs a last name");
    t.type_line("Doe");
    let screen = t.wait_for("Service address: state (2 letters): XX");
    assert!(
        screen.contains("error: state code `XX` is not a US state, DC or territory"),
        "{screen}"
    );
    assert!(!screen.contains("Service address: city"), "{screen}");
    t.press("BSpace");
    t.press("BSpace");
    t.type_line("NC");
    t.wait_for("Telephone number to port");
    t.type_line("");
    t.wait_for("the order has no telephone numbers");
    t.type_line("919-720-6200");
    t.wait_for("Telephone number #2");
    t.type_line("");
    t.wait_for("Add any of them now?");
    t.press("Enter"); // no

    let screen = t.wait_for("Send order WIZ-2 now");
    assert!(screen.contains("Doe (residential)"), "{screen}");
    assert!(!screen.contains("Business name"), "{screen}");
    t.press("Up"); // from "Send" round to "Cancel: send nothing"
    t.press("Enter");
    let (code, screen) = t.wait_for_exit();
    assert_eq!(code, 1, "{screen}");
    assert!(screen.contains("order WIZ-2 was not sent"), "{screen}");

    world
        .lsr()
        .args(["--json", "status", "WIZ-2"])
        .assert()
        .code(7);
}

#[test]
fn submit_wizard_reports_a_toll_free_tn_flag_before_the_first_question() {
    let world = SandboxWorld::new();
    let Some(t) = wizard(&world, &["--tn", "800-555-1234"]) else {
        return;
    };
    let (code, screen) = t.wait_for_exit();
    assert_eq!(code, 3, "{screen}");
    assert!(screen.contains("toll-free"), "{screen}");
    assert!(!screen.contains("PON (purchase order number)"), "{screen}");
}

#[test]
fn submit_without_a_terminal_names_each_missing_flag_with_exit_2() {
    let world = SandboxWorld::new();
    let out = world
        .lsr()
        .args([
            "submit",
            "--pon",
            "NOTTY-1",
            "--subscriber-type",
            "business",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "the order is missing required fields: --auth-person, --business-name, --house-number, --street, --city, --state, --zip, --tn"
        ),
        "{stderr}"
    );
    world
        .lsr()
        .args(["--json", "status", "NOTTY-1"])
        .assert()
        .code(7);
}

#[test]
fn submit_with_no_input_never_prompts_even_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    for no_input in [["--no-input"].as_slice(), [].as_slice()] {
        let mut cmd = lsr(dir.path());
        // LSR_FORCE_TTY makes stdin and stdout count as terminals; only --no-input or
        // LSR_NO_INPUT stops the wizard then.
        cmd.env("LSR_FORCE_TTY", "1");
        if no_input.is_empty() {
            cmd.env("LSR_NO_INPUT", "1");
        }
        let out = cmd
            .args(no_input)
            .args(["submit", "--tn", "919-720-6300"])
            .args(BUSINESS_ORDER_FLAGS)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("the order is missing required field: --pon"),
            "{stderr}"
        );
    }
}

#[test]
fn validate_keeps_reporting_missing_fields_as_findings_with_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let out = lsr(dir.path())
        .args(["--json", "validate", "--tn", "919-720-6400"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let report = crate::common::json_of(&out);
    let codes: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].clone())
        .collect();
    assert!(codes.contains(&serde_json::json!(7120)), "{report}");
}

#[test]
fn submit_with_yes_never_prompts_even_on_a_terminal() {
    // `-y/--yes` means never prompt, like `--no-input`.
    let dir = tempfile::tempdir().unwrap();
    let out = lsr(dir.path())
        .env("LSR_FORCE_TTY", "1")
        .args([
            "--sandbox",
            "--yes",
            "submit",
            "--pon",
            "WIZ-3",
            "--foc",
            "2026-12-03",
        ])
        .args(BUSINESS_ORDER_FLAGS)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--tn"), "{stderr}");
}

#[test]
fn submit_split_without_a_terminal_names_missing_flags_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = lsr(dir.path())
        .args(["--sandbox", "submit", "--split", "per-tn"])
        .args(["--tn", "919-720-6600", "--tn", "919-720-6601"])
        .args(BUSINESS_ORDER_FLAGS)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("the order is missing required field: --pon"),
        "{stderr}"
    );
}
