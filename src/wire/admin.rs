//! The sandbox's `/sandbox/` admin API as data: its paths, the JSON bodies `lsr sandbox … --url`
//! sends and the views the server answers with (shared by the client and the sandbox).

use serde::{Deserialize, Serialize};

/// The admin endpoints (loopback only), relative to the server's root.
pub mod path {
    pub const CLOCK: &str = "/sandbox/clock";
    pub const CLOCK_SET: &str = "/sandbox/clock/set";
    pub const CLOCK_ADVANCE: &str = "/sandbox/clock/advance";
    pub const NPAC_SUBSCRIBE: &str = "/sandbox/npac/subscribe";
    pub const NPAC_ACTIVATE: &str = "/sandbox/npac/activate";
    pub const INVENTORY: &str = "/sandbox/inventory";
    pub const FAULTS: &str = "/sandbox/faults";
    pub const RESET: &str = "/sandbox/reset";
}

/// `POST /sandbox/clock/set`: an RFC 3339 instant or a `YYYY-MM-DD` date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ClockSet {
    pub time: String,
}

/// `POST /sandbox/clock/advance`: a duration such as `6h` or `1d12h`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ClockAdvance {
    pub duration: String,
}

/// `POST /sandbox/npac/subscribe` and `…/activate`: an order id or a PON unique in the sandbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NpacRequest {
    pub order: String,
    /// Only for `subscribe`: the gaining carrier supports medium timers (R2).
    #[serde(default)]
    pub medium_timers: bool,
}

/// `POST /sandbox/inventory`: a TN and its behaviour in text form (see [`Behaviour::parse`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InventoryAdd {
    pub tn: String,
    pub behaviour: String,
    #[serde(default)]
    pub pin: Option<String>,
}

/// The clock as `GET /sandbox/clock` shows it.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ClockView {
    pub now: String,
    pub today: String,
    pub offset_ms: i64,
}

/// An order as the NPAC admin endpoints show it.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NpacView {
    pub order_id: String,
    pub pon: String,
    pub status: String,
    pub actual_foc_date: Option<String>,
    pub concurrence_due: Option<String>,
    pub concurred_at: Option<String>,
}

/// The inventory as `GET /sandbox/inventory` shows it.
#[derive(Debug, Clone, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InventoryView {
    pub line_table: Vec<(String, String)>,
    pub entries: Vec<InventoryEntry>,
}

/// An inventory entry: a TN with explicit behaviour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InventoryEntry {
    pub tn: String,
    #[serde(flatten)]
    pub behaviour: Behaviour,
}

/// The answer to `POST /sandbox/reset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ResetView {
    pub reset: bool,
}

/// The body of every refused admin request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AdminErrorBody {
    pub error: String,
}

/// What the losing side does with one TN: its line rule, or an explicit inventory entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case", tag = "behaviour")]
pub enum Behaviour {
    /// Ports normally: FOC on the requested date.
    Foc,
    /// Another carrier already holds a pending FOC (17008).
    OtherCarrier,
    /// Not a Bandwidth TN (7516).
    NotOurs,
    /// Disconnected or in the inventory pool (7518, R10).
    Disconnected,
    /// The reseller wants one TN per request (7517, R5).
    OneTnOnly,
    /// The end user has a port-out PIN (7512/7513).
    Pin { pin: String },
    /// Needs manual handling (7521, R6).
    Manual,
}

impl Behaviour {
    /// Parses an inventory behaviour name (as in `lsr sandbox inventory add --behaviour`).
    pub fn parse(name: &str, pin: Option<&str>) -> Result<Behaviour, String> {
        let behaviour = match name.trim().to_ascii_lowercase().as_str() {
            "foc" => Behaviour::Foc,
            "other-carrier" => Behaviour::OtherCarrier,
            "not-ours" => Behaviour::NotOurs,
            "disconnected" => Behaviour::Disconnected,
            "one-tn-only" => Behaviour::OneTnOnly,
            "manual" => Behaviour::Manual,
            "pin" => match pin {
                Some(pin) if !pin.trim().is_empty() => Behaviour::Pin {
                    pin: pin.trim().to_string(),
                },
                _ => return Err("behaviour `pin` needs --pin".to_string()),
            },
            other => {
                return Err(format!(
                    "unknown behaviour `{other}`; expected one of foc, not-ours, disconnected, \
                     one-tn-only, pin, manual, other-carrier"
                ));
            }
        };
        Ok(behaviour)
    }

    pub fn name(&self) -> &'static str {
        match self {
            Behaviour::Foc => "foc",
            Behaviour::OtherCarrier => "other-carrier",
            Behaviour::NotOurs => "not-ours",
            Behaviour::Disconnected => "disconnected",
            Behaviour::OneTnOnly => "one-tn-only",
            Behaviour::Pin { .. } => "pin",
            Behaviour::Manual => "manual",
        }
    }
}

/// Injected faults for reliability tests.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Faults {
    /// Added latency per API request, in milliseconds.
    #[serde(default)]
    pub latency_ms: u64,
    /// Share of API requests answered 503 (0.0–1.0).
    #[serde(default)]
    pub error_rate: f64,
    /// Share of order creations stored and then dropped before any answer (0.0–1.0).
    #[serde(default)]
    pub drop_after_commit: f64,
    /// API requests answered per second and account; beyond it, 429 with `Retry-After`, as
    /// Bandwidth answers (0: no limit).
    #[serde(default)]
    pub rate_limit: u32,
}

/// The faults as the `/sandbox/faults` endpoints answer: the settings, and how many requests
/// the running server answered 429 for the rate limit since it started (absent where no
/// server runs: `lsr sandbox faults` on the embedded store).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FaultsView {
    #[serde(flatten)]
    pub faults: Faults,
    /// 429s the running server answered for the rate limit since it started (absent without
    /// a server).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limited: Option<u64>,
}

impl Faults {
    pub fn is_clear(&self) -> bool {
        *self == Faults::default()
    }

    /// These faults with the values that are given replaced (`faults set` changes only those).
    pub fn with(
        &self,
        latency_ms: Option<u64>,
        error_rate: Option<f64>,
        drop_after_commit: Option<f64>,
        rate_limit: Option<u32>,
    ) -> Faults {
        Faults {
            latency_ms: latency_ms.unwrap_or(self.latency_ms),
            error_rate: error_rate.unwrap_or(self.error_rate),
            drop_after_commit: drop_after_commit.unwrap_or(self.drop_after_commit),
            rate_limit: rate_limit.unwrap_or(self.rate_limit),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn inventory_entries_flatten_their_behaviour() {
        let entry = InventoryEntry {
            tn: "9195554321".into(),
            behaviour: Behaviour::Pin { pin: "4321".into() },
        };
        let json = serde_json::to_string(&entry).unwrap();
        assert_eq!(
            json,
            r#"{"tn":"9195554321","behaviour":"pin","pin":"4321"}"#
        );
        assert_eq!(
            serde_json::from_str::<InventoryEntry>(&json).unwrap(),
            entry
        );
        let other: InventoryEntry =
            serde_json::from_str(r#"{"tn":"1","behaviour":"other-carrier"}"#).unwrap();
        assert_eq!(other.behaviour, Behaviour::OtherCarrier);
    }

    #[test]
    fn behaviour_names_parse_back() {
        for b in [
            Behaviour::Foc,
            Behaviour::OtherCarrier,
            Behaviour::NotOurs,
            Behaviour::Disconnected,
            Behaviour::OneTnOnly,
            Behaviour::Manual,
        ] {
            assert_eq!(Behaviour::parse(b.name(), None).unwrap(), b);
        }
        assert_eq!(
            Behaviour::parse(" PIN ", Some(" 12 ")).unwrap(),
            Behaviour::Pin { pin: "12".into() }
        );
        assert!(Behaviour::parse("pin", None).is_err());
        assert!(Behaviour::parse("later", None).is_err());
    }

    #[test]
    fn faults_read_with_defaults_and_merge_given_values() {
        let faults: Faults = serde_json::from_str(r#"{"error_rate":0.5}"#).unwrap();
        assert_eq!(faults.error_rate, 0.5);
        assert!(!faults.is_clear());
        assert!(Faults::default().is_clear());
        let merged = faults.with(Some(200), None, Some(0.1), Some(20));
        assert_eq!(
            merged,
            Faults {
                latency_ms: 200,
                error_rate: 0.5,
                drop_after_commit: 0.1,
                rate_limit: 20,
            }
        );
        assert_eq!(merged.with(None, None, None, Some(0)).rate_limit, 0);
        // The view flattens the faults; the count is absent where no server runs.
        let view = FaultsView {
            faults: merged,
            rate_limited: None,
        };
        let json = serde_json::to_string(&view).unwrap();
        assert!(json.contains(r#""rate_limit":20"#) && !json.contains("rate_limited"));
        let counted: FaultsView =
            serde_json::from_str(r#"{"rate_limit":5,"rate_limited":12}"#).unwrap();
        assert_eq!(
            (counted.faults.rate_limit, counted.rate_limited),
            (5, Some(12))
        );
    }

    #[test]
    fn npac_requests_default_to_long_timers() {
        let r: NpacRequest = serde_json::from_str(r#"{"order":"A"}"#).unwrap();
        assert!(!r.medium_timers);
        let add: InventoryAdd =
            serde_json::from_str(r#"{"tn":"1","behaviour":"foc","pin":null}"#).unwrap();
        assert_eq!(add.pin, None);
    }
}
