//! `lsr foc-window`: the ten business days of a FOC (R1), in every output mode.

use predicates::prelude::*;
use serde_json::Value;

use crate::common::{lsr, run_json, run_json_with_stderr};

const DEC_21_WINDOW: [&str; 10] = [
    "2026-12-21",
    "2026-12-22",
    "2026-12-23",
    "2026-12-24",
    "2026-12-28",
    "2026-12-29",
    "2026-12-30",
    "2026-12-31",
    "2027-01-04",
    "2027-01-05",
];

fn window_json(date: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    run_json(lsr(dir.path()).args(["foc-window", date, "--json"]), 0)
}

#[test]
fn foc_window_skips_christmas_and_new_year() {
    let v = window_json("2026-12-21");
    assert_eq!(v["foc_date"], "2026-12-21");
    assert_eq!(v["last_day"], "2027-01-05");
    assert_eq!(v["business_days"], serde_json::json!(DEC_21_WINDOW));
    // LSR_TODAY is 2026-11-30: the window has not opened yet.
    assert_eq!(v["business_days_left"], 10);
    let skipped = v["skipped"].as_array().unwrap();
    assert!(
        skipped
            .iter()
            .any(|s| s["date"] == "2026-12-25" && s["what"] == "Christmas Day")
    );
}

#[test]
fn foc_window_reads_us_dates() {
    let v = window_json("12/21/2026");
    assert_eq!(v["foc_date"], "2026-12-21");
    assert_eq!(v["last_day"], "2027-01-05");
}

#[test]
fn foc_window_relative_business_days_count_from_today() {
    // 2026-11-30 (Mon) + 3 business days = Thu 2026-12-03.
    let v = window_json("+3bd");
    assert_eq!(v["foc_date"], "2026-12-03");
    assert_eq!(v["last_day"], "2026-12-16");
}

#[test]
fn foc_window_tsv_is_day_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let out = lsr(dir.path())
        .args(["foc-window", "2026-12-21"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "last day to activate: Tue 2027-01-05",
        ))
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let expected: Vec<String> = DEC_21_WINDOW
        .iter()
        .enumerate()
        .map(|(i, d)| format!("{}\t{d}", i + 1))
        .collect();
    assert_eq!(text.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn foc_window_table_marks_last_day_and_holidays() {
    let dir = tempfile::tempdir().unwrap();
    lsr(dir.path())
        .args(["foc-window", "2026-12-21", "--output", "table"])
        .assert()
        .success()
        .stdout(predicate::str::contains("last day to activate"))
        .stdout(predicate::str::contains("2026-12-25"))
        .stdout(predicate::str::contains("Christmas Day, not counted"))
        .stdout(predicate::str::contains("New Year's Day, not counted"));
}

#[test]
fn foc_window_rejects_a_saturday() {
    let dir = tempfile::tempdir().unwrap();
    lsr(dir.path())
        .args(["foc-window", "2026-12-05"])
        .assert()
        .code(3)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("2026-12-05 is a Saturday"))
        .stderr(predicate::str::contains(
            "hint: the next business day is Mon 2026-12-07",
        ));
}

#[test]
fn foc_window_rejects_a_holiday() {
    let dir = tempfile::tempdir().unwrap();
    // With --json, stdout carries the error document (it was empty before the contract).
    let (error, stderr) = run_json_with_stderr(
        lsr(dir.path()).args(["foc-window", "2026-12-25", "--json"]),
        3,
    );
    assert_eq!(error["error"]["kind"], "invalid");
    assert!(stderr.contains("Christmas Day"), "{stderr}");
}

#[test]
fn foc_window_garbage_date_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    lsr(dir.path())
        .args(["foc-window", "next tuesday"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`next tuesday`"))
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}
