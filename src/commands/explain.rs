//! `lsr explain`: what a Bandwidth code or an FAQ topic means and what to do.

use anyhow::Context as _;
use clap::Args;
use serde::Serialize;

use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::model::OrderStatus;
use crate::output::{OutputMode, Rows, print_json, print_text};
use crate::validate::codes::{self, CatalogEntry, CodeKind};

/// Explain a Bandwidth code or an FAQ topic in plain words, with what to do next.
///
/// Without an argument, lists every code and topic.
///
/// JSON: the explanation, or an array of them without an argument
/// (schemas/explain.schema.json). TSV columns: code, topic, title, resulting_status, meaning,
/// action. TSV columns without an argument: code, topic, title.
///
/// Example: lsr explain 7517    lsr explain foc-window
#[derive(Debug, Clone, Args)]
pub struct ExplainArgs {
    /// A numeric code (e.g. 17008) or a topic (e.g. concurrence).
    #[arg(value_name = "CODE|TOPIC", add = clap_complete::engine::ArgValueCandidates::new(subject_candidates))]
    pub subject: Option<String>,
}

/// What `explain` completes: every FAQ topic and code of the catalog, with its title.
fn subject_candidates() -> Vec<clap_complete::engine::CompletionCandidate> {
    codes::all()
        .iter()
        .map(|entry| {
            let value = entry
                .code
                .map_or_else(|| entry.topic.to_string(), |c| c.to_string());
            clap_complete::engine::CompletionCandidate::new(value)
                .help(Some(entry.title.to_string().into()))
        })
        .collect()
}

/// How many "did you mean" suggestions an unknown subject gets.
const SUGGESTIONS: usize = 4;

/// The stable JSON shape (`code`, `topic`, `title`, `meaning`, `action`,
/// `resulting_status`), plus `kind`, `rule`, `bandwidth_text` and `aliases`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Explanation {
    pub code: Option<u32>,
    pub topic: &'static str,
    pub title: &'static str,
    pub meaning: &'static str,
    pub action: &'static str,
    pub resulting_status: Option<OrderStatus>,
    pub kind: CodeKind,
    pub rule: Option<&'static str>,
    pub bandwidth_text: Option<&'static str>,
    pub aliases: &'static [u32],
    /// The text the meaning above goes with, when the code has several documented texts.
    pub text: Option<&'static str>,
    /// The code's other documented texts and their meanings.
    pub other_texts: Vec<OtherText>,
}

/// Another documented text of a code and what it means (`text` null: any other text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct OtherText {
    pub text: Option<&'static str>,
    pub source: &'static str,
    pub title: &'static str,
    pub meaning: &'static str,
    pub action: &'static str,
    pub rule: Option<&'static str>,
}

impl From<&CatalogEntry> for Explanation {
    fn from(entry: &CatalogEntry) -> Explanation {
        Explanation {
            code: entry.code,
            topic: entry.topic,
            title: entry.title,
            meaning: entry.meaning,
            action: entry.action,
            resulting_status: entry.resulting_status,
            kind: entry.kind,
            rule: entry.rule,
            bandwidth_text: entry.bandwidth_text,
            aliases: entry.aliases,
            text: entry.own_text,
            other_texts: entry
                .other_texts
                .iter()
                .map(|t| OtherText {
                    text: t.pattern,
                    source: t.source,
                    title: t.title,
                    meaning: t.meaning,
                    action: t.action,
                    rule: t.rule,
                })
                .collect(),
        }
    }
}

pub fn run(ctx: &Context, args: &ExplainArgs) -> anyhow::Result<()> {
    match args.subject.as_deref() {
        None => print_catalog(ctx),
        Some(subject) => {
            let entry = codes::lookup(subject).ok_or_else(|| unknown_subject(subject))?;
            print_entry(ctx, entry, subject)
        }
    }
    .context("printing the explanation")
}

/// Exit 7 naming what was asked, with the closest entries as the hint.
fn unknown_subject(subject: &str) -> anyhow::Error {
    let subject = subject.trim();
    let numeric = !subject.is_empty() && subject.bytes().all(|b| b.is_ascii_digit());
    let message = if numeric {
        format!("code {subject} is not in lsr's catalog")
    } else {
        format!("no code or topic `{subject}` in lsr's catalog")
    };
    let suggestions: Vec<String> = codes::closest(subject, SUGGESTIONS)
        .into_iter()
        .map(|e| {
            if numeric {
                e.name()
            } else {
                e.topic.to_string()
            }
        })
        .collect();
    let hint = if suggestions.is_empty() {
        "`lsr explain` lists every code and topic".to_string()
    } else {
        format!(
            "did you mean: {}? `lsr explain` lists every code and topic",
            suggestions.join(", ")
        )
    };
    CliError::new(Exit::NotFound, message)
        .with_hint(hint)
        .into()
}

fn print_entry(ctx: &Context, entry: &CatalogEntry, asked: &str) -> std::io::Result<()> {
    match ctx.output {
        OutputMode::Json => print_json(&Explanation::from(entry)),
        OutputMode::Tsv => {
            let mut rows = Rows::new(["code", "topic", "title", "status", "meaning", "action"])
                .keys([
                    "code",
                    "topic",
                    "title",
                    "resulting_status",
                    "meaning",
                    "action",
                ]);
            rows.push([
                entry.code.map(|c| c.to_string()).unwrap_or_default(),
                entry.topic.to_string(),
                entry.title.to_string(),
                entry
                    .resulting_status
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
                entry.meaning.to_string(),
                entry.action.to_string(),
            ]);
            print_text(&ctx.render_tsv(&rows))
        }
        OutputMode::Table => {
            let width = usize::from(ctx.term_width.unwrap_or(80)).clamp(40, 100);
            print_text(&render_entry_block(entry, asked, width, ctx.color))
        }
    }
}

/// The readable block: title with code, then the facts, what it means, what to do.
fn render_entry_block(entry: &CatalogEntry, asked: &str, width: usize, color: bool) -> String {
    let heading = match entry.code {
        Some(code) => format!("{code}  {}", entry.title),
        None => format!("{}  {}", entry.topic, entry.title),
    };
    let mut out = String::new();
    if color {
        out.push_str(&format!("\x1b[1m{heading}\x1b[0m\n"));
    } else {
        out.push_str(&heading);
        out.push('\n');
    }
    let asked = asked.trim();
    if let (Some(code), Ok(asked_code)) = (entry.code, asked.parse::<u32>())
        && asked_code != code
    {
        out.push_str(&format!(
            "({asked_code} is another number Bandwidth uses for {code})\n"
        ));
    }
    out.push('\n');
    let mut facts: Vec<(&str, String)> = vec![("topic", entry.topic.to_string())];
    facts.push(("kind", entry.kind.label().to_string()));
    if entry.kind != CodeKind::Topic {
        let status = match (entry.resulting_status, entry.kind) {
            (Some(status), _) => status.to_string(),
            (None, CodeKind::PostValidation) => "none: no order was created".to_string(),
            (None, _) => "unchanged (or not documented)".to_string(),
        };
        facts.push(("order status", status));
    }
    if let Some(rule) = entry.rule {
        facts.push(("FAQ rule", rule.to_string()));
    }
    if let Some(text) = entry.bandwidth_text {
        facts.push(("Bandwidth text", format!("\"{text}\"")));
    }
    if !entry.aliases.is_empty() {
        let aliases: Vec<String> = entry.aliases.iter().map(u32::to_string).collect();
        facts.push(("also numbered", aliases.join(", ")));
    }
    let label_width = facts.iter().map(|(l, _)| l.len()).max().unwrap_or(0) + 2;
    for (label, value) in &facts {
        let first = format!("  {:<label_width$}", format!("{label}:"));
        out.push_str(&wrap_with_prefix(value, &first, width));
    }
    if let Some(text) = entry.own_text {
        out.push('\n');
        out.push_str(&wrap_with_prefix(
            &format!("When the text reads \"{text}\""),
            "",
            width,
        ));
    }
    out.push_str("\nWhat it means\n");
    out.push_str(&wrap_with_prefix(entry.meaning, "  ", width));
    out.push_str("\nWhat to do\n");
    out.push_str(&wrap_with_prefix(entry.action, "  ", width));
    for other in entry.other_texts {
        let when = match other.pattern {
            Some(text) => format!("When the text reads \"{text}\""),
            None => "With any other text".to_string(),
        };
        out.push('\n');
        out.push_str(&wrap_with_prefix(
            &format!("{when}: {}", other.title),
            "",
            width,
        ));
        out.push_str(&wrap_with_prefix(
            &format!("(documented in {})", other.source),
            "  ",
            width,
        ));
        out.push_str("What it means\n");
        out.push_str(&wrap_with_prefix(other.meaning, "  ", width));
        out.push_str("What to do\n");
        out.push_str(&wrap_with_prefix(other.action, "  ", width));
    }
    out
}

/// Word-wraps `text` to `width` columns; the first line starts with `prefix`, the others are
/// indented to the same column.
fn wrap_with_prefix(text: &str, prefix: &str, width: usize) -> String {
    let indent = " ".repeat(prefix.chars().count());
    let mut out = String::new();
    let mut line = prefix.to_string();
    let mut line_len = prefix.chars().count();
    let mut empty = true;
    for word in text.split_whitespace() {
        let word_len = word.chars().count();
        if !empty && line_len + 1 + word_len > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = indent.clone();
            line_len = indent.len();
            empty = true;
        }
        if !empty {
            line.push(' ');
            line_len += 1;
        }
        line.push_str(word);
        line_len += word_len;
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

fn print_catalog(ctx: &Context) -> std::io::Result<()> {
    let entries = codes::all();
    if ctx.output == OutputMode::Json {
        let all: Vec<Explanation> = entries.iter().map(Explanation::from).collect();
        return print_json(&all);
    }
    let mut rows = Rows::new(["code", "topic", "title"]);
    for entry in entries {
        rows.push([
            entry.code.map(|c| c.to_string()).unwrap_or_default(),
            entry.topic.to_string(),
            entry.title.to_string(),
        ]);
    }
    print_text(&ctx.render_rows(&rows))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn explain_block_shows_code_status_rule_and_wraps() {
        let entry = codes::by_code(17008).unwrap();
        let block = render_entry_block(entry, "17008", 60, false);
        assert!(block.starts_with("17008  A TN already has a pending FOC date"));
        assert!(block.contains("order status:") && block.contains("FAILED"));
        assert!(block.contains("FAQ rule:") && block.contains("R4"));
        assert!(block.contains("What it means") && block.contains("What to do"));
        assert!(block.lines().all(|l| l.chars().count() <= 60), "{block}");
    }

    #[test]
    fn explain_17008_gives_both_meanings() {
        let entry = codes::by_code(17008).unwrap();
        let block = render_entry_block(entry, "17008", 100, false);
        assert!(
            block.contains("When the text reads \"TNs found with a pending FOC Date"),
            "{block}"
        );
        assert!(
            block.contains("With any other text: Bandwidth internal error"),
            "{block}"
        );
        assert!(block.contains("1 business day"), "{block}");
        let json = Explanation::from(entry);
        assert_eq!(json.other_texts.len(), 1);
        assert_eq!(json.other_texts[0].text, None);
    }

    #[test]
    fn explain_block_names_the_alias_asked_for() {
        let entry = codes::by_code(16005).unwrap();
        let block = render_entry_block(entry, "16005", 80, false);
        assert!(block.contains("16005 is another number Bandwidth uses for 17005"));
    }

    #[test]
    fn explain_wrap_keeps_long_words_whole() {
        let text = wrap_with_prefix("a verylongwordthatdoesnotfit b", "  x: ", 10);
        assert_eq!(text, "  x: a\n     verylongwordthatdoesnotfit\n     b\n");
    }

    #[test]
    fn explain_unknown_subject_is_not_found_with_suggestions() {
        let err = unknown_subject("foc-windo");
        assert_eq!(crate::exit::exit_for(&err), Exit::NotFound);
        let hint = crate::exit::hint_for(&err).unwrap();
        assert!(hint.starts_with("did you mean: foc-window"), "{hint}");
    }
}
