//! `lsr explain`: codes and FAQ topics in every output mode, unknown subjects.

use predicates::prelude::*;
use serde_json::Value;

use crate::common::{lsr, run_json, run_json_with_stderr};

fn explain_json(subject: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    run_json(lsr(dir.path()).args(["explain", subject, "--json"]), 0)
}

#[test]
fn explain_17008_is_the_pending_foc_rule() {
    let v = explain_json("17008");
    assert_eq!(v["code"], 17008);
    assert_eq!(v["topic"], "pending-foc");
    assert_eq!(v["resulting_status"], "FAILED");
    assert_eq!(v["rule"], "R4");
    assert!(v["action"].as_str().unwrap().contains("supp"));
    for key in ["title", "meaning", "action"] {
        assert!(!v[key].as_str().unwrap().is_empty(), "{key}");
    }
}

#[test]
fn explain_7517_cancels_and_splits_per_tn() {
    let v = explain_json("7517");
    assert_eq!(v["code"], 7517);
    assert_eq!(v["topic"], "one-tn-per-request");
    assert_eq!(v["resulting_status"], "CANCELLED");
    assert!(v["action"].as_str().unwrap().contains("--split per-tn"));
}

#[test]
fn explain_7521_says_email_at_once() {
    let v = explain_json("7521");
    assert_eq!(v["code"], 7521);
    assert_eq!(v["topic"], "manual-handling");
    assert_eq!(v["resulting_status"], Value::Null);
    assert_eq!(v["rule"], "R6");
    assert!(
        v["action"]
            .as_str()
            .unwrap()
            .contains("lsr email manual-handling")
    );
}

#[test]
fn explain_topic_in_json_has_no_code() {
    let v = explain_json("foc-window");
    assert_eq!(v["code"], Value::Null);
    assert_eq!(v["topic"], "foc-window");
    assert_eq!(v["resulting_status"], Value::Null);
    assert!(v["meaning"].as_str().unwrap().contains("10 business days"));
}

#[test]
fn explain_topic_as_table_and_tsv() {
    let dir = tempfile::tempdir().unwrap();
    lsr(dir.path())
        .args(["explain", "concurrence", "--output", "table"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "concurrence  No early concurrence",
        ))
        .stdout(predicate::str::contains("What to do"))
        .stdout(predicate::str::contains("R2"));
    let out = lsr(dir.path())
        .args(["explain", "concurrence", "--output", "tsv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    let cells: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(cells.len(), 6);
    assert_eq!(&cells[..2], ["", "concurrence"]);
    assert!(cells[4].contains("6 hours"));
}

#[test]
fn explain_alias_code_gives_the_documented_entry() {
    let v = explain_json("16005");
    assert_eq!(v["code"], 17005);
    assert_eq!(v["aliases"], serde_json::json!([16005]));
}

#[test]
fn explain_unknown_code_exits_7_with_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    lsr(dir.path())
        .args(["explain", "7522"])
        .assert()
        .code(7)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("code 7522"))
        .stderr(predicate::str::contains("hint: did you mean: 7521"));
}

#[test]
fn explain_unknown_topic_suggests_the_closest_topics() {
    let dir = tempfile::tempdir().unwrap();
    // With --json, stdout carries the error document (it was empty before the contract).
    let (error, stderr) =
        run_json_with_stderr(lsr(dir.path()).args(["explain", "foc-windw", "--json"]), 7);
    assert_eq!(error["error"]["kind"], "not_found");
    assert!(stderr.contains("`foc-windw`"), "{stderr}");
    assert!(stderr.contains("did you mean: foc-window"), "{stderr}");
    let hint = error["error"]["hint"].as_str().unwrap();
    assert!(hint.contains("did you mean: foc-window"), "{hint}");
}

#[test]
fn explain_without_argument_lists_everything() {
    let dir = tempfile::tempdir().unwrap();
    let v = run_json(lsr(dir.path()).args(["explain", "--json"]), 0);
    let all = v.as_array().unwrap();
    assert!(all.len() > 80, "{}", all.len());
    assert!(all.iter().any(|e| e["code"] == 5095));
    assert!(all.iter().any(|e| e["topic"] == "csr"));
    let tsv = lsr(dir.path())
        .arg("explain")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let tsv = String::from_utf8(tsv).unwrap();
    assert_eq!(tsv.lines().count(), all.len());
    assert!(tsv.lines().any(|l| l.starts_with("17008\tpending-foc\t")));
}
