//! The scripting contract (README, "Scripting"): every command in JSON, TSV and table modes;
//! one JSON document per run, valid against its committed schema; a broken pipe is success in
//! every mode; the exit codes a script relies on; the TSV columns the same in `--help`, the
//! README and `--header`; and each reproduction of the issue that asked for the contract.

use std::collections::BTreeMap;
use std::process::{Output, Stdio};

use serde_json::Value;

use crate::common::{
    BUSINESS_ORDER_FLAGS, SandboxProcess, SandboxWorld, assert_schema, json_of, lsr, run_expect,
    run_json, stderr_of, submit_args, submit_processed, write_order_file,
};

/// How stdout is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Json,
    /// Piped, with `--header`.
    Tsv,
    /// As on a terminal.
    Table,
}

const MODES: [Mode; 3] = [Mode::Json, Mode::Tsv, Mode::Table];

impl Mode {
    /// The global flags that ask for this mode.
    fn flags(self) -> &'static [&'static str] {
        match self {
            Mode::Json => &["--json"],
            Mode::Tsv => &["--header"],
            Mode::Table => &[],
        }
    }

    /// The environment that asks for this mode (a terminal 120 columns wide for a table).
    fn env(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Mode::Table => &[("LSR_FORCE_TTY", "1"), ("COLUMNS", "120")],
            Mode::Json | Mode::Tsv => &[],
        }
    }

    /// A short tag for names made per mode (PONs, TNs).
    fn index(self) -> usize {
        match self {
            Mode::Json => 0,
            Mode::Tsv => 1,
            Mode::Table => 2,
        }
    }
}

/// `lsr --sandbox ARGS` in `mode`, expecting exit `code`. JSON: stdout is one document valid
/// against its schema (or the error document). TSV: the header row is recorded in `seen` (as
/// column names) when `columns` names the README's row for it; stderr is text.
fn run_in(
    world: &SandboxWorld,
    mode: Mode,
    args: &[&str],
    code: i32,
    columns: Option<&'static str>,
    seen: &mut BTreeMap<&'static str, Vec<String>>,
) {
    let mut cmd = world.lsr();
    cmd.args(mode.flags())
        .envs(mode.env().iter().copied())
        .args(args)
        .timeout(std::time::Duration::from_secs(60));
    match mode {
        Mode::Json => {
            run_json(&mut cmd, code);
        }
        Mode::Tsv | Mode::Table => {
            let out = run_expect(&mut cmd, code);
            if mode == Mode::Tsv
                && let Some(key) = columns
            {
                let stdout = String::from_utf8_lossy(&out.stdout);
                let header = stdout
                    .lines()
                    .next()
                    .unwrap_or_else(|| panic!("`lsr --header {args:?}` printed nothing"));
                seen.insert(key, header.split('\t').map(str::to_string).collect());
            }
            stderr_is_text(args, &out);
        }
    }
}

/// Stderr carries messages for people: never TSV rows or the JSON document.
fn stderr_is_text(args: &[&str], out: &Output) {
    let stderr = stderr_of(out);
    for line in stderr.lines() {
        assert!(
            !line.starts_with("warning\t") && !line.starts_with("error\t"),
            "`lsr {args:?}`: a finding as a TSV row on stderr:\n{stderr}"
        );
    }
}

/// The commands that read (the same arguments in every mode), with their README TSV row.
fn reading_commands<'a>(done: &'a str, foc: &'a str) -> Vec<(Vec<&'a str>, Option<&'static str>)> {
    let mut validate = vec![
        "validate",
        "--pon",
        "V-1",
        "--foc",
        "+5bd",
        "--tn",
        "919-720-6190",
    ];
    validate.extend_from_slice(BUSINESS_ORDER_FLAGS);
    vec![
        (vec!["status", foc], Some("status")),
        (vec!["status", foc, "--local"], Some("status")),
        (vec!["search", "--pon", "K-FOC"], Some("search")),
        (
            vec!["search", "--local", "--created-from", "11/30/2026"],
            Some("search"),
        ),
        (vec!["history", foc], Some("history")),
        (vec!["notes", foc], Some("notes")),
        (validate, Some("validate")),
        (vec!["explain", "7517"], Some("explain CODE")),
        (vec!["explain", "foc-window"], Some("explain CODE")),
        (vec!["explain"], Some("explain")),
        (vec!["foc-window", "12/21/2026"], Some("foc-window")),
        (vec!["batch", "list"], Some("batch list")),
        (vec!["batch", "show", "1"], Some("batch show")),
        (vec!["batch", "resume", "1"], Some("batch resume")),
        (vec!["watch", done], Some("watch")),
        (vec!["agenda"], Some("agenda")),
        (vec!["agenda", "--local"], Some("agenda")),
        (vec!["subscriptions", "list"], Some("subscriptions list")),
        (vec!["config", "show"], Some("config show")),
        (vec!["config", "path"], None),
        (vec!["email", "manual-handling", foc], None),
        (vec!["email", "project-port-out"], None),
        (vec!["schema"], Some("schema")),
        (vec!["schema", "submit"], None),
        (vec!["completions", "bash"], None),
        (vec!["sandbox", "clock", "show"], None),
        (vec!["sandbox", "inventory"], None),
        (vec!["sandbox", "faults", "show"], None),
    ]
}

/// A world with an order at FOC (`K-FOC`), one COMPLETE (`K-DONE`), one FAILED (`K-FAIL`).
struct Desk {
    world: SandboxWorld,
    foc: String,
    done: String,
    failed: String,
}

fn desk() -> Desk {
    let world = SandboxWorld::new();
    let foc = submit_processed(&world, "K-FOC", &["919-720-6180"], &[]);
    let done = submit_processed(&world, "K-DONE", &["919-720-6181"], &[]);
    // Line 5000–5999: another carrier holds a pending FOC (17008), the order fails.
    let failed = submit_processed(&world, "K-FAIL", &["919-720-5081"], &[]);
    world
        .lsr()
        .args(["sandbox", "npac", "subscribe", &done, "--medium-timers"])
        .assert()
        .success();
    world.clock(&["set", "2026-12-07T15:00:00Z"]);
    world
        .lsr()
        .args(["sandbox", "npac", "activate", &done])
        .assert()
        .success();
    assert_eq!(world.status(&done)["status"], "COMPLETE");
    assert_eq!(world.status(&failed)["status"], "FAILED");
    Desk {
        world,
        foc,
        done,
        failed,
    }
}

#[test]
fn contract_every_command_prints_one_document_and_its_columns_in_every_mode() {
    let desk = desk();
    let world = &desk.world;
    let mut seen = BTreeMap::new();
    for (args, columns) in reading_commands(&desk.done, &desk.foc) {
        for mode in MODES {
            run_in(world, mode, &args, 0, columns, &mut seen);
        }
    }
    // The commands that change something: their own orders in each mode.
    for mode in MODES {
        let i = mode.index();
        let pon = format!("K-S{i}");
        let split_pon = format!("K-P{i}");
        let tn = format!("919-720-62{i}0");
        let tn2 = format!("919-720-62{i}1");
        let tn3 = format!("919-720-62{i}2");
        let (tn4, tn5) = (format!("919-720-62{i}3"), format!("919-720-62{i}4"));
        let run = |args: &[&str], columns, seen: &mut BTreeMap<_, _>| {
            run_in(world, mode, args, 0, columns, seen)
        };
        run(&submit_args(&pon, &[&tn], &[]), Some("submit"), &mut seen);
        run(
            &submit_args(&split_pon, &[&tn2, &tn3], &["--split", "1"]),
            Some("submit --split"),
            &mut seen,
        );
        run(
            &submit_args("K-DRY", &[&tn4, &tn5], &["--split", "1", "--dry-run"]),
            Some("submit --split --dry-run"),
            &mut seen,
        );
        // A single dry run prints the XML body it would send (JSON: the document).
        run(
            &submit_args("K-DRY", &[&tn4], &["--dry-run"]),
            None,
            &mut seen,
        );
        world.process();
        run(&["supp", &pon, "--foc", "+6bd"], Some("supp"), &mut seen);
        run(&["sandbox", "npac", "subscribe", &pon], None, &mut seen);
        run(
            &["notes", &pon, "add", "called the customer"],
            Some("notes add"),
            &mut seen,
        );
        run(
            &[
                "subscribe",
                "--url",
                "http://127.0.0.1:8086/",
                "--order",
                &pon,
            ],
            Some("subscribe"),
            &mut seen,
        );
        let subscriptions = run_json(world.lsr().args(["--json", "subscriptions", "list"]), 0);
        let id = subscriptions[0]["subscription_id"]
            .as_str()
            .unwrap()
            .to_string();
        run(
            &["subscriptions", "show", &id],
            Some("subscriptions show"),
            &mut seen,
        );
        run(&["subscriptions", "delete", &id, "--yes"], None, &mut seen);
        run(&["resubmit", &pon, "--yes"], Some("resubmit"), &mut seen);
        let split_child = format!("{split_pon}-0001");
        run(
            &["cancel", &split_child, "--yes"],
            Some("cancel"),
            &mut seen,
        );
        // Cancelling it again: nothing sent, exit 0 (a retried script step).
        run(
            &["cancel", &split_child, "--yes"],
            Some("cancel"),
            &mut seen,
        );
        run(
            &[
                "resubmit",
                &format!("{pon}@2"),
                "--split",
                "per-tn",
                "--yes",
            ],
            Some("resubmit --split"),
            &mut seen,
        );
        run(
            &[
                "sandbox",
                "inventory",
                "add",
                &format!("919-720-63{i}0"),
                "--behaviour",
                "foc",
            ],
            None,
            &mut seen,
        );
        run(&["sandbox", "faults", "clear"], None, &mut seen);
        run(&["sandbox", "clock", "advance", "1s"], None, &mut seen);
    }
    // Last: a setting (the SPID would change the orders above) and the reset, which empties
    // the world.
    for mode in MODES {
        run_in(
            world,
            mode,
            &["config", "set", "spid", "1234"],
            0,
            None,
            &mut seen,
        );
        run_in(
            world,
            mode,
            &["sandbox", "reset", "--yes"],
            0,
            None,
            &mut seen,
        );
    }
    tsv_columns_agree(&seen);
}

/// The TSV columns of each README row: the same in the README, in the command's `--help`, and
/// in the header row `--header` printed.
fn tsv_columns_agree(seen: &BTreeMap<&'static str, Vec<String>>) {
    let readme = readme_tsv_columns();
    let readme_keys: Vec<&str> = readme.keys().map(String::as_str).collect();
    let seen_keys: Vec<&str> = seen.keys().copied().collect();
    assert_eq!(
        readme_keys, seen_keys,
        "the README's TSV table and the commands run here name different commands"
    );
    for (key, header) in seen {
        assert_eq!(&readme[*key], header, "README vs `--header` of `{key}`");
        let (words, label) = help_of(key);
        let config = tempfile::tempdir().unwrap();
        let out = run_expect(lsr(config.path()).args(&words).arg("--help"), 0);
        let help = String::from_utf8_lossy(&out.stdout);
        let listed = help_columns(&help, label)
            .unwrap_or_else(|| panic!("`lsr {words:?} --help` lists no `{label}:`\n{help}"));
        assert_eq!(
            &listed, header,
            "`lsr {words:?} --help` vs `--header` of `{key}`"
        );
    }
}

/// Where a README TSV row's columns are listed in `--help`: the command's words and the label.
fn help_of(key: &str) -> (Vec<&str>, &'static str) {
    match key {
        "submit --split" => (vec!["submit"], "TSV columns with --split"),
        "submit --split --dry-run" => (vec!["submit"], "TSV columns with --split and --dry-run"),
        "resubmit --split" => (vec!["resubmit"], "TSV columns with --split"),
        "notes add" => (vec!["notes"], "TSV columns with add"),
        "explain CODE" => (vec!["explain"], "TSV columns"),
        "explain" => (vec!["explain"], "TSV columns without an argument"),
        other => (other.split(' ').collect(), "TSV columns"),
    }
}

/// The columns after `LABEL:` in a help text (wrapped lines joined), up to the sentence's end.
fn help_columns(help: &str, label: &str) -> Option<Vec<String>> {
    let text = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let marker = format!("{label}: ");
    let start = text.find(&marker)? + marker.len();
    let rest = &text[start..];
    let end = rest.find('.').unwrap_or(rest.len());
    Some(rest[..end].split(", ").map(str::to_string).collect())
}

/// The README's TSV table (README, "Scripting"): each command of a row, with its columns.
pub fn readme_tsv_columns() -> BTreeMap<String, Vec<String>> {
    let section = crate::readme::scripting_section();
    let mut table = BTreeMap::new();
    let mut inside = false;
    for line in section.lines() {
        let line = line.trim();
        if line.starts_with("| command | TSV columns |") {
            inside = true;
            continue;
        }
        if !inside || line.starts_with("|---") {
            continue;
        }
        if !line.starts_with('|') {
            break;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let columns: Vec<String> = cells[1].split(", ").map(str::to_string).collect();
        for command in cells[0].split(", ") {
            table.insert(command.trim_matches('`').to_string(), columns.clone());
        }
    }
    assert!(!table.is_empty(), "the README lists no TSV columns");
    table
}

/// Spawns `lsr --sandbox ARGS` in `mode` with its stdout a pipe already closed (as `| head -0`
/// leaves it): the first write meets a broken pipe.
fn exit_with_reader_gone(world: &SandboxWorld, mode: Mode, args: &[&str]) -> (Option<i32>, String) {
    let mut cmd = crate::common::lsr_process(world.dir.path());
    let mut child = cmd
        .arg("--sandbox")
        .args(mode.flags())
        .envs(mode.env().iter().copied())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn contract_broken_pipe_is_success_in_every_mode() {
    let desk = desk();
    let world = &desk.world;
    let mut commands = reading_commands(&desk.done, &desk.foc);
    commands.retain(|(args, _)| args[0] != "watch");
    for (args, _) in &commands {
        for mode in MODES {
            let (code, stderr) = exit_with_reader_gone(world, mode, args);
            assert_eq!(
                code,
                Some(0),
                "`lsr {args:?}` ({mode:?}), reader gone:\n{stderr}"
            );
            assert!(
                !stderr.to_lowercase().contains("broken pipe"),
                "`lsr {args:?}` ({mode:?}):\n{stderr}"
            );
        }
    }
    // A submission too: the order is placed whatever became of the reader.
    for mode in MODES {
        let tn = format!("919-720-64{}0", mode.index());
        let pon = format!("K-PIPE{}", mode.index());
        let (code, stderr) = exit_with_reader_gone(world, mode, &submit_args(&pon, &[&tn], &[]));
        assert_eq!(code, Some(0), "submit ({mode:?}):\n{stderr}");
        assert_eq!(world.status(&pon)["pon"], pon.as_str());
    }
}

#[test]
fn contract_exit_codes_are_the_same_in_every_mode() {
    let desk = desk();
    let world = &desk.world;
    let mut seen = BTreeMap::new();
    let cancelled = submit_processed(world, "K-CXL", &["919-720-6182"], &[]);
    world.json(&["cancel", &cancelled, "--yes"]);
    for mode in MODES {
        let mut run = |args: &[&str], code| run_in(world, mode, args, code, None, &mut seen);
        // Refused by lsr, nothing sent: 3.
        run(&["supp", &desk.foc, "--pon", "NEWPON"], 3);
        run(&["supp", &desk.foc, "--tn", "919-720-6199"], 3);
        run(&submit_args("K-BAD", &["919-720-61"], &[]), 3);
        // An order already CANCELLED: nothing to do, 0.
        run(&["cancel", &cancelled, "--yes"], 0);
        // Final orders the backend will not change: 4.
        run(&["cancel", &desk.failed, "--yes"], 4);
        run(&["cancel", &desk.done, "--yes"], 4);
        run(&["supp", &desk.failed, "--foc", "+6bd"], 4);
        // Not found: 7.
        run(&["status", "NOPE-1"], 7);
        run(&["explain", "99999"], 7);
        // Usage: 2.
        run(&["search", "--created-from", "30.11.2026"], 2);
    }
}

#[test]
fn contract_failures_under_json_print_the_error_document() {
    let desk = desk();
    let world = &desk.world;
    // `lsr --json status NOPE-1` printed nothing on stdout.
    let error = run_json(world.lsr().args(["--json", "status", "NOPE-1"]), 7);
    assert_eq!(error["error"]["exit"], 7);
    assert_eq!(error["error"]["kind"], "not_found");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("NOPE-1")
    );
    // supp's failure is the error document, not a submit-like `{"orders", "failed"}`.
    let refused = run_json(
        world
            .lsr()
            .args(["--json", "supp", &desk.failed, "--foc", "+6bd"]),
        4,
    );
    assert_eq!(refused["error"]["exit"], 4, "{refused}");
    // supp --tn: the R9 explanation, not clap's "to pass '--tn' as a value" tip.
    let tn = run_json(
        world
            .lsr()
            .args(["--json", "supp", &desk.foc, "--tn", "919-720-6199"]),
        3,
    );
    let message = tn["error"]["message"].as_str().unwrap();
    assert!(message.contains("(R9)"), "{tn}");
    assert!(!message.contains("to pass"), "{tn}");
    // The checks stopped it: the submit document, its TNs written as everywhere (10 digits).
    let again = run_json(
        world
            .lsr()
            .arg("--json")
            .args(submit_args("K-AGAIN", &["919-720-6180"], &[])),
        3,
    );
    assert_eq!(
        again["failed"][0]["tns"],
        serde_json::json!(["9197206180"]),
        "{again}"
    );
    // A usage error is a document too.
    let usage = run_json(world.lsr().args(["--json", "status"]), 2);
    assert_eq!(usage["error"]["exit"], 2, "{usage}");
    // explain 99999 suggests no code of another length (7999 was offered).
    let unknown = run_json(world.lsr().args(["--json", "explain", "99999"]), 7);
    let hint = unknown["error"]["hint"].as_str().unwrap_or_default();
    assert!(!hint.contains("7999"), "{unknown}");
}

#[test]
fn contract_split_submit_is_one_document_with_its_batch() {
    let world = SandboxWorld::new();
    let out = run_expect(
        world.lsr().arg("--json").args(submit_args(
            "K-TWO",
            &["919-720-6183", "919-720-6184"],
            &["--split", "1"],
        )),
        0,
    );
    // `json.load` read "Extra data" after the first child's line.
    let document = json_of(&out);
    assert_schema("submit", &document);
    assert_eq!(
        document["orders"].as_array().unwrap().len(),
        2,
        "{document}"
    );
    assert_eq!(document["batch"]["split"], "per-tn", "{document}");
    assert!(document["failed"].as_array().unwrap().is_empty());
    for order in document["orders"].as_array().unwrap() {
        assert_eq!(order["tn_count"], 1, "{order}");
    }
}

#[test]
fn contract_search_without_local_history_has_every_order_s_tns() {
    let sandbox = SandboxProcess::start();
    let desk = tempfile::tempdir().unwrap();
    let file = write_order_file(desk.path(), "K-FAR", &["919-720-6185", "919-720-6186"]);
    run_json(
        sandbox
            .lsr(desk.path())
            .args(["--json", "submit", "--from"])
            .arg(&file),
        0,
    );
    // Another machine: the same backend, no history.
    let fresh = tempfile::tempdir().unwrap();
    let found = sandbox.json(fresh.path(), &["search", "--pon", "K-FAR"]);
    let order = &found["orders"][0];
    assert_eq!(
        order["tns"],
        serde_json::json!(["9197206185", "9197206186"]),
        "{found}"
    );
    assert_eq!(order["tn_count"], 2, "{found}");
}

#[test]
fn contract_piped_warnings_are_text_and_submit_wait_says_submitted_first() {
    let sandbox = SandboxProcess::start();
    let config = tempfile::tempdir().unwrap();
    // A 555 TN is a warning; piped, stderr still says it in words.
    let mut args = submit_args("K-WARN", &["919-555-0187"], &["--dry-run"]);
    args.retain(|a| *a != "submit");
    let out = run_expect(sandbox.lsr(config.path()).arg("submit").args(&args), 0);
    let stderr = stderr_of(&out);
    assert!(stderr.contains("warning at tns[0]"), "{stderr}");
    assert!(!stderr.contains("warning\t"), "{stderr}");
    // --wait: "submitted …" comes before "… is now FOC".
    let out = run_expect(
        sandbox.lsr(config.path()).args(submit_args(
            "K-WAIT",
            &["919-720-6188"],
            &["--wait", "foc"],
        )),
        0,
    );
    let stderr = stderr_of(&out);
    let submitted = stderr
        .find("submitted K-WAIT@1")
        .unwrap_or_else(|| panic!("{stderr}"));
    let foc = stderr
        .find("K-WAIT@1 is now FOC")
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(submitted < foc, "{stderr}");
}

#[test]
fn contract_order_file_errors_name_the_line_the_field_and_the_key_meant() {
    let config = tempfile::tempdir().unwrap();
    let file = write_order_file(config.path(), "K-FILE", &["919-720-6189"]);
    let good = std::fs::read_to_string(&file).unwrap();
    let validate = |text: &str, code: i32| {
        std::fs::write(&file, text).unwrap();
        stderr_of(&run_expect(
            lsr(config.path()).arg("validate").arg("--from").arg(&file),
            code,
        ))
    };
    // A missing comma between TNs: refused as an invalid order (3), nothing checked.
    let stderr = validate(
        &good.replace(
            "tns = [\"919-720-6189\"]",
            "tns = [\"919-720-6189\" \"919-720-6190\"]",
        ),
        3,
    );
    assert!(stderr.contains("line 4, column"), "{stderr}");
    assert!(stderr.contains("field `tns`: missing comma"), "{stderr}");
    assert!(stderr.contains("K-FILE.toml"), "{stderr}");
    // A native TOML date is a date.
    validate(
        &good.replace(
            "requested_foc_date = \"+5bd\"",
            "requested_foc_date = 2026-12-10",
        ),
        0,
    );
    // A misspelt key is valid TOML: the key is named, with the one meant.
    let stderr = validate(&good.replace("pon = ", "ponn = "), 3);
    assert!(
        stderr.contains("field `ponn`: unknown field; did you mean `pon`?"),
        "{stderr}"
    );
    assert!(!stderr.contains("is not valid TOML"), "{stderr}");
}

#[test]
fn contract_config_init_and_auth_in_every_mode() {
    let sandbox = SandboxProcess::start();
    for mode in MODES {
        let config = tempfile::tempdir().unwrap();
        for (args, code) in [
            (&["config", "init"][..], 0),
            (&["auth", "login"], 0),
            (&["auth", "status"], 0),
            (&["auth", "logout", "--yes"], 0),
            // Signed out: the status still prints itself, and says so with exit 6.
            (&["auth", "status"], 6),
        ] {
            let mut cmd = sandbox.lsr(config.path());
            cmd.args(mode.flags())
                .envs(mode.env().iter().copied())
                .args(args);
            if args == ["auth", "status"] && code == 6 {
                cmd.env_remove("LSR_CLIENT_ID")
                    .env_remove("LSR_CLIENT_SECRET");
            }
            match mode {
                Mode::Json => {
                    run_json(&mut cmd, code);
                }
                Mode::Tsv | Mode::Table => {
                    run_expect(&mut cmd, code);
                }
            }
        }
    }
}

#[test]
fn contract_sandbox_serve_says_where_it_listens_in_one_document() {
    let data = tempfile::tempdir().unwrap();
    let first = crate::common::first_stdout_line(
        crate::common::lsr_process(data.path())
            .args([
                "--json",
                "sandbox",
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--data",
            ])
            .arg(data.path()),
    );
    let listening: Value = serde_json::from_str(&first).unwrap();
    assert_schema("sandbox-serve", &listening);
    assert!(
        listening["listening"]
            .as_str()
            .unwrap()
            .starts_with("http://127.0.0.1:")
    );
}
