//! TN list files (`--tn-file`): one TN a line with `#` comments, or CSV with a `tn` column.
//! Pure text parsing that keeps each entry's line number, so that the validator's findings
//! on an entry can point at the line; linear in the size of the file.

/// One telephone number as written in a TN list, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TnListEntry {
    pub line: usize,
    pub text: String,
}

/// Why a TN list cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TnListError {
    #[error("the CSV header on line {line} (`{header}`) has no `tn` column")]
    NoTnColumn { line: usize, header: String },
    #[error("CSV line {line} cannot be read: {message}")]
    Csv { line: usize, message: String },
}

/// Reads a TN list. The first line that is neither blank nor a comment decides the format: a
/// CSV header when it has a comma or no digit at all (`tn`, `name,tn`), otherwise one TN a line.
/// Entries are returned as written (trimmed); checking them is the validator's job.
pub fn parse_tn_list(text: &str) -> Result<Vec<TnListEntry>, TnListError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text
        .lines()
        .map(without_comment)
        .find(|line| !line.is_empty());
    match first {
        None => Ok(Vec::new()),
        Some(line) if line.contains(',') || !line.bytes().any(|b| b.is_ascii_digit()) => {
            parse_csv(text)
        }
        Some(_) => Ok(parse_lines(text)),
    }
}

/// The line without a trailing `#` comment, trimmed.
fn without_comment(line: &str) -> &str {
    line.split_once('#')
        .map_or(line, |(before, _)| before)
        .trim()
}

fn parse_lines(text: &str) -> Vec<TnListEntry> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let entry = without_comment(line);
            (!entry.is_empty()).then(|| TnListEntry {
                line: i + 1,
                text: entry.to_string(),
            })
        })
        .collect()
}

fn parse_csv(text: &str) -> Result<Vec<TnListEntry>, TnListError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .comment(Some(b'#'))
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    // The csv crate's own line count skips blank lines; byte offsets are exact, so lines are
    // counted from them, moving forward only (records come in order).
    // The csv crate's own line count skips blank lines; byte offsets are exact, so lines are
    // counted from them, moving forward only (records come in order).
    let mut lines = LineCounter::new(text);
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(e) => return Err(csv_error(&e, &mut lines)),
    };
    let Some(column) = headers
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case("tn"))
    else {
        return Err(TnListError::NoTnColumn {
            line: headers
                .position()
                .map_or(1, |p| lines.record_line_at(p.byte())),
            header: headers.iter().collect::<Vec<_>>().join(","),
        });
    };
    let mut entries = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => return Err(csv_error(&e, &mut lines)),
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let line = record
            .position()
            .map_or(0, |p| lines.record_line_at(p.byte()));
        // A row without a TN is reported (as an empty entry) rather than dropped silently.
        let text = record.get(column).unwrap_or("").trim().to_string();
        entries.push(TnListEntry { line, text });
    }
    Ok(entries)
}

fn csv_error(error: &csv::Error, lines: &mut LineCounter<'_>) -> TnListError {
    TnListError::Csv {
        line: error
            .position()
            .map_or(0, |p| lines.record_line_at(p.byte())),
        message: error.to_string(),
    }
}

/// Turns byte offsets into 1-based line numbers, scanning forward only.
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> LineCounter<'a> {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line holding byte `offset`; offsets must not decrease between calls.
    fn line_at(&mut self, offset: u64) -> usize {
        let target = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        if target > self.offset {
            self.line += self.text[self.offset..target]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            self.offset = target;
        }
        self.line
    }

    /// The line a record starts on. The csv crate reports a record's position as the end of
    /// the previous one, before the blank lines it skipped; step over those.
    fn record_line_at(&mut self, offset: u64) -> usize {
        self.line_at(offset);
        while let Some(&b) = self.text.get(self.offset) {
            match b {
                b'\n' => self.line += 1,
                b'\r' => {}
                _ => break,
            }
            self.offset += 1;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn lines_and_texts(entries: &[TnListEntry]) -> Vec<(usize, &str)> {
        entries.iter().map(|e| (e.line, e.text.as_str())).collect()
    }

    #[test]
    fn tn_list_plain_skips_blanks_and_comments() {
        let text = "# ports for Acme\n\n919-720-6100\n  9197206101  # main line\n#9197206102\n\r\n(919) 720-6103\r\n";
        let entries = parse_tn_list(text).unwrap();
        assert_eq!(
            lines_and_texts(&entries),
            vec![
                (3, "919-720-6100"),
                (4, "9197206101"),
                (7, "(919) 720-6103")
            ]
        );
    }

    #[test]
    fn tn_list_plain_keeps_bad_entries_for_the_validator() {
        let entries = parse_tn_list("9197206100\nnot a number 1\n").unwrap();
        assert_eq!(
            lines_and_texts(&entries),
            vec![(1, "9197206100"), (2, "not a number 1")]
        );
    }

    #[test]
    fn tn_list_csv_reads_the_tn_column() {
        let text = "\u{feff}# export\nName,TN,Note\n\"Doe, Jane\",919-720-6100,x\nAcme,\"9197206101\"\n\nBob,,none\r\n \r\n\r\n\nCarol, 919 720 6102 \n";
        let entries = parse_tn_list(text).unwrap();
        assert_eq!(
            lines_and_texts(&entries),
            vec![
                (3, "919-720-6100"),
                (4, "9197206101"),
                (6, ""),
                (10, "919 720 6102")
            ]
        );
    }

    #[test]
    fn tn_list_csv_with_only_a_tn_column() {
        let entries = parse_tn_list("tn\n9197206100\n9197206101\n").unwrap();
        assert_eq!(
            lines_and_texts(&entries),
            vec![(2, "9197206100"), (3, "9197206101")]
        );
    }

    #[test]
    fn tn_list_csv_without_tn_column_is_an_error() {
        let err = parse_tn_list("\nname,number\nAcme,9197206100\n").unwrap_err();
        assert_eq!(
            err,
            TnListError::NoTnColumn {
                line: 2,
                header: "name,number".into()
            }
        );
        assert!(matches!(
            parse_tn_list("phone\n9197206100\n"),
            Err(TnListError::NoTnColumn { .. })
        ));
    }

    #[test]
    fn tn_list_empty_file_has_no_entries() {
        assert!(parse_tn_list("").unwrap().is_empty());
        assert!(parse_tn_list("# nothing\n\n").unwrap().is_empty());
    }

    #[test]
    fn tn_list_large_file_keeps_line_numbers() {
        let text: String = (0..100_000).map(|i| format!("{i:010}\n")).collect();
        let entries = parse_tn_list(&text).unwrap();
        assert_eq!(entries.len(), 100_000);
        assert_eq!(entries[99_999].line, 100_000);
    }
}
