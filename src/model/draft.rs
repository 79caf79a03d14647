//! `OrderDraft`: an order as the user wrote it (order file, flags, or a wire body), not yet
//! validated. The order file format of `submit`, `validate` and `resubmit` is this struct in
//! TOML or JSON; a supp is a draft holding only the fields to change.

use std::path::Path;

use serde::{Deserialize, Deserializer, Serialize};

use super::Pin;

/// An order as typed: every field optional and unchecked. `validate::validate_order` turns it
/// into findings and, when there are no errors, an `LsrOrder`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderDraft {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pon: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_order_id: Option<String>,
    /// `YYYY-MM-DD`, `MM/DD/YYYY` or `+Nbd` (N business days from today).
    #[serde(default, alias = "foc", skip_serializing_if = "Option::is_none")]
    pub requested_foc_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub btn: Option<String>,
    #[serde(
        default,
        alias = "auth_person",
        skip_serializing_if = "Option::is_none"
    )]
    pub authorizing_person: Option<String>,
    #[serde(default, skip_serializing_if = "SubscriberDraft::is_empty")]
    pub subscriber: SubscriberDraft,
    /// Telephone numbers in any common format; numbers are accepted as well as strings.
    #[serde(
        default,
        deserialize_with = "strings_or_numbers",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tns: Vec<String>,
}

/// The subscriber part of a draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubscriberDraft {
    /// `business` or `residential` (any case).
    #[serde(
        rename = "type",
        alias = "subscriber_type",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub subscriber_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_initial: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_number: Option<String>,
    /// The end user's port-out passcode; redacted in `Debug`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<Pin>,
    #[serde(
        default,
        alias = "service_address",
        skip_serializing_if = "AddressDraft::is_empty"
    )]
    pub address: AddressDraft,
}

/// The service address part of a draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddressDraft {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub house_prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub house_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub house_suffix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pre_directional: Option<String>,
    #[serde(
        default,
        alias = "street_name",
        skip_serializing_if = "Option::is_none"
    )]
    pub street: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_suffix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_directional: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, alias = "state_code", skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zip: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
}

impl SubscriberDraft {
    pub fn is_empty(&self) -> bool {
        *self == SubscriberDraft::default()
    }
}

impl AddressDraft {
    pub fn is_empty(&self) -> bool {
        *self == AddressDraft::default()
    }
}

/// Why an order file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum OrderFileError {
    #[error("cannot read order file `{path}`: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("order file `{path}` is not valid TOML: {message}")]
    Toml { path: String, message: String },
    #[error("order file `{path}` is not valid JSON: {message}")]
    Json { path: String, message: String },
    #[error("order file `{path}` is larger than {limit} bytes")]
    TooLarge { path: String, limit: u64 },
}

/// The largest order file read (an order holds at most a few thousand TNs; more is a mistake
/// or an attack, and is refused before it is parsed).
pub const MAX_ORDER_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Which syntax an order file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderFileFormat {
    Toml,
    Json,
}

impl OrderFileFormat {
    /// By extension (`.json` is JSON, anything else TOML), or by content when the first
    /// non-blank character is `{`.
    pub fn detect(path: &Path, text: &str) -> OrderFileFormat {
        let by_ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.eq_ignore_ascii_case("json"));
        match by_ext {
            Some(true) => OrderFileFormat::Json,
            _ if text.trim_start().starts_with('{') => OrderFileFormat::Json,
            _ => OrderFileFormat::Toml,
        }
    }
}

impl OrderDraft {
    /// Parses an order file's text. `path` is only used for messages and format detection.
    pub fn parse_file_text(path: &Path, text: &str) -> Result<OrderDraft, OrderFileError> {
        let shown = path.display().to_string();
        match OrderFileFormat::detect(path, text) {
            OrderFileFormat::Json => serde_json::from_str(text).map_err(|e| OrderFileError::Json {
                path: shown,
                message: e.to_string(),
            }),
            OrderFileFormat::Toml => toml::from_str(text).map_err(|e| OrderFileError::Toml {
                path: shown,
                message: e.message().to_string(),
            }),
        }
    }

    /// Reads and parses an order file.
    pub fn read_file(path: &Path) -> Result<OrderDraft, OrderFileError> {
        use std::io::Read;
        let read_error = |source| OrderFileError::Read {
            path: path.display().to_string(),
            source,
        };
        let mut text = String::new();
        std::fs::File::open(path)
            .map_err(read_error)?
            .take(MAX_ORDER_FILE_BYTES + 1)
            .read_to_string(&mut text)
            .map_err(read_error)?;
        if text.len() as u64 > MAX_ORDER_FILE_BYTES {
            return Err(OrderFileError::TooLarge {
                path: path.display().to_string(),
                limit: MAX_ORDER_FILE_BYTES,
            });
        }
        OrderDraft::parse_file_text(path, &text)
    }

    /// Lays `other` over `self`: every field set in `other` wins (flags over a file, a supp over
    /// the current order). TNs are replaced only when `other` has some.
    pub fn overlay(mut self, other: &OrderDraft) -> OrderDraft {
        fn take<T: Clone>(into: &mut Option<T>, from: &Option<T>) {
            if from.is_some() {
                into.clone_from(from);
            }
        }
        take(&mut self.pon, &other.pon);
        take(&mut self.customer_order_id, &other.customer_order_id);
        take(&mut self.requested_foc_date, &other.requested_foc_date);
        take(&mut self.spid, &other.spid);
        take(&mut self.btn, &other.btn);
        take(&mut self.authorizing_person, &other.authorizing_person);
        let (s, o) = (&mut self.subscriber, &other.subscriber);
        take(&mut s.subscriber_type, &o.subscriber_type);
        take(&mut s.business_name, &o.business_name);
        take(&mut s.first_name, &o.first_name);
        take(&mut s.middle_initial, &o.middle_initial);
        take(&mut s.last_name, &o.last_name);
        take(&mut s.account_number, &o.account_number);
        take(&mut s.pin, &o.pin);
        let (a, oa) = (&mut s.address, &o.address);
        take(&mut a.house_prefix, &oa.house_prefix);
        take(&mut a.house_number, &oa.house_number);
        take(&mut a.house_suffix, &oa.house_suffix);
        take(&mut a.pre_directional, &oa.pre_directional);
        take(&mut a.street, &oa.street);
        take(&mut a.street_suffix, &oa.street_suffix);
        take(&mut a.post_directional, &oa.post_directional);
        take(&mut a.address_line2, &oa.address_line2);
        take(&mut a.city, &oa.city);
        take(&mut a.state, &oa.state);
        take(&mut a.zip, &oa.zip);
        take(&mut a.county, &oa.county);
        if !other.tns.is_empty() {
            self.tns.clone_from(&other.tns);
        }
        self
    }
}

fn strings_or_numbers<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum StringOrNumber {
        Text(String),
        Number(u64),
    }
    let items = Vec::<StringOrNumber>::deserialize(deserializer)?;
    Ok(items
        .into_iter()
        .map(|item| match item {
            StringOrNumber::Text(text) => text,
            StringOrNumber::Number(n) => n.to_string(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const TOML_ORDER: &str = r#"
pon = "ACME-0001"
requested_foc_date = "2026-12-15"
authorizing_person = "Jane Doe"
tns = ["919-555-0100", 9195550101]

[subscriber]
type = "business"
business_name = "Acme Widgets"
pin = "1234"

[subscriber.address]
house_number = "11"
street = "Park Ave"
city = "Raleigh"
state = "NC"
zip = "27601"
"#;

    #[test]
    fn order_file_toml_and_json_agree() {
        let toml_draft = OrderDraft::parse_file_text(Path::new("o.toml"), TOML_ORDER).unwrap();
        assert_eq!(toml_draft.tns, vec!["919-555-0100", "9195550101"]);
        assert_eq!(
            toml_draft.subscriber.address.city.as_deref(),
            Some("Raleigh")
        );
        let json = serde_json::to_string(&toml_draft).unwrap();
        let json_draft = OrderDraft::parse_file_text(Path::new("o.json"), &json).unwrap();
        assert_eq!(toml_draft, json_draft);
    }

    #[test]
    fn order_file_rejects_unknown_keys_and_bad_syntax() {
        let err = OrderDraft::parse_file_text(Path::new("o.toml"), "pon = \"A\"\nponn = \"B\"\n")
            .unwrap_err();
        assert!(err.to_string().contains("ponn"), "{err}");
        let err = OrderDraft::parse_file_text(Path::new("o.json"), "{\"pon\": ").unwrap_err();
        assert!(matches!(err, OrderFileError::Json { .. }));
    }

    #[test]
    fn overlay_prefers_the_later_draft() {
        let base = OrderDraft::parse_file_text(Path::new("o.toml"), TOML_ORDER).unwrap();
        let mut flags = OrderDraft::default();
        flags.subscriber.address.city = Some("Durham".into());
        let merged = base.clone().overlay(&flags);
        assert_eq!(merged.subscriber.address.city.as_deref(), Some("Durham"));
        assert_eq!(merged.pon, base.pon);
        assert_eq!(merged.tns, base.tns);
    }

    #[test]
    fn subscriber_debug_redacts_pin() {
        let base = OrderDraft::parse_file_text(Path::new("o.toml"), TOML_ORDER).unwrap();
        let shown = format!("{base:?}");
        assert!(!shown.contains("1234\""), "{shown}");
        assert!(shown.contains("<redacted>"));
    }
}
