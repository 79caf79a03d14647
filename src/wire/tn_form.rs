//! The two forms of a telephone number on the wire: 10 digits on v1, E.164 (`+19195551234`) on
//! v2, where Bandwidth writes every number in E.164 in requests and responses (its "Universal
//! Platform breaking changes" page). Reading accepts both everywhere (`Tn::parse`); these
//! functions rewrite the TN elements of a body from one form to the other, so the same shapes
//! serve both versions.

use quick_xml::Reader;
use quick_xml::Writer;
use quick_xml::events::{BytesText, Event};

use super::WireError;
use crate::model::Tn;

/// The elements that carry a telephone number.
const TN_ELEMENTS: [&str; 2] = ["TelephoneNumber", "BillingTelephoneNumber"];

/// How numbers are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TnForm {
    /// `9195551234` (v1).
    #[default]
    Digits,
    /// `+19195551234` (v2).
    E164,
}

impl TnForm {
    /// A number in this form.
    pub fn write(self, tn: Tn) -> String {
        match self {
            TnForm::Digits => tn.digits(),
            TnForm::E164 => tn.e164(),
        }
    }

    /// True when `text` is a number written in this form.
    pub fn holds(self, text: &str) -> bool {
        let text = text.trim();
        match self {
            TnForm::Digits => text.len() == 10 && text.bytes().all(|b| b.is_ascii_digit()),
            TnForm::E164 => {
                text.len() == 12
                    && text.starts_with("+1")
                    && text[1..].bytes().all(|b| b.is_ascii_digit())
            }
        }
    }
}

fn malformed(reader_offset: u64, e: impl std::fmt::Display) -> WireError {
    WireError::Malformed {
        offset: reader_offset,
        message: e.to_string(),
    }
}

/// Walks a body, handing the text of every TN element to `each`, which returns its
/// replacement; everything else is written back as it was.
fn map_tn_texts(body: &[u8], mut each: impl FnMut(&str) -> String) -> Result<Vec<u8>, WireError> {
    let mut reader = Reader::from_reader(body);
    let mut writer = Writer::new(Vec::with_capacity(body.len() + 64));
    let mut stack: Vec<Vec<u8>> = Vec::new();
    let mut buf = Vec::new();
    loop {
        let offset = reader.buffer_position();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| malformed(offset, e))?;
        match &event {
            Event::Start(e) => stack.push(e.local_name().as_ref().to_vec()),
            Event::End(_) => {
                stack.pop();
            }
            Event::Eof => break,
            _ => {}
        }
        let in_tn = stack
            .last()
            .is_some_and(|name| TN_ELEMENTS.iter().any(|t| t.as_bytes() == name.as_slice()));
        match event {
            Event::Text(text) if in_tn => {
                let raw = text.decode().map_err(|e| malformed(offset, e))?;
                let replaced = each(&raw);
                writer
                    .write_event(Event::Text(BytesText::new(&replaced)))
                    .map_err(|e| malformed(offset, e))?;
            }
            other => writer
                .write_event(other)
                .map_err(|e| malformed(offset, e))?,
        }
        buf.clear();
    }
    Ok(writer.into_inner())
}

/// The body with every TN element written in `form`; text that is not a number is kept.
pub fn rewrite_tns(body: &[u8], form: TnForm) -> Result<Vec<u8>, WireError> {
    map_tn_texts(body, |text| match Tn::parse(text.trim()) {
        Ok(tn) => form.write(tn),
        Err(_) => text.to_string(),
    })
}

/// The TN element values of a body that are not written in `form` (trimmed, in order).
pub fn tns_not_in(body: &[u8], form: TnForm) -> Result<Vec<String>, WireError> {
    let mut wrong = Vec::new();
    map_tn_texts(body, |text| {
        if !text.trim().is_empty() && !form.holds(text) {
            wrong.push(text.trim().to_string());
        }
        text.to_string()
    })?;
    Ok(wrong)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const BODY: &str = "<?xml version=\"1.0\"?><LsrOrder><Pon>9195550100</Pon>\
        <BillingTelephoneNumber>9195550100</BillingTelephoneNumber><!-- keep -->\
        <ListOfTelephoneNumbers><TelephoneNumber> 919-555-0101 </TelephoneNumber>\
        <TelephoneNumber>+19195550102</TelephoneNumber><TelephoneNumber>n/a</TelephoneNumber>\
        </ListOfTelephoneNumbers></LsrOrder>";

    #[test]
    fn tn_form_rewrites_only_tn_elements_both_ways() {
        let e164 = String::from_utf8(rewrite_tns(BODY.as_bytes(), TnForm::E164).unwrap()).unwrap();
        assert!(e164.contains("<Pon>9195550100</Pon>"), "{e164}");
        assert!(
            e164.contains("<BillingTelephoneNumber>+19195550100<"),
            "{e164}"
        );
        assert!(e164.contains("<TelephoneNumber>+19195550101<"), "{e164}");
        assert!(e164.contains("<TelephoneNumber>n/a<"), "{e164}");
        assert!(e164.contains("<!-- keep -->"), "{e164}");
        let digits =
            String::from_utf8(rewrite_tns(e164.as_bytes(), TnForm::Digits).unwrap()).unwrap();
        assert!(digits.contains("<TelephoneNumber>9195550102<"), "{digits}");
        assert_eq!(
            tns_not_in(BODY.as_bytes(), TnForm::E164).unwrap(),
            vec!["9195550100", "919-555-0101", "n/a"]
        );
        assert!(tns_not_in(e164.as_bytes(), TnForm::E164).unwrap() == vec!["n/a"]);
    }
}
