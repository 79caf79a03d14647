//! `Pon`: a Purchase Order Number that always fits Bandwidth's rules.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Longest PON Bandwidth accepts.
pub const PON_MAX_LEN: usize = 25;

/// A Purchase Order Number: 1–25 characters of ASCII letters, digits, `#`, `-` and `_`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pon(String);

/// Why a string is not a PON.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PonError {
    #[error("PON is empty")]
    Empty,
    #[error("PON `{input}` is {len} characters long; at most 25 are allowed")]
    TooLong { input: String, len: usize },
    #[error("PON `{input}` contains `{found}`; only letters, digits, `#`, `-` and `_` are allowed")]
    BadCharacter { input: String, found: char },
}

impl Pon {
    pub fn parse(input: &str) -> Result<Pon, PonError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(PonError::Empty);
        }
        if let Some(found) = text.chars().find(|c| !is_pon_char(*c)) {
            return Err(PonError::BadCharacter {
                input: text.to_string(),
                found,
            });
        }
        let len = text.chars().count();
        if len > PON_MAX_LEN {
            return Err(PonError::TooLong {
                input: text.to_string(),
                len,
            });
        }
        Ok(Pon(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Characters Bandwidth allows in a PON.
pub fn is_pon_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '#' | '-' | '_')
}

impl fmt::Display for Pon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Pon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pon({})", self.0)
    }
}

impl FromStr for Pon {
    type Err = PonError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Pon::parse(s)
    }
}

/// In JSON a PON is its text.
impl schemars::JsonSchema for Pon {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Pon".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A purchase order number (PON): 1 to 25 letters, digits, `#`, `-` or `_`."
        })
    }
}

impl Serialize for Pon {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Pon {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Pon::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn pon_accepts_allowed_characters() {
        assert_eq!(
            Pon::parse("ATT-011515-324234").unwrap().as_str(),
            "ATT-011515-324234"
        );
        assert_eq!(Pon::parse("a#b_c").unwrap().as_str(), "a#b_c");
        assert!(Pon::parse(&"A".repeat(25)).is_ok());
    }

    #[test]
    fn pon_rejects_bad_input() {
        assert_eq!(Pon::parse("  "), Err(PonError::Empty));
        assert!(matches!(
            Pon::parse(&"A".repeat(26)),
            Err(PonError::TooLong { len: 26, .. })
        ));
        assert!(matches!(
            Pon::parse("ABC 123"),
            Err(PonError::BadCharacter { found: ' ', .. })
        ));
        assert!(matches!(
            Pon::parse("ATT-011515-324234%$"),
            Err(PonError::BadCharacter { found: '%', .. })
        ));
        assert!(matches!(
            Pon::parse("PÖN"),
            Err(PonError::BadCharacter { .. })
        ));
    }
}
