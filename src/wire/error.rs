//! `WireError`: why a body could not be read or written.

/// Why an XML body could not be read or written. Messages name what was wrong and never echo
/// more than a short snippet of the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WireError {
    #[error("xml body is empty")]
    Empty,
    #[error("xml body is {bytes} bytes; the limit is {limit}")]
    TooLarge { bytes: usize, limit: usize },
    #[error("xml body is not valid UTF-8 (first bad byte at offset {offset})")]
    NotUtf8 { offset: usize },
    #[error("xml body nests elements deeper than {limit} levels")]
    TooDeep { limit: usize },
    #[error("xml body declares a DOCTYPE; DTDs and entity declarations are refused")]
    Doctype,
    #[error("xml body refers to unknown entity `&{name};`")]
    UnknownEntity { name: String },
    #[error("malformed xml at byte {offset}: {message}")]
    Malformed { offset: u64, message: String },
    #[error("xml body ends before its root element `<{root}>` is closed")]
    Truncated { root: String },
    #[error("xml body has no root element")]
    NoRoot,
    #[error("xml body has content after its root element `<{root}>`")]
    TrailingContent { root: String },
    #[error("expected an xml `<{expected}>` body, got `<{found}>`")]
    UnexpectedRoot {
        expected: &'static str,
        found: String,
    },
    #[error("xml `<{root}>` body does not have the expected shape: {message}")]
    Shape { root: &'static str, message: String },
    #[error("xml `<LsrOrderResponse>` body holds no `<LsrOrder>`")]
    MissingOrder,
    #[error("element `<{element}>` holds character U+{codepoint:04X}, which XML 1.0 cannot carry")]
    Unencodable {
        element: &'static str,
        codepoint: u32,
    },
}

/// How much of a name taken from the input an error message may show.
const SNIPPET_CHARS: usize = 40;

/// A short, printable excerpt of untrusted text for an error message.
pub(crate) fn snippet(text: &str) -> String {
    super::text::printable_excerpt(text, SNIPPET_CHARS)
}

impl WireError {
    pub(crate) fn unexpected_root(expected: &'static str, found: &str) -> WireError {
        WireError::UnexpectedRoot {
            expected,
            found: snippet(found),
        }
    }
}
