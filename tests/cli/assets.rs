//! `completions/` and `man/` are rendered from the clap definitions, `schemas/` from the types
//! that print every `--json` output; this test fails when the committed files are stale and
//! rewrites them with `LSR_UPDATE_ASSETS=1`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;

/// The completion scripts, by file name.
fn render_completions() -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for (shell, name) in [
        (Shell::Bash, "lsr.bash"),
        (Shell::Zsh, "_lsr"),
        (Shell::Fish, "lsr.fish"),
        (Shell::Elvish, "lsr.elv"),
        (Shell::PowerShell, "_lsr.ps1"),
    ] {
        files.insert(name.to_string(), lsr::commands::completions::render(shell));
    }
    files
}

/// `lsr.1` and one page per subcommand (nested ones too), by file name.
fn render_man_pages() -> BTreeMap<String, Vec<u8>> {
    let tmp = tempfile::tempdir().unwrap();
    clap_mangen::generate_to(lsr::commands::Cli::command(), tmp.path()).expect("render man pages");
    std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().to_string(),
                keep_extra_lines(&std::fs::read(e.path()).unwrap()),
            )
        })
        .collect()
}

/// The EXTRA section (environment, exit status, files) is laid out in columns in the help
/// text; man would refill it into ragged, justified paragraphs, so it is marked no-fill.
fn keep_extra_lines(page: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(page);
    let Some(start) = text.find(".SH EXTRA\n") else {
        return page.to_vec();
    };
    let body = start + ".SH EXTRA\n".len();
    let end = text[body..]
        .find("\n.SH ")
        .map_or(text.len(), |i| body + i + 1);
    format!(
        "{}.nf\n{}.fi\n{}",
        &text[..body],
        &text[body..end],
        &text[end..]
    )
    .into_bytes()
}

/// Compares rendered files with a directory; rewrites it when `LSR_UPDATE_ASSETS=1`.
fn check_dir(dir: &Path, rendered: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    let update = std::env::var("LSR_UPDATE_ASSETS").is_ok_and(|v| v == "1");
    let mut problems = Vec::new();
    let existing: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    for path in &existing {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !rendered.contains_key(&name) {
            if update {
                std::fs::remove_file(path).unwrap();
            } else {
                problems.push(format!("{} is no longer rendered", path.display()));
            }
        }
    }
    for (name, bytes) in rendered {
        let path = dir.join(name);
        let current = std::fs::read(&path)
            .ok()
            .map(|b| String::from_utf8_lossy(&b).replace("\r\n", "\n"));
        let fresh = String::from_utf8_lossy(bytes).to_string();
        if current.as_deref() != Some(fresh.as_str()) {
            if update {
                std::fs::create_dir_all(dir).unwrap();
                std::fs::write(&path, bytes).unwrap();
            } else if current.is_none() {
                problems.push(format!("{} is missing", path.display()));
            } else {
                problems.push(format!("{} is stale", path.display()));
            }
        }
    }
    problems
}

/// `schemas/<name>.schema.json`: the JSON Schema of every `--json` output, as `lsr schema
/// NAME` prints it.
fn render_schemas() -> BTreeMap<String, Vec<u8>> {
    lsr::commands::schema::SCHEMAS
        .iter()
        .map(|entry| {
            let mut text = serde_json::to_string_pretty(&entry.schema()).unwrap();
            text.push('\n');
            (format!("{}.schema.json", entry.name), text.into_bytes())
        })
        .collect()
}

#[test]
fn assets_completions_and_man_pages_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = check_dir(&root.join("completions"), &render_completions());
    problems.extend(check_dir(&root.join("man"), &render_man_pages()));
    problems.extend(check_dir(&root.join("schemas"), &render_schemas()));
    assert!(
        problems.is_empty(),
        "generated assets are out of date:\n  {}\nrun: LSR_UPDATE_ASSETS=1 cargo test --test cli assets",
        problems.join("\n  ")
    );
}

#[test]
fn assets_bash_completion_completes_subcommands() {
    /// What bash offers for `lsr WORD<TAB>` with the committed script.
    fn complete(word: &str) -> Vec<String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let script = format!(
            r#"
            source completions/lsr.bash
            COMP_WORDS=(lsr {word}); COMP_CWORD=1; COMP_LINE="lsr {word}"; COMP_POINT=${{#COMP_LINE}}
            _clap_complete_lsr lsr {word} lsr
            printf '%s\n' "${{COMPREPLY[@]}}"
            "#
        );
        // The script calls `lsr` back (dynamic completion): the built one, first on PATH.
        let bin = assert_cmd::cargo::cargo_bin("lsr");
        let path = format!(
            "{}:{}",
            bin.parent().unwrap().display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let config = tempfile::tempdir().unwrap();
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(script)
            .env("PATH", path)
            .env("LSR_CONFIG_DIR", config.path())
            .current_dir(root)
            .output()
            .expect("run bash");
        let mut words: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|w| w.trim().to_string())
            .filter(|w| !w.is_empty())
            .collect();
        words.sort_unstable();
        words
    }
    assert_eq!(complete("subm"), ["submit"]);
    assert_eq!(complete("sub"), ["submit", "subscribe", "subscriptions"]);
    assert_eq!(
        complete("su"),
        ["submit", "subscribe", "subscriptions", "supp"]
    );
    assert_eq!(complete("foc"), ["foc-window"]);
}

#[test]
fn assets_man_page_extra_section_keeps_its_columns() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new("man")
        .args(["-l", "-P", "cat", "man/lsr.1"])
        .env("MANWIDTH", "80")
        .current_dir(root)
        .output()
        .expect("man is installed (.ci/run installs man-db)");
    let page = String::from_utf8_lossy(&out.stdout);
    let help = lsr::commands::Cli::command()
        .get_after_long_help()
        .map(ToString::to_string)
        .unwrap_or_default();
    for line in help.lines().filter(|l| !l.trim().is_empty()) {
        // man indents the section by 7: 72 characters fit an 80-column terminal.
        assert!(
            line.chars().count() <= 72,
            "help line too long for a man page: {line}"
        );
        assert!(
            page.lines()
                .any(|p| p.trim_end() == format!("       {line}")),
            "`{line}` is not kept as one line in the man page:\n{page}"
        );
    }
}

#[test]
fn assets_man_page_renders() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new("man")
        .args(["-l", "-P", "cat", "man/lsr.1"])
        .env("MANWIDTH", "100")
        .current_dir(root)
        .output()
        .expect("man is installed (.ci/run installs man-db)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = String::from_utf8_lossy(&out.stdout);
    for section in ["SYNOPSIS", "Exit status", "LSR_CONFIG_DIR", "submit"] {
        assert!(page.contains(section), "man page lacks {section}:\n{page}");
    }
}

#[test]
fn assets_every_command_help_has_a_summary_detail_and_example() {
    fn walk(cmd: &clap::Command, path: String, depth: usize, missing: &mut Vec<String>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let name = format!("{path} {}", sub.get_name());
            let long = sub
                .get_long_about()
                .or(sub.get_about())
                .map(|a| a.to_string())
                .unwrap_or_default();
            if sub.get_about().is_none() {
                missing.push(format!("{name}: no one-line summary"));
            }
            if depth <= 2 && !long.contains("Example") {
                missing.push(format!("{name}: no example"));
            }
            walk(sub, name, depth + 1, missing);
        }
    }
    let mut missing = Vec::new();
    walk(
        &lsr::commands::Cli::command(),
        "lsr".into(),
        1,
        &mut missing,
    );
    assert!(missing.is_empty(), "{missing:#?}");
}
