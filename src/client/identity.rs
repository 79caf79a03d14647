//! Proving which order a create made when its answer was lost: an order counts as this
//! submission only when everything about it says so, never because it is the first one found.

use std::collections::{BTreeSet, HashSet};
use std::time::Duration;

use chrono::{DateTime, Utc};
use futures_util::StreamExt;

use super::error::ApiError;
use super::lsrorders::LsrClient;
use crate::model::Tn;
use crate::wire::{self, SearchQuery};

/// How far the backend's clock may disagree with the one lsr measured the attempt's start by.
///
/// NTP keeps servers within milliseconds and an unsynchronised laptop drifts by seconds to a
/// couple of minutes; five minutes covers both. The time test is only a backstop: an order that
/// carried the customer order id before the attempt is excluded by name (`known_before`), so
/// this allowance never lets an older order pass for a new one that lsr saw beforehand.
pub const CLOCK_SKEW_ALLOWANCE: Duration = Duration::from_secs(5 * 60);

/// At most this many orders found by a customer order id are fetched to compare their TNs;
/// more than that is ambiguous by itself.
const MAX_CANDIDATES: usize = 25;

/// What makes an order found after an unclear create this submission's: its customer order
/// id, PON and set of TNs, not one of the orders that carried the id before the attempt, and —
/// for a customer order id the user chose — created no earlier than the attempt began.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    pub customer_order_id: String,
    pub pon: String,
    /// The order's TNs; compared as a set.
    pub tns: Vec<Tn>,
    /// Orders that carried the customer order id before the attempt (seen on the backend or in
    /// the history): never this submission.
    pub known_before: HashSet<String>,
    /// The earliest creation time (backend clock, allowance already taken off) an order may
    /// have to be this submission; `None` when the customer order id is lsr's own fresh token,
    /// which nothing older can carry.
    pub not_before: Option<DateTime<Utc>>,
}

/// An order that could be this submission, as a lookup saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub order_id: String,
    pub pon: String,
    pub status: String,
    pub created: Option<DateTime<Utc>>,
}

impl std::fmt::Display for Candidate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "order {} ({}", self.order_id, self.pon)?;
        if !self.status.is_empty() {
            write!(f, ", {}", self.status)?;
        }
        if let Some(at) = self.created {
            write!(f, ", created {}", at.format("%Y-%m-%d %H:%M:%S UTC"))?;
        }
        f.write_str(")")
    }
}

/// What a lookup by [`Identity`] found.
#[derive(Debug, Clone)]
pub enum Lookup {
    /// Exactly one order is this submission, and nothing else could be.
    Found(Box<wire::LsrOrder>),
    /// No order is: it was not created (it is safe to send it).
    Missing,
    /// Several orders could be it, or one matches in everything but a creation time before the
    /// attempt: lsr does not guess.
    Ambiguous(Vec<Candidate>),
}

/// How an order found by the customer order id compares with an [`Identity`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// Another order (other PON, other TNs, or known before the attempt).
    Other,
    /// This submission.
    This,
    /// Everything that can be compared matches, but something cannot be proven (no TN list,
    /// or a creation time before the attempt): never counted, never ignored.
    Doubtful,
}

impl Identity {
    fn judge(&self, order: &wire::LsrOrder) -> Verdict {
        let known = order
            .order_id
            .as_deref()
            .is_none_or(|id| self.known_before.contains(id));
        if known
            || order.customer_order_id.as_deref() != Some(self.customer_order_id.as_str())
            || order.pon.as_deref() != Some(self.pon.as_str())
        {
            return Verdict::Other;
        }
        let Some(list) = &order.list_of_telephone_numbers else {
            return Verdict::Doubtful;
        };
        let tns: Option<BTreeSet<Tn>> = list.iter().map(|t| Tn::parse(t).ok()).collect();
        match tns {
            Some(tns) if tns != self.tns.iter().copied().collect() => Verdict::Other,
            None => Verdict::Doubtful,
            Some(_) if self.too_early(order) => Verdict::Doubtful,
            Some(_) => Verdict::This,
        }
    }

    /// True when the order was created too early to be this attempt's.
    fn too_early(&self, order: &wire::LsrOrder) -> bool {
        match (self.not_before, order.created_at()) {
            (Some(floor), Some(created)) => created < floor,
            _ => false,
        }
    }
}

impl LsrClient {
    /// Looks for the order a create with `identity` made: one search by customer order id,
    /// then the full order of each summary with the same id and PON that was not known before
    /// (its TNs are compared). Fails only when the backend could not be asked.
    pub async fn find_created(&self, identity: &Identity) -> Result<Lookup, ApiError> {
        let found = self
            .search(&SearchQuery {
                customer_order_id: Some(identity.customer_order_id.clone()),
                ..SearchQuery::default()
            })
            .await?;
        let ids: Vec<String> = found
            .summaries
            .into_iter()
            .filter(|s| {
                s.customer_order_id.as_deref() == Some(identity.customer_order_id.as_str())
                    && s.pon.as_deref() == Some(identity.pon.as_str())
                    && s.count_of_tns
                        .is_none_or(|n| n as usize == distinct(&identity.tns))
            })
            .filter_map(|s| s.order_id)
            .filter(|id| !id.is_empty() && !identity.known_before.contains(id))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if ids.len() > MAX_CANDIDATES {
            return Ok(Lookup::Ambiguous(
                ids.into_iter()
                    .map(|order_id| Candidate {
                        order_id,
                        pon: identity.pon.clone(),
                        status: String::new(),
                        created: None,
                    })
                    .collect(),
            ));
        }
        let fetched: Vec<Result<wire::LsrOrder, ApiError>> = futures_util::stream::iter(ids)
            .map(|id| async move {
                self.get_order(&id).await.map(|mut order| {
                    order.order_id.get_or_insert(id);
                    order
                })
            })
            .buffer_unordered(4)
            .collect()
            .await;
        let mut clean = Vec::new();
        let mut doubtful = Vec::new();
        for order in fetched {
            let order = order?;
            match identity.judge(&order) {
                Verdict::Other => {}
                Verdict::This => clean.push(order),
                Verdict::Doubtful => doubtful.push(order),
            }
        }
        Ok(match (clean.len(), doubtful.len()) {
            (0, 0) => Lookup::Missing,
            (1, 0) => Lookup::Found(Box::new(clean.remove(0))),
            _ => Lookup::Ambiguous(clean.iter().chain(&doubtful).map(candidate).collect()),
        })
    }
}

fn distinct(tns: &[Tn]) -> usize {
    tns.iter().collect::<BTreeSet<_>>().len()
}

fn candidate(order: &wire::LsrOrder) -> Candidate {
    Candidate {
        order_id: order.order_id.clone().unwrap_or_default(),
        pon: order.pon.clone().unwrap_or_default(),
        status: order.order_status.clone().unwrap_or_default(),
        created: order.created_at(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::TimeZone;

    fn order(id: &str, cid: &str, pon: &str, tns: &[&str], created: &str) -> wire::LsrOrder {
        wire::LsrOrder {
            order_id: Some(id.into()),
            customer_order_id: Some(cid.into()),
            pon: Some(pon.into()),
            list_of_telephone_numbers: Some(tns.iter().map(|t| t.to_string()).collect()),
            order_create_date: Some(created.into()),
            ..wire::LsrOrder::default()
        }
    }

    fn identity() -> Identity {
        Identity {
            customer_order_id: "acme port 1".into(),
            pon: "ACME-0001".into(),
            tns: vec![
                Tn::parse("9197206101").unwrap(),
                Tn::parse("9197206100").unwrap(),
            ],
            known_before: ["old".to_string()].into_iter().collect(),
            not_before: Some(Utc.with_ymd_and_hms(2026, 11, 30, 12, 0, 0).unwrap()),
        }
    }

    #[test]
    fn recovery_identity_needs_the_id_pon_and_the_same_set_of_tns() {
        let id = identity();
        let tns = ["9197206100", "919-720-6101"];
        let at = "2026-11-30T12:01:00.000Z";
        let judge = |o: wire::LsrOrder| id.judge(&o);
        assert_eq!(
            judge(order("new", "acme port 1", "ACME-0001", &tns, at)),
            Verdict::This
        );
        // Another set of TNs, another PON, another customer order id: not this submission.
        let other = [
            order("new", "acme port 1", "ACME-0001", &tns[..1], at),
            order("new", "acme port 1", "ACME-0002", &tns, at),
            order("new", "acme port 2", "ACME-0001", &tns, at),
            // An order that carried the id before the attempt never is.
            order("old", "acme port 1", "ACME-0001", &tns, at),
        ];
        for o in other {
            assert_eq!(judge(o), Verdict::Other);
        }
        // Without its TN list nothing proves it either way.
        let mut bare = order("new", "acme port 1", "ACME-0001", &tns, at);
        bare.list_of_telephone_numbers = None;
        assert_eq!(judge(bare), Verdict::Doubtful);
    }

    #[test]
    fn recovery_identity_created_before_the_attempt_is_doubtful() {
        let id = identity();
        let tns = ["9197206100", "9197206101"];
        let early = order(
            "x",
            "acme port 1",
            "ACME-0001",
            &tns,
            "2026-11-30T11:59:59.000Z",
        );
        let on_time = order(
            "x",
            "acme port 1",
            "ACME-0001",
            &tns,
            "2026-11-30T12:00:00.000Z",
        );
        assert_eq!(id.judge(&early), Verdict::Doubtful);
        assert_eq!(id.judge(&on_time), Verdict::This);
        let fresh_token = Identity {
            not_before: None,
            ..identity()
        };
        assert_eq!(fresh_token.judge(&early), Verdict::This);
    }
}
