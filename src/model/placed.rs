//! `Order`: an order as the backend holds it — the one shape every layer above the wire passes
//! around (commands, the history store, renderers) — and `BandwidthError`, a code with its text.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::{OrderDraft, OrderStatus, Tn};

/// One of Bandwidth's error codes with its text, as an order or an error body carries it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
pub struct BandwidthError {
    pub code: u32,
    pub description: String,
}

impl BandwidthError {
    pub fn new(code: u32, description: impl Into<String>) -> BandwidthError {
        BandwidthError {
            code,
            description: description.into(),
        }
    }
}

/// An order the backend holds, from a full order, a search summary or the history. Built from
/// the wire once, on the way in; what the server sent and lsr cannot use (an empty element, a
/// TN that is not a number) is left out rather than guessed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Order {
    pub order_id: String,
    /// The PON as the backend spells it (the backend enforced the rules when it took it).
    pub pon: String,
    /// lsr's number for the order, the N of `PON@N` (R8): the N-th order placed with this PON,
    /// by creation time. `None` until lsr has counted (the wire leaves it out: servers number
    /// versions their own way, Bandwidth's examples start at 0).
    pub pon_version: Option<u32>,
    /// The server's `PonVersion`, as it sent it.
    pub server_pon_version: Option<u32>,
    pub customer_order_id: Option<String>,
    /// `None` for a status word lsr does not know; `status_text` keeps the word.
    pub status: Option<OrderStatus>,
    pub status_text: String,
    pub requested_foc_date: Option<NaiveDate>,
    pub actual_foc_date: Option<NaiveDate>,
    /// Empty for a search summary, which carries only `tn_count`.
    pub tns: Vec<Tn>,
    /// The backend's `CountOfTNs`, when it sent one.
    pub tn_count: Option<usize>,
    pub errors: Vec<BandwidthError>,
    pub created_at: Option<DateTime<Utc>>,
    pub modified_at: Option<DateTime<Utc>>,
    /// The order's fields (subscriber, address, SPID, BTN, …) when the backend sent the whole
    /// order; what a supp is laid over. `None` for summaries and history rows.
    pub details: Option<OrderDraft>,
}

impl Order {
    /// Terminal orders never change again (R3).
    pub fn is_final(&self) -> bool {
        self.status.is_some_and(OrderStatus::is_terminal)
    }

    /// Carries `code` among its errors.
    pub fn has_error(&self, code: u32) -> bool {
        self.errors.iter().any(|e| e.code == code)
    }

    /// The FOC date that counts: the confirmed one, else the requested one.
    pub fn foc_date(&self) -> Option<NaiveDate> {
        self.actual_foc_date.or(self.requested_foc_date)
    }

    /// How to name the order to people and in suggested commands: `PON@N` when the version is
    /// known, else the PON, else the order id.
    pub fn label(&self) -> String {
        match self.pon_version {
            Some(v) if !self.pon.is_empty() => format!("{}@{v}", self.pon),
            _ if !self.pon.is_empty() => self.pon.clone(),
            _ => self.order_id.clone(),
        }
    }

    /// The TNs as 10-digit strings.
    pub fn tn_digits(&self) -> Vec<String> {
        self.tns.iter().map(|t| t.digits()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_prefers_pon_at_version() {
        let mut order = Order {
            order_id: "id-1".into(),
            ..Order::default()
        };
        assert_eq!(order.label(), "id-1");
        order.pon = "ACME".into();
        assert_eq!(order.label(), "ACME");
        order.pon_version = Some(2);
        assert_eq!(order.label(), "ACME@2");
    }

    #[test]
    fn final_follows_the_status() {
        let mut order = Order::default();
        assert!(!order.is_final(), "an unknown status is not final");
        order.status = Some(OrderStatus::Failed);
        assert!(order.is_final());
        order.status = Some(OrderStatus::Exception);
        assert!(!order.is_final(), "EXCEPTION can be supped (R3)");
    }
}
