//! Pre-submission checks (R3–R6): TNs on an order that is not final (a pending FOC, R4, or any
//! other open order), from the history and from the backend, and TNs the history learned need
//! care. `--precheck remote|local|off` says how far it looks.
//!
//! What the remote check costs: the history's open orders on the TNs are re-read (one GET per
//! distinct order, so a stale entry does not refuse a TN that is free by now), then one search
//! per distinct TN no open order covers, as many at once as the backend's adaptive limiter
//! allows.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use clap::ValueEnum;
use futures_util::StreamExt;
use serde::Serialize;

use super::backend::Backend;
use crate::client::{ApiError, SearchQuery};
use crate::context::Context;
use crate::history::{BackendKey, HistoryStore, Learned};
use crate::model::{Order, Tn};
use crate::validate::{BusinessCalendar, OpenOrder, ValidationContext};

/// Past this many TNs to search, a terminal shows a progress line.
const PROGRESS_FROM: usize = 50;

/// How far the pre-submission check looks for TNs on open orders (`--precheck`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum PrecheckMode {
    /// The history, its open orders re-read, and one backend search per TN they do not cover.
    #[default]
    Remote,
    /// The history only: no request (it knows only the orders lsr has seen).
    Local,
    /// No check of open orders or learned rules (the backend still refuses what it refuses).
    Off,
}

/// What the check cost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct PrecheckCost {
    /// Distinct TNs checked.
    pub tns: usize,
    /// TN searches on the backend.
    pub searches: usize,
    /// Open orders from the history re-read on the backend.
    pub refreshes: usize,
    /// Wall time of the whole check, in milliseconds.
    pub millis: u64,
}

impl PrecheckCost {
    pub fn requests(&self) -> usize {
        self.searches + self.refreshes
    }

    /// `pre-check: 120 TNs, 121 requests (120 TN searches, 1 order re-read) in 0.83s`.
    pub fn summary(&self, mode: PrecheckMode) -> String {
        match mode {
            PrecheckMode::Off => "pre-check: off".to_string(),
            PrecheckMode::Local => format!("pre-check: {} TNs, history only", self.tns),
            PrecheckMode::Remote => format!(
                "pre-check: {} TNs, {} ({}, {}) in {:.2}s",
                self.tns,
                counted(self.requests(), "request"),
                counted(self.searches, "TN search"),
                counted(self.refreshes, "order re-read"),
                Duration::from_millis(self.millis).as_secs_f64()
            ),
        }
    }
}

/// `1 request`, `3 requests`.
fn counted(n: usize, what: &str) -> String {
    match (n, what.ends_with("search")) {
        (1, _) => format!("1 {what}"),
        (_, true) => format!("{n} {what}es"),
        _ => format!("{n} {what}s"),
    }
}

/// What the outside world knows about the TNs of an order.
#[derive(Debug, Default)]
pub struct OutsideKnowledge {
    /// TNs on orders that are not final (with a FOC date: pending FOCs, R4).
    pub open_orders: Vec<OpenOrder>,
    pub learned: Learned,
    pub cost: PrecheckCost,
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
            open_orders: &self.open_orders,
            one_tn_required: &self.learned.one_tn_required,
            manual_handling: &self.learned.manual_handling,
        }
    }
}

/// What the history alone knows about `tns`, with no backend and no network: the open orders
/// it has seen on them and the rules it learned (`validate` runs this, as `submit --precheck
/// local` does).
pub fn history_knowledge(
    ctx: &Context,
    history: &HistoryStore,
    key: &BackendKey,
    tns: &[Tn],
) -> OutsideKnowledge {
    let unique: Vec<Tn> = {
        let mut seen = HashSet::new();
        tns.iter().copied().filter(|t| seen.insert(*t)).collect()
    };
    let open_orders = history.open_orders_on(key, &unique).unwrap_or_else(|e| {
        ctx.note(&format!("warning: the history could not be searched: {e}"));
        Vec::new()
    });
    OutsideKnowledge {
        open_orders,
        learned: history.learned(key, &unique).unwrap_or_default(),
        cost: PrecheckCost {
            tns: unique.len(),
            ..PrecheckCost::default()
        },
    }
}

/// Collects the open orders on `tns` (history, and per `mode` the backend) and the learned
/// rules. `exclude_order` is an order being replaced (resubmit): its own TNs do not count.
/// With `-v` it says what the check cost.
pub async fn gather(
    ctx: &Context,
    backend: &Backend,
    tns: &[Tn],
    exclude_order: Option<&str>,
    mode: PrecheckMode,
) -> anyhow::Result<OutsideKnowledge> {
    let started = Instant::now();
    let unique: Vec<Tn> = {
        let mut seen = HashSet::new();
        tns.iter().copied().filter(|t| seen.insert(*t)).collect()
    };
    let mut cost = PrecheckCost {
        tns: unique.len(),
        ..PrecheckCost::default()
    };
    if mode == PrecheckMode::Off {
        if ctx.global.verbose > 0 {
            ctx.note(&cost.summary(mode));
        }
        return Ok(OutsideKnowledge {
            cost,
            ..OutsideKnowledge::default()
        });
    }
    let excluded = |id: Option<&str>| exclude_order.is_some_and(|x| id == Some(x));
    let mut open: Vec<OpenOrder> = match backend.history.open_orders_on(&backend.key, &unique) {
        Ok(found) => found
            .into_iter()
            .filter(|o| !excluded(o.order_id.as_deref()))
            .collect(),
        Err(e) => {
            ctx.note(&format!("warning: the history could not be searched: {e}"));
            Vec::new()
        }
    };
    if mode == PrecheckMode::Remote {
        open = reread(ctx, backend, open, &mut cost).await?;
        let covered: HashSet<Tn> = open.iter().map(|o| o.tn).collect();
        let to_search: Vec<Tn> = unique
            .iter()
            .copied()
            .filter(|t| !covered.contains(t))
            .collect();
        let found = search_tns(ctx, backend, &to_search, &mut cost).await?;
        open.extend(
            found
                .into_iter()
                .filter(|o| !excluded(o.order_id.as_deref())),
        );
    }
    let learned = backend
        .history
        .learned(&backend.key, &unique)
        .unwrap_or_default();
    cost.millis = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    if ctx.global.verbose > 0 {
        ctx.note(&cost.summary(mode));
    }
    Ok(OutsideKnowledge {
        open_orders: open,
        learned,
        cost,
    })
}

/// The history's open orders re-read on the backend (one GET per distinct order): those that
/// became final since, or that the backend no longer has, stop covering their TNs.
async fn reread(
    ctx: &Context,
    backend: &Backend,
    open: Vec<OpenOrder>,
    cost: &mut PrecheckCost,
) -> anyhow::Result<Vec<OpenOrder>> {
    let ids: BTreeSet<String> = open.iter().filter_map(|o| o.order_id.clone()).collect();
    cost.refreshes = ids.len();
    let answers: Vec<(String, Result<Order, ApiError>)> = backend
        .limiter
        .map(ids, |id| async move {
            let answer = backend.get_order(ctx, &id).await;
            (id, answer)
        })
        .collect()
        .await;
    let mut now: BTreeMap<String, Order> = BTreeMap::new();
    for (id, answer) in answers {
        match answer {
            Ok(order) => {
                now.insert(id, order);
            }
            Err(ApiError::Http { status: 404, .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(open
        .into_iter()
        .filter_map(|o| {
            let order = now.get(o.order_id.as_deref()?)?;
            (!order.is_final()).then(|| open_order(o.tn, order))
        })
        .collect())
}

/// One search per TN (several at once, a progress line on a terminal for many): the orders on
/// it that are not final.
async fn search_tns(
    ctx: &Context,
    backend: &Backend,
    tns: &[Tn],
    cost: &mut PrecheckCost,
) -> anyhow::Result<Vec<OpenOrder>> {
    cost.searches = tns.len();
    let bar = (tns.len() > PROGRESS_FROM && ctx.show_notes() && std::io::stderr().is_terminal())
        .then(|| {
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(tns.len() as u64),
                indicatif::ProgressDrawTarget::stderr(),
            );
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "checking TNs for open orders on the backend {bar:30} {pos}/{len}, eta {eta}",
            ) {
                bar.set_style(style);
            }
            bar
        });
    let searches = backend.limiter.map(tns.iter().copied(), |tn| async move {
        // No status filter: a status lsr does not know counts as open too.
        let query = SearchQuery {
            tn: Some(tn),
            ..SearchQuery::default()
        };
        (tn, backend.search(&query).await)
    });
    tokio::pin!(searches);
    let mut open = Vec::new();
    while let Some((tn, outcome)) = searches.next().await {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
        let mut found = match outcome {
            Ok(found) => found.orders,
            Err(e) => {
                if let Some(bar) = &bar {
                    bar.finish_and_clear();
                }
                return Err(e.into());
            }
        };
        for order in &mut found {
            backend.number(order);
        }
        open.extend(
            found
                .iter()
                .filter(|o| !o.is_final() && !o.order_id.is_empty())
                .map(|o| open_order(tn, o)),
        );
    }
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(open)
}

fn open_order(tn: Tn, order: &Order) -> OpenOrder {
    OpenOrder {
        tn,
        pon: order.pon.clone(),
        label: order.label(),
        order_id: Some(order.order_id.clone()),
        status: if order.status_text.is_empty() {
            "status unknown".to_string()
        } else {
            order.status_text.clone()
        },
        foc_date: order.actual_foc_date,
    }
}
