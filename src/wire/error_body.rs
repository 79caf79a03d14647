//! Bandwidth's error bodies (`ResponseStatus`, `LsrOrderErrors/LsrOrderError`, `Errors/Error`)
//! read leniently into codes and texts, whatever envelope carries them.

use crate::model::BandwidthError;

use super::printable_excerpt;

/// The longest server text (an error description) kept from an error body.
const MAX_QUOTED_CHARS: usize = 300;

/// Reads the codes and texts out of any of Bandwidth's error envelopes (`ResponseStatus`,
/// `LsrOrderErrors/LsrOrderError`, `Errors/Error`), leniently: a non-XML body (an HTML error
/// page from a proxy) gives no details rather than an error.
pub fn error_details(body: &[u8]) -> (Option<String>, Vec<BandwidthError>) {
    use quick_xml::events::Event;
    const MAX_EVENTS: usize = 10_000;
    const MAX_DEPTH: usize = 32;
    let mut reader = quick_xml::Reader::from_reader(body);
    reader.config_mut().trim_text(true);
    let mut path: Vec<String> = Vec::new();
    let mut description = None;
    let mut errors = Vec::new();
    let mut pending_code: Option<u32> = None;
    let mut buf = Vec::new();
    for _ in 0..MAX_EVENTS {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                if path.len() >= MAX_DEPTH {
                    break;
                }
                path.push(String::from_utf8_lossy(e.local_name().as_ref()).into_owned());
            }
            Ok(Event::End(_)) => {
                path.pop();
            }
            Ok(Event::Text(t)) => {
                let text = t
                    .decode()
                    .map(|c| printable_excerpt(c.trim(), MAX_QUOTED_CHARS))
                    .unwrap_or_default();
                let parent = path.iter().rev().nth(1).map(String::as_str);
                match (parent, path.last().map(String::as_str)) {
                    (Some("ResponseStatus"), Some("Description")) => description = Some(text),
                    (Some("ResponseStatus"), Some("ErrorCode")) => {
                        // 400 is the HTTP status echoed, not one of Bandwidth's codes.
                        pending_code = text.parse().ok().filter(|c: &u32| *c >= 1000);
                        if let Some(code) = pending_code.take() {
                            errors.push(BandwidthError {
                                code,
                                description: String::new(),
                            });
                        }
                    }
                    (Some("LsrOrderError") | Some("Error"), Some("Code")) => {
                        pending_code = text.parse().ok();
                    }
                    (Some("LsrOrderError") | Some("Error"), Some("Description")) => {
                        if let Some(code) = pending_code.take() {
                            errors.push(BandwidthError {
                                code,
                                description: text,
                            });
                        }
                    }
                    _ => {}
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
        buf.clear();
    }
    // A ResponseStatus code carries the envelope's description as its text.
    if let Some(d) = &description {
        for e in errors.iter_mut().filter(|e| e.description.is_empty()) {
            e.description.clone_from(d);
        }
    }
    (description, errors)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn error_details_read_every_envelope() {
        let body = br#"<?xml version="1.0"?><LsrOrderResponse><ResponseStatus><ErrorCode>400</ErrorCode>
<Description>Lsr order doesn't pass validation.</Description></ResponseStatus><LsrOrderErrors>
<LsrOrderError><Code>17023</Code><Description>The authorizing person contact is required.</Description></LsrOrderError>
<LsrOrderError><Code>17020</Code><Description>
  SPID mismatch
</Description></LsrOrderError></LsrOrderErrors></LsrOrderResponse>"#;
        let (d, errors) = error_details(body);
        assert_eq!(d.as_deref(), Some("Lsr order doesn't pass validation."));
        assert_eq!(errors.len(), 2);
        assert_eq!(
            errors[1],
            BandwidthError {
                code: 17020,
                description: "SPID mismatch".into()
            }
        );
        let not_found = br#"<LsrOrderResponse><ResponseStatus><ErrorCode>5035</ErrorCode><Description>lsr order x not found.</Description></ResponseStatus></LsrOrderResponse>"#;
        let (_, errors) = error_details(not_found);
        assert_eq!(
            errors,
            vec![BandwidthError {
                code: 5035,
                description: "lsr order x not found.".into()
            }]
        );
        let (d, errors) = error_details(b"<html><body>502 Bad Gateway</body></html>");
        assert!(d.is_none() && errors.is_empty());
    }
}
