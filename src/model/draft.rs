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
    /// `YYYY-MM-DD`, `MM/DD/YYYY` or `+Nbd` (N business days from today); a TOML file may
    /// also write a native date (`requested_foc_date = 2026-12-10`).
    #[serde(
        default,
        alias = "foc",
        deserialize_with = "text_or_date",
        skip_serializing_if = "Option::is_none"
    )]
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
    /// The text is not TOML: `at` is where the parser stopped.
    #[error("order file `{path}` is not valid TOML: {at}{message}")]
    Toml {
        path: String,
        at: Position,
        message: String,
    },
    /// The text is not JSON.
    #[error("order file `{path}` is not valid JSON: {at}{message}")]
    Json {
        path: String,
        at: Position,
        message: String,
    },
    /// The syntax is fine, but a field is unknown or holds the wrong kind of value.
    #[error("order file `{path}`: {at}{message}{}", suggestion.as_ref().map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
    Field {
        path: String,
        at: Position,
        message: String,
        /// The known field closest to an unknown one.
        suggestion: Option<String>,
    },
    #[error("order file `{path}` is larger than {limit} bytes")]
    TooLarge { path: String, limit: u64 },
}

/// Where in an order file a problem is: line and column (from 1) and the field, as far as the
/// parser could tell. Shown as `line 3, column 1, field `pon`: `.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Position {
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub field: Option<String>,
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts = Vec::new();
        if let Some(line) = self.line {
            parts.push(format!("line {line}"));
        }
        if let Some(column) = self.column {
            parts.push(format!("column {column}"));
        }
        if let Some(field) = &self.field {
            parts.push(format!("field `{field}`"));
        }
        if parts.is_empty() {
            Ok(())
        } else {
            write!(f, "{}: ", parts.join(", "))
        }
    }
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
            OrderFileFormat::Json => parse_json(&shown, text),
            OrderFileFormat::Toml => parse_toml(&shown, text),
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

/// A TOML order file: syntax errors name the line and column where the parser stopped (and the
/// key being written there); field errors name the field's path, and an unknown field the
/// known one it most resembles.
fn parse_toml(shown: &str, text: &str) -> Result<OrderDraft, OrderFileError> {
    let position = |span: Option<std::ops::Range<usize>>, field: Option<String>| {
        let (line, column) = span.map_or((None, None), |s| {
            let (l, c) = line_and_column(text, s.start);
            (u32::try_from(l).ok(), u32::try_from(c).ok())
        });
        Position {
            line,
            column,
            field,
        }
    };
    let deserializer = toml::de::Deserializer::parse(text).map_err(|e| {
        let field = e.span().and_then(|s| toml_key_at(text, s.start));
        OrderFileError::Toml {
            path: shown.to_string(),
            at: position(e.span(), field),
            message: e.message().trim().to_string(),
        }
    })?;
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let field = field_path(e.path(), e.inner().message());
        let message = e.inner().message().trim().to_string();
        OrderFileError::Field {
            path: shown.to_string(),
            at: position(e.inner().span(), field),
            suggestion: unknown_field_suggestion(&message),
            message: plain_unknown_field(message),
        }
    })
}

/// A JSON order file, likewise; serde_json knows the line and column of every error.
fn parse_json(shown: &str, text: &str) -> Result<OrderDraft, OrderFileError> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed: Result<OrderDraft, _> = serde_path_to_error::deserialize(&mut deserializer);
    let (inner, path) = match parsed {
        Ok(draft) => match deserializer.end() {
            Ok(()) => return Ok(draft),
            // Trailing text after the object.
            Err(e) => (e, None),
        },
        Err(e) => {
            let path = e.path().clone();
            (e.into_inner(), Some(path))
        }
    };
    let at = |field| Position {
        line: u32::try_from(inner.line()).ok(),
        column: u32::try_from(inner.column()).ok(),
        field,
    };
    // serde_json appends " at line L column C"; the position says it already.
    let message = inner.to_string();
    let message = message
        .rfind(" at line ")
        .map_or(message.as_str(), |i| &message[..i])
        .to_string();
    Err(if inner.is_syntax() || inner.is_eof() {
        OrderFileError::Json {
            path: shown.to_string(),
            at: at(None),
            message,
        }
    } else {
        OrderFileError::Field {
            path: shown.to_string(),
            at: at(path.as_ref().and_then(|p| field_path(p, &message))),
            suggestion: unknown_field_suggestion(&message),
            message: plain_unknown_field(message),
        }
    })
}

/// Line and column (from 1, in characters) of a byte offset.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The dotted key written at `offset` of a TOML text: the last `key =` at or before it, under
/// the table header above it.
fn toml_key_at(text: &str, offset: usize) -> Option<String> {
    let before = &text[..offset.min(text.len())];
    let line_end = text[before.len()..]
        .find('\n')
        .map_or(text.len(), |i| before.len() + i);
    let mut table: Option<String> = None;
    let mut key: Option<String> = None;
    for line in text[..line_end].lines() {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            table = Some(header.trim().to_string());
            key = None;
        } else if let Some((name, _)) = line.split_once('=') {
            let name = name.trim().trim_matches('"');
            if !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
            {
                key = Some(name.to_string());
            }
        }
    }
    let key = key?;
    Some(match table {
        Some(table) => format!("{table}.{key}"),
        None => key,
    })
}

/// The path of the field an error is about (`subscriber.address.zip`, `tns[3]`); for an
/// unknown field, the unknown field itself.
fn field_path(path: &serde_path_to_error::Path, message: &str) -> Option<String> {
    let path = path.to_string();
    let path = (path != ".").then_some(path);
    match (unknown_field_name(message), path) {
        (Some(name), Some(p)) if !p.ends_with(name) => Some(format!("{p}.{name}")),
        (Some(name), None) => Some(name.to_string()),
        (_, path) => path,
    }
}

/// `ponn` in serde's "unknown field `ponn`, expected one of `pon`, …".
fn unknown_field_name(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown field `")?;
    rest.split('`').next()
}

/// "unknown field" without serde's long list of every known field (the suggestion is shown).
fn plain_unknown_field(message: String) -> String {
    if unknown_field_name(&message).is_some() {
        "unknown field".to_string()
    } else {
        message
    }
}

/// The known field closest to an unknown one (at most two edits away), from serde's message.
fn unknown_field_suggestion(message: &str) -> Option<String> {
    let unknown = unknown_field_name(message)?;
    let (_, expected) = message.split_once("expected ")?;
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|known| (edit_distance(unknown, known), known))
        .filter(|(d, known)| *d <= 2 || (known.len() >= 3 && unknown.contains(*known)))
        .min_by_key(|(d, _)| *d)
        .map(|(_, known)| known.to_string())
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            current[j + 1] = (previous[j] + usize::from(ca != *cb))
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// A date field: text, or a native TOML date (`2026-12-10`), kept as its text.
fn text_or_date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum TextOrDate {
        Text(String),
        Date(toml::value::Datetime),
    }
    Ok(
        Option::<TextOrDate>::deserialize(deserializer)?.map(|value| match value {
            TextOrDate::Text(text) => text,
            TextOrDate::Date(date) => date.to_string(),
        }),
    )
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
    fn order_file_errors_name_line_column_and_field() {
        let err = OrderDraft::parse_file_text(Path::new("o.toml"), "pon = \"A\"\nponn = \"B\"\n")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "order file `o.toml`: line 2, column 1, field `ponn`: unknown field; did you mean `pon`?"
        );
        let text = "pon = \"A\"\ntns = [\"9197206100\" \"9197206101\"]\n";
        let err = OrderDraft::parse_file_text(Path::new("o.toml"), text)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("order file `o.toml` is not valid TOML: line 2, column 21, field `tns`: missing comma"), "{err}");
        let text = "pon = \"A\"\n[subscriber.address]\nzip = 27601\n";
        let err = OrderDraft::parse_file_text(Path::new("o.toml"), text)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("line 3, column 7, field `subscriber.address.zip`: invalid type: integer"),
            "{err}"
        );
        let err = OrderDraft::parse_file_text(
            Path::new("o.json"),
            "{\"pon\": \"A\",\n \"subscriber\": {\"adress\": {}}}",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("line 2, column"), "{err}");
        assert!(
            err.contains("field `subscriber.adress`: unknown field; did you mean `address`?"),
            "{err}"
        );
    }

    #[test]
    fn order_file_accepts_a_native_toml_date() {
        let draft = OrderDraft::parse_file_text(
            Path::new("o.toml"),
            "pon = \"A\"\nrequested_foc_date = 2026-12-10\n",
        )
        .unwrap();
        assert_eq!(draft.requested_foc_date.as_deref(), Some("2026-12-10"));
        let alias = OrderDraft::parse_file_text(Path::new("o.toml"), "foc = 2026-12-11\n").unwrap();
        assert_eq!(alias.requested_foc_date.as_deref(), Some("2026-12-11"));
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
