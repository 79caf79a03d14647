//! Pre-submission checks (R4–R6): TNs with a pending FOC on an open order, from the history and
//! from the backend (a search by TN, several at once), and TNs the history learned need care.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use futures_util::StreamExt;

use super::backend::Backend;
use crate::client::SearchQuery;
use crate::context::Context;
use crate::history::Learned;
use crate::model::{OrderStatus, Tn};
use crate::validate::{BusinessCalendar, PendingFoc, ValidationContext};

/// How many TN searches run at once against the backend.
const SEARCH_CONCURRENCY: usize = 8;

/// What the outside world knows about the TNs of an order.
#[derive(Debug, Default)]
pub struct OutsideKnowledge {
    pub pending_focs: Vec<PendingFoc>,
    pub learned: Learned,
}

impl OutsideKnowledge {
    /// The rules with this knowledge, as of `today`: the one place the validation context of
    /// a submission is built.
    pub fn rules<'a>(
        &'a self,
        today: NaiveDate,
        calendar: &'a BusinessCalendar,
    ) -> ValidationContext<'a> {
        ValidationContext {
            today,
            calendar,
            pending_focs: &self.pending_focs,
            one_tn_required: &self.learned.one_tn_required,
            manual_handling: &self.learned.manual_handling,
        }
    }
}

/// Collects pending FOCs (history + backend) and learned rules for `tns`. `exclude_order` is
/// an order being replaced (resubmit), whose own FOC must not count against it.
pub async fn gather(
    ctx: &Context,
    backend: &Backend,
    tns: &[Tn],
    exclude_order: Option<&str>,
) -> anyhow::Result<OutsideKnowledge> {
    let unique: Vec<Tn> = {
        let mut seen = HashSet::new();
        tns.iter().copied().filter(|t| seen.insert(*t)).collect()
    };
    let mut by_key: BTreeMap<(Tn, String), PendingFoc> = BTreeMap::new();
    match backend.history.pending_focs(&backend.key, &unique) {
        Ok(local) => {
            for p in local {
                by_key.insert((p.tn, p.order_id.clone().unwrap_or_default()), p);
            }
        }
        Err(e) => ctx.note(&format!("warning: the history could not be searched: {e}")),
    }
    if unique.len() > 20 {
        ctx.note(&format!(
            "checking {} TNs for pending FOCs on the backend…",
            unique.len()
        ));
    }
    let mut searches = futures_util::stream::iter(unique.iter().copied())
        .map(|tn| async move {
            let query = SearchQuery {
                tn: Some(tn),
                statuses: vec![OrderStatus::Foc],
                ..SearchQuery::default()
            };
            (tn, backend.search(&query).await)
        })
        .buffer_unordered(SEARCH_CONCURRENCY);
    while let Some((tn, outcome)) = searches.next().await {
        let found = outcome?;
        for o in found.orders {
            let open = o.status.is_some_and(|st| !st.is_terminal());
            let (Some(foc), false, true) = (o.actual_foc_date, o.pon.is_empty(), open) else {
                continue;
            };
            let (pon, order_id) = (o.pon, o.order_id);
            by_key.insert(
                (tn, order_id.clone()),
                PendingFoc {
                    tn,
                    pon,
                    foc_date: foc,
                    order_id: Some(order_id),
                },
            );
        }
    }
    let pending_focs = by_key
        .into_values()
        .filter(|p| exclude_order.is_none_or(|x| p.order_id.as_deref() != Some(x)))
        .collect();
    let learned = backend
        .history
        .learned(&backend.key, &unique)
        .unwrap_or_default();
    Ok(OutsideKnowledge {
        pending_focs,
        learned,
    })
}
