//! The sandbox's lifecycle rules (docs/sandbox.md): what the losing side does with an order's TNs
//! (the TN-line table), the FOC date it confirms, and the NPAC timers. Pure: the store feeds it
//! data and writes the outcome.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::clock::{HOUR_MS, Millis, date_of, start_of};
use crate::model::Tn;
use crate::validate::{BusinessCalendar, codes};

/// How long an agent takes to handle a 7521 order by hand (R6).
pub const MANUAL_HANDLING_MS: Millis = 24 * HOUR_MS;
/// Concurrence delay when the gaining carrier supports medium timers (R2).
pub const MEDIUM_TIMER_MS: Millis = 6 * HOUR_MS;
/// The long (default) NPAC timers: 18 hours counted only on business days.
pub const LONG_TIMER_BUSINESS_HOURS: u32 = 18;
/// How far out the simulated other carrier's FOC is (5000–5999 lines).
pub const OTHER_CARRIER_FOC_BUSINESS_DAYS: u32 = 5;

/// What the losing side does with one TN: its line rule, or an explicit inventory entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

/// The TN-line table of docs/sandbox.md, as printed by `lsr sandbox inventory`.
pub const LINE_TABLE: [(&str, &str); 8] = [
    (
        "any TN with a pending FOC on another open order",
        "FAILED, 17008 (R4 text)",
    ),
    (
        "5000-5999",
        "another carrier holds a pending FOC (PON OTHERCO-<line>, FOC 5 business days out): FAILED, 17008",
    ),
    ("9000-9999", "not a Bandwidth TN: CANCELLED, 7516"),
    (
        "3000-3999",
        "disconnected / in the inventory pool: CANCELLED, 7518 (R10)",
    ),
    (
        "1000-1999",
        "reseller requires one TN per request: CANCELLED, 7517 when the order has more than one TN (R5)",
    ),
    (
        "4000-4999",
        "port-out PIN = the TN's last four digits: missing -> EXCEPTION 7512, wrong -> EXCEPTION 7513; a supp with the right PIN moves it on",
    ),
    (
        "2000-2999",
        "manual handling: stays PENDING with notice 7521; 24 hours later an agent sets the FOC (R6)",
    ),
    (
        "anything else",
        "FOC on the requested date (or the next business day)",
    ),
];

impl Behaviour {
    /// The behaviour of a TN by its line (last four digits).
    pub fn for_line(tn: Tn) -> Behaviour {
        match tn.line() {
            5000..=5999 => Behaviour::OtherCarrier,
            9000..=9999 => Behaviour::NotOurs,
            3000..=3999 => Behaviour::Disconnected,
            1000..=1999 => Behaviour::OneTnOnly,
            4000..=4999 => Behaviour::Pin {
                pin: format!("{:04}", tn.line()),
            },
            2000..=2999 => Behaviour::Manual,
            _ => Behaviour::Foc,
        }
    }

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

/// A TN that already has a pending FOC on another open order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingFocHit {
    pub tn: Tn,
    pub pon: String,
    pub foc_date: NaiveDate,
}

/// What processing does with an order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Failed {
        code: u32,
        description: String,
    },
    Cancelled {
        code: u32,
        description: String,
    },
    Exception {
        code: u32,
        description: String,
    },
    /// Stays PENDING with notice 7521; an agent sets the FOC 24 hours later (R6).
    ManualHandling,
    Foc {
        date: NaiveDate,
    },
}

/// Bandwidth's text for a code the engine attaches, from the code catalog.
pub fn code_text(code: u32) -> &'static str {
    codes::by_code(code)
        .and_then(|entry| entry.bandwidth_text)
        .unwrap_or(match code {
            17036 => "LSR order completion failed, all numbers are not activated.",
            _ => "Lsr order error",
        })
}

/// Bandwidth's text for a code with its `%s` placeholders filled in order.
pub fn code_text_with(code: u32, values: &[&str]) -> String {
    let mut text = code_text(code).to_string();
    for value in values {
        if let Some(at) = text.find("%s") {
            text.replace_range(at..at + 2, value);
        }
    }
    text
}

/// The R4 text of a 17008 rejection.
pub fn pending_foc_text(hit: &PendingFocHit) -> String {
    codes::pending_foc_message(hit.tn, &hit.pon, hit.foc_date)
}

/// The FOC date the losing side confirms: the requested date when it is a business day not in
/// the past, the next business day on or after it otherwise, and the next business day after
/// `today` when none was requested.
pub fn confirmed_foc_date(
    requested: Option<NaiveDate>,
    today: NaiveDate,
    calendar: &BusinessCalendar,
) -> NaiveDate {
    match requested {
        Some(date) if date > today => calendar.this_or_next_business_day(date),
        _ => calendar.next_business_day(today),
    }
}

/// Applies the TN-line table: the first line (in table order) that matches one of the TNs wins.
pub fn decide(
    tns: &[(Tn, Behaviour)],
    pin: Option<&str>,
    pending: Option<&PendingFocHit>,
    requested: Option<NaiveDate>,
    today: NaiveDate,
    calendar: &BusinessCalendar,
) -> Decision {
    if let Some(hit) = pending {
        return Decision::Failed {
            code: 17008,
            description: pending_foc_text(hit),
        };
    }
    let first = |wanted: &dyn Fn(&Behaviour) -> bool| tns.iter().find(|(_, b)| wanted(b));
    if let Some((tn, _)) = first(&|b| *b == Behaviour::OtherCarrier) {
        let hit = PendingFocHit {
            tn: *tn,
            pon: format!("OTHERCO-{:04}", tn.line()),
            foc_date: calendar.add_business_days(today, OTHER_CARRIER_FOC_BUSINESS_DAYS),
        };
        return Decision::Failed {
            code: 17008,
            description: pending_foc_text(&hit),
        };
    }
    for (wanted, code) in [(Behaviour::NotOurs, 7516), (Behaviour::Disconnected, 7518)] {
        if first(&|b| *b == wanted).is_some() {
            return Decision::Cancelled {
                code,
                description: code_text(code).to_string(),
            };
        }
    }
    if tns.len() > 1 && first(&|b| *b == Behaviour::OneTnOnly).is_some() {
        return Decision::Cancelled {
            code: 7517,
            description: code_text(7517).to_string(),
        };
    }
    let given_pin = pin.map(str::trim).filter(|p| !p.is_empty());
    for (_, behaviour) in tns {
        if let Behaviour::Pin { pin: expected } = behaviour {
            let code = match given_pin {
                None => 7512,
                Some(given) if given != expected => 7513,
                Some(_) => continue,
            };
            return Decision::Exception {
                code,
                description: code_text(code).to_string(),
            };
        }
    }
    if first(&|b| *b == Behaviour::Manual).is_some() {
        return Decision::ManualHandling;
    }
    Decision::Foc {
        date: confirmed_foc_date(requested, today, calendar),
    }
}

/// When concurrence arrives for subscriptions built at `subscribed_at`: 6 hours later with medium
/// timers (R2), otherwise after 18 hours that fall on business days (the long timers).
pub fn concurrence_due(
    subscribed_at: Millis,
    medium_timers: bool,
    calendar: &BusinessCalendar,
) -> Millis {
    if medium_timers {
        return subscribed_at + MEDIUM_TIMER_MS;
    }
    let mut at = subscribed_at;
    let mut counted = 0;
    while counted < LONG_TIMER_BUSINESS_HOURS {
        let day = date_of(at);
        if calendar.is_business_day(day) {
            at += HOUR_MS;
            counted += 1;
        } else {
            at = start_of(calendar.next_business_day(day));
        }
    }
    at
}

/// The instant an order in FOC fails when not activated (R1): the start of the day after the
/// window's last day; `None` when the FOC date cannot start a window.
pub fn foc_window_expiry(foc_date: NaiveDate, calendar: &BusinessCalendar) -> Option<Millis> {
    let window = calendar.foc_window(foc_date).ok()?;
    window.last_day().succ_opt().map(start_of)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn tn(text: &str) -> Tn {
        Tn::parse(text).unwrap()
    }

    fn decide_lines(lines: &[&str], pin: Option<&str>) -> Decision {
        let tns: Vec<_> = lines
            .iter()
            .map(|l| {
                let t = tn(&format!("919555{l}"));
                (t, Behaviour::for_line(t))
            })
            .collect();
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        decide(&tns, pin, None, None, today, &BusinessCalendar::us_npac())
    }

    #[test]
    fn line_table_first_match_wins() {
        assert!(matches!(
            decide_lines(&["5001", "9001"], None),
            Decision::Failed { code: 17008, .. }
        ));
        assert!(matches!(
            decide_lines(&["9001", "3001"], None),
            Decision::Cancelled { code: 7516, .. }
        ));
        assert!(matches!(
            decide_lines(&["3001"], None),
            Decision::Cancelled { code: 7518, .. }
        ));
        assert!(matches!(
            decide_lines(&["1001", "0100"], None),
            Decision::Cancelled { code: 7517, .. }
        ));
        assert!(matches!(
            decide_lines(&["1001"], None),
            Decision::Foc { .. }
        ));
        assert!(matches!(
            decide_lines(&["4321"], None),
            Decision::Exception { code: 7512, .. }
        ));
        assert!(matches!(
            decide_lines(&["4321"], Some("1234")),
            Decision::Exception { code: 7513, .. }
        ));
        assert!(matches!(
            decide_lines(&["4321"], Some("4321")),
            Decision::Foc { .. }
        ));
        assert_eq!(decide_lines(&["2001"], None), Decision::ManualHandling);
        assert_eq!(
            decide_lines(&["0100"], None),
            Decision::Foc {
                date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
            }
        );
    }

    #[test]
    fn other_carrier_text_follows_r4() {
        let Decision::Failed { description, .. } = decide_lines(&["5123"], None) else {
            unreachable!()
        };
        assert_eq!(
            description,
            "TNs found with a pending FOC Date: TN: [9195555123], PON: [OTHERCO-5123], FOC Date: [12/07/2026]"
        );
    }

    #[test]
    fn long_timers_skip_weekends() {
        let cal = BusinessCalendar::us_npac();
        // Friday 2026-12-04 12:00 UTC: 12 hours on Friday, then 6 on Monday.
        let friday_noon = start_of(NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()) + 12 * HOUR_MS;
        let due = concurrence_due(friday_noon, false, &cal);
        let monday = start_of(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap());
        assert_eq!(due, monday + 6 * HOUR_MS);
        assert_eq!(
            concurrence_due(friday_noon, true, &cal),
            friday_noon + 6 * HOUR_MS
        );
    }
}
