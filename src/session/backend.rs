//! The connection a network command works through: the client for the chosen backend (or the
//! embedded sandbox) and the history store keyed by that backend. Orders come in through it,
//! read from the wire once into the domain [`Order`] and recorded in the history.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use chrono::{NaiveDate, Utc};
use futures_util::StreamExt;

use crate::batch::Limiter;
use crate::client::{
    ApiError, ClientOptions, Credentials, LsrClient, SearchQuery, Secret, SharedPacer,
};
use crate::config::Sourced;
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::history::{BackendKey, HistoryStore, OrderRecord, OrderRef, RecordOutcome};
use crate::model::Order;
use crate::output::OrderView;
use crate::sandbox::embedded::EmbeddedSandbox;
use crate::session::credentials::{check_endpoints, client_secret};
use crate::validate::advice::PonOwner;
use crate::wire;

/// The history key of the embedded sandbox: its port changes every run, its store does not.
pub const EMBEDDED_SANDBOX_KEY: &str = "sandbox:embedded";

/// A connected backend.
pub struct Backend {
    pub client: LsrClient,
    pub key: BackendKey,
    pub history: HistoryStore,
    /// Today for date rules: the sandbox's clock when talking to the embedded sandbox.
    pub today: NaiveDate,
    /// The backend's clock minus this machine's: the embedded sandbox's clock moves (zero
    /// elsewhere). Creation times the backend reports are compared on its clock.
    pub clock_offset: chrono::Duration,
    /// How many requests of bulk work run at once (a batch's children, the pre-check's
    /// searches, fetching and polling several orders): one adaptive limiter for the command,
    /// told of every answer the client gets. `--concurrency` sets its ceiling.
    pub limiter: Arc<Limiter>,
    /// Keeps the embedded sandbox running while the command works.
    embedded: Option<EmbeddedSandbox>,
}

/// A limiter with the default ceiling, installed as the client's pacer.
fn paced(opts: &mut ClientOptions) -> Arc<Limiter> {
    let limiter = Arc::new(Limiter::new(crate::batch::DEFAULT_MAX));
    opts.pacer = Some(SharedPacer(limiter.clone()));
    limiter
}

/// The tokio runtime of a command that talks to a backend: one thread, the command's own.
///
/// A client's work runs in the one task `block_on` drives (a batch's children are futures of
/// that task), so a runtime with a worker per core only moved each connection's I/O to another
/// thread and back: a wake-up across threads per request. On one thread, a 999-child batch
/// against the loopback sandbox took 0.24–0.32 s instead of 0.33–0.42 s, with a third less
/// CPU (BENCHMARKS.md, "The capacity ratio"). Blocking work (DNS) still goes to tokio's
/// blocking threads. Servers use [`server_runtime`].
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}

/// The tokio runtime of a command that serves requests (`sandbox serve`, `listen`): one worker
/// per core, so that connections are served side by side.
pub fn server_runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}

impl Backend {
    /// Connects per the context: `--sandbox` starts the embedded sandbox; otherwise the
    /// resolved settings give the URL, account and credentials.
    pub async fn connect(ctx: &Context) -> anyhow::Result<Backend> {
        let history = HistoryStore::open_in(&ctx.config_dir)?;
        if ctx.global.sandbox {
            let started = if ctx.today_pinned {
                crate::sandbox::embedded::start_on(&ctx.config_dir, ctx.today)
            } else {
                crate::sandbox::embedded::start(&ctx.config_dir)
            };
            let embedded = started.map_err(CliError::from)?;
            let demo = embedded.demo_account();
            // The embedded sandbox speaks the profile's API version (v2: E.164 both ways).
            let version = ctx.settings.endpoints.api_version;
            let mut opts = ClientOptions::new(
                format!("{}/api/{version}", embedded.base_url()),
                demo.account_id,
            );
            opts.api_version = version;
            opts.trace = verbose_trace(ctx);
            let limiter = paced(&mut opts);
            opts.credentials = Some(Credentials::ClientCredentials {
                client_id: demo.client_id.to_string(),
                client_secret: Secret::new(demo.client_secret),
            });
            let client = LsrClient::new(opts)?;
            let clock = match crate::client::sandbox_admin::SandboxAdmin::new(embedded.base_url()) {
                Ok(admin) => admin.clock().await.ok(),
                Err(_) => None,
            };
            let today = clock
                .as_ref()
                .and_then(|c| NaiveDate::parse_from_str(&c.today, "%Y-%m-%d").ok())
                .unwrap_or(ctx.today);
            let clock_offset = clock.map_or(chrono::Duration::zero(), |c| {
                chrono::Duration::milliseconds(c.offset_ms)
            });
            return Ok(Backend {
                key: BackendKey::new(EMBEDDED_SANDBOX_KEY, demo.account_id),
                client,
                history,
                today,
                clock_offset,
                limiter,
                embedded: Some(embedded),
            });
        }
        let s = &ctx.settings;
        check_endpoints(ctx)?;
        let account = s.account_id.as_ref().ok_or_else(|| {
            CliError::new(Exit::Usage, "no account id is configured")
                .with_hint("run `lsr auth login`, pass --account-id, set LSR_ACCOUNT_ID, or `lsr config set account_id ID` (or use --sandbox)")
        })?;
        let mut opts = ClientOptions::new(s.base_url.value.clone(), account.value.clone())
            .with_timeout(http_timeout(s.http_timeout.as_ref())?);
        opts.api_version = s.endpoints.api_version;
        opts.trace = verbose_trace(ctx);
        let limiter = paced(&mut opts);
        opts.credentials = match (&s.client_id, &s.username, &s.password) {
            (Some(id), _, _) => {
                client_secret(ctx, &id.value)?.map(|(secret, _)| Credentials::ClientCredentials {
                    client_id: id.value.clone(),
                    client_secret: Secret::new(secret),
                })
            }
            (None, Some(user), Some(password)) => Some(Credentials::Basic {
                username: user.value.clone(),
                password: Secret::new(password.value.clone()),
            }),
            _ => None,
        };
        if opts.credentials.is_none() {
            return Err(ApiError::MissingCredentials {
                backend: crate::config::redact_url_credentials(&s.base_url.value),
            }
            .into());
        }
        opts.token_url = s.token_url.as_ref().map(|t| t.value.clone());
        opts.token_cache = Some(crate::session::credentials::token_cache(ctx));
        let client = LsrClient::new(opts)?;
        Ok(Backend {
            key: BackendKey::new(&history_base(&client.base_url()), &account.value),
            client,
            history,
            today: ctx.today,
            clock_offset: chrono::Duration::zero(),
            limiter,
            embedded: None,
        })
    }

    pub fn is_embedded_sandbox(&self) -> bool {
        self.embedded.is_some()
    }

    /// Records what the backend said about an order in the history (best effort: a history
    /// failure is reported, never fatal to the command that already talked to the backend) and
    /// gives the order lsr's number for it, the N of `PON@N` (R8). True when the history did
    /// not know the order before.
    pub fn remember(&self, ctx: &Context, order: &mut Order) -> bool {
        let Some(record) = OrderRecord::from_order(order, Utc::now()) else {
            return false;
        };
        match self.history.record_order(&self.key, &record) {
            Ok(outcome) => {
                self.number(order);
                outcome == RecordOutcome::Inserted
            }
            Err(e) => {
                ctx.note(&format!("warning: could not update the history: {e}"));
                false
            }
        }
    }

    /// Records several orders in one transaction (the placed children of a batch, a few dozen at
    /// a time); a failure is a warning, as for [`Backend::remember`].
    pub fn remember_all(&self, ctx: &Context, orders: &[Order]) {
        let now = Utc::now();
        let records: Vec<OrderRecord> = orders
            .iter()
            .filter_map(|order| OrderRecord::from_order(order, now))
            .collect();
        if records.is_empty() {
            return;
        }
        if let Err(e) = self.history.record_orders(&self.key, &records) {
            ctx.note(&format!("warning: could not update the history: {e}"));
        }
    }

    /// Gives the order the number the history has for it (the N of `PON@N`).
    pub fn number(&self, order: &mut Order) {
        if let Some(known) = self.known_record(&order.order_id) {
            order.pon_version = Some(known.pon_count).filter(|n| *n > 0);
        }
    }

    /// GETs several orders and records each, as many at once as the adaptive limiter allows;
    /// the answers in the order of `ids`.
    pub async fn get_orders(&self, ctx: &Context, ids: &[String]) -> Vec<Result<Order, ApiError>> {
        let mut answers: Vec<(usize, Result<Order, ApiError>)> = self
            .limiter
            .map(ids.iter().enumerate(), |(i, id)| async move {
                (i, self.get_order(ctx, id).await)
            })
            .collect()
            .await;
        answers.sort_by_key(|(i, _)| *i);
        answers.into_iter().map(|(_, answer)| answer).collect()
    }

    /// GETs one order and records it. The first time lsr sees an order, the backend's list for
    /// its PON is read too (one search), so that its number counts the orders placed before it
    /// elsewhere (R8).
    pub async fn get_order(&self, ctx: &Context, order_id: &str) -> Result<Order, ApiError> {
        let mut order = self.fetch(ctx, order_id).await?;
        if self.remember(ctx, &mut order) && !order.pon.is_empty() {
            // Best effort: without the list the history's count stands.
            if self.pon_list(ctx, &order.pon).await.is_ok() {
                self.number(&mut order);
            }
        }
        Ok(order)
    }

    /// GETs one order, nothing more.
    async fn fetch(&self, _ctx: &Context, order_id: &str) -> Result<Order, ApiError> {
        Ok(with_id(
            self.client.get_order(order_id).await?.to_order(),
            order_id,
        ))
    }

    /// The backend's orders with `pon` (one search), each numbered by creation time (R8) over
    /// the backend's list merged with the history's; orders the history did not know are
    /// fetched and recorded, the others refreshed from their summaries. Oldest first.
    pub async fn pon_list(&self, ctx: &Context, pon: &str) -> Result<Vec<Order>, ApiError> {
        let found = self
            .search(&SearchQuery {
                pon: Some(pon.to_string()),
                ..SearchQuery::default()
            })
            .await?;
        let mut listed: Vec<Order> = found
            .orders
            .into_iter()
            .filter(|o| o.pon == pon && !o.order_id.is_empty())
            .collect();
        self.merge_summaries(ctx, &mut listed);
        let unknown: Vec<String> = listed
            .iter()
            .filter(|o| self.known_record(&o.order_id).is_none())
            .map(|o| o.order_id.clone())
            .collect();
        let fetched: Vec<Result<Order, ApiError>> = self
            .limiter
            .map(unknown, |id| async move { self.fetch(ctx, &id).await })
            .collect()
            .await;
        let mut full: std::collections::HashMap<String, Order> = std::collections::HashMap::new();
        for mut order in fetched.into_iter().flatten() {
            self.remember(ctx, &mut order);
            full.insert(order.order_id.clone(), order);
        }
        for order in &mut listed {
            if let Some(whole) = full.remove(&order.order_id) {
                *order = whole;
            }
        }
        // The history may know orders the list leaves out (older than the backend shows).
        if let Ok(pon) = crate::model::Pon::parse(pon) {
            let query = crate::history::LocalQuery {
                pon: Some(pon),
                ..crate::history::LocalQuery::default()
            };
            for record in self.history.search(&self.key, &query).unwrap_or_default() {
                if !listed.iter().any(|o| o.order_id == record.order_id) {
                    listed.push(record.to_order());
                }
            }
        }
        // Numbered over the whole list (the history, which now holds the same orders, counts
        // the same way).
        for order in &mut listed {
            order.pon_version = None;
        }
        number_by_creation(&mut listed);
        listed.sort_by_key(|o| o.pon_version);
        Ok(listed)
    }

    /// Searches the backend; summaries carry no TNs.
    pub async fn search(&self, query: &SearchQuery) -> Result<Found, ApiError> {
        let answer = self.client.search(query).await?;
        Ok(Found {
            orders: answer
                .summaries
                .iter()
                .map(wire::LsrOrderSummary::to_order)
                .collect(),
            total_count: answer.total_count.map(|t| t as usize),
        })
    }

    /// Sends a supp and records the updated order.
    pub async fn supp(
        &self,
        ctx: &Context,
        order_id: &str,
        changes: &wire::LsrOrder,
    ) -> Result<Order, ApiError> {
        let mut order = with_id(
            self.client.supp(order_id, changes).await?.to_order(),
            order_id,
        );
        self.remember(ctx, &mut order);
        Ok(order)
    }

    /// Cancels an order (a PUT with `OrderStatus=CANCELLED`) and records the answer.
    pub async fn cancel(&self, ctx: &Context, order_id: &str) -> Result<Order, ApiError> {
        let mut order = with_id(self.client.cancel(order_id).await?.to_order(), order_id);
        self.remember(ctx, &mut order);
        Ok(order)
    }

    /// Search summaries carry no TNs: an order the history knows gets its TNs from there (TNs
    /// never change on an order, R9), and what a summary says about it (status, FOC dates,
    /// errors) refreshes the history, so that `--local` stays current. Orders the history does
    /// not know are not recorded without their TNs.
    pub fn merge_summaries(&self, ctx: &Context, summaries: &mut [Order]) {
        let mut refreshed = Vec::new();
        for summary in summaries.iter_mut() {
            let Some(known) = self.known_record(&summary.order_id) else {
                continue;
            };
            summary.tns.clone_from(&known.tns);
            summary.pon_version = Some(known.pon_count).filter(|n| *n > 0);
            refreshed.extend(known.refreshed_by(summary));
        }
        if !refreshed.is_empty()
            && let Err(e) = self.history.record_orders(&self.key, &refreshed)
        {
            ctx.note(&format!("warning: could not update the history: {e}"));
        }
    }

    /// Gives every order its TNs: search summaries carry only a count, so the orders the
    /// history does not know (after [`Backend::merge_summaries`]) are fetched, as many at once
    /// as the adaptive limiter allows, and recorded. An order that cannot be fetched keeps its count and no list,
    /// and is named in a warning on stderr: never a silently empty list.
    pub async fn fill_tns(&self, ctx: &Context, orders: &mut [Order]) {
        let missing: Vec<String> = orders
            .iter()
            .filter(|o| o.tns.is_empty() && o.tn_count != Some(0) && !o.order_id.is_empty())
            .map(|o| o.order_id.clone())
            .collect();
        if missing.is_empty() {
            return;
        }
        let fetched: Vec<(String, Result<Order, ApiError>)> = self
            .limiter
            .map(missing, |id| async move {
                let order = self.fetch(ctx, &id).await;
                (id, order)
            })
            .collect()
            .await;
        let mut failed = Vec::new();
        let mut full: std::collections::HashMap<String, Order> = std::collections::HashMap::new();
        for (id, result) in fetched {
            match result {
                Ok(mut order) => {
                    self.remember(ctx, &mut order);
                    full.insert(id, order);
                }
                Err(e) => failed.push(format!("{id} ({e})")),
            }
        }
        for order in orders.iter_mut() {
            if let Some(whole) = full.get(&order.order_id) {
                order.tns.clone_from(&whole.tns);
                if order.tn_count.is_none() {
                    order.tn_count = Some(whole.tns.len());
                }
            }
        }
        if !failed.is_empty() {
            failed.sort();
            ctx.note(&format!(
                "warning: the TNs of {} order{} could not be read, so their `tns` are empty (their `tn_count` stands): {}",
                failed.len(),
                if failed.len() == 1 { "" } else { "s" },
                failed.join(", ")
            ));
        }
    }

    /// The history's record of this exact order id, if any.
    pub fn known_record(&self, order_id: &str) -> Option<OrderRecord> {
        if order_id.is_empty() {
            return None;
        }
        self.history
            .resolve_ref(&self.key, &OrderRef::IdOrPon(order_id.to_string()))
            .ok()
            .flatten()
            .filter(|r| r.order_id == order_id)
    }

    /// The order as `status` shows it, with today from the backend's point of view and lsr's
    /// number for it (`PON@N`). The PONs a pending-FOC 17008 names are ours when the history
    /// knows them.
    pub fn view(&self, ctx: &Context, order: &Order) -> OrderView {
        let owners: Vec<(String, PonOwner)> = pending_foc_pons(order)
            .into_iter()
            .filter_map(|pon| self.history_owner(&pon).map(|o| (pon, o)))
            .collect();
        self.view_with(ctx, order, owners)
    }

    /// [`Backend::view`], asking our account's search about the PONs the history does not know:
    /// a PON the search does not find either is another carrier's.
    pub async fn explained_view(&self, ctx: &Context, order: &Order) -> OrderView {
        let mut owners = Vec::new();
        for pon in pending_foc_pons(order) {
            let owner = match self.history_owner(&pon) {
                Some(owner) => owner,
                None => match self
                    .search(&SearchQuery {
                        pon: Some(pon.clone()),
                        ..SearchQuery::default()
                    })
                    .await
                {
                    Ok(found) => match found.orders.into_iter().max_by_key(|o| o.created_at) {
                        Some(mut ours) => {
                            self.number(&mut ours);
                            PonOwner::Ours(ours.label())
                        }
                        None => PonOwner::NotOurs,
                    },
                    Err(_) => PonOwner::Unknown,
                },
            };
            owners.push((pon, owner));
        }
        self.view_with(ctx, order, owners)
    }

    fn view_with(
        &self,
        ctx: &Context,
        order: &Order,
        owners: Vec<(String, PonOwner)>,
    ) -> OrderView {
        let owner = |pon: &str| {
            owners
                .iter()
                .find(|(p, _)| p == pon)
                .map_or(PonOwner::Unknown, |(_, o)| o.clone())
        };
        // The history's number for it when the order does not carry one yet, and its TNs when
        // the answer left them out (TNs never change on an order, R9).
        let mut numbered = order.clone();
        if numbered.pon_version.is_none() {
            self.number(&mut numbered);
        }
        if numbered.tns.is_empty()
            && let Some(known) = self.known_record(&numbered.order_id)
        {
            numbered.tns = known.tns;
        }
        OrderView::knowing(&numbered, &ctx.calendar, self.today, &owner)
    }

    /// The latest order of ours with this PON, as the history knows it.
    fn history_owner(&self, pon: &str) -> Option<PonOwner> {
        self.history
            .resolve_ref(&self.key, &OrderRef::IdOrPon(pon.to_string()))
            .ok()
            .flatten()
            .filter(|r| r.pon.as_str() == pon)
            .map(|r| PonOwner::Ours(r.to_order().label()))
    }
}

/// The base URL the history keys a backend by. Bandwidth's hosts of one realm are one backend,
/// whichever host (api or the legacy dashboard) and API version a profile talks to: they key as
/// the realm's legacy v1 base, as histories written before OAuth2 moved to api.bandwidth.com
/// did, so an upgrade keeps every PON version. Anyone else's base keys as itself.
pub fn history_base(base: &str) -> String {
    let realm = url::Url::parse(base)
        .ok()
        .and_then(|u| u.host_str().and_then(crate::wire::hosts::realm_of_host));
    match realm {
        Some(realm) => crate::wire::hosts::api_base(
            realm,
            crate::wire::hosts::Scheme::Basic,
            crate::wire::hosts::ApiVersion::V1,
        ),
        None => base.trim_end_matches('/').to_string(),
    }
}

/// The PONs the order's pending-FOC 17008 errors name.
fn pending_foc_pons(order: &Order) -> Vec<String> {
    let mut pons: Vec<String> = order
        .errors
        .iter()
        .filter(|e| e.code == 17008)
        .filter_map(|e| crate::validate::codes::parse_pending_foc(&e.description))
        .flatten()
        .map(|(_, pon, _)| pon)
        .collect();
    pons.sort();
    pons.dedup();
    pons
}

/// What a backend search found.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub orders: Vec<Order>,
    /// The backend's `TotalCount`: more than `orders` holds when it capped the answer.
    pub total_count: Option<usize>,
}

/// Numbers orders of one PON that carry no number yet by creation time, ties by order id (R8):
/// the N of `PON@N` for a complete list of the PON's orders.
pub fn number_by_creation(orders: &mut [Order]) {
    let mut order: Vec<usize> = (0..orders.len()).collect();
    order.sort_by(|&a, &b| {
        (orders[a].created_at, &orders[a].order_id)
            .cmp(&(orders[b].created_at, &orders[b].order_id))
    });
    for (n, i) in order.into_iter().enumerate() {
        if orders[i].pon_version.is_none() {
            orders[i].pon_version = u32::try_from(n + 1).ok();
        }
    }
}

/// Some servers leave the order id out of an answer about that very order.
pub(crate) fn with_id(mut order: Order, order_id: &str) -> Order {
    if order.order_id.is_empty() {
        order.order_id = order_id.to_string();
    }
    order
}

/// The request timeout: `LSR_HTTP_TIMEOUT_SECS` (whole seconds, at least 1) or the default.
pub(crate) fn http_timeout(setting: Option<&Sourced>) -> Result<Duration, CliError> {
    let Some(setting) = setting else {
        return Ok(crate::client::DEFAULT_REQUEST_TIMEOUT);
    };
    match setting.value.trim().parse::<u64>() {
        Ok(secs) if (1..=3600).contains(&secs) => Ok(Duration::from_secs(secs)),
        _ => Err(CliError::new(
            Exit::Usage,
            format!(
                "{} `{}` is not a number of seconds from 1 to 3600",
                setting.source, setting.value
            ),
        )
        .with_hint("e.g. LSR_HTTP_TIMEOUT_SECS=30")),
    }
}

/// With `-v`, the client's request lines go to stderr (never credentials: the client only
/// reports method, URL, status and time).
pub(crate) fn verbose_trace(ctx: &Context) -> Option<crate::client::Trace> {
    if ctx.global.verbose == 0 || ctx.global.quiet > 0 {
        return None;
    }
    let marker = if ctx.global.sandbox { "[sandbox] " } else { "" };
    Some(crate::client::Trace(std::sync::Arc::new(
        move |line: &str| {
            eprintln!("{marker}lsr: {}", crate::output::printable(line));
        },
    )))
}

/// The history key `Backend::connect` would use, without connecting: `--sandbox` is the
/// embedded sandbox's demo account; otherwise the configured base URL (normalised as the client
/// normalises it) and account id. Lets `search --local` work offline.
pub fn history_key(ctx: &Context) -> anyhow::Result<BackendKey> {
    if ctx.global.sandbox {
        return Ok(BackendKey::new(
            EMBEDDED_SANDBOX_KEY,
            crate::sandbox::DEMO_ACCOUNT_1.account_id,
        ));
    }
    let s = &ctx.settings;
    let account = s.account_id.as_ref().ok_or_else(|| {
        CliError::new(Exit::Usage, "no account id is configured")
            .with_hint("pass --account-id, set LSR_ACCOUNT_ID, or `lsr config set account_id ID` (or use --sandbox)")
    })?;
    let base = crate::client::parse_base_url(&s.base_url.value)?;
    Ok(BackendKey::new(
        &history_base(base.as_str()),
        &account.value,
    ))
}

#[cfg(test)]
mod history_base_tests {
    #![allow(clippy::unwrap_used)]
    use super::history_base;

    #[test]
    fn history_base_keeps_one_key_per_bandwidth_realm() {
        for base in [
            "https://api.bandwidth.com/api/v1",
            "https://api.bandwidth.com/api/v2",
            "https://dashboard.bandwidth.com/api/v1",
        ] {
            assert_eq!(history_base(base), "https://dashboard.bandwidth.com/api/v1");
        }
        assert_eq!(
            history_base("https://test.api.bandwidth.com/api/v2"),
            "https://test.dashboard.bandwidth.com/api/v1"
        );
        assert_eq!(
            history_base("http://127.0.0.1:4000/api/v1/"),
            "http://127.0.0.1:4000/api/v1"
        );
    }
}
