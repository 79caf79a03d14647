//! `OrderStatus`: the lifecycle states of an LSR order and what each allows (R3).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The status of an LSR order as Bandwidth reports it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "UPPERCASE")]
pub enum OrderStatus {
    Pending,
    Foc,
    Exception,
    Complete,
    Partial,
    Cancelled,
    Failed,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 7] = [
        OrderStatus::Pending,
        OrderStatus::Foc,
        OrderStatus::Exception,
        OrderStatus::Complete,
        OrderStatus::Partial,
        OrderStatus::Cancelled,
        OrderStatus::Failed,
    ];

    /// The wire spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Pending => "PENDING",
            OrderStatus::Foc => "FOC",
            OrderStatus::Exception => "EXCEPTION",
            OrderStatus::Complete => "COMPLETE",
            OrderStatus::Partial => "PARTIAL",
            OrderStatus::Cancelled => "CANCELLED",
            OrderStatus::Failed => "FAILED",
        }
    }

    /// Terminal orders never change again (R3): FAILED, CANCELLED and COMPLETE, and PARTIAL,
    /// which Bandwidth refuses to modify once some TNs have ported (17029).
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            OrderStatus::Complete
                | OrderStatus::Partial
                | OrderStatus::Cancelled
                | OrderStatus::Failed
        )
    }

    /// A supp is allowed while the order is open; EXCEPTION is open and is fixed by a supp (R3).
    pub fn can_supp(self) -> bool {
        !self.is_terminal()
    }

    /// A cancel is allowed while the order is open.
    pub fn can_cancel(self) -> bool {
        !self.is_terminal()
    }

    /// Why a terminal order cannot be changed, in the FAQ's words (R3), or `None` if it can.
    pub fn terminal_explanation(self) -> Option<&'static str> {
        match self {
            OrderStatus::Failed => Some(
                "FAILED is a final status: nothing can change this order; place a new order \
                 (`lsr resubmit`)",
            ),
            OrderStatus::Cancelled => Some(
                "CANCELLED is a final status: the order cannot be changed; place a new order \
                 (`lsr resubmit`)",
            ),
            OrderStatus::Complete => {
                Some("COMPLETE is a final status: the numbers have already ported")
            }
            OrderStatus::Partial => Some(
                "PARTIAL is a final status: some numbers have ported, so the order cannot be \
                 modified; place a new order for the remaining numbers",
            ),
            OrderStatus::Pending | OrderStatus::Foc | OrderStatus::Exception => None,
        }
    }
}

impl fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An unknown status word.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown order status `{0}`; expected one of PENDING, FOC, EXCEPTION, COMPLETE, PARTIAL, CANCELLED, FAILED"
)]
pub struct UnknownStatus(pub String);

impl FromStr for OrderStatus {
    type Err = UnknownStatus;
    /// Case-insensitive; accepts the American `CANCELED` too.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let upper = s.trim().to_ascii_uppercase();
        match upper.as_str() {
            "PENDING" => Ok(OrderStatus::Pending),
            "FOC" => Ok(OrderStatus::Foc),
            "EXCEPTION" => Ok(OrderStatus::Exception),
            "COMPLETE" | "COMPLETED" => Ok(OrderStatus::Complete),
            "PARTIAL" => Ok(OrderStatus::Partial),
            "CANCELLED" | "CANCELED" => Ok(OrderStatus::Cancelled),
            "FAILED" => Ok(OrderStatus::Failed),
            _ => Err(UnknownStatus(s.trim().to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn status_rules_follow_r3() {
        use OrderStatus::*;
        for s in [Pending, Foc, Exception] {
            assert!(!s.is_terminal() && s.can_supp() && s.can_cancel(), "{s}");
            assert!(s.terminal_explanation().is_none());
        }
        for s in [Complete, Partial, Cancelled, Failed] {
            assert!(s.is_terminal() && !s.can_supp() && !s.can_cancel(), "{s}");
            assert!(s.terminal_explanation().is_some());
        }
    }

    #[test]
    fn status_parses_and_prints() {
        for s in OrderStatus::ALL {
            assert_eq!(s.as_str().parse::<OrderStatus>().unwrap(), s);
            assert_eq!(s.as_str().to_lowercase().parse::<OrderStatus>().unwrap(), s);
        }
        assert_eq!(
            "canceled".parse::<OrderStatus>().unwrap(),
            OrderStatus::Cancelled
        );
        assert!("NEW".parse::<OrderStatus>().is_err());
    }
}
