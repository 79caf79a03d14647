//! `lsr validate`: offline checks of whole orders, TN lists and order files.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{lsr, run_json, run_json_with_stderr};

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/port-out.toml")
}

/// A valid order file without TNs, so tests can add them by flag or TN file.
const ORDER_WITHOUT_TNS: &str = r#"
pon = "ACME-0002"
requested_foc_date = "2026-12-07"
authorizing_person = "Jane Doe"

[subscriber]
type = "residential"
last_name = "Doe"

[subscriber.address]
house_number = "11"
street = "Park Ave"
city = "Raleigh"
state = "NC"
zip = "27601"
"#;

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// (code, field) of every finding.
fn code_fields(value: &Value) -> Vec<(Option<u64>, String)> {
    value["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_u64(), f["field"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn validate_example_order_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    let (value, stderr) = run_json_with_stderr(
        lsr(dir.path())
            .args(["--json", "validate", "--from"])
            .arg(example()),
        0,
    );
    assert_eq!(value["ok"], true);
    assert_eq!(value["tn_count"], 3);
    assert_eq!(value["findings"].as_array().unwrap().len(), 0);
    assert!(
        stderr.contains("order ACME-0001 is valid (3 TNs)"),
        "{stderr}"
    );
}

#[test]
fn validate_quiet_drops_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let output = lsr(dir.path())
        .args(["-q", "validate", "--from"])
        .arg(example())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty(), "{output:?}");
    assert!(output.stdout.is_empty(), "{output:?}");
}

#[test]
fn validate_broken_order_reports_every_finding_and_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    let order = write(
        dir.path(),
        "broken.toml",
        r#"
customer_order_id = "bad_id!"
requested_foc_date = "2026-12-05"
tns = ["919-720-6100", "9197206100", "800-720-6100", "12345"]

[subscriber]
type = "business"
last_name = "Doe"

[subscriber.address]
street = "Park Ave"
city = "Raleigh"
state = "ZZ"
zip = "2760"
"#,
    );
    let (value, stderr) = run_json_with_stderr(
        lsr(dir.path())
            .args(["--json", "validate", "--from"])
            .arg(&order),
        3,
    );
    assert_eq!(value["ok"], false);
    assert_eq!(value["tn_count"], 4);
    let s = |t: &str| t.to_string();
    assert_eq!(
        code_fields(&value),
        vec![
            (Some(7120), s("pon")),
            (Some(7318), s("customer_order_id")),
            (Some(17019), s("requested_foc_date")),
            (Some(17023), s("authorizing_person")),
            (Some(17010), s("subscriber.business_name")),
            (Some(17011), s("subscriber.last_name")),
            (Some(7108), s("subscriber.address.house_number")),
            (Some(7395), s("subscriber.address.state")),
            (Some(7214), s("subscriber.address.zip")),
            (Some(17009), s("tns[1]")),
            (Some(17005), s("tns[2]")),
            (Some(17002), s("tns[3]")),
        ]
    );
    for finding in value["findings"].as_array().unwrap() {
        assert_eq!(finding["severity"], "error");
        assert!(finding["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert!(finding["hint"].is_string());
    }
    assert!(
        stderr.contains("order (no PON): 12 errors (4 TNs)"),
        "{stderr}"
    );
}

#[test]
fn validate_prints_tsv_rows_when_piped() {
    let dir = tempfile::tempdir().unwrap();
    let output = lsr(dir.path())
        .args(["validate", "--from"])
        .arg(example())
        .args(["--zip", "ABCDE", "--tn", "919-555-0100"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<Vec<&str>> = stdout.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2, "no header row: {stdout}");
    assert_eq!(&rows[0][..3], ["error", "7214", "subscriber.address.zip"]);
    assert_eq!(&rows[1][..3], ["warning", "", "tns[3]"]);
    assert!(rows[1][3].starts_with("--tn #1: "), "{:?}", rows[1]);
    assert!(rows.iter().all(|r| r.len() == 5));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("order ACME-0001: 1 error, 1 warning (4 TNs)"),
        "{stderr}"
    );
}

#[test]
fn validate_warnings_only_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let value = run_json(
        lsr(dir.path())
            .args(["--json", "validate", "--from"])
            .arg(example())
            .args(["--foc", "2026-11-30"]),
        0,
    );
    assert_eq!(value["ok"], true);
    assert_eq!(value["findings"][0]["severity"], "warning");
    assert_eq!(value["findings"][0]["code"], Value::Null);
}

#[test]
fn validate_tn_file_plain_reports_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let order = write(dir.path(), "order.toml", ORDER_WITHOUT_TNS);
    let tns = write(
        dir.path(),
        "tns.txt",
        "# Acme numbers\n919-720-6100\n\n919-720-61O1  # typo\n9197206100\n",
    );
    let value = run_json(
        lsr(dir.path())
            .args(["--json", "validate", "--from"])
            .arg(&order)
            .arg("--tn-file")
            .arg(&tns),
        3,
    );
    assert_eq!(value["tn_count"], 3);
    assert_eq!(
        code_fields(&value),
        vec![
            (Some(17002), "tns[1]".to_string()),
            (Some(17009), "tns[2]".to_string())
        ]
    );
    let invalid = value["findings"][0]["message"].as_str().unwrap();
    assert!(invalid.starts_with("line 4 of "), "{invalid}");
    assert!(invalid.contains("tns.txt"), "{invalid}");
    let duplicate = value["findings"][1]["message"].as_str().unwrap();
    assert!(
        duplicate.contains("tns[0] (line 2 of") && duplicate.contains("tns[2] (line 5 of"),
        "{duplicate}"
    );
}

#[test]
fn validate_tn_file_csv_reports_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let order = write(dir.path(), "order.toml", ORDER_WITHOUT_TNS);
    let tns = write(
        dir.path(),
        "tns.csv",
        "Name,TN,Note\n\"Doe, Jane\",919-720-6100,main\n\nAcme,not-a-tn,\nBob,\"(919) 720-6102\",x\n",
    );
    let value = run_json(
        lsr(dir.path())
            .args(["--json", "validate", "--from"])
            .arg(&order)
            .arg("--tn-file")
            .arg(&tns),
        3,
    );
    assert_eq!(value["tn_count"], 3);
    assert_eq!(
        code_fields(&value),
        vec![(Some(17002), "tns[1]".to_string())]
    );
    let message = value["findings"][0]["message"].as_str().unwrap();
    assert!(message.starts_with("line 4 of "), "{message}");
}

#[test]
fn validate_tn_file_csv_without_tn_column_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let tns = write(dir.path(), "numbers.csv", "name,number\nAcme,9197206100\n");
    let output = lsr(dir.path())
        .args(["validate", "--from"])
        .arg(example())
        .arg("--tn-file")
        .arg(&tns)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("numbers.csv"), "{stderr}");
    assert!(stderr.contains("no `tn` column"), "{stderr}");
    assert!(stderr.contains("hint:"), "{stderr}");
}

#[test]
fn validate_tn_file_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let order = write(dir.path(), "order.toml", ORDER_WITHOUT_TNS);
    let value = run_json(
        lsr(dir.path())
            .args(["--json", "validate", "--from"])
            .arg(&order)
            .args(["--tn", "919-720-6100", "--tn-file", "-"])
            .write_stdin("9197206101\n# skip\n9197206100\n"),
        3,
    );
    assert_eq!(value["tn_count"], 3);
    let message = value["findings"][0]["message"].as_str().unwrap();
    assert_eq!(value["findings"][0]["field"], "tns[2]");
    assert!(
        message.contains("tns[0] (--tn #1)") && message.contains("tns[2] (line 3 of stdin)"),
        "{message}"
    );
}

#[test]
fn validate_malformed_order_file_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let order = write(dir.path(), "bad-order.toml", "pon = \"ACME\nzip = 1\n");
    let output = lsr(dir.path())
        .args(["validate", "--from"])
        .arg(&order)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bad-order.toml"), "{stderr}");
    assert!(stderr.contains("not valid TOML"), "{stderr}");
    assert!(stderr.contains("hint:"), "{stderr}");

    let unknown = write(dir.path(), "typo.toml", "pn = \"ACME\"\n");
    let output = lsr(dir.path())
        .args(["validate", "--from"])
        .arg(&unknown)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("typo.toml") && stderr.contains("pn"),
        "{stderr}"
    );
}

#[test]
fn validate_missing_order_file_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let output = lsr(dir.path())
        .args(["validate", "--from", "no-such-order.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no-such-order.toml"), "{stderr}");
}

#[test]
fn validate_flags_override_the_order_file() {
    let dir = tempfile::tempdir().unwrap();
    let value = run_json(
        lsr(dir.path())
            .args(["--json", "validate", "--from"])
            .arg(example())
            .args(["--pon", "has space", "--state", "va"]),
        3,
    );
    assert_eq!(code_fields(&value), vec![(Some(17004), "pon".to_string())]);
}

#[test]
fn validate_table_output_has_headers_and_hints() {
    let dir = tempfile::tempdir().unwrap();
    let output = lsr(dir.path())
        .args(["--output", "table", "validate", "--from"])
        .arg(example())
        .args(["--state", "XX"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let stdout = String::from_utf8(output.stdout).unwrap();
    for header in ["SEVERITY", "CODE", "FIELD", "MESSAGE", "HINT"] {
        assert!(stdout.contains(header), "{stdout}");
    }
    assert!(
        stdout.contains("7395") && stdout.contains("postal code"),
        "{stdout}"
    );
}

/// `lsr --sandbox --json validate ARGS` and `lsr --sandbox --json submit --dry-run
/// --precheck local ARGS` (the same no-network checks), with their exit codes and findings.
fn both_verdicts(world: &crate::common::SandboxWorld, args: &[&str]) -> [(i32, Value); 2] {
    let run = |lead: &[&str]| {
        let out = world
            .lsr()
            .arg("--json")
            .args(lead)
            .args(crate::common::BUSINESS_ORDER_FLAGS)
            .args(["--foc", "+5bd"])
            .args(args)
            .output()
            .unwrap();
        let code = out.status.code().unwrap_or(-1);
        let value: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
        (code, value)
    };
    [
        run(&["validate"]),
        run(&["submit", "--dry-run", "--precheck", "local"]),
    ]
}

#[test]
fn validate_and_submit_dry_run_give_one_verdict_on_the_same_inputs() {
    use crate::common::{SandboxWorld, submit_processed};
    let world = SandboxWorld::new();
    // The history learns that line 1001's reseller wants one TN per request (7517, R5), and
    // holds an open order with a FOC on 919-720-6190 (R4).
    submit_processed(&world, "LEARN-1", &["919-720-1001", "919-720-1002"], &[]);
    submit_processed(&world, "HOLD-1", &["919-720-6190"], &[]);
    world.status("LEARN-1");
    world.status("HOLD-1");

    // A learned rule: a warning in both, exit 0 in both.
    let [(v_code, v), (d_code, d)] = both_verdicts(
        &world,
        &[
            "--pon",
            "PAR-1",
            "--tn",
            "919-720-1001",
            "--tn",
            "919-720-6191",
        ],
    );
    assert_eq!((v_code, d_code), (0, 0), "{v}\n{d}");
    assert_eq!(code_fields(&v), code_fields(&d), "{v}\n{d}");
    assert!(
        code_fields(&v).contains(&(Some(7517), "tns[0]".into())),
        "{v}"
    );
    assert_eq!(v["checks"]["history"], true, "{v}");
    assert_eq!(v["checks"]["remote"], false, "{v}");

    // An open order in the history: an error in both, exit 3 in both.
    let [(v_code, v), (d_code, d)] =
        both_verdicts(&world, &["--pon", "PAR-2", "--tn", "919-720-6190"]);
    assert_eq!((v_code, d_code), (3, 3), "{v}\n{d}");
    assert_eq!(code_fields(&v), code_fields(&d), "{v}\n{d}");
    assert!(!code_fields(&v).is_empty(), "{v}");
}

#[test]
fn submit_split_dry_run_runs_the_checks_a_single_dry_run_runs() {
    use crate::common::{BUSINESS_ORDER_FLAGS, SandboxWorld, submit_processed};
    let world = SandboxWorld::new();
    submit_processed(&world, "HOLD-2", &["919-720-6192"], &[]);
    world.status("HOLD-2");
    for split in [None, Some("per-tn")] {
        let mut cmd = world.lsr();
        cmd.args(["submit", "--dry-run", "--pon", "SPLIT-P", "--foc", "+5bd"])
            .args(BUSINESS_ORDER_FLAGS)
            .args(["--tn", "919-720-6192", "--tn", "919-720-6193"]);
        if let Some(split) = split {
            cmd.args(["--split", split]);
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{split:?}: {stderr}");
        assert!(stderr.contains("HOLD-2"), "{split:?}: {stderr}");
    }
}
