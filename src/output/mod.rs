//! Renderers: tables on a terminal, TSV when piped, JSON on request. Commands build values;
//! these functions format them. Data goes to stdout; notes and hints go to stderr.

pub mod agenda;
pub mod auth;
pub mod findings;
pub mod ics;
pub mod lookup;
pub mod order;
pub mod stdout;
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
    /// Tab-separated rows (the default when piped), a header row with `--header`.
    Tsv,
    /// JSON (`--json`).
    Json,
}

/// Rows of text with headers, for `Table` and `Tsv` modes. The TSV columns are a contract
/// (README, "Scripting"; each command's `--help`): columns are only ever added at the end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    /// The table's column titles.
    pub headers: Vec<String>,
    /// The TSV column names (`--header`): snake_case, the JSON key where there is one.
    pub keys: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// How many leading columns a table shows (the others are for TSV only); all when `None`.
    pub table_columns: Option<usize>,
}

impl Rows {
    /// Rows with these table titles; the TSV names are the titles in snake_case (`ORDER ID` is
    /// `order_id`, `#` is `index`) until [`Rows::keys`] names them.
    pub fn new<I, S>(headers: I) -> Rows
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let headers: Vec<String> = headers.into_iter().map(Into::into).collect();
        let keys = headers.iter().map(|h| column_key(h)).collect();
        Rows {
            headers,
            keys,
            rows: Vec::new(),
            table_columns: None,
        }
    }

    /// Names the TSV columns (one per header).
    pub fn keys<I, S>(mut self, keys: I) -> Rows
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.keys = keys.into_iter().map(Into::into).collect();
        self
    }

    /// Adds a column that only TSV shows (a table keeps the columns it had).
    pub fn tsv_only_column(mut self, key: &str) -> Rows {
        self.table_columns.get_or_insert(self.headers.len());
        self.headers.push(key.to_string());
        self.keys.push(key.to_string());
        self
    }

    pub fn push<I, S>(&mut self, row: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.rows.push(row.into_iter().map(Into::into).collect());
    }
}

/// Prints `value` as pretty JSON and a newline on stdout (through [`stdout`], the one writer).
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> io::Result<()> {
    stdout::with_stdout(|out| {
        let mut ser = serde_json::Serializer::with_formatter(
            &mut *out,
            BidiEscaping(serde_json::ser::PrettyFormatter::new()),
        );
        value.serialize(&mut ser).map_err(io::Error::other)?;
        out.write_all(b"\n")
    })
}

/// Writes `value` as one compact JSON line (escaped as [`print_json`] escapes) to `out`.
pub fn write_json_line<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        &mut *out,
        BidiEscaping(serde_json::ser::CompactFormatter),
    );
    value.serialize(&mut ser).map_err(io::Error::other)?;
    out.write_all(b"\n")
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

/// A TSV column name from a table title: `ORDER ID` is `order_id`, `#` is `index`.
fn column_key(header: &str) -> String {
    if header == "#" {
        return "index".to_string();
    }
    let words: Vec<String> = header
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    words.join("_")
}

/// Renders rows as a table (Table mode) or TSV without a header row (any other mode; the
/// context's `render_rows` adds one with `--header`).
pub fn render_rows(rows: &Rows, mode: OutputMode, width: Option<u16>) -> String {
    match mode {
        OutputMode::Table => {
            let shown = rows.table_columns.unwrap_or(rows.headers.len());
            let mut table = comfy_table::Table::new();
            table
                .load_preset(comfy_table::presets::UTF8_FULL_CONDENSED)
                .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
                .set_header(rows.headers.iter().take(shown));
            if let Some(w) = width {
                table.set_width(w);
            }
            for row in &rows.rows {
                table.add_row(row.iter().take(shown).map(|c| printable(c)));
            }
            format!("{table}\n")
        }
        OutputMode::Tsv | OutputMode::Json => render_tsv(rows, false),
    }
}

/// Renders rows as TSV, with a first row of column names when `header` (`--header`).
pub fn render_tsv(rows: &Rows, header: bool) -> String {
    let mut text = String::new();
    if header {
        text.push_str(&tsv_line(&rows.keys));
    }
    for row in &rows.rows {
        text.push_str(&tsv_line(row));
    }
    text
}

/// One TSV line: cells joined by tabs, a newline at the end.
pub fn tsv_line(cells: &[String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| tsv_cell(c)).collect();
    let mut line = cells.join("\t");
    line.push('\n');
    line
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

/// Writes text to stdout (through [`stdout`], the one writer).
pub fn print_text(text: &str) -> io::Result<()> {
    stdout::write_text(text)
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
