//! The house's layers, checked on the source: every module imports only from modules of a lower
//! rank (the table in [`LAYERS`]).
//!
//! The checker reads every `.rs` file under `src/` as text (comments, strings and character
//! literals dropped), finds each path that starts at `crate::` (a `use`, a `use crate::{a, b}`
//! group over several lines, or a path in code) or climbs out with `super::` to the crate root,
//! and maps both ends to their top-level module: `src/<module>.rs` or `src/<module>/…`.
//! `lib.rs` and `main.rs` are exempt. Test modules inside a file count like the rest of it.
//! Not seen: paths written in strings (`#[serde(with = "crate::…")]`) and `$crate` in macros.
//!
//! How to read a failure: each line
//! `src/client/http.rs:12: client (rank 2) -> sandbox (rank 2): same rank` names the file and line
//! of one reference, the module it is in, the module it points at, and the rule it breaks
//! (`points up`: to a higher rank; `same rank`: to a module of its own rank). Fix the code (move
//! the item down to where both may use it, or the caller up), do not add to [`KNOWN_BACK_ARROWS`].
//! A `no longer occurs` line means an arrow was removed: delete that entry from
//! [`KNOWN_BACK_ARROWS`], which can only shrink.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers of the house, highest rank first. A module may import from modules of a LOWER
/// rank only: never from a higher rank, and never from another module of its own rank (client
/// and sandbox stay apart, and so do validate and wire, config and history, batch and output,
/// exit and cli). Every module that `src/lib.rs` declares is in this table exactly once.
const LAYERS: &[(u8, &[&str])] = &[
    (7, &["commands"]),
    (6, &["session"]),
    (5, &["context"]),
    (4, &["exit", "cli"]),
    (3, &["batch", "output"]),
    (2, &["client", "history", "sandbox", "config"]),
    (1, &["validate", "wire", "files"]),
    (0, &["model"]),
];

/// The arrows that break [`LAYERS`] today and are being removed: (file, module it points at).
/// The real-tree test fails on any arrow not listed here AND on any entry here that no longer
/// occurs, so this list can only shrink. Never add to it.
const KNOWN_BACK_ARROWS: &[(&str, &str)] = &[];

/// One path from a file in one top-level module to another top-level module.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Arrow {
    /// The file, relative to the crate root: `src/client/http.rs`.
    file: String,
    line: usize,
    from: String,
    to: String,
}

/// An arrow that breaks the layer table, with the rule it breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Violation {
    arrow: Arrow,
    from_rank: Option<u8>,
    to_rank: Option<u8>,
    reason: String,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let a = &self.arrow;
        write!(
            f,
            "{}:{}: {} ({}) -> {} ({}): {}",
            a.file,
            a.line,
            a.from,
            rank_text(self.from_rank),
            a.to,
            rank_text(self.to_rank),
            self.reason
        )
    }
}

fn rank_of(layers: &[(u8, &[&str])], module: &str) -> Option<u8> {
    layers
        .iter()
        .find(|(_, modules)| modules.contains(&module))
        .map(|(rank, _)| *rank)
}

fn rank_text(rank: Option<u8>) -> String {
    rank.map_or("not in the table".to_string(), |r| format!("rank {r}"))
}

/// Why `from` may not import from `to` under `layers`; `None` when it may.
fn broken_rule(layers: &[(u8, &[&str])], from: &str, to: &str) -> Option<String> {
    if from == to {
        return None;
    }
    match (rank_of(layers, from), rank_of(layers, to)) {
        (Some(f), Some(t)) if t < f => None,
        (Some(f), Some(t)) if t == f => Some("same rank".to_string()),
        (Some(_), Some(_)) => Some("points up".to_string()),
        (None, _) => Some(format!("module `{from}` is not in the layer table")),
        (_, None) => Some(format!("module `{to}` is not in the layer table")),
    }
}

/// The arrows of `arrows` that break `layers`.
fn violations(layers: &[(u8, &[&str])], arrows: &[Arrow]) -> Vec<Violation> {
    arrows
        .iter()
        .filter_map(|a| {
            broken_rule(layers, &a.from, &a.to).map(|reason| Violation {
                arrow: a.clone(),
                from_rank: rank_of(layers, &a.from),
                to_rank: rank_of(layers, &a.to),
                reason,
            })
        })
        .collect()
}

/// Every arrow between top-level modules in the `.rs` files under `root/src` (lib.rs and main.rs
/// exempt), sorted by file and line.
fn arrows_in(root: &Path) -> Vec<Arrow> {
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut arrows = Vec::new();
    for file in files {
        let relative = file.strip_prefix(root).unwrap();
        let Some(module_path) = module_path(relative) else {
            continue;
        };
        let text = std::fs::read_to_string(&file).unwrap();
        let name = relative.to_string_lossy().replace('\\', "/");
        for (line, to) in references(&text, &module_path) {
            if to != module_path[0] {
                arrows.push(Arrow {
                    file: name.clone(),
                    line,
                    from: module_path[0].clone(),
                    to,
                });
            }
        }
    }
    arrows.sort();
    arrows
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file: `src/a.rs` and `src/a/mod.rs` are `[a]`, `src/a/b.rs` is `[a, b]`;
/// `None` for the crate roots `src/lib.rs` and `src/main.rs`.
fn module_path(relative: &Path) -> Option<Vec<String>> {
    let mut parts: Vec<String> = relative
        .components()
        .skip(1) // src
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let last = parts.pop()?;
    let stem = last.strip_suffix(".rs")?;
    if parts.is_empty() && (stem == "lib" || stem == "main") {
        return None;
    }
    if stem != "mod" {
        parts.push(stem.to_string());
    }
    Some(parts)
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    PathSep,
    Open,
    Close,
    Comma,
    Other(char),
}

/// The tokens of Rust source that matter for paths, with their lines; comments, strings and
/// character literals are dropped.
fn tokenize(text: &str) -> Vec<(Tok, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let ident_start = |c: char| c.is_alphabetic() || c == '_';
    let mut tokens = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Skips a quoted literal whose body starts at `i`, ending at an unescaped `close`.
    let skip_quoted = |mut i: usize, close: char, line: &mut usize| -> usize {
        while i < chars.len() && chars[i] != close {
            if chars[i] == '\\' {
                i += 1;
            }
            if at(i) == '\n' {
                *line += 1;
            }
            i += 1;
        }
        i + 1
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            let mut depth = 0;
            loop {
                if i >= chars.len() {
                    break;
                } else if chars[i] == '/' && at(i + 1) == '*' {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && at(i + 1) == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if c == '"' {
            i = skip_quoted(i + 1, '"', &mut line);
        } else if c == '\'' {
            if at(i + 1) == '\\' {
                i = skip_quoted(i + 1, '\'', &mut line); // '\n', '\'', '\u{1b}'
            } else if at(i + 2) == '\'' {
                i += 3; // 'a'
            } else {
                tokens.push((Tok::Other('\''), line)); // a lifetime
                i += 1;
            }
        } else if ident_start(c) {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let raw_prefix = word == "r" || word == "br";
            let hashes = chars[i..].iter().take_while(|c| **c == '#').count();
            if raw_prefix && at(i + hashes) == '"' {
                // A raw string: ends at `"` and as many `#`.
                i += hashes + 1;
                while i < chars.len() {
                    if chars[i] == '"'
                        && chars[i + 1..].iter().take_while(|c| **c == '#').count() >= hashes
                    {
                        i += 1 + hashes;
                        break;
                    }
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            } else if word == "b" && at(i) == '"' {
                i = skip_quoted(i + 1, '"', &mut line);
            } else if word == "b" && at(i) == '\'' {
                i = skip_quoted(i + 1, '\'', &mut line);
            } else if word == "r" && hashes == 1 && ident_start(at(i + 1)) {
                i += 1; // a raw identifier: the word follows
            } else {
                tokens.push((Tok::Ident(word), line));
            }
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
        } else {
            let tok = match c {
                ':' if at(i + 1) == ':' => {
                    i += 1;
                    Tok::PathSep
                }
                '{' => Tok::Open,
                '}' => Tok::Close,
                ',' => Tok::Comma,
                other => Tok::Other(other),
            };
            tokens.push((tok, line));
            i += 1;
        }
    }
    tokens
}

/// The top-level modules that the paths in `text` (a file of module `module_path`) reach, with
/// the line of each: `crate::x…`, `use crate::{x…, y…}`, and `super::…` climbing to the root.
fn references(text: &str, module_path: &[String]) -> Vec<(usize, String)> {
    let tokens = tokenize(text);
    let tok = |i: usize| tokens.get(i).map(|(t, _)| t);
    let ident = |i: usize, word: &str| matches!(tok(i), Some(Tok::Ident(w)) if w == word);
    let mut found = Vec::new();
    // Inline `mod name {` blocks: (name, brace depth inside them).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0;
    for i in 0..tokens.len() {
        match tok(i) {
            Some(Tok::Open) => {
                depth += 1;
                if i >= 2
                    && ident(i - 2, "mod")
                    && let Some(Tok::Ident(name)) = tok(i - 1)
                {
                    inline.push((name.clone(), depth));
                }
            }
            Some(Tok::Close) => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        let starts_path = i == 0 || !matches!(tok(i - 1), Some(Tok::PathSep | Tok::Other('$')));
        if !starts_path || tok(i + 1) != Some(&Tok::PathSep) {
            continue;
        }
        if ident(i, "crate") {
            found.extend(heads(&tokens, i + 2));
        } else if ident(i, "super") {
            let mut climbs = 0;
            let mut j = i;
            while ident(j, "super") && tok(j + 1) == Some(&Tok::PathSep) {
                climbs += 1;
                j += 2;
            }
            let here = module_path.len() + inline.len();
            if climbs == here {
                found.extend(heads(&tokens, j)); // at the crate root
            }
        }
    }
    found
}

/// The first segments of the path (or `{…}` group of paths) starting at token `i`.
fn heads(tokens: &[(Tok, usize)], i: usize) -> Vec<(usize, String)> {
    let keep = |w: &str| !matches!(w, "self" | "super" | "crate");
    match tokens.get(i) {
        Some((Tok::Ident(w), line)) if keep(w) => vec![(*line, w.clone())],
        Some((Tok::Open, _)) => {
            let mut found = Vec::new();
            let mut depth = 0;
            // True where an item of the outermost group begins.
            let mut item_start = false;
            for (t, line) in &tokens[i..] {
                match t {
                    Tok::Open => {
                        depth += 1;
                        item_start = depth == 1;
                    }
                    Tok::Close => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                        item_start = false;
                    }
                    Tok::Comma => item_start = depth == 1,
                    Tok::Ident(w) if item_start => {
                        if keep(w) {
                            found.push((*line, w.clone()));
                        }
                        item_start = false;
                    }
                    _ => item_start = false,
                }
            }
            found
        }
        _ => Vec::new(),
    }
}

/// The top-level modules `src/lib.rs` declares (`pub mod x;`, `mod x;`).
fn declared_modules(root: &Path) -> BTreeSet<String> {
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).unwrap();
    let tokens = tokenize(&lib);
    tokens
        .windows(3)
        .filter_map(|w| match w {
            [
                (Tok::Ident(m), _),
                (Tok::Ident(name), _),
                (Tok::Other(';'), _),
            ] if m == "mod" => Some(name.clone()),
            _ => None,
        })
        .collect()
}

/// The failure lines of the tree at `root` under `layers`, given the `known` back-arrows: every
/// violation not in `known`, and every entry of `known` that no longer occurs.
fn check_tree(root: &Path, layers: &[(u8, &[&str])], known: &[(&str, &str)]) -> Vec<String> {
    let found = violations(layers, &arrows_in(root));
    let known: BTreeSet<(&str, &str)> = known.iter().copied().collect();
    let mut failures: Vec<String> = found
        .iter()
        .filter(|v| !known.contains(&(v.arrow.file.as_str(), v.arrow.to.as_str())))
        .map(|v| v.to_string())
        .collect();
    let seen: BTreeSet<(&str, &str)> = found
        .iter()
        .map(|v| (v.arrow.file.as_str(), v.arrow.to.as_str()))
        .collect();
    for (file, to) in &known {
        if !seen.contains(&(*file, *to)) {
            failures.push(format!(
                "KNOWN_BACK_ARROWS entry ({file:?}, {to:?}) no longer occurs: delete it"
            ));
        }
    }
    failures
}

fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn architecture_layers_point_down() {
    let failures = check_tree(&crate_root(), LAYERS, KNOWN_BACK_ARROWS);
    assert!(
        failures.is_empty(),
        "the layer table in tests/cli/architecture.rs is broken ({} problems; see the \
         module doc there for how to read them):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn architecture_table_names_every_module_once() {
    let mut listed = BTreeMap::new();
    for (rank, modules) in LAYERS {
        for m in *modules {
            assert!(listed.insert(m.to_string(), *rank).is_none(), "{m} twice");
        }
    }
    let declared = declared_modules(&crate_root());
    let listed: BTreeSet<String> = listed.into_keys().collect();
    assert_eq!(
        declared, listed,
        "the modules of src/lib.rs and the LAYERS table of tests/cli/architecture.rs differ"
    );
}

/// Writes `files` (path relative to the root, text) under a fresh temp dir.
fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// The checker fails on a small tree with one back-arrow, and names exactly that one.
#[test]
fn architecture_check_reports_a_back_arrow_in_a_synthetic_tree() {
    let dir = tree(&[
        (
            "src/lib.rs",
            "pub mod commands;\npub mod model;\npub mod wire;\n",
        ),
        (
            "src/main.rs",
            "use lsr::commands::run;\nfn main() { crate::x(); }\n",
        ),
        ("src/model.rs", "//! Domain types.\npub struct Tn;\n"),
        (
            "src/commands/mod.rs",
            "use crate::wire::Order;\nuse crate::model::Tn;\npub fn run() {}\n",
        ),
        (
            "src/wire/mod.rs",
            "//! Wire. `crate::commands::run` in a doc is not an import.\n\
             pub mod order;\n\
             use crate::model::Tn; // crate::commands in a comment\n\
             const S: &str = \"crate::commands::run\";\n\
             pub struct Order;\n",
        ),
        (
            "src/wire/order.rs",
            "use super::Order;\n\
             use crate::{\n    model::Tn,\n    wire::Order as O,\n};\n\
             mod tests {\n    use super::super::Order;\n}\n\
             fn f() {\n    let c = '\"';\n    crate::commands::run();\n}\n",
        ),
    ]);
    let layers: &[(u8, &[&str])] = &[(2, &["commands"]), (1, &["wire"]), (0, &["model"])];
    let found = violations(layers, &arrows_in(dir.path()));
    let lines: Vec<String> = found.iter().map(|v| v.to_string()).collect();
    assert_eq!(found.len(), 1, "{lines:#?}");
    assert_eq!(
        found[0].arrow,
        Arrow {
            file: "src/wire/order.rs".into(),
            line: 11,
            from: "wire".into(),
            to: "commands".into(),
        }
    );
    assert_eq!(found[0].reason, "points up");
}

#[test]
fn architecture_rules_follow_the_ranks() {
    assert_eq!(broken_rule(LAYERS, "commands", "model"), None);
    assert_eq!(broken_rule(LAYERS, "session", "context"), None);
    assert_eq!(broken_rule(LAYERS, "wire", "wire"), None);
    assert_eq!(
        broken_rule(LAYERS, "model", "wire").as_deref(),
        Some("points up")
    );
    for (a, b) in [
        ("client", "sandbox"),
        ("sandbox", "client"),
        ("validate", "wire"),
    ] {
        assert_eq!(broken_rule(LAYERS, a, b).as_deref(), Some("same rank"));
    }
    assert!(broken_rule(LAYERS, "nowhere", "model").is_some());
}

#[test]
fn architecture_module_paths_of_files() {
    let path = |p: &str| module_path(Path::new(p));
    assert_eq!(path("src/lib.rs"), None);
    assert_eq!(path("src/main.rs"), None);
    assert_eq!(path("src/exit.rs"), Some(vec!["exit".to_string()]));
    assert_eq!(path("src/wire/mod.rs"), Some(vec!["wire".to_string()]));
    assert_eq!(
        path("src/history/store.rs"),
        Some(vec!["history".to_string(), "store".to_string()])
    );
}

#[test]
fn architecture_references_read_groups_super_and_skip_literals() {
    let at = |m: &str| m.split('/').map(String::from).collect::<Vec<_>>();
    let text = "use crate::{\n    a::{b, c},\n    self,\n    d,\n};\n\
                pub(crate) fn f() -> crate::e::E { $crate::g::h(); x::crate::y }\n\
                use super::super::k::L;\n\
                let s = r#\"crate::m \"# ; let b = b\"crate::n\"; let c = '\\'';\n\
                fn g<'a>(x: &'a str) { crate::o::p(x) }\n";
    // In src/one/two.rs, super::super is the crate root.
    assert_eq!(
        references(text, &at("one/two")),
        vec![
            (2, "a".to_string()),
            (4, "d".to_string()),
            (6, "e".to_string()),
            (7, "k".to_string()),
            (9, "o".to_string()),
        ]
    );
    // In src/one.rs, super::super climbs past the root: not a path to anything.
    assert!(!references(text, &at("one")).contains(&(7, "k".to_string())));
    // An inline module adds a level to climb.
    let nested = "mod tests {\n    use super::super::q::R;\n}\nuse super::s::T;\n";
    assert_eq!(
        references(nested, &at("one")),
        vec![(2, "q".to_string()), (4, "s".to_string())]
    );
}

/// The allowlist can only shrink: a new arrow beside a listed one fails, and so does a listed
/// arrow that was removed.
#[test]
fn architecture_allowlist_fails_on_new_and_on_stale_entries() {
    let dir = tree(&[
        ("src/lib.rs", "pub mod commands;\npub mod model;\n"),
        ("src/commands.rs", "pub fn run() {}\n"),
        ("src/model/mod.rs", "pub mod tn;\npub mod pon;\n"),
        ("src/model/tn.rs", "use crate::commands::run;\n"),
        (
            "src/model/pon.rs",
            "fn f() {\n    crate::commands::run();\n}\n",
        ),
    ]);
    let layers: &[(u8, &[&str])] = &[(1, &["commands"]), (0, &["model"])];
    let root = dir.path();
    assert!(
        check_tree(
            root,
            layers,
            &[
                ("src/model/tn.rs", "commands"),
                ("src/model/pon.rs", "commands")
            ]
        )
        .is_empty()
    );
    assert_eq!(
        check_tree(
            root,
            layers,
            &[
                ("src/model/tn.rs", "commands"),
                ("src/model/mod.rs", "commands")
            ]
        ),
        [
            "src/model/pon.rs:2: model (rank 0) -> commands (rank 1): points up",
            "KNOWN_BACK_ARROWS entry (\"src/model/mod.rs\", \"commands\") no longer occurs: delete it",
        ]
    );
}
