//! Pure order rules, no I/O: TN and PON checks, the whole-order validator, the business
//! calendar and FOC window, and the catalog of Bandwidth codes and FAQ topics.

pub mod advice;
pub mod agenda;
pub mod calendar;
pub mod codes;
mod duration;
mod order;
mod tn_list;

use std::collections::HashSet;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{LsrOrder, Tn};

pub use calendar::{BusinessCalendar, CalendarError, FOC_WINDOW_DAYS, FocWindow};
pub use duration::{DurationError, parse_duration};
pub use order::{DateError, MAX_TNS_PER_ORDER, parse_requested_date, validate_order};
pub use tn_list::{TnListEntry, TnListError, parse_tn_list};

/// How serious a finding is: errors stop a submission, warnings do not.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem with an order. `field` is a path into the order file (`subscriber.address.zip`,
/// `tns[3]`); `code` is Bandwidth's code when it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Finding {
    /// Bandwidth's code, when the rule has one (`lsr explain CODE`).
    pub code: Option<u32>,
    pub severity: Severity,
    /// Where in the order: a path into the order file (`subscriber.address.zip`, `tns[3]`).
    pub field: String,
    pub message: String,
    pub hint: Option<String>,
}

/// Everything `validate_order` found, and the typed order when there is no error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub order: Option<LsrOrder>,
}

impl Report {
    /// True when no finding is an error.
    pub fn ok(&self) -> bool {
        !self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
    }
}

/// A TN that already has a pending FOC date on another open order (R4, 17008).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PendingFoc {
    pub tn: Tn,
    pub pon: String,
    pub foc_date: NaiveDate,
    pub order_id: Option<String>,
}

/// A TN already on an order that is not final (PENDING, FOC, EXCEPTION, or a status lsr does
/// not know): a second order for it is refused before it is sent. With a confirmed FOC date it
/// is a pending FOC (R4, 17008).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenOrder {
    pub tn: Tn,
    pub pon: String,
    /// How to name the order: `PON@N` when lsr knows its number, else the PON.
    pub label: String,
    pub order_id: Option<String>,
    /// The status word as the backend sent it.
    pub status: String,
    /// The confirmed FOC date, when there is one.
    pub foc_date: Option<NaiveDate>,
}

impl From<&PendingFoc> for OpenOrder {
    fn from(p: &PendingFoc) -> OpenOrder {
        OpenOrder {
            tn: p.tn,
            pon: p.pon.clone(),
            label: p.pon.clone(),
            order_id: p.order_id.clone(),
            status: "FOC".into(),
            foc_date: Some(p.foc_date),
        }
    }
}

/// Data from outside the order that some rules need: the date, the calendar, and what the
/// history store or backend knows. Keeping it here keeps the validator pure.
#[derive(Debug, Clone, Copy)]
pub struct ValidationContext<'a> {
    pub today: NaiveDate,
    pub calendar: &'a BusinessCalendar,
    /// TNs on orders that are not final: 17008 with a pending FOC (R4), an error otherwise.
    pub open_orders: &'a [OpenOrder],
    /// TNs that earlier met 7517: the reseller wants one TN per request (warning, R5).
    pub one_tn_required: &'a HashSet<Tn>,
    /// TNs that earlier met 7521: manual handling (warning, R6).
    pub manual_handling: &'a HashSet<Tn>,
}

impl<'a> ValidationContext<'a> {
    /// A context with no outside knowledge.
    pub fn offline(today: NaiveDate, calendar: &'a BusinessCalendar) -> ValidationContext<'a> {
        static EMPTY: std::sync::OnceLock<HashSet<Tn>> = std::sync::OnceLock::new();
        let empty = EMPTY.get_or_init(HashSet::new);
        ValidationContext {
            today,
            calendar,
            open_orders: &[],
            one_tn_required: empty,
            manual_handling: empty,
        }
    }
}
