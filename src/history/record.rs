//! The values the history store keeps and answers with: backends, order records, status
//! events, queries, order references and learned TN rules.

use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::model::{OrderStatus, Pon, PonError, Tn};

/// Which backend an entry belongs to, so that the sandbox, the test dashboard and production
/// never mix. The base URL is kept without trailing slashes, so `https://x/api/v1/` and
/// `https://x/api/v1` are the same backend.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
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

/// One error Bandwidth reported on an order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ErrorEntry {
    pub code: u32,
    pub description: String,
}

impl ErrorEntry {
    pub fn new(code: u32, description: impl Into<String>) -> ErrorEntry {
        ErrorEntry {
            code,
            description: description.into(),
        }
    }
}

/// An order as the tool last saw it. `pon_version` is Bandwidth's PON version (R8: the how-many-th
/// order with this PON). `updated_at` is when this snapshot was taken (or the backend's
/// last-modified time); the store keeps the newest snapshot and a status event per change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderRecord {
    pub order_id: String,
    pub pon: Pon,
    pub pon_version: u32,
    pub customer_order_id: Option<String>,
    pub status: OrderStatus,
    pub requested_foc_date: Option<NaiveDate>,
    pub actual_foc_date: Option<NaiveDate>,
    pub tns: Vec<Tn>,
    pub errors: Vec<ErrorEntry>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl OrderRecord {
    /// The FOC date that counts: the confirmed one, else the requested one.
    pub fn foc_date(&self) -> Option<NaiveDate> {
        self.actual_foc_date.or(self.requested_foc_date)
    }

    /// `PON@N`, the reference that names exactly this version.
    pub fn versioned_ref(&self) -> String {
        format!("{}@{}", self.pon, self.pon_version)
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusEvent {
    pub at: DateTime<Utc>,
    pub status: OrderStatus,
    pub requested_foc_date: Option<NaiveDate>,
    pub actual_foc_date: Option<NaiveDate>,
    /// The error codes the order carried at that moment.
    pub error_codes: Vec<u32>,
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
