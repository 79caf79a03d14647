//! The README's five-minute tour, run as written on a fresh config directory.

/// The `$ lsr …` lines of the first `console` block under "A five-minute tour".
fn tour_commands() -> Vec<Vec<String>> {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let section = readme
        .split("## A five-minute tour")
        .nth(1)
        .expect("README has a five-minute tour");
    let block = section
        .split("```console")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the tour has a console block");
    block
        .lines()
        .filter_map(|line| line.trim().strip_prefix("$ lsr "))
        .map(|args| args.split_whitespace().map(str::to_string).collect())
        .collect()
}

#[test]
fn readme_tour_reaches_complete() {
    let commands = tour_commands();
    assert!(commands.len() >= 5, "{commands:?}");
    let config = tempfile::tempdir().unwrap();
    let mut last_stdout = String::new();
    for args in &commands {
        let out = crate::common::lsr(config.path())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("LSR_FORCE_TTY", "1")
            .args(args)
            .timeout(std::time::Duration::from_secs(120))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "`lsr {}` failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        last_stdout = String::from_utf8_lossy(&out.stdout).to_string();
    }
    assert!(
        last_stdout.contains("COMPLETE"),
        "the tour ends with:\n{last_stdout}"
    );
}
