//! Shell completion: the committed scripts call `lsr` back, which completes ORDER arguments
//! from the history and `explain` from the code catalog.

use std::path::Path;
use std::process::Command;

use crate::common::{BUSINESS_ORDER_FLAGS, SandboxWorld};

/// What bash's completion offers for `words` (the last one being completed), with the
/// committed `completions/lsr.bash` sourced and the built `lsr` first on PATH.
fn bash_complete(config_dir: &Path, words: &[&str]) -> Vec<String> {
    let bin = assert_cmd::cargo::cargo_bin("lsr");
    let bin_dir = bin.parent().unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/lsr.bash");
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let current = words.last().copied().unwrap_or("");
    let previous = words.len().checked_sub(2).map_or("", |i| words[i]);
    let program = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={}; _clap_complete_lsr lsr '{current}' '{previous}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display(),
        quoted.join(" "),
        words.len() - 1
    );
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .env("PATH", path)
        .env("LSR_CONFIG_DIR", config_dir)
        .env_remove("COMPLETE")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn completions_bash_completes_a_pon_from_the_history() {
    let world = SandboxWorld::new();
    let args: Vec<&str> = ["submit", "--pon", "COMPL-7", "--tn", "919-720-6171"]
        .into_iter()
        .chain(BUSINESS_ORDER_FLAGS.iter().copied())
        .collect();
    let placed = world.json(&args);
    let order_id = placed["orders"][0]["order_id"]
        .as_str()
        .unwrap()
        .to_string();
    let offered = bash_complete(world.dir.path(), &["lsr", "status", "COMPL"]);
    assert!(offered.contains(&"COMPL-7".to_string()), "{offered:?}");
    assert!(offered.contains(&"COMPL-7@1".to_string()), "{offered:?}");
    let versions = bash_complete(world.dir.path(), &["lsr", "cancel", "COMPL-7@"]);
    assert_eq!(versions, ["COMPL-7@1"]);
    let by_id = bash_complete(world.dir.path(), &["lsr", "history", &order_id[..8]]);
    assert_eq!(by_id, [order_id]);
}

#[test]
fn completions_bash_offers_nothing_without_a_history_and_creates_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let offered = bash_complete(dir.path(), &["lsr", "status", "A"]);
    assert!(offered.is_empty(), "{offered:?}");
    assert!(!dir.path().join("history.sqlite3").exists());
}

#[test]
fn completions_bash_completes_explain_codes_and_topics() {
    let dir = tempfile::tempdir().unwrap();
    let codes = bash_complete(dir.path(), &["lsr", "explain", "1700"]);
    assert!(codes.contains(&"17008".to_string()), "{codes:?}");
    let topics = bash_complete(dir.path(), &["lsr", "explain", "conc"]);
    assert_eq!(topics, ["concurrence"]);
    let commands = bash_complete(dir.path(), &["lsr", "sta"]);
    assert_eq!(commands, ["status"]);
}

#[test]
fn completions_fish_and_zsh_protocols_offer_the_pon_with_its_status() {
    // What completions/lsr.fish and completions/_lsr ask `lsr` (fish and zsh are not on every
    // machine, so the callback is exercised directly).
    let world = SandboxWorld::new();
    let args: Vec<&str> = ["submit", "--pon", "COMPL-8", "--tn", "919-720-6172"]
        .into_iter()
        .chain(BUSINESS_ORDER_FLAGS.iter().copied())
        .collect();
    world.json(&args);
    for (shell, separator) in [("fish", '\t'), ("zsh", ':')] {
        let out = crate::common::lsr_process(world.dir.path())
            .env("COMPLETE", shell)
            .env("_CLAP_COMPLETE_INDEX", "2")
            .args(["--", "lsr", "status", "COMPL"])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.lines()
                .any(|l| l.starts_with(&format!("COMPL-8{separator}latest version: "))),
            "{shell}: {text}"
        );
    }
}
