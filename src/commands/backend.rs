//! The connection a network command works through: the client for the chosen backend (or the
//! embedded sandbox), the history store keyed by that backend, and order-reference resolution
//! (history first, then the backend).

use std::str::FromStr;

use std::time::Duration;

use anyhow::Context as _;
use chrono::{NaiveDate, Utc};

use super::order_view::{OrderFacts, OrderView, order_view};
use crate::client::{
    ApiError, BandwidthError, ClientOptions, Credentials, LsrClient, SearchQuery, Secret,
    TokenCache,
};
use crate::config::{Sourced, read_client_secret};
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::history::{BackendKey, ErrorEntry, HistoryStore, OrderRecord, OrderRef};
use crate::model::{OrderStatus, Pon, Tn};
use crate::sandbox::embedded::EmbeddedSandbox;
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
    /// Keeps the embedded sandbox running while the command works.
    embedded: Option<EmbeddedSandbox>,
}

/// A tokio runtime for a network command.
pub fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the async runtime")
}

impl Backend {
    /// Connects per the context: `--sandbox` starts the embedded sandbox; otherwise the
    /// resolved settings give the URL, account and credentials.
    pub async fn connect(ctx: &Context) -> anyhow::Result<Backend> {
        let history = HistoryStore::open_in(&ctx.config_dir).map_err(|e| {
            let hint = e.hint();
            let err = CliError::new(Exit::Failure, e.to_string());
            match hint {
                Some(h) => err.with_hint(h),
                None => err,
            }
        })?;
        if ctx.global.sandbox {
            let started = if ctx.today_pinned {
                crate::sandbox::embedded::start_on(&ctx.config_dir, ctx.today)
            } else {
                crate::sandbox::embedded::start(&ctx.config_dir)
            };
            let embedded = started.map_err(|e| CliError::new(Exit::Failure, e.to_string()))?;
            let demo = embedded.demo_account();
            let mut opts = ClientOptions::new(embedded.api_base_url(), demo.account_id);
            opts.trace = verbose_trace(ctx);
            opts.credentials = Some(Credentials::ClientCredentials {
                client_id: demo.client_id.to_string(),
                client_secret: Secret::new(demo.client_secret),
            });
            let client = LsrClient::new(opts)?;
            let today = match crate::client::sandbox_admin::SandboxAdmin::new(embedded.base_url()) {
                Ok(admin) => admin
                    .clock()
                    .await
                    .ok()
                    .and_then(|c| NaiveDate::parse_from_str(&c.today, "%Y-%m-%d").ok())
                    .unwrap_or(ctx.today),
                Err(_) => ctx.today,
            };
            return Ok(Backend {
                key: BackendKey::new(EMBEDDED_SANDBOX_KEY, demo.account_id),
                client,
                history,
                today,
                embedded: Some(embedded),
            });
        }
        let s = &ctx.settings;
        let account = s.account_id.as_ref().ok_or_else(|| {
            CliError::new(Exit::Usage, "no account id is configured")
                .with_hint("pass --account-id, set LSR_ACCOUNT_ID, or `lsr config set account_id ID` (or use --sandbox)")
        })?;
        let mut opts = ClientOptions::new(s.base_url.value.clone(), account.value.clone())
            .with_timeout(http_timeout(s.http_timeout.as_ref())?);
        opts.trace = verbose_trace(ctx);
        opts.credentials = match (&s.client_id, &s.client_secret, &s.username, &s.password) {
            (Some(id), Some(secret), _, _) => Some(Credentials::ClientCredentials {
                client_id: id.value.clone(),
                client_secret: Secret::new(read_client_secret(secret).map_err(|e| {
                    CliError::new(Exit::Usage, e.to_string()).with_hint(
                        "give --client-secret-file a readable, non-empty file (or `-` and pipe the secret)",
                    )
                })?),
            }),
            (_, _, Some(user), Some(password)) => Some(Credentials::Basic {
                username: user.value.clone(),
                password: Secret::new(password.value.clone()),
            }),
            _ => {
                return Err(ApiError::MissingCredentials {
                    backend: s.base_url.value.clone(),
                }
                .into());
            }
        };
        opts.token_url = s.token_url.as_ref().map(|t| t.value.clone());
        opts.token_cache = Some(TokenCache::new(ctx.config_dir.join("token-cache.json")));
        let client = LsrClient::new(opts)?;
        Ok(Backend {
            key: BackendKey::new(&client.base_url(), &account.value),
            client,
            history,
            today: ctx.today,
            embedded: None,
        })
    }

    pub fn is_embedded_sandbox(&self) -> bool {
        self.embedded.is_some()
    }

    /// Records what the backend said about an order in the history (best effort: a history
    /// failure is reported, never fatal to the command that already talked to the backend).
    pub fn remember(&self, ctx: &Context, order: &wire::LsrOrder) -> Option<OrderRecord> {
        let record = record_from_wire(order)?;
        if let Err(e) = self.history.record_order(&self.key, &record) {
            ctx.note(&format!("warning: could not update the history: {e}"));
        }
        Some(record)
    }

    /// Finds the order a user named (an order id, a PON = its latest version, or `PON@N`):
    /// the history first, then the backend. Returns the backend's current view of it.
    pub async fn resolve(&self, ctx: &Context, text: &str) -> anyhow::Result<wire::LsrOrder> {
        let reference = OrderRef::from_str(text).map_err(|e| {
            CliError::new(Exit::Usage, e.to_string())
                .with_hint("give an order id, a PON, or PON@N (e.g. ACME-0001@2)")
        })?;
        let known = self
            .history
            .resolve_ref(&self.key, &reference)
            .ok()
            .flatten();
        if let Some(record) = known {
            let order = self.client.get_order(&record.order_id).await?;
            self.remember(ctx, &order);
            return Ok(order);
        }
        let (pon_text, version) = match &reference {
            OrderRef::IdOrPon(t) => {
                match self.client.get_order(t).await {
                    Ok(order) => {
                        self.remember(ctx, &order);
                        return Ok(order);
                    }
                    Err(ApiError::Http { status: 404, .. })
                    | Err(ApiError::Http { status: 400, .. }) => {}
                    Err(e) => return Err(e.into()),
                }
                (t.clone(), None)
            }
            OrderRef::PonVersion { pon, version } => (pon.to_string(), Some(*version)),
        };
        if Pon::parse(&pon_text).is_ok() {
            let found = self
                .client
                .search(&SearchQuery {
                    pon: Some(pon_text.clone()),
                    ..SearchQuery::default()
                })
                .await?;
            let pick = found
                .summaries
                .iter()
                .filter(|s| s.pon.as_deref() == Some(pon_text.as_str()))
                .filter(|s| version.is_none_or(|v| s.pon_version == Some(v)))
                .max_by_key(|s| (s.pon_version, s.order_date.clone()));
            if let Some(id) = pick.and_then(|s| s.order_id.clone()) {
                let order = self.client.get_order(&id).await?;
                self.remember(ctx, &order);
                return Ok(order);
            }
        }
        Err(CliError::new(Exit::NotFound, format!("order `{text}` not found"))
            .with_hint("check the order id or PON (`lsr search --pon PON`); LSRs are found by LSR, not by Port (R12)")
            .into())
    }

    /// The order as `status` shows it, with today from the backend's point of view.
    pub fn view(&self, ctx: &Context, order: &wire::LsrOrder) -> OrderView {
        order_view(&facts_from_wire(order), &ctx.calendar, self.today)
    }
}

/// The request timeout: `LSR_HTTP_TIMEOUT_SECS` (whole seconds, at least 1) or the default.
fn http_timeout(setting: Option<&Sourced>) -> Result<Duration, CliError> {
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
fn verbose_trace(ctx: &Context) -> Option<crate::client::Trace> {
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

/// What a wire order says, for the order view.
pub fn facts_from_wire(order: &wire::LsrOrder) -> OrderFacts {
    OrderFacts {
        order_id: order.order_id.clone().unwrap_or_default(),
        pon: order.pon.clone().unwrap_or_default(),
        pon_version: order.pon_version,
        customer_order_id: order.customer_order_id.clone(),
        status: order.order_status.clone().unwrap_or_default(),
        submitted: order.created_at().map(|t| t.date_naive()),
        requested_foc_date: order.requested_foc(),
        actual_foc_date: order.actual_foc(),
        tns: order.list_of_telephone_numbers.clone().unwrap_or_default(),
        errors: order
            .errors()
            .into_iter()
            .map(|(code, description)| BandwidthError { code, description })
            .collect(),
    }
}

/// What a list summary says (search results carry no TNs).
pub fn facts_from_summary(s: &wire::LsrOrderSummary) -> OrderFacts {
    OrderFacts {
        order_id: s.order_id.clone().unwrap_or_default(),
        pon: s.pon.clone().unwrap_or_default(),
        pon_version: s.pon_version,
        customer_order_id: s.customer_order_id.clone(),
        status: s.order_status.clone().unwrap_or_default(),
        submitted: s.ordered_at().map(|t| t.date_naive()),
        requested_foc_date: s.requested_foc(),
        actual_foc_date: s.actual_foc(),
        tns: Vec::new(),
        errors: s
            .error_pairs()
            .into_iter()
            .map(|(code, description)| BandwidthError { code, description })
            .collect(),
    }
}

/// What a history record says.
pub fn facts_from_record(r: &OrderRecord) -> OrderFacts {
    OrderFacts {
        order_id: r.order_id.clone(),
        pon: r.pon.to_string(),
        pon_version: Some(r.pon_version),
        customer_order_id: r.customer_order_id.clone(),
        status: r.status.as_str().to_string(),
        submitted: Some(r.created_at.date_naive()),
        requested_foc_date: r.requested_foc_date,
        actual_foc_date: r.actual_foc_date,
        tns: r.tns.iter().map(|t| t.digits()).collect(),
        errors: r
            .errors
            .iter()
            .map(|e| BandwidthError {
                code: e.code,
                description: e.description.clone(),
            })
            .collect(),
    }
}

/// A history record from a full wire order; `None` when it lacks an id, PON or known status.
pub fn record_from_wire(order: &wire::LsrOrder) -> Option<OrderRecord> {
    let now = Utc::now();
    Some(OrderRecord {
        order_id: order.order_id.clone().filter(|i| !i.is_empty())?,
        pon: Pon::parse(order.pon.as_deref()?).ok()?,
        pon_version: order.pon_version.unwrap_or(1),
        customer_order_id: order.customer_order_id.clone(),
        status: order.status()?,
        requested_foc_date: order.requested_foc(),
        actual_foc_date: order.actual_foc(),
        tns: order
            .list_of_telephone_numbers
            .iter()
            .flatten()
            .filter_map(|t| Tn::parse(t).ok())
            .collect(),
        errors: order
            .errors()
            .into_iter()
            .map(|(code, d)| ErrorEntry::new(code, d))
            .collect(),
        created_at: order.created_at().unwrap_or(now),
        updated_at: order.modified_at().unwrap_or(now),
    })
}

/// True when the order can no longer change.
pub fn is_final(order: &wire::LsrOrder) -> bool {
    order.status().is_some_and(OrderStatus::is_terminal)
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
    Ok(BackendKey::new(base.as_str(), &account.value))
}
