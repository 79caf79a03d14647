//! The losing side's processing: the TN-line table (docs/sandbox.md), what it decides for an
//! order's TNs, and how that decision changes the order.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::super::clock::{Millis, date_of};
use super::super::order::{HistoryEntry, OrderError, Stage, StoredOrder};
use super::{Behaviour, OTHER_CARRIER_FOC_BUSINESS_DAYS, SYSTEM_USER, code_text};
use super::{coded, confirmed_foc_date, history, set_foc, settle};
use crate::model::{OrderStatus, Tn};
use crate::validate::{BusinessCalendar, codes};

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

/// The behaviour of a TN by its line (last four digits), when the inventory names none.
pub fn line_behaviour(tn: Tn) -> Behaviour {
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

/// A TN that already has a pending FOC on another open order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingFocHit {
    pub tn: Tn,
    pub pon: String,
    pub foc_date: NaiveDate,
}

/// What processing needs to know about an order's TNs: their entries and PINs and other orders.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineFacts {
    /// Every TN of the order with its explicit inventory entry, if it has one.
    pub tns: Vec<(Tn, Option<Behaviour>)>,
    /// Every TN that has a pending FOC on another open order.
    pub pending: Vec<PendingFocHit>,
    /// How the end user's PIN compared with the TNs' port-out PINs.
    pub pin: PinCheck,
}

/// What the sandbox keeps of an order's end-user PIN: never the PIN itself, only which TNs'
/// port-out PINs it matched when the order (or the supp that sent it) arrived.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PinCheck {
    /// No PIN was sent.
    #[default]
    Missing,
    /// A PIN was sent; it matched the port-out PIN of these TNs (digits).
    Given { matched: Vec<String> },
}

impl PinCheck {
    /// Compares `pin` with the port-out PIN of each TN that has one (its inventory entry, else
    /// its line's rule), at the time it is sent.
    pub fn of(pin: Option<&str>, tns: &[(Tn, Option<Behaviour>)]) -> PinCheck {
        let Some(given) = pin.map(str::trim).filter(|p| !p.is_empty()) else {
            return PinCheck::Missing;
        };
        let matched = tns
            .iter()
            .filter(|(tn, explicit)| {
                let behaviour = explicit.clone().unwrap_or_else(|| line_behaviour(*tn));
                matches!(behaviour, Behaviour::Pin { pin } if pin == given)
            })
            .map(|(tn, _)| tn.digits())
            .collect();
        PinCheck::Given { matched }
    }

    /// The code a TN with a port-out PIN gets: 7512 without a PIN, 7513 when it did not match.
    fn refusal_for(&self, tn: Tn) -> Option<u32> {
        match self {
            PinCheck::Missing => Some(7512),
            PinCheck::Given { matched } if !matched.contains(&tn.digits()) => Some(7513),
            PinCheck::Given { .. } => None,
        }
    }
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

/// The R4 text of a 17008 rejection, naming every conflicting TN.
pub fn pending_foc_text(hits: &[PendingFocHit]) -> String {
    let all: Vec<_> = hits
        .iter()
        .map(|h| (h.tn, h.pon.clone(), h.foc_date))
        .collect();
    codes::pending_foc_message_all(&all)
}

/// Applies the TN-line table: the first line (in table order) that matches one of the TNs wins.
pub fn decide(
    tns: &[(Tn, Behaviour)],
    pin: &PinCheck,
    pending: &[PendingFocHit],
    requested: Option<NaiveDate>,
    today: NaiveDate,
    calendar: &BusinessCalendar,
) -> Decision {
    // R4: every TN with a pending FOC, ours or the simulated other carrier's, in one 17008.
    let mut hits: Vec<PendingFocHit> = pending.to_vec();
    for (tn, behaviour) in tns {
        if *behaviour == Behaviour::OtherCarrier && !hits.iter().any(|h| h.tn == *tn) {
            hits.push(PendingFocHit {
                tn: *tn,
                pon: format!("OTHERCO-{:04}", tn.line()),
                foc_date: calendar.add_business_days(today, OTHER_CARRIER_FOC_BUSINESS_DAYS),
            });
        }
    }
    if !hits.is_empty() {
        return Decision::Failed {
            code: 17008,
            description: pending_foc_text(&hits),
        };
    }
    let first = |wanted: &dyn Fn(&Behaviour) -> bool| tns.iter().find(|(_, b)| wanted(b));
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
    for (tn, behaviour) in tns {
        if let Behaviour::Pin { .. } = behaviour
            && let Some(code) = pin.refusal_for(*tn)
        {
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

/// The losing side processes a received order at `at`: the table decides, and the order moves
/// to FOC, stays PENDING for manual handling, or ends FAILED, CANCELLED or in EXCEPTION.
pub fn process(
    order: &mut StoredOrder,
    facts: &LineFacts,
    at: Millis,
    calendar: &BusinessCalendar,
) -> HistoryEntry {
    let tns: Vec<(Tn, Behaviour)> = facts
        .tns
        .iter()
        .map(|(tn, explicit)| (*tn, explicit.clone().unwrap_or_else(|| line_behaviour(*tn))))
        .collect();
    let decision = decide(
        &tns,
        &facts.pin,
        &facts.pending,
        order.requested_foc,
        date_of(at),
        calendar,
    );
    let (status, note, error) = match decision {
        Decision::Foc { date } => return set_foc(order, date, at),
        Decision::ManualHandling => (
            OrderStatus::Pending,
            "LSR needs manual handling; an agent will update it within 24 hours",
            coded(7521),
        ),
        Decision::Failed { code, description } => (
            OrderStatus::Failed,
            "LSR has failed",
            OrderError { code, description },
        ),
        Decision::Cancelled { code, description } => (
            OrderStatus::Cancelled,
            "LSR has been cancelled by the losing carrier",
            OrderError { code, description },
        ),
        Decision::Exception { code, description } => (
            OrderStatus::Exception,
            "LSR is in exception: supp the order with the requested information",
            OrderError { code, description },
        ),
    };
    settle(order, status, at, SYSTEM_USER);
    if status == OrderStatus::Pending {
        // 7521: still PENDING; an agent sets the FOC 24 hours later (R6).
        order.stage = Stage::ManualHandling;
        order.stage_since = at;
    }
    let note = format!("{note}: {} {}", error.code, error.description);
    order.errors = vec![error];
    history(order, at, note, SYSTEM_USER, None)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::super::tests::{NOON, day, received, tn};
    use super::*;

    fn decide_lines(lines: &[&str], pin: Option<&str>) -> Decision {
        let tns: Vec<_> = lines
            .iter()
            .map(|l| {
                let t = tn(&format!("919555{l}"));
                (t, line_behaviour(t))
            })
            .collect();
        let explicit: Vec<_> = tns.iter().map(|(t, _)| (*t, None)).collect();
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let pin = PinCheck::of(pin, &explicit);
        decide(&tns, &pin, &[], None, today, &BusinessCalendar::us_npac())
    }

    #[test]
    fn the_pin_check_keeps_which_tns_matched_not_the_pin() {
        let lines = [(tn("9195554321"), None), (tn("9195550100"), None)];
        assert_eq!(PinCheck::of(None, &lines), PinCheck::Missing);
        assert_eq!(PinCheck::of(Some("  "), &lines), PinCheck::Missing);
        let right = PinCheck::of(Some(" 4321 "), &lines);
        assert_eq!(
            right,
            PinCheck::Given {
                matched: vec!["9195554321".into()]
            }
        );
        assert!(!format!("{right:?}").contains("\"4321\""));
        let explicit = [(tn("9195550100"), Some(Behaviour::Pin { pin: "77".into() }))];
        assert_eq!(
            PinCheck::of(Some("77"), &explicit),
            PinCheck::Given {
                matched: vec!["9195550100".into()]
            }
        );
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

    fn facts(lines: &[&str]) -> LineFacts {
        LineFacts {
            tns: lines
                .iter()
                .map(|l| (tn(&format!("919555{l}")), None))
                .collect(),
            pending: Vec::new(),
            pin: PinCheck::Missing,
        }
    }

    #[test]
    fn processing_a_plain_line_sets_the_foc() {
        let cal = BusinessCalendar::us_npac();
        let mut order = received(&["0100"]);
        order.requested_foc = None;
        let entry = process(&mut order, &facts(&["0100"]), NOON, &cal);
        assert_eq!(order.status, OrderStatus::Foc);
        assert_eq!(order.actual_foc, Some(day(12, 1)));
        assert_eq!(order.stage, Stage::Settled);
        assert_eq!(order.modified_by, SYSTEM_USER);
        assert_eq!(entry.note, "Port-out date has been set");
        assert_eq!(
            entry.difference.as_deref(),
            Some("ActualFocDate : \"\" --> 2026-12-01")
        );
    }

    #[test]
    fn processing_records_the_refusal_code_in_errors_and_history() {
        let cal = BusinessCalendar::us_npac();
        let mut order = received(&["9001"]);
        let entry = process(&mut order, &facts(&["9001"]), NOON, &cal);
        assert_eq!(order.status, OrderStatus::Cancelled);
        assert_eq!(order.errors.len(), 1);
        assert_eq!(order.errors[0].code, 7516);
        assert!(
            entry
                .note
                .starts_with("LSR has been cancelled by the losing carrier: 7516 ")
        );
        assert_eq!(entry.status, OrderStatus::Cancelled);
        assert_eq!(entry.author.as_deref(), Some(SYSTEM_USER));
    }

    #[test]
    fn manual_lines_stay_pending_with_7521() {
        let cal = BusinessCalendar::us_npac();
        let mut order = received(&["2001"]);
        process(&mut order, &facts(&["2001"]), NOON + 5, &cal);
        assert_eq!(order.status, OrderStatus::Pending);
        assert_eq!(order.stage, Stage::ManualHandling);
        assert_eq!(order.stage_since, NOON + 5);
        assert_eq!(order.errors[0].code, 7521);
    }

    #[test]
    fn an_inventory_entry_overrides_the_line_and_a_pending_foc_wins() {
        let cal = BusinessCalendar::us_npac();
        let mut order = received(&["0100"]);
        let mut explicit = facts(&["0100"]);
        explicit.tns[0].1 = Some(Behaviour::Disconnected);
        process(&mut order, &explicit, NOON, &cal);
        assert_eq!(order.errors[0].code, 7518);

        let mut order = received(&["0100"]);
        let mut pending = facts(&["0100"]);
        pending.pending = vec![PendingFocHit {
            tn: tn("9195550100"),
            pon: "EARLIER".into(),
            foc_date: day(12, 3),
        }];
        process(&mut order, &pending, NOON, &cal);
        assert_eq!(order.status, OrderStatus::Failed);
        assert_eq!(order.errors[0].code, 17008);
        assert!(order.errors[0].description.contains("PON: [EARLIER]"));
    }

    #[test]
    fn a_17008_names_every_conflicting_tn() {
        let cal = BusinessCalendar::us_npac();
        let mut order = received(&["0100", "5123"]);
        let mut facts = facts(&["0100", "5123"]);
        facts.pending = vec![PendingFocHit {
            tn: tn("9195550100"),
            pon: "EARLIER".into(),
            foc_date: day(12, 3),
        }];
        process(&mut order, &facts, NOON, &cal);
        let text = &order.errors[0].description;
        assert_eq!(
            text,
            "TNs found with a pending FOC Date: TN: [9195550100, 9195555123], PON: [EARLIER, OTHERCO-5123], FOC Date: [12/03/2026, 12/07/2026]"
        );
        let parsed = codes::parse_pending_foc(text).unwrap();
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[1].1, "OTHERCO-5123");
    }
}
