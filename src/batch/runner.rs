//! The concurrent runner of a batch: sends children as many at once as the adaptive limiter
//! allows (it slows every worker down together when the backend pushes back: 429, 503, slow
//! answers), marks each one in the journal before its POST and after its answer (a creation's
//! `sent` shares the next child's commit), stops taking new children when told to, and
//! reconciles children of unknown outcome by their customer order id.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use futures_util::StreamExt;
use serde::Serialize;

use super::adaptive::Limiter;
use crate::client::{ApiError, BandwidthError, CLOCK_SKEW_ALLOWANCE, Identity, Lookup, LsrClient};
use crate::history::{ChildState, HistoryStore, JournalChild, Placed, StoreError};
use crate::model::{LsrOrder, Order, Pon, Tn};
use crate::wire;

/// What happened to one child in this run.
#[derive(Debug, Clone)]
pub enum ChildOutcome {
    /// Created (or found again after a lost answer: `recovered`).
    Sent {
        order_id: String,
        order: Box<Order>,
        recovered: bool,
    },
    /// The backend refused it (4xx): it was not created.
    Rejected {
        error: String,
        codes: Vec<BandwidthError>,
    },
    /// The outcome stayed unclear; `lsr batch resume` checks it by its customer order id.
    Unknown { error: String },
    /// Not sent in this run (stopped first, or the journal could not record it).
    NotSent { reason: String },
}

/// One child's result, as the runner reports it.
#[derive(Debug, Clone)]
pub struct ChildResult {
    pub index: usize,
    pub pon: String,
    pub customer_order_id: String,
    pub tns: Vec<Tn>,
    pub outcome: ChildOutcome,
    /// The client's error when the child was not placed (a single submission reports it as
    /// itself: its exit code and hint).
    pub cause: Option<Arc<ApiError>>,
}

/// Told about every child as it finishes (progress bars, JSON lines, the history).
pub trait RunObserver {
    fn finished(&self, result: &ChildResult);
}

/// Why a run could not do its work.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("the batch journal could not record child {index} before sending it: {source}")]
    Journal {
        index: usize,
        #[source]
        source: StoreError,
    },
}

/// The order of one child: the parent order with the child's PON, customer order id and TNs.
pub fn child_order(template: &LsrOrder, pon: Pon, customer_order_id: &str, tns: &[Tn]) -> LsrOrder {
    let mut order = template.clone();
    order.pon = pon;
    order.customer_order_id = Some(customer_order_id.to_string());
    order.tns = tns.to_vec();
    order
}

/// What proves which order a child's create made (see [`Identity`]): its customer order id,
/// PON and TNs, the orders known before it, and — for a customer order id the user chose — a
/// creation time no earlier than its first POST less [`CLOCK_SKEW_ALLOWANCE`].
pub fn child_identity(child: &JournalChild) -> Identity {
    let allowance =
        chrono::Duration::from_std(CLOCK_SKEW_ALLOWANCE).unwrap_or(chrono::Duration::zero());
    Identity {
        customer_order_id: child.customer_order_id.clone(),
        pon: child.pon.clone(),
        tns: child.tns.clone(),
        known_before: child.known_before.iter().cloned().collect(),
        not_before: child
            .strict_identity
            .then_some(child.attempt_at)
            .flatten()
            .map(|at| at - allowance),
    }
}

/// The shared state of one run.
pub struct Runner<'a> {
    pub client: &'a LsrClient,
    pub history: &'a HistoryStore,
    pub batch_id: i64,
    /// The parent order; its TNs are ignored.
    pub template: &'a LsrOrder,
    /// How many children are sent at once: the adaptive limiter the client reports every
    /// answer to (a 429 or a slow answer lowers it; its `Retry-After` holds every child).
    pub limiter: &'a Limiter,
    /// Set (e.g. by Ctrl-C) to stop starting new children; in-flight ones finish.
    pub stop: &'a AtomicBool,
    /// The backend's clock minus this machine's (the embedded sandbox's clock moves).
    pub clock_offset: chrono::Duration,
    /// Children created whose `sent` is not yet in the journal: written with the next child's
    /// `sending` mark, or by [`Runner::record_placed`] (see [`Placed`]).
    pub placed: Mutex<Vec<Placed>>,
}

impl Runner<'_> {
    /// Sends `children` (planned ones, or ones proven missing), as many at once as the limiter
    /// allows.
    /// Returns every child's result in plan order. A journal failure before a POST stops the
    /// run (nothing is sent that the journal does not know about) and is returned after the
    /// in-flight children finish.
    pub async fn send(
        &self,
        children: Vec<JournalChild>,
        observer: &dyn RunObserver,
    ) -> Result<Vec<ChildResult>, RunError> {
        let journal_failure: Mutex<Option<RunError>> = Mutex::new(None);
        let failure = &journal_failure;
        let mut results: Vec<ChildResult> = self
            .limiter
            .map(children, |child| async move {
                let result = self.send_one(child, failure).await;
                observer.finished(&result);
                result
            })
            .collect()
            .await;
        results.sort_by_key(|r| r.index);
        self.record_placed();
        match journal_failure
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
        {
            Some(e) => Err(e),
            None => Ok(results),
        }
    }

    /// Writes the `sent` of every created child the journal does not have yet (the end of a
    /// run, and after a run given up with answers in flight). If that fails, they stay
    /// `sending`, which `batch resume` looks up.
    pub fn record_placed(&self) {
        let placed = self.take_placed();
        let _ = self.history.mark_placed(self.batch_id, &placed);
    }

    fn take_placed(&self) -> Vec<Placed> {
        std::mem::take(&mut *self.unwritten())
    }

    /// The created children whose `sent` the journal does not have yet.
    fn unwritten(&self) -> std::sync::MutexGuard<'_, Vec<Placed>> {
        // A panic while holding it left a whole Vec: nothing to repair.
        self.placed.lock().unwrap_or_else(|e| e.into_inner())
    }

    async fn send_one(
        &self,
        child: JournalChild,
        failure: &Mutex<Option<RunError>>,
    ) -> ChildResult {
        let attempt_at = child
            .attempt_at
            .unwrap_or_else(|| chrono::Utc::now() + self.clock_offset);
        let mut identity = child_identity(&JournalChild {
            attempt_at: Some(attempt_at),
            ..child.clone()
        });
        let mut result = ChildResult {
            index: child.index,
            pon: child.pon,
            customer_order_id: child.customer_order_id,
            tns: child.tns,
            outcome: ChildOutcome::NotSent {
                reason: "stopped before it was sent".into(),
            },
            cause: None,
        };
        if self.stop.load(Ordering::SeqCst) {
            return result;
        }
        let pon = match Pon::parse(&result.pon) {
            Ok(pon) => pon,
            Err(e) => {
                result.outcome = ChildOutcome::NotSent {
                    reason: format!("the journal holds an invalid PON: {e}"),
                };
                return result;
            }
        };
        let order = child_order(self.template, pon, &result.customer_order_id, &result.tns);
        let body = wire::LsrOrder::from(&order);
        // Durable before the POST: after a crash this child is `sending`, and resume looks it
        // up by its identity instead of sending it blindly. The children created since the
        // last mark are written `sent` in the same commit.
        let placed = self.take_placed();
        if let Err(source) =
            self.history
                .mark_sending(self.batch_id, result.index, attempt_at, &placed)
        {
            // Tried again when the run ends.
            self.unwritten().extend(placed);
            self.stop.store(true, Ordering::SeqCst);
            let reason = source.to_string();
            let mut slot = failure.lock().unwrap_or_else(|e| e.into_inner());
            slot.get_or_insert(RunError::Journal {
                index: result.index,
                source,
            });
            result.outcome = ChildOutcome::NotSent { reason };
            return result;
        }
        identity.tns.clone_from(&result.tns);
        let outcome = match self.client.create_order(&body, &identity).await {
            Ok(created) => {
                let mut placed = created.order.to_order();
                if placed.order_id.is_empty() {
                    placed.order_id.clone_from(&created.order_id);
                }
                ChildOutcome::Sent {
                    order_id: created.order_id,
                    order: Box::new(placed),
                    recovered: created.recovered,
                }
            }
            Err(e) => {
                let outcome = self.classify_failure(&e);
                result.cause = Some(Arc::new(e));
                outcome
            }
        };
        let (state, order_id, error) = match &outcome {
            ChildOutcome::Sent { order_id, .. } => {
                (ChildState::Sent, Some(order_id.as_str()), None)
            }
            ChildOutcome::Rejected { error, .. } => {
                (ChildState::Rejected, None, Some(error.as_str()))
            }
            ChildOutcome::Unknown { error } => (ChildState::Unknown, None, Some(error.as_str())),
            // Proven not created (credentials refused, or rate limited, before anything was
            // stored).
            ChildOutcome::NotSent { reason } => (ChildState::Planned, None, Some(reason.as_str())),
        };
        match (state, order_id) {
            // Written with the next child's `sending` mark, or when the run ends.
            (ChildState::Sent, Some(order_id)) => {
                self.unwritten().push(Placed {
                    index: result.index,
                    order_id: order_id.to_string(),
                });
            }
            // If this write fails the child stays `sending`, which resume reconciles safely.
            _ => {
                let _ =
                    self.history
                        .mark_child(self.batch_id, result.index, state, order_id, error);
            }
        }
        result.outcome = outcome;
        result
    }

    fn classify_failure(&self, error: &ApiError) -> ChildOutcome {
        let text = error.to_string();
        match error {
            ApiError::Http { status, .. } if *status == 401 || *status == 403 => {
                // Every other child would meet the same refusal: stop the batch.
                self.stop.store(true, Ordering::SeqCst);
                ChildOutcome::NotSent { reason: text }
            }
            // Only refusals before processing (the client sends a create again after each 429
            // until its patience ends): not created, so a later run may send it.
            ApiError::Http { status: 429, .. } => ChildOutcome::NotSent { reason: text },
            ApiError::Http { status, errors, .. }
                if (400..500).contains(status) && *status != 408 =>
            {
                ChildOutcome::Rejected {
                    error: text,
                    codes: errors.clone(),
                }
            }
            ApiError::Http { .. }
            | ApiError::UnclearOutcome { .. }
            | ApiError::Ambiguous { .. } => ChildOutcome::Unknown { error: text },
            _ if error.is_unclear_outcome() => ChildOutcome::Unknown { error: text },
            // URL, credentials or encoding problems: the request never left.
            _ => {
                self.stop.store(true, Ordering::SeqCst);
                ChildOutcome::NotSent { reason: text }
            }
        }
    }
}

/// What a lookup found about a child of unknown outcome.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "found", rename_all = "lowercase")]
pub enum Reconciled {
    /// It exists: the journal now says `sent`.
    Exists { order_id: String },
    /// The backend has no order that is this child: it may be sent again.
    Missing,
    /// The lookup failed, or several orders could be the child: it stays of unknown outcome
    /// and is not sent.
    Unchecked { error: String },
}

/// Looks up every child in `sending`/`unknown` by its identity ([`child_identity`]), records
/// what was found in the journal (`sent`, or `missing_state` for a child proven missing), and
/// returns the found orders for the history.
pub async fn reconcile(
    client: &LsrClient,
    history: &HistoryStore,
    batch_id: i64,
    uncertain: &[JournalChild],
    limiter: &Limiter,
    missing_state: ChildState,
) -> Vec<(usize, Reconciled, Option<Order>)> {
    let mut out: Vec<(usize, Reconciled, Option<Order>)> = limiter
        .map(uncertain, |child| async move {
            let found = client.find_created(&child_identity(child)).await;
            match found {
                Ok(Lookup::Found(order)) => {
                    let order = order.to_order();
                    let order_id = order.order_id.clone();
                    let _ = history.mark_child(
                        batch_id,
                        child.index,
                        ChildState::Sent,
                        Some(&order_id),
                        None,
                    );
                    (child.index, Reconciled::Exists { order_id }, Some(order))
                }
                Ok(Lookup::Missing) => {
                    let _ = history.mark_child(batch_id, child.index, missing_state, None, None);
                    (child.index, Reconciled::Missing, None)
                }
                Ok(Lookup::Ambiguous(candidates)) => (
                    child.index,
                    Reconciled::Unchecked {
                        error: format!(
                            "{} orders could be it, lsr does not guess: {}",
                            candidates.len(),
                            candidates
                                .iter()
                                .map(ToString::to_string)
                                .collect::<Vec<_>>()
                                .join("; ")
                        ),
                    },
                    None,
                ),
                Err(e) => (
                    child.index,
                    Reconciled::Unchecked {
                        error: e.to_string(),
                    },
                    None,
                ),
            }
        })
        .collect()
        .await;
    out.sort_by_key(|(i, _, _)| *i);
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn child_order_takes_the_child_fields() {
        let template = LsrOrder {
            pon: Pon::parse("PARENT").unwrap(),
            customer_order_id: Some("X".into()),
            spid: None,
            btn: None,
            requested_foc_date: None,
            authorizing_person: "Jane Doe".into(),
            subscriber: crate::model::Subscriber::default(),
            tns: vec![Tn::parse("9197200001").unwrap()],
        };
        let tns = [Tn::parse("9197200002").unwrap()];
        let child = child_order(
            &template,
            Pon::parse("PARENT-0002").unwrap(),
            "B-0002",
            &tns,
        );
        assert_eq!(child.pon.as_str(), "PARENT-0002");
        assert_eq!(child.customer_order_id.as_deref(), Some("B-0002"));
        assert_eq!(child.tns, tns.to_vec());
        assert_eq!(child.authorizing_person, "Jane Doe");
    }
}
