//! `Tn`: a telephone number that is always a structurally valid 10-digit NANP number.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A 10-digit NANP telephone number (NPA-NXX-XXXX). Construct it with [`Tn::parse`]; once built
/// it is valid: NPA and NXX start with 2–9 and neither is an N11 service code.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tn(u64);

/// Why a string is not a telephone number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TnError {
    #[error("telephone number is empty")]
    Empty,
    #[error(
        "telephone number `{input}` contains `{found}`; only digits, spaces, dots, dashes, parentheses and a leading + are allowed"
    )]
    BadCharacter { input: String, found: char },
    #[error("telephone number `{input}` has {digits} digits; expected 10, or 11 starting with 1")]
    WrongLength { input: String, digits: usize },
    #[error("telephone number `{input}` has 11 digits but does not start with country code 1")]
    NotNanp { input: String },
    #[error("telephone number `{input}`: area code (NPA) {npa} cannot start with {first}")]
    BadNpa {
        input: String,
        npa: String,
        first: char,
    },
    #[error("telephone number `{input}`: exchange (NXX) {nxx} cannot start with {first}")]
    BadNxx {
        input: String,
        nxx: String,
        first: char,
    },
    #[error("telephone number `{input}`: {code} is an N11 service code, not an area code")]
    N11Npa { input: String, code: String },
    #[error("telephone number `{input}`: exchange {code} is an N11 service code")]
    N11Nxx { input: String, code: String },
}

/// Toll-free NPAs (8YY in service); they port through RespOrg, never an LSR.
const TOLL_FREE_NPAS: [u16; 7] = [800, 833, 844, 855, 866, 877, 888];

impl Tn {
    /// Parses the common ways people write a NANP number: `9195551234`, `19195551234`,
    /// `+1 919 555 1234`, `(919) 555-1234`, `919.555.1234`.
    pub fn parse(input: &str) -> Result<Tn, TnError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(TnError::Empty);
        }
        let mut digits = [0u8; 11];
        let mut count = 0usize;
        let mut plus = false;
        for (i, c) in trimmed.char_indices() {
            match c {
                '0'..='9' => {
                    if count < digits.len() {
                        digits[count] = c as u8 - b'0';
                    }
                    count += 1;
                }
                ' ' | '.' | '-' | '(' | ')' | '\t' => {}
                '+' if i == 0 => plus = true,
                other => {
                    return Err(TnError::BadCharacter {
                        input: trimmed.to_string(),
                        found: other,
                    });
                }
            }
        }
        let ten: &[u8] = match count {
            10 if !plus => &digits[..10],
            11 if digits[0] == 1 => &digits[1..11],
            11 => {
                return Err(TnError::NotNanp {
                    input: trimmed.to_string(),
                });
            }
            n => {
                return Err(TnError::WrongLength {
                    input: trimmed.to_string(),
                    digits: n,
                });
            }
        };
        let text = |range: std::ops::Range<usize>| -> String {
            ten[range].iter().map(|d| char::from(b'0' + d)).collect()
        };
        if ten[0] < 2 {
            return Err(TnError::BadNpa {
                input: trimmed.to_string(),
                npa: text(0..3),
                first: char::from(b'0' + ten[0]),
            });
        }
        if ten[1] == 1 && ten[2] == 1 {
            return Err(TnError::N11Npa {
                input: trimmed.to_string(),
                code: text(0..3),
            });
        }
        if ten[3] < 2 {
            return Err(TnError::BadNxx {
                input: trimmed.to_string(),
                nxx: text(3..6),
                first: char::from(b'0' + ten[3]),
            });
        }
        if ten[4] == 1 && ten[5] == 1 {
            return Err(TnError::N11Nxx {
                input: trimmed.to_string(),
                code: text(3..6),
            });
        }
        let value = ten.iter().fold(0u64, |acc, d| acc * 10 + u64::from(*d));
        Ok(Tn(value))
    }

    /// The area code.
    pub fn npa(self) -> u16 {
        // Invariant: a Tn holds at most 10 digits, so the quotient fits in three digits.
        (self.0 / 10_000_000) as u16
    }

    /// The exchange (central office code).
    pub fn nxx(self) -> u16 {
        ((self.0 / 10_000) % 1000) as u16
    }

    /// The line number: the last four digits.
    pub fn line(self) -> u16 {
        (self.0 % 10_000) as u16
    }

    /// Toll-free numbers (8YY) cannot be ported out by LSR (Bandwidth code 17005).
    pub fn is_toll_free(self) -> bool {
        TOLL_FREE_NPAS.contains(&self.npa())
    }

    /// Non-geographic service NPAs other than toll-free: 5XX personal services (500, 52X, 533 …),
    /// 600/622, 700, 710, 900, 456, and unassigned N9X expansion codes. Such numbers rarely port
    /// through an LSR; validation warns rather than rejects.
    pub fn is_non_geographic(self) -> bool {
        let npa = self.npa();
        let second = (npa / 10) % 10;
        let third = npa % 10;
        // 5XX with repeated digits (500, 533, 544, 566, 577, 588) and 52X are personal services.
        let personal = npa == 500 || (npa / 10 == 52) || (npa / 100 == 5 && second == third);
        personal
            || matches!(npa, 456 | 600 | 622 | 700 | 710 | 900)
            || (second == 9 && !self.is_toll_free())
    }

    /// 555 exchange numbers are mostly fictional (555-0100…0199) or special services.
    pub fn is_555(self) -> bool {
        self.nxx() == 555
    }

    /// The ten digits, e.g. `9195551234`.
    pub fn digits(self) -> String {
        format!("{:010}", self.0)
    }

    /// E.164 form, `+19195551234` (Bandwidth's v2 API uses it).
    pub fn e164(self) -> String {
        format!("+1{:010}", self.0)
    }

    /// Human form, `919-555-1234`.
    pub fn dashed(self) -> String {
        let d = self.digits();
        format!("{}-{}-{}", &d[0..3], &d[3..6], &d[6..10])
    }

    /// The number as an integer (for compact storage and indexing).
    pub fn as_u64(self) -> u64 {
        self.0
    }
}

impl fmt::Display for Tn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:010}", self.0)
    }
}

impl fmt::Debug for Tn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Tn({:010})", self.0)
    }
}

impl FromStr for Tn {
    type Err = TnError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Tn::parse(s)
    }
}

/// In JSON a TN is its ten digits (`9195550100`).
impl schemars::JsonSchema for Tn {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Tn".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[2-9][0-9]{2}[2-9][0-9]{6}$",
            "description": "A telephone number: its ten digits."
        })
    }
}

impl Serialize for Tn {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Tn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Tn::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn tn_accepts_common_formats() {
        for input in [
            "9195551234",
            "19195551234",
            "+19195551234",
            "+1 919 555 1234",
            "(919) 555-1234",
            "919.555.1234",
            "1-919-555-1234",
            "  919 555 1234  ",
        ] {
            assert_eq!(Tn::parse(input).unwrap().digits(), "9195551234", "{input}");
        }
    }

    #[test]
    fn tn_rejects_bad_structure() {
        assert_eq!(Tn::parse(""), Err(TnError::Empty));
        assert!(matches!(
            Tn::parse("919555123"),
            Err(TnError::WrongLength { digits: 9, .. })
        ));
        assert!(matches!(
            Tn::parse("919555123456"),
            Err(TnError::WrongLength { .. })
        ));
        assert!(matches!(
            Tn::parse("29195551234"),
            Err(TnError::NotNanp { .. })
        ));
        assert!(matches!(
            Tn::parse("+9195551234"),
            Err(TnError::WrongLength { .. })
        ));
        assert!(matches!(
            Tn::parse("1195551234"),
            Err(TnError::BadNpa { .. })
        ));
        assert!(matches!(
            Tn::parse("0195551234"),
            Err(TnError::BadNpa { .. })
        ));
        assert!(matches!(
            Tn::parse("9191551234"),
            Err(TnError::BadNxx { .. })
        ));
        assert!(matches!(
            Tn::parse("9190551234"),
            Err(TnError::BadNxx { .. })
        ));
        assert!(matches!(
            Tn::parse("9115551234"),
            Err(TnError::N11Npa { .. })
        ));
        assert!(matches!(
            Tn::parse("9199115551"),
            Err(TnError::N11Nxx { .. })
        ));
        assert!(matches!(
            Tn::parse("919x551234"),
            Err(TnError::BadCharacter { found: 'x', .. })
        ));
        assert!(matches!(
            Tn::parse("919+5551234"),
            Err(TnError::BadCharacter { found: '+', .. })
        ));
    }

    #[test]
    fn tn_parts_and_classes() {
        let tn = Tn::parse("8005551234").unwrap();
        assert_eq!((tn.npa(), tn.nxx(), tn.line()), (800, 555, 1234));
        assert!(tn.is_toll_free());
        assert!(tn.is_555());
        assert!(!tn.is_non_geographic());
        assert!(Tn::parse("9005551234").unwrap().is_non_geographic());
        assert!(Tn::parse("5005551234").unwrap().is_non_geographic());
        assert!(Tn::parse("7005551234").unwrap().is_non_geographic());
        assert!(!Tn::parse("9195551234").unwrap().is_non_geographic());
        assert_eq!(Tn::parse("2025550123").unwrap().dashed(), "202-555-0123");
        assert_eq!(Tn::parse("2025550123").unwrap().e164(), "+12025550123");
    }

    proptest! {
        #[test]
        fn tn_parse_never_panics(input in ".{0,40}") {
            let _ = Tn::parse(&input);
        }

        #[test]
        fn tn_round_trips(npa in 200u64..1000, nxx in 200u64..1000, line in 0u64..10000) {
            let text = format!("{npa:03}{nxx:03}{line:04}");
            match Tn::parse(&text) {
                Ok(tn) => {
                    prop_assert_eq!(tn.digits(), text.clone());
                    prop_assert_eq!(Tn::parse(&tn.e164()).unwrap(), tn);
                    prop_assert_eq!(Tn::parse(&tn.dashed()).unwrap(), tn);
                }
                Err(_) => prop_assert!(npa % 100 == 11 || nxx % 100 == 11),
            }
        }
    }
}
