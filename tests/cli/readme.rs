//! The README's five-minute tour, run as written on a fresh config directory.

/// The repository's README.md.
fn readme() -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .unwrap()
}

/// The `$ lsr …` lines of the first `console` block under "A five-minute tour".
fn tour_commands() -> Vec<Vec<String>> {
    let readme = readme();
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

/// The README's "Scripting" section (the contract), up to the next section.
pub fn scripting_section() -> String {
    let readme = readme();
    let section = readme
        .split("\n## Scripting\n")
        .nth(1)
        .expect("README has a Scripting section");
    section.split("\n## ").next().unwrap_or(section).to_string()
}

/// The `json` blocks of the Scripting section, each with the schema the text before it names
/// (`schemas/NAME.schema.json`).
fn scripting_json_examples() -> Vec<(String, String)> {
    let section = scripting_section();
    let mut examples = Vec::new();
    let mut pieces = section.split("```json\n");
    let mut before = pieces.next().unwrap_or_default().to_string();
    for piece in pieces {
        let name = before
            .rsplit("schemas/")
            .next()
            .and_then(|rest| rest.split(".schema.json").next())
            .filter(|name| !name.contains(char::is_whitespace))
            .unwrap_or_else(|| panic!("no schema named before the JSON example:\n{piece}"))
            .to_string();
        let (block, rest) = piece.split_once("```").expect("a closed json block");
        examples.push((name, block.to_string()));
        before = rest.to_string();
    }
    examples
}

#[test]
fn readme_scripting_json_examples_match_their_schemas() {
    let examples = scripting_json_examples();
    let names: Vec<&str> = examples.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["submit", "error", "progress"],
        "the examples changed"
    );
    for (name, block) in &examples {
        let value: serde_json::Value = serde_json::from_str(block)
            .unwrap_or_else(|e| panic!("the README's {name} example is not JSON ({e}):\n{block}"));
        crate::common::assert_schema(name, &value);
    }
}

#[test]
fn readme_scripting_states_the_contract() {
    let section = scripting_section();
    for promise in [
        "One JSON document per run",
        "Keys may be added, never renamed, removed or retyped",
        "--progress json",
        "broken pipe",
        "`lsr schema COMMAND`",
        "--header",
        "| 130 |",
    ] {
        assert!(
            section.contains(promise),
            "the Scripting section lost `{promise}`"
        );
    }
}
