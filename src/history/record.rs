//! The values the history store keeps and answers with: backends, order records, status
//! events, queries, order references and learned TN rules.

use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::model::{BandwidthError, Order, OrderStatus, Pon, PonError, Tn};

/// Which backend an entry belongs to, so that the sandbox, the test dashboard and production
/// never mix. The base URL is kept without trailing slashes, so `https://x/api/v1/` and
/// `https://x/api/v1` are the same backend.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
pub struct BackendKey {
    base_url: String,
    account_id: String,
}

impl BackendKey {
    pub fn new(base_url: &str, account_id: &str) -> BackendKey {
        BackendKey {
            base_url: base_url.trim().trim_end_matches('/').to_string(),
            account_id: account_id.trim().to_string(),
        }
    }

    /// The normalised base URL (no trailing slash).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    pub fn account_id(&self) -> &str {
        &self.account_id
    }
}

impl fmt::Display for BackendKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (account {})", self.base_url, self.account_id)
    }
}

/// How the history stores an [`Order`]: the part of it the store keys and searches by, with
/// the guarantees that takes (an order id, a valid PON, a known status, times). Built from an
/// `Order` and read back as one ([`OrderRecord::from_order`], [`OrderRecord::to_order`]);
/// `pon_version` is the server's `PonVersion` as it sent it (0 when it sent none) and
/// `pon_count` lsr's own number, the N of `PON@N` (R8): the N-th order placed with the PON, by
/// creation time, computed by the store (what a record carries in is ignored).
/// `updated_at` is when this snapshot was taken
/// (or the backend's last-modified time); the store keeps the newest snapshot and a status
/// event per change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct OrderRecord {
    pub order_id: String,
    pub pon: Pon,
    pub pon_version: u32,
    pub pon_count: u32,
    pub customer_order_id: Option<String>,
    pub status: OrderStatus,
    pub requested_foc_date: Option<NaiveDate>,
    pub actual_foc_date: Option<NaiveDate>,
    pub tns: Vec<Tn>,
    pub errors: Vec<BandwidthError>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl OrderRecord {
    /// The record of an order; `None` when it lacks an id, a valid PON or a known status
    /// (the history keeps only what it can name and search). Missing times are `now`.
    pub fn from_order(order: &Order, now: DateTime<Utc>) -> Option<OrderRecord> {
        Some(OrderRecord {
            order_id: Some(order.order_id.clone()).filter(|i| !i.is_empty())?,
            pon: Pon::parse(&order.pon).ok()?,
            pon_version: order.server_pon_version.unwrap_or(0),
            pon_count: order.pon_version.unwrap_or(0),
            customer_order_id: order.customer_order_id.clone(),
            status: order.status?,
            requested_foc_date: order.requested_foc_date,
            actual_foc_date: order.actual_foc_date,
            tns: order.tns.clone(),
            errors: order.errors.clone(),
            created_at: order.created_at.unwrap_or(now),
            updated_at: order.modified_at.unwrap_or(now),
        })
    }

    /// The order this record describes.
    pub fn to_order(&self) -> Order {
        Order {
            order_id: self.order_id.clone(),
            pon: self.pon.to_string(),
            pon_version: Some(self.pon_count).filter(|n| *n > 0),
            server_pon_version: Some(self.pon_version),
            customer_order_id: self.customer_order_id.clone(),
            status: Some(self.status),
            status_text: self.status.as_str().to_string(),
            requested_foc_date: self.requested_foc_date,
            actual_foc_date: self.actual_foc_date,
            tns: self.tns.clone(),
            tn_count: Some(self.tns.len()),
            errors: self.errors.clone(),
            created_at: Some(self.created_at),
            modified_at: Some(self.updated_at),
            details: None,
        }
    }

    /// This record updated with what a search summary of the same order says, when the
    /// summary says something new and names its modification time (without it the store could
    /// not tell old from new). Summaries carry no TNs (TNs never change on an order, R9) and
    /// may leave out errors and dates: what a summary does not say keeps its stored value,
    /// unless the status moved on.
    pub fn refreshed_by(&self, summary: &Order) -> Option<OrderRecord> {
        let status = summary.status?;
        let modified = summary.modified_at?;
        let mut errors = summary.errors.clone();
        if errors.is_empty() && status == self.status {
            errors.clone_from(&self.errors);
        }
        let requested_foc_date = summary.requested_foc_date.or(self.requested_foc_date);
        let actual_foc_date = summary.actual_foc_date.or(self.actual_foc_date);
        let changed = self.status != status
            || self.requested_foc_date != requested_foc_date
            || self.actual_foc_date != actual_foc_date
            || self.errors != errors;
        // Equal times count as new, as the store itself counts them.
        (changed && modified >= self.updated_at).then(|| OrderRecord {
            status,
            requested_foc_date,
            actual_foc_date,
            errors,
            updated_at: modified,
            ..self.clone()
        })
    }

    /// The FOC date that counts: the confirmed one, else the requested one.
    pub fn foc_date(&self) -> Option<NaiveDate> {
        self.actual_foc_date.or(self.requested_foc_date)
    }

    /// `PON@N`, the reference that names exactly this version; the PON alone for a record
    /// the store has not numbered yet (never `@0`).
    pub fn versioned_ref(&self) -> String {
        match self.pon_count {
            0 => self.pon.to_string(),
            n => format!("{}@{n}", self.pon),
        }
    }
}

/// What [`HistoryStore::record_order`](super::HistoryStore::record_order) did with a snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordOutcome {
    /// The order was new to the store.
    Inserted,
    /// The order changed; `status_event` says whether a status event was appended (status or a
    /// FOC date changed).
    Updated { status_event: bool },
    /// The snapshot matched what was stored.
    Unchanged,
    /// The snapshot is older than the stored one (another process saw a later state); ignored.
    Stale,
}

/// One point on an order's timeline: its status and FOC dates from `at` on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct StatusEvent {
    pub at: DateTime<Utc>,
    pub status: OrderStatus,
    pub requested_foc_date: Option<NaiveDate>,
    pub actual_foc_date: Option<NaiveDate>,
    /// The error codes the order carried at that moment.
    pub error_codes: Vec<u32>,
    /// How lsr learned of it.
    pub source: super::EventSource,
    /// The notification's message, when one carried it.
    pub message: Option<String>,
}

/// Filters for [`HistoryStore::search`](super::HistoryStore::search); all given filters must
/// match. `Default` matches every order of the backend.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocalQuery {
    pub pon: Option<Pon>,
    pub tn: Option<Tn>,
    /// Any of these statuses; empty means any status.
    pub statuses: Vec<OrderStatus>,
    pub customer_order_id: Option<String>,
    /// Created on or after this day (UTC).
    pub created_from: Option<NaiveDate>,
    /// Created on or before this day (UTC), the whole day included.
    pub created_to: Option<NaiveDate>,
    /// At most this many orders (the newest).
    pub limit: Option<u32>,
}

/// Something a TN has taught the tool (from Bandwidth's answers) that later orders must heed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LearnedRule {
    /// 7517: the reseller wants one TN per request (R5).
    OneTnPerRequest,
    /// 7521: the TN needs manual handling (R6).
    ManualHandling,
}

impl LearnedRule {
    pub const ALL: [LearnedRule; 2] = [LearnedRule::OneTnPerRequest, LearnedRule::ManualHandling];

    /// Bandwidth's code for the rule.
    pub fn code(self) -> u32 {
        match self {
            LearnedRule::OneTnPerRequest => 7517,
            LearnedRule::ManualHandling => 7521,
        }
    }

    /// The rule a Bandwidth code teaches, if any.
    pub fn from_code(code: u32) -> Option<LearnedRule> {
        LearnedRule::ALL
            .into_iter()
            .find(|rule| rule.code() == code)
    }
}

/// The learned rules for a set of TNs, ready for `validate::ValidationContext`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Learned {
    /// TNs that met 7517 before (R5).
    pub one_tn_required: HashSet<Tn>,
    /// TNs that met 7521 before (R6).
    pub manual_handling: HashSet<Tn>,
}

/// How the user names an order on the command line: an order id or a PON (its latest version),
/// or `PON@N` for version N (R8). Parse it at the edge (`value_parser = OrderRef::from_str`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum OrderRef {
    /// An order id or a PON; the store tries the order id first.
    IdOrPon(String),
    /// Version `version` of `pon`.
    PonVersion { pon: Pon, version: u32 },
}

/// Why a string is not an order reference.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrderRefError {
    #[error("order reference is empty; give an order id, a PON or PON@N")]
    Empty,
    #[error("order reference `{input}`: `{version}` is not a PON version (1, 2, …)")]
    BadVersion { input: String, version: String },
    #[error("order reference `{input}`: {source}")]
    BadPon {
        input: String,
        #[source]
        source: PonError,
    },
}

impl FromStr for OrderRef {
    type Err = OrderRefError;
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let text = input.trim();
        if text.is_empty() {
            return Err(OrderRefError::Empty);
        }
        // `@` is never part of a PON (only letters, digits, `#`, `-`, `_`), so it always
        // separates a version.
        let Some((pon_text, version_text)) = text.rsplit_once('@') else {
            return Ok(OrderRef::IdOrPon(text.to_string()));
        };
        let pon = Pon::parse(pon_text).map_err(|source| OrderRefError::BadPon {
            input: text.to_string(),
            source,
        })?;
        match version_text.trim().parse::<u32>() {
            Ok(version) if version >= 1 => Ok(OrderRef::PonVersion { pon, version }),
            _ => Err(OrderRefError::BadVersion {
                input: text.to_string(),
                version: version_text.to_string(),
            }),
        }
    }
}

impl fmt::Display for OrderRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OrderRef::IdOrPon(text) => f.write_str(text),
            OrderRef::PonVersion { pon, version } => write!(f, "{pon}@{version}"),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::TimeZone;

    fn known() -> OrderRecord {
        let at = Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap();
        OrderRecord {
            order_id: "id-1".into(),
            pon: Pon::parse("ACME").unwrap(),
            pon_version: 1,
            pon_count: 1,
            customer_order_id: None,
            status: OrderStatus::Pending,
            requested_foc_date: NaiveDate::from_ymd_opt(2026, 12, 4),
            actual_foc_date: None,
            tns: vec![Tn::parse("9195552001").unwrap()],
            errors: vec![BandwidthError::new(7521, "manual")],
            created_at: at,
            updated_at: at,
        }
    }

    fn summary(status: &str, modified: &str) -> Order {
        Order {
            order_id: "id-1".into(),
            status: status.parse().ok(),
            status_text: status.into(),
            modified_at: DateTime::parse_from_rfc3339(modified)
                .ok()
                .map(|t| t.with_timezone(&Utc)),
            actual_foc_date: NaiveDate::from_ymd_opt(2026, 12, 4),
            ..Order::default()
        }
    }

    #[test]
    fn history_record_refreshed_by_a_newer_summary() {
        let fresh = known()
            .refreshed_by(&summary("FOC", "2026-11-30T13:00:00Z"))
            .unwrap();
        assert_eq!(fresh.status, OrderStatus::Foc);
        assert_eq!(fresh.actual_foc_date, NaiveDate::from_ymd_opt(2026, 12, 4));
        // Kept: the TNs the summary lacks and the requested date it leaves out.
        assert_eq!(fresh.tns, known().tns);
        assert_eq!(fresh.requested_foc_date, known().requested_foc_date);
        // The status moved on and the summary lists no errors: the 7521 is gone.
        assert!(fresh.errors.is_empty());
        // Older than what is stored, or without a time: left alone.
        assert!(
            known()
                .refreshed_by(&summary("FOC", "2026-11-30T11:00:00Z"))
                .is_none()
        );
        let mut undated = summary("FOC", "");
        undated.modified_at = None;
        assert!(known().refreshed_by(&undated).is_none());
    }
}
