//! Fuzzes TN list files (`validate::parse_tn_list`, plain and CSV): never panics, and every
//! entry points at a real line of the file, in file order; a plain list's entry is exactly
//! what that line holds before its comment.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lsr::model::Tn;
use lsr::validate::parse_tn_list;

fuzz_target!(|text: &str| {
    let Ok(entries) = parse_tn_list(text) else {
        return;
    };
    let lines: Vec<&str> = text.lines().collect();
    let mut previous = 0;
    for entry in &entries {
        assert!(
            (1..=lines.len()).contains(&entry.line),
            "entry {entry:?} is outside the file's {} lines",
            lines.len()
        );
        assert!(entry.line >= previous, "entries out of order: {entries:?}");
        previous = entry.line;
        assert_eq!(
            entry.text,
            entry.text.trim(),
            "entry {entry:?} is not trimmed"
        );
        // Checking an entry is the validator's job; it must not panic on any of them.
        let _ = Tn::parse(&entry.text);
    }
    if is_plain(text) {
        for entry in &entries {
            let line = lines[entry.line - 1];
            let line = if entry.line == 1 {
                line.strip_prefix('\u{feff}').unwrap_or(line)
            } else {
                line
            };
            let expected = line
                .split_once('#')
                .map_or(line, |(before, _)| before)
                .trim();
            assert_eq!(entry.text, expected, "line {}", entry.line);
            assert!(!entry.text.is_empty());
        }
    }
});

/// The same rule `parse_tn_list` documents: the first line that is neither blank nor a comment
/// is a CSV header when it has a comma or no digit.
fn is_plain(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.lines()
        .map(|line| {
            line.split_once('#')
                .map_or(line, |(before, _)| before)
                .trim()
        })
        .find(|line| !line.is_empty())
        .is_some_and(|line| !line.contains(',') && line.bytes().any(|b| b.is_ascii_digit()))
}
