//! The screening pass every body goes through before serde sees it: size, UTF-8, nesting
//! depth, DOCTYPE and entity refusal, well-formedness, and the root element's name.
//!
//! Why a separate pass: serde's `IgnoredAny` recurses once per nested unknown element, so
//! 10,000 nested elements would overflow the stack; quick-xml's event reader is iterative.

use quick_xml::Reader;
use quick_xml::events::Event;

use super::error::{WireError, snippet};

/// The largest body accepted. The biggest legitimate one is a list of 1,000 order summaries
/// (about 700 KB); a 999-TN order is about 40 KB.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

/// The deepest element nesting accepted. Bandwidth's deepest body is 4 levels
/// (`LsrOrderResponse/LsrOrder/Subscriber/ServiceAddress/…`).
pub const MAX_DEPTH: usize = 32;

/// A body that passed screening.
pub(crate) struct Screened<'a> {
    pub root: String,
    pub text: &'a str,
}

/// The five entities XML predefines; anything else would need a DTD, which is refused.
const PREDEFINED_ENTITIES: [&str; 5] = ["lt", "gt", "amp", "apos", "quot"];

pub(crate) fn screen(bytes: &[u8]) -> Result<Screened<'_>, WireError> {
    if bytes.len() > MAX_BODY_BYTES {
        return Err(WireError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_BODY_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| WireError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(WireError::Empty);
    }

    let mut reader = Reader::from_str(text);
    let mut depth = 0usize;
    let mut root: Option<String> = None;
    let mut root_closed = false;
    loop {
        let event = reader.read_event().map_err(|e| WireError::Malformed {
            offset: reader.error_position(),
            message: e.to_string(),
        })?;
        match event {
            Event::Start(_) | Event::Empty(_) if root_closed => {
                return Err(WireError::TrailingContent {
                    root: root.unwrap_or_default(),
                });
            }
            Event::Start(start) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(WireError::TooDeep { limit: MAX_DEPTH });
                }
                if root.is_none() {
                    root = Some(element_name(start.name().as_ref()));
                }
            }
            Event::Empty(start) => {
                if depth + 1 > MAX_DEPTH {
                    return Err(WireError::TooDeep { limit: MAX_DEPTH });
                }
                if root.is_none() {
                    root = Some(element_name(start.name().as_ref()));
                    root_closed = true;
                }
            }
            Event::End(_) => {
                // quick-xml already refuses an end tag that does not match its start.
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    root_closed = true;
                }
            }
            Event::Text(content) => {
                if depth == 0 && !content.iter().all(u8::is_ascii_whitespace) {
                    return Err(outside_root(&root, reader.buffer_position()));
                }
            }
            Event::CData(_) => {
                if depth == 0 {
                    return Err(outside_root(&root, reader.buffer_position()));
                }
            }
            Event::GeneralRef(reference) => {
                if depth == 0 {
                    return Err(outside_root(&root, reader.buffer_position()));
                }
                check_reference(&reference, reader.buffer_position())?;
            }
            Event::DocType(_) => return Err(WireError::Doctype),
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            Event::Eof => break,
        }
    }
    match root {
        None => Err(WireError::NoRoot),
        Some(root) if depth > 0 => Err(WireError::Truncated { root }),
        Some(root) => Ok(Screened { root, text }),
    }
}

fn element_name(raw: &[u8]) -> String {
    snippet(&String::from_utf8_lossy(raw))
}

fn outside_root(root: &Option<String>, offset: u64) -> WireError {
    match root {
        Some(root) => WireError::TrailingContent { root: root.clone() },
        None => WireError::Malformed {
            offset,
            message: "text before the root element".to_string(),
        },
    }
}

fn check_reference(
    reference: &quick_xml::events::BytesRef<'_>,
    offset: u64,
) -> Result<(), WireError> {
    if reference.is_char_ref() {
        return match reference.resolve_char_ref() {
            Ok(Some(_)) => Ok(()),
            Ok(None) | Err(_) => Err(WireError::Malformed {
                offset,
                message: "invalid character reference".to_string(),
            }),
        };
    }
    let name = String::from_utf8_lossy(reference);
    if PREDEFINED_ENTITIES.contains(&name.as_ref()) {
        Ok(())
    } else {
        Err(WireError::UnknownEntity {
            name: snippet(&name),
        })
    }
}
