//! Renderers: tables on a terminal, TSV when piped, JSON on request. Commands build values;
//! these functions format them. Data goes to stdout; notes and hints go to stderr.

pub mod agenda;
pub mod auth;
pub mod findings;
pub mod ics;
pub mod lookup;
pub mod order;
pub mod subscriptions;
pub mod timeline;

pub use findings::{findings_rows, summary_line};
pub use order::{ErrorView, OrderView};

use std::io::{self, Write};

use serde::Serialize;

/// How data is printed on stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputMode {
    /// A comfy-table (the default on a terminal).
    Table,
    /// Tab-separated rows without headers (the default when piped).
    Tsv,
    /// JSON (`--json`).
    Json,
}

/// Rows of text with headers, for `Table` and `Tsv` modes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Rows {
    pub fn new<I, S>(headers: I) -> Rows
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Rows {
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    pub fn push<I, S>(&mut self, row: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.rows.push(row.into_iter().map(Into::into).collect());
    }
}

/// Prints `value` as pretty JSON and a newline.
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> io::Result<()> {
    let mut out = io::stdout().lock();
    let mut ser = serde_json::Serializer::with_formatter(
        &mut out,
        BidiEscaping(serde_json::ser::PrettyFormatter::new()),
    );
    value.serialize(&mut ser).map_err(io::Error::other)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// One JSON document on one line (JSON-lines progress), escaped as [`print_json`] escapes.
pub fn json_line<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(
        &mut out,
        BidiEscaping(serde_json::ser::CompactFormatter),
    );
    value.serialize(&mut ser)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// A JSON formatter that writes the bidirectional controls as `\uXXXX` escapes (JSON already
/// escapes control characters): the same text for a program, nothing reordered on a terminal.
struct BidiEscaping<F>(F);

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for BidiEscaping<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some(at) = rest.find(crate::wire::is_bidi_control) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Renders rows as a table (Table mode) or TSV without headers (any other mode).
pub fn render_rows(rows: &Rows, mode: OutputMode, width: Option<u16>) -> String {
    match mode {
        OutputMode::Table => {
            let mut table = comfy_table::Table::new();
            table
                .load_preset(comfy_table::presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
                .set_header(&rows.headers);
            if let Some(w) = width {
                table.set_width(w);
            }
            for row in &rows.rows {
                table.add_row(row.iter().map(|c| printable(c)));
            }
            format!("{table}\n")
        }
        OutputMode::Tsv | OutputMode::Json => {
            let mut text = String::new();
            for row in &rows.rows {
                let cells: Vec<String> = row.iter().map(|c| tsv_cell(c)).collect();
                text.push_str(&cells.join("\t"));
                text.push('\n');
            }
            text
        }
    }
}

/// Tabs and newlines inside a cell would break TSV columns; they become spaces, and other
/// control characters (terminal escapes from a hostile file or server) `?`.
fn tsv_cell(cell: &str) -> String {
    printable(&cell.replace(['\t', '\n', '\r'], " "))
}

/// Text safe for a terminal: control characters become `?`, nothing is cut.
pub fn printable(text: &str) -> String {
    crate::wire::printable_excerpt(text, usize::MAX)
}

/// Word-wraps `text` to `width` columns; continuation lines start with `indent` spaces. A word
/// longer than the width stays whole on its own line.
pub fn wrap(text: &str, width: usize, first_prefix: &str, indent: usize) -> String {
    let mut out = String::new();
    let mut line = first_prefix.to_string();
    let mut line_len = first_prefix.chars().count();
    let mut fresh = true;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if !fresh && line_len + 1 + len > width {
            out.push_str(&line);
            out.push('\n');
            line = " ".repeat(indent);
            line_len = indent;
            fresh = true;
        }
        if !fresh {
            line.push(' ');
            line_len += 1;
        }
        line.push_str(word);
        line_len += len;
        fresh = false;
    }
    out.push_str(&line);
    out.push('\n');
    out
}

/// Writes text to stdout.
pub fn print_text(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn json_escapes_bidi_controls_and_keeps_the_text() {
        let value = serde_json::json!({"pon": "ABC\u{202E}FED", "plain": "Zoë"});
        let line = json_line(&value).unwrap();
        assert_eq!(line, r#"{"plain":"Zoë","pon":"ABC\u202eFED"}"#);
        let back: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn wrap_breaks_between_words_with_a_hanging_indent() {
        assert_eq!(wrap("aaa bbb ccc", 9, "- ", 2), "- aaa bbb\n  ccc\n");
        assert_eq!(wrap("abcdefghijkl x", 5, "", 0), "abcdefghijkl\nx\n");
    }

    #[test]
    fn tsv_has_no_headers_and_no_stray_tabs() {
        let mut rows = Rows::new(["A", "B"]);
        rows.push(["1", "x\ty"]);
        assert_eq!(render_rows(&rows, OutputMode::Tsv, None), "1\tx y\n");
        let mut hostile = Rows::new(["A"]);
        hostile.push(["PON\u{1b}[31m"]);
        assert_eq!(render_rows(&hostile, OutputMode::Tsv, None), "PON?[31m\n");
        assert!(!render_rows(&hostile, OutputMode::Table, None).contains('\u{1b}'));
        let table = render_rows(&rows, OutputMode::Table, Some(40));
        assert!(table.contains('A') && table.contains("x"));
    }
}
