//! `XmlWriter`: the small, allocation-light writer every body is serialised with, indented
//! like Bandwidth's examples (four spaces) and escaping text as XML 1.0 requires.

use std::fmt::Write as _;

use super::error::WireError;

/// Bandwidth's declaration, byte for byte.
pub const XML_DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

const INDENT: &str = "    ";

/// Builds one XML document. Element names are trusted (`&'static str` from this module);
/// text is escaped, and text XML cannot carry is refused rather than altered.
#[derive(Debug)]
pub struct XmlWriter {
    out: String,
    depth: usize,
}

impl Default for XmlWriter {
    fn default() -> Self {
        XmlWriter::new()
    }
}

impl XmlWriter {
    /// A writer holding the XML declaration.
    pub fn new() -> XmlWriter {
        XmlWriter::with_buffer(String::with_capacity(1536))
    }

    /// A writer that appends to `buffer` after clearing it (lets a server reuse allocations).
    pub fn with_buffer(mut buffer: String) -> XmlWriter {
        buffer.clear();
        buffer.push_str(XML_DECLARATION);
        XmlWriter {
            out: buffer,
            depth: 0,
        }
    }

    fn line(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str(INDENT);
        }
    }

    /// `<name>` on a new line; children follow one level deeper.
    pub fn open(&mut self, name: &str) {
        self.line();
        self.out.push('<');
        self.out.push_str(name);
        self.out.push('>');
        self.depth += 1;
    }

    /// `</name>` on a new line, closing what [`XmlWriter::open`] opened.
    pub fn close(&mut self, name: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.line();
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// A self-closing `<name/>`, as Bandwidth writes empty lists.
    pub fn empty(&mut self, name: &str) {
        self.line();
        self.out.push('<');
        self.out.push_str(name);
        self.out.push_str("/>");
    }

    /// `<name>text</name>`.
    pub fn leaf(&mut self, name: &'static str, text: &str) -> Result<(), WireError> {
        self.line();
        self.out.push('<');
        self.out.push_str(name);
        self.out.push('>');
        push_escaped(&mut self.out, name, text)?;
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
        Ok(())
    }

    /// A leaf when the value is present and not empty; nothing otherwise.
    pub fn leaf_opt(&mut self, name: &'static str, text: Option<&str>) -> Result<(), WireError> {
        match text {
            Some(text) if !text.is_empty() => self.leaf(name, text),
            _ => Ok(()),
        }
    }

    /// A numeric leaf when present.
    pub fn number_opt(&mut self, name: &'static str, value: Option<u64>) {
        if let Some(value) = value {
            self.line();
            self.out.push('<');
            self.out.push_str(name);
            self.out.push('>');
            // Writing into a String cannot fail.
            let _ = write!(self.out, "{value}");
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
        }
    }

    /// The finished document, ending with a newline.
    pub fn finish(mut self) -> String {
        self.out.push('\n');
        self.out
    }
}

/// Whether XML 1.0 can carry `c` at all (its `Char` production minus what Rust cannot hold).
fn is_xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

fn push_escaped(out: &mut String, element: &'static str, text: &str) -> Result<(), WireError> {
    // Fast path: the usual field is plain printable ASCII.
    let plain = text
        .bytes()
        .all(|b| (0x20..0x80).contains(&b) && !matches!(b, b'&' | b'<' | b'>'));
    if plain {
        out.push_str(text);
        return Ok(());
    }
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // A raw CR would be normalised to LF by the reader.
            '\r' => out.push_str("&#xD;"),
            // The reader normalises NEL and LINE SEPARATOR to LF (XML 1.1 line ends); a
            // character reference keeps them.
            '\u{85}' => out.push_str("&#x85;"),
            '\u{2028}' => out.push_str("&#x2028;"),
            c if is_xml_char(c) => out.push(c),
            c => {
                return Err(WireError::Unencodable {
                    element,
                    codepoint: u32::from(c),
                });
            }
        }
    }
    Ok(())
}
