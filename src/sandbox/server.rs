//! The sandbox HTTP server: Bandwidth's `lsrorders` endpoints, the OAuth2 token endpoint, the
//! loopback-only `/sandbox/` admin endpoints, fault injection, and the accept loop that can drop
//! a connection after a commit.

// Handlers build the refusal `Response` where the problem is found and return it through `?`;
// boxing it would only add noise on a path that allocates a body anyway.
#![allow(clippy::result_large_err)]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};
use tokio::task::JoinSet;
use tower_service::Service as _;

use super::admin_api::{add_inventory, check_faults, clock_view, inventory_view, npac_view};
use super::clock::{self, Millis};
use super::request_xml::first_unknown_element;
use super::store::{
    AdminError, HistoryEntry, NewOrder, OrderError, OrderFilter, OrderUpdate, Principal, Store,
    StoreError, StoredNote, StoredOrder, UpdateError,
};
use super::{Faults, SandboxConfig};
use crate::model::{OrderDraft, OrderStatus, Tn};
use crate::validate::{self, Severity, ValidationContext};
use crate::wire::{self, LsrOrderError, OrderLayout};

/// Request bodies above this size are refused with 413.
pub const MAX_REQUEST_BYTES: usize = 1024 * 1024;
/// Bodies up to this size are read (and discarded) so the client gets the 413 answer instead of
/// a reset connection; beyond it the connection is closed.
const MAX_DRAINED_BYTES: usize = 16 * 1024 * 1024;
/// The longest note Bandwidth accepts.
const MAX_NOTE_CHARS: usize = 500;
/// How long a clean shutdown waits for requests in flight.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// The API path prefixes Bandwidth's clients use (the defaults of Bandwidth's SDKs).
const API_PREFIXES: [&str; 3] = ["/api/v1", "/api", "/v1.0"];

/// Why the server could not start or stopped badly.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("sandbox server task failed: {0}")]
    Task(String),
}

struct AppState {
    store: Arc<Mutex<Store>>,
    faults: RwLock<Faults>,
    calendar: validate::BusinessCalendar,
}

/// Closes the connection a request came on, without an answer (drop-after-commit).
#[derive(Clone)]
struct ConnectionKill(Arc<Notify>);

/// Starts sandbox servers.
pub struct SandboxServer;

/// A sandbox server running on the current tokio runtime.
pub struct RunningSandbox {
    addr: SocketAddr,
    shutdown: watch::Sender<bool>,
    task: tokio::task::JoinHandle<Result<(), ServeError>>,
}

impl RunningSandbox {
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://HOST:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The API base a Bandwidth client is configured with: `http://HOST:PORT/api/v1`.
    pub fn api_base_url(&self) -> String {
        format!("http://{}/api/v1", self.addr)
    }

    /// Stops accepting, lets requests in flight finish, checkpoints the WAL.
    pub async fn shutdown(self) -> Result<(), ServeError> {
        let _ = self.shutdown.send(true);
        self.wait().await
    }

    /// Waits until the server stops (after `shutdown` or a failure).
    pub async fn wait(self) -> Result<(), ServeError> {
        match self.task.await {
            Ok(result) => result,
            Err(e) => Err(ServeError::Task(e.to_string())),
        }
    }

    /// A handle that asks the server to stop.
    pub fn shutdown_handle(&self) -> watch::Sender<bool> {
        self.shutdown.clone()
    }
}

impl SandboxServer {
    /// Opens the store, binds, and serves in a background task.
    pub async fn start(config: SandboxConfig) -> Result<RunningSandbox, ServeError> {
        let delay_ms = Millis::try_from(config.processing_delay.as_millis()).unwrap_or(Millis::MAX);
        let data_dir = config.data_dir.clone();
        let calendar = config.calendar.clone();
        let initial_clock = config.initial_clock;
        let store = tokio::task::spawn_blocking(move || {
            let mut store = Store::open(&data_dir, calendar, delay_ms)?;
            if let Some(at) = initial_clock {
                store.set_clock_if_unset(at)?;
            }
            Ok::<_, StoreError>(store)
        })
        .await
        .map_err(|e| ServeError::Task(e.to_string()))??;
        let faults = {
            let mut store = store;
            let faults = store.faults()?;
            (store, faults)
        };
        let state = Arc::new(AppState {
            store: Arc::new(Mutex::new(faults.0)),
            faults: RwLock::new(faults.1),
            calendar: config.calendar.clone(),
        });
        let listener =
            TcpListener::bind(config.listen)
                .await
                .map_err(|source| ServeError::Bind {
                    addr: config.listen,
                    source,
                })?;
        let addr = listener.local_addr().map_err(|source| ServeError::Bind {
            addr: config.listen,
            source,
        })?;
        let (shutdown, shutdown_rx) = watch::channel(false);
        let router = routes(state.clone());
        let task = tokio::spawn(serve_loop(
            listener,
            router,
            state,
            shutdown_rx,
            config.tick,
        ));
        Ok(RunningSandbox {
            addr,
            shutdown,
            task,
        })
    }
}

async fn serve_loop(
    listener: TcpListener,
    router: Router,
    state: Arc<AppState>,
    mut shutdown: watch::Receiver<bool>,
    tick: Duration,
) -> Result<(), ServeError> {
    let mut connections = JoinSet::new();
    let ticker = tokio::spawn(tick_loop(state.clone(), shutdown.clone(), tick));
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, peer)) = accepted else {
                    // Out of file descriptors and the like: back off instead of spinning.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                };
                let _ = stream.set_nodelay(true);
                connections.spawn(serve_connection(stream, peer, router.clone(), shutdown.clone()));
            }
            _ = shutdown.changed() => break,
        }
        // Reap finished connection tasks so the set does not grow without bound.
        while connections.try_join_next().is_some() {}
    }
    drop(listener);
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    connections.abort_all();
    let _ = ticker.await;
    let store = state.store.clone();
    tokio::task::spawn_blocking(move || match store.lock() {
        Ok(store) => store.checkpoint(),
        Err(_) => Ok(()),
    })
    .await
    .map_err(|e| ServeError::Task(e.to_string()))??;
    Ok(())
}

async fn serve_connection(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    router: Router,
    mut shutdown: watch::Receiver<bool>,
) {
    let kill = Arc::new(Notify::new());
    let request_kill = kill.clone();
    let service =
        hyper::service::service_fn(move |mut request: hyper::Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            request
                .extensions_mut()
                .insert(ConnectionKill(request_kill.clone()));
            let mut router = router.clone();
            async move { router.call(request.map(Body::new)).await }
        });
    let connection = hyper::server::conn::http1::Builder::new()
        .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
    tokio::pin!(connection);
    tokio::select! {
        _ = connection.as_mut() => {}
        // Dropping the connection future closes the socket before any answer is written.
        _ = kill.notified() => {}
        _ = shutdown.changed() => {
            connection.as_mut().graceful_shutdown();
            let _ = connection.await;
        }
    }
}

async fn tick_loop(state: Arc<AppState>, mut shutdown: watch::Receiver<bool>, tick: Duration) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(tick) => {}
            _ = shutdown.changed() => return,
        }
        let store = state.store.clone();
        let refreshed = tokio::task::spawn_blocking(move || {
            let mut store = store.lock().ok()?;
            store.advance_due().ok()?;
            store.faults().ok()
        })
        .await;
        if let Ok(Some(faults)) = refreshed
            && let Ok(mut shared) = state.faults.write()
        {
            *shared = faults;
        }
    }
}

fn routes(state: Arc<AppState>) -> Router {
    let mut router = Router::new();
    for prefix in API_PREFIXES {
        let orders = format!("{prefix}/accounts/{{account}}/lsrorders");
        router = router
            .route(&orders, get(list_orders).post(create_order))
            .route(
                &format!("{orders}/{{order}}"),
                get(read_order).put(update_order),
            )
            .route(&format!("{orders}/{{order}}/history"), get(read_history))
            .route(
                &format!("{orders}/{{order}}/notes"),
                get(list_notes).post(create_note),
            )
            .route(
                &format!("{orders}/{{order}}/notes/{{note}}"),
                put(update_note),
            );
    }
    let admin = Router::new()
        .route("/sandbox/clock", get(admin_clock_show))
        .route("/sandbox/clock/set", post(admin_clock_set))
        .route("/sandbox/clock/advance", post(admin_clock_advance))
        .route("/sandbox/npac/subscribe", post(admin_npac_subscribe))
        .route("/sandbox/npac/activate", post(admin_npac_activate))
        .route(
            "/sandbox/inventory",
            get(admin_inventory_list).post(admin_inventory_add),
        )
        .route(
            "/sandbox/faults",
            get(admin_faults_show)
                .put(admin_faults_set)
                .delete(admin_faults_clear),
        )
        .route("/sandbox/reset", post(admin_reset))
        .route_layer(axum::middleware::from_fn(loopback_only));
    router
        .route("/api/v1/oauth2/token", post(issue_token))
        .route("/oauth2/token", post(issue_token))
        .merge(admin)
        .fallback(not_found)
        .with_state(state)
}

// ---- responses ----

fn xml_response(status: StatusCode, body: String) -> Response {
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static(wire::CONTENT_TYPE),
        )],
        body,
    )
        .into_response()
}

fn write_or_500(result: Result<String, wire::WireError>, status: StatusCode) -> Response {
    match result {
        Ok(body) => xml_response(status, body),
        Err(e) => plain_error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

fn json_response<T: Serialize + ?Sized>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_string(value) {
        Ok(body) => (
            status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            body,
        )
            .into_response(),
        Err(e) => plain_error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

fn plain_error(status: StatusCode, message: &str) -> Response {
    (status, message.to_string()).into_response()
}

/// An `LsrOrderResponse` holding only a `ResponseStatus`.
fn status_response(status: StatusCode, code: Option<u32>, description: &str) -> Response {
    let body = wire::LsrOrderResponse {
        response_status: Some(wire::ResponseStatus::new(code, description)),
        ..Default::default()
    };
    write_or_500(wire::response_to_xml(&body, OrderLayout::Stored), status)
}

fn order_not_found(order_id: &str) -> Response {
    // Bandwidth's 404 for order paths (PUT example): 5035 "lsr order X not found.".
    write_or_500(
        wire::response_to_xml(
            &wire::LsrOrderResponse::not_found(order_id),
            OrderLayout::Stored,
        ),
        StatusCode::NOT_FOUND,
    )
}

fn unauthorized() -> Response {
    let mut response = status_response(
        StatusCode::UNAUTHORIZED,
        Some(401),
        "Authentication required: send a Bearer token from /api/v1/oauth2/token or HTTP Basic API user credentials",
    );
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer realm=\"lsr sandbox\", Basic realm=\"lsr sandbox\""),
    );
    response
}

fn forbidden(account: &str) -> Response {
    status_response(
        StatusCode::FORBIDDEN,
        Some(403),
        &format!("The credentials are not authorized for account {account}"),
    )
}

fn internal(e: impl std::fmt::Display) -> Response {
    status_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        Some(500),
        &format!("sandbox internal error: {e}"),
    )
}

async fn not_found() -> Response {
    status_response(
        StatusCode::NOT_FOUND,
        Some(404),
        "The resource does not exist",
    )
}

/// Runs store work on the blocking pool under the store lock.
async fn with_store<T: Send + 'static>(
    state: &Arc<AppState>,
    work: impl FnOnce(&mut Store) -> T + Send + 'static,
) -> Result<T, Response> {
    let store = state.store.clone();
    tokio::task::spawn_blocking(move || {
        let mut store = store
            .lock()
            .map_err(|_| "sandbox store lock poisoned".to_string())?;
        Ok::<T, String>(work(&mut store))
    })
    .await
    .map_err(internal)?
    .map_err(internal)
}

/// The common shape of an API handler: injected faults, then `work` on the store with the
/// caller authorized for `account` (401/403 otherwise). A refusal at any step is the answer.
async fn authorized<T: Send + 'static>(
    state: &Arc<AppState>,
    headers: &HeaderMap,
    account: String,
    work: impl FnOnce(&mut Store, Principal, &str) -> Result<T, Response> + Send + 'static,
) -> Result<T, Response> {
    inject_faults(state).await?;
    let creds = credentials(headers);
    with_store(state, move |store| {
        let principal = authorize(store, &creds, &account)?;
        work(store, principal, &account)
    })
    .await?
}

// ---- authentication ----

#[derive(Clone)]
enum Credentials {
    None,
    Basic { user: String, secret: String },
    Bearer(String),
}

fn credentials(headers: &HeaderMap) -> Credentials {
    let Some(value) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    else {
        return Credentials::None;
    };
    let (scheme, rest) = value.trim().split_once(' ').unwrap_or((value, ""));
    if scheme.eq_ignore_ascii_case("bearer") {
        return Credentials::Bearer(rest.trim().to_string());
    }
    if scheme.eq_ignore_ascii_case("basic") {
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(rest.trim())
            .ok()
            .and_then(|b| String::from_utf8(b).ok());
        if let Some((user, secret)) = decoded.as_deref().and_then(|d| d.split_once(':')) {
            return Credentials::Basic {
                user: user.to_string(),
                secret: secret.to_string(),
            };
        }
    }
    Credentials::None
}

/// The caller, allowed on `account`; 401 without or with bad credentials, 403 for another
/// account's path.
fn authorize(store: &Store, creds: &Credentials, account: &str) -> Result<Principal, Response> {
    let principal = match creds {
        Credentials::None => None,
        Credentials::Basic { user, secret } => {
            store.authenticate_user(user, secret).map_err(internal)?
        }
        Credentials::Bearer(token) => store.authenticate_token(token).map_err(internal)?,
    };
    let principal = principal.ok_or_else(unauthorized)?;
    if principal.account_id != account {
        return Err(forbidden(account));
    }
    Ok(principal)
}

/// Latency and injected 503s for API requests.
async fn inject_faults(state: &Arc<AppState>) -> Result<f64, Response> {
    let faults = state.faults.read().map(|f| f.clone()).unwrap_or_default();
    if faults.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(faults.latency_ms)).await;
    }
    if faults.error_rate > 0.0 && fastrand::f64() < faults.error_rate {
        let mut response = status_response(
            StatusCode::SERVICE_UNAVAILABLE,
            Some(503),
            "Service temporarily unavailable (sandbox fault injection)",
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return Err(response);
    }
    Ok(faults.drop_after_commit)
}

/// Reads a request body, refusing more than [`MAX_REQUEST_BYTES`] with 413.
async fn read_body(body: Body) -> Result<Bytes, Response> {
    let too_large = || {
        status_response(
            StatusCode::PAYLOAD_TOO_LARGE,
            Some(413),
            &format!("Request body is larger than {MAX_REQUEST_BYTES} bytes"),
        )
    };
    let bytes = axum::body::to_bytes(body, MAX_DRAINED_BYTES)
        .await
        .map_err(|_| too_large())?;
    if bytes.len() > MAX_REQUEST_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

/// A 400 for a body that is not the XML expected.
fn bad_body(description: String) -> Response {
    status_response(StatusCode::BAD_REQUEST, Some(400), &description)
}

fn decode_order(bytes: &[u8]) -> Result<wire::LsrOrder, Response> {
    let order: wire::LsrOrder =
        wire::decode(bytes).map_err(|e| bad_body(format!("Invalid request body: {e}")))?;
    if let Some(unknown) = first_unknown_element(bytes) {
        return Err(bad_body(format!(
            "Invalid request body: unknown element <{unknown}>"
        )));
    }
    Ok(order)
}

// ---- mapping between the store and the wire ----

/// The client's fields of a draft as wire elements, with the output-only `Country` Bandwidth
/// adds to the service address.
fn wire_from_draft(draft: &OrderDraft) -> wire::LsrOrder {
    let mut out = wire::LsrOrder::from_draft(draft);
    if let Some(address) = out
        .subscriber
        .as_mut()
        .and_then(|s| s.service_address.as_mut())
    {
        address.country = Some("United States".to_string());
    }
    out
}

/// A stored order as Bandwidth returns it.
fn wire_from_stored(order: &StoredOrder, spid: Option<&str>) -> wire::LsrOrder {
    let mut out = wire_from_draft(&order.draft);
    out.order_id = Some(order.id.clone());
    out.account_id = Some(order.account_id.clone());
    out.pon = Some(order.pon.clone());
    out.pon_version = Some(order.pon_version);
    out.spid = out.spid.or_else(|| spid.map(str::to_string));
    out.order_status = Some(order.status.as_str().to_string());
    out.requested_foc_date = order.requested_foc.map(wire::format_wire_date);
    out.actual_foc_date = order.actual_foc.map(wire::format_wire_date);
    out.order_create_date = Some(clock::format_timestamp(order.created_at));
    out.last_modified_date = Some(clock::format_timestamp(order.modified_at));
    out.created_by_user = Some(order.created_by.clone());
    out.last_modified_by = Some(order.modified_by.clone());
    out.peer_id = Some(0);
    out.site_id = Some(0);
    out.list_of_telephone_numbers = Some(order.tns.iter().map(|t| t.digits()).collect());
    out.count_of_tns = Some(u32::try_from(order.tns.len()).unwrap_or(u32::MAX));
    out.lsr_order_errors = Some(wire_errors(&order.errors));
    out
}

fn wire_errors(errors: &[OrderError]) -> Vec<LsrOrderError> {
    errors
        .iter()
        .map(|e| LsrOrderError::new(e.code, e.description.clone()))
        .collect()
}

/// The validation errors of a draft, as Bandwidth codes and texts.
fn validation_errors(
    draft: &OrderDraft,
    today: chrono::NaiveDate,
    calendar: &validate::BusinessCalendar,
) -> (Vec<OrderError>, Option<crate::model::LsrOrder>) {
    let report = validate::validate_order(draft, &ValidationContext::offline(today, calendar));
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| OrderError {
            code: f.code.unwrap_or(400),
            description: f.message.clone(),
        })
        .collect();
    (errors, report.order)
}

/// The 400 answer to a POST or PUT that failed validation: the errors and the echoed order,
/// FAILED (with no OrderId for a POST: there is nothing to track).
fn validation_failed(errors: &[OrderError], echo: wire::LsrOrder) -> Response {
    let body = wire::LsrOrderResponse::rejected(wire_errors(errors), echo);
    write_or_500(
        wire::response_to_xml(&body, OrderLayout::Created),
        StatusCode::BAD_REQUEST,
    )
}

/// `http://host/api/v1` as the client addressed us (for `Location`).
fn base_for(headers: &HeaderMap, uri: &Uri) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    let path = uri.path();
    let prefix = path.find("/accounts/").map_or("", |i| &path[..i]);
    format!("http://{host}{prefix}")
}

// ---- the lsrorders endpoints ----

async fn create_order(
    State(state): State<Arc<AppState>>,
    Path(account): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    request: Request,
) -> Response {
    let kill = request.extensions().get::<ConnectionKill>().cloned();
    let drop_rate = match inject_faults(&state).await {
        Ok(rate) => rate,
        Err(response) => return response,
    };
    let bytes = match read_body(request.into_body()).await {
        Ok(bytes) => bytes,
        Err(response) => return response,
    };
    let creds = credentials(&headers);
    let calendar = state.calendar.clone();
    let account_for_store = account.clone();
    let outcome = with_store(&state, move |store| {
        let principal = authorize(store, &creds, &account_for_store)?;
        let wire_order = decode_order(&bytes)?;
        store.advance_due().map_err(internal)?;
        let today = store.today().map_err(internal)?;
        let draft = wire_order.to_draft();
        let (errors, typed) = validation_errors(&draft, today, &calendar);
        let typed = match typed {
            Some(typed) if errors.is_empty() => typed,
            _ => {
                let mut echo = wire_from_draft(&draft);
                echo.account_id = Some("0".to_string());
                echo.created_by_user = Some(principal.name.clone());
                echo.last_modified_by = Some(principal.name.clone());
                let errors = if errors.is_empty() {
                    vec![OrderError {
                        code: 17000,
                        description: "Lsr order payload is required".to_string(),
                    }]
                } else {
                    errors
                };
                return Err(validation_failed(&errors, echo));
            }
        };
        let spid = store
            .account_spid(&principal.account_id)
            .map_err(internal)?;
        let new = NewOrder {
            pon: typed.pon.to_string(),
            tns: typed.tns.clone(),
            requested_foc: typed.requested_foc_date,
            draft,
        };
        let order = store.create_order(&principal, new).map_err(internal)?;
        Ok((order, spid))
    })
    .await;
    let (order, spid) = match outcome {
        Ok(Ok(created)) => created,
        Ok(Err(response)) | Err(response) => return response,
    };
    if drop_rate > 0.0
        && fastrand::f64() < drop_rate
        && let Some(kill) = kill
    {
        // Drop-after-commit: the order is stored; the client never hears about it.
        kill.0.notify_one();
        return std::future::pending().await;
    }
    let location = format!(
        "{}/accounts/{account}/lsrorders/{}",
        base_for(&headers, &uri),
        order.id
    );
    let body = wire::LsrOrderResponse {
        lsr_order: Some({
            let mut out = wire_from_stored(&order, spid.as_deref());
            // The 201 example carries neither errors nor a TN count.
            out.lsr_order_errors = None;
            out.count_of_tns = None;
            out
        }),
        ..Default::default()
    };
    let mut response = write_or_500(
        wire::response_to_xml(&body, OrderLayout::Created),
        StatusCode::CREATED,
    );
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// Parses the list query; unknown parameters are ignored, bad values are errors (Bandwidth
/// answers those with 404).
fn parse_filter(query: Option<&str>) -> Result<OrderFilter, String> {
    let mut filter = OrderFilter::default();
    let date = |value: &str, name: &str| {
        chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .map_err(|_| format!("query parameter {name}={value} is not a yyyy-MM-dd date"))
    };
    for (key, value) in form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
        let value = value.trim().to_string();
        match key.as_ref() {
            "pon" => filter.pon = Some(value),
            "tn" => {
                let tn = Tn::parse(&value)
                    .map_err(|_| format!("query parameter tn={value} is not a telephone number"))?;
                filter.tn = Some(tn.digits());
            }
            "status" => {
                for word in value.split(',').filter(|w| !w.trim().is_empty()) {
                    let status = word.parse::<OrderStatus>().map_err(|_| {
                        format!("query parameter status={word} is not an order status")
                    })?;
                    filter.statuses.push(status);
                }
            }
            "customerOrderId" => filter.customer_order_id = Some(value),
            "orderIdFragment" => filter.order_id_fragment = Some(value),
            "createdDateFrom" => filter.created_from = Some(date(&value, "createdDateFrom")?),
            "createdDateTo" => filter.created_to = Some(date(&value, "createdDateTo")?),
            "modifiedDateFrom" => filter.modified_from = Some(date(&value, "modifiedDateFrom")?),
            "modifiedDateTo" => filter.modified_to = Some(date(&value, "modifiedDateTo")?),
            _ => {}
        }
    }
    Ok(filter)
}

async fn list_orders(
    State(state): State<Arc<AppState>>,
    Path(account): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let query = uri.query().map(str::to_string);
    let outcome = authorized(&state, &headers, account, move |store, _, account| {
        let filter = parse_filter(query.as_deref())
            .map_err(|why| status_response(StatusCode::NOT_FOUND, Some(404), &why))?;
        store.advance_due().map_err(internal)?;
        let spid = store.account_spid(account).map_err(internal)?;
        let (orders, total) = store.list_orders(account, &filter).map_err(internal)?;
        let summaries = orders
            .iter()
            .map(|o| wire::LsrOrderSummary::from(&wire_from_stored(o, spid.as_deref())))
            .collect();
        let body = wire::LsrOrders {
            total_count: Some(u32::try_from(total).unwrap_or(u32::MAX)),
            summaries,
        };
        Ok(wire::to_xml(&body))
    })
    .await;
    match outcome {
        Ok(body) => write_or_500(body, StatusCode::OK),
        Err(response) => response,
    }
}

async fn read_order(
    State(state): State<Arc<AppState>>,
    Path((account, order_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let outcome = authorized(&state, &headers, account, move |store, _, account| {
        store.advance_due().map_err(internal)?;
        let order = store
            .order(account, &order_id)
            .map_err(internal)?
            .ok_or_else(|| order_not_found(&order_id))?;
        let spid = store.account_spid(account).map_err(internal)?;
        Ok(wire::order_to_xml(
            &wire_from_stored(&order, spid.as_deref()),
            OrderLayout::Stored,
        ))
    })
    .await;
    match outcome {
        Ok(body) => write_or_500(body, StatusCode::OK),
        Err(response) => response,
    }
}

async fn update_order(
    State(state): State<Arc<AppState>>,
    Path((account, order_id)): Path<(String, String)>,
    headers: HeaderMap,
    request: Request,
) -> Response {
    let bytes = match read_body(request.into_body()).await {
        Ok(bytes) => bytes,
        Err(response) => return response,
    };
    let calendar = state.calendar.clone();
    let outcome = authorized(
        &state,
        &headers,
        account,
        move |store, principal, account| {
            let wire_order = decode_order(&bytes)?;
            store.advance_due().map_err(internal)?;
            let order = store
                .order(account, &order_id)
                .map_err(internal)?
                .ok_or_else(|| order_not_found(&order_id))?;
            let spid = store.account_spid(account).map_err(internal)?;
            let update = OrderUpdate {
                // Supps change the fields that are present (the draft overlay keeps the others).
                draft: wire_order.to_draft(),
                order_status: wire_order.order_status.clone(),
            };
            let echo_base = order.clone();
            let calendar_for_check = calendar.clone();
            match store.update_order(&principal, order, &update, move |merged, today| {
                validation_errors(merged, today, &calendar_for_check).0
            }) {
                Ok(updated) => {
                    let body = wire::LsrOrderResponse {
                        lsr_order: Some(wire_from_stored(&updated, spid.as_deref())),
                        ..Default::default()
                    };
                    Ok(wire::response_to_xml(&body, OrderLayout::Stored))
                }
                Err(UpdateError::Rejected(errors)) => {
                    let mut echo_order = echo_base;
                    let mut changes = update.draft.clone();
                    changes.pon = None;
                    changes.tns.clear();
                    echo_order.draft = echo_order.draft.clone().overlay(&changes);
                    Err(validation_failed(
                        &errors,
                        wire_from_stored(&echo_order, spid.as_deref()),
                    ))
                }
                Err(UpdateError::Store(e)) => Err(internal(e)),
            }
        },
    )
    .await;
    match outcome {
        Ok(body) => write_or_500(body, StatusCode::OK),
        Err(response) => response,
    }
}

fn wire_history(entries: &[HistoryEntry]) -> wire::OrderHistoryWrapper {
    wire::OrderHistoryWrapper {
        entries: entries
            .iter()
            .map(|e| wire::OrderHistory {
                order_date: Some(clock::format_timestamp(e.at)),
                note: Some(e.note.clone()),
                author: e.author.clone(),
                status: Some(e.status.as_str().to_string()),
                difference: e.difference.clone(),
            })
            .collect(),
    }
}

async fn read_history(
    State(state): State<Arc<AppState>>,
    Path((account, order_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let outcome = authorized(&state, &headers, account, move |store, _, account| {
        store.advance_due().map_err(internal)?;
        let exists = store.order(account, &order_id).map_err(internal)?.is_some();
        if !exists {
            let body = wire::LsrOrderReportResponse::not_found();
            return Err(write_or_500(wire::to_xml(&body), StatusCode::NOT_FOUND));
        }
        let entries = store.history(&order_id).map_err(internal)?;
        Ok(wire::to_xml(&wire_history(&entries)))
    })
    .await;
    match outcome {
        Ok(body) => write_or_500(body, StatusCode::OK),
        Err(response) => response,
    }
}

fn wire_note(note: &StoredNote) -> wire::Note {
    wire::Note {
        id: Some(note.id.to_string()),
        user_id: Some(note.user_id.clone()),
        description: Some(note.description.clone()),
        last_date_modifier: Some(clock::format_timestamp(note.modified_at)),
    }
}

async fn list_notes(
    State(state): State<Arc<AppState>>,
    Path((account, order_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let outcome = authorized(&state, &headers, account, move |store, _, account| {
        if store.order(account, &order_id).map_err(internal)?.is_none() {
            return Err(order_not_found(&order_id));
        }
        store.notes(&order_id).map_err(internal)
    })
    .await;
    match outcome {
        Ok(notes) if notes.is_empty() => StatusCode::NO_CONTENT.into_response(),
        Ok(notes) => {
            let body = wire::Notes {
                notes: notes.iter().map(wire_note).collect(),
            };
            write_or_500(wire::to_xml(&body), StatusCode::OK)
        }
        Err(response) => response,
    }
}

fn note_refused(code: u32, description: &str) -> Response {
    let body = wire::NoteResponse::error(code, description);
    write_or_500(wire::to_xml(&body), StatusCode::BAD_REQUEST)
}

/// Checks a note body: a user id equal to the caller (Bandwidth's rule), a non-empty text of at
/// most 500 characters.
fn checked_note(bytes: &[u8], principal: &Principal) -> Result<(String, String), Response> {
    let note: wire::Note =
        wire::decode(bytes).map_err(|e| bad_body(format!("Invalid request body: {e}")))?;
    if let Some(unknown) = first_unknown_element(bytes) {
        return Err(bad_body(format!(
            "Invalid request body: unknown element <{unknown}>"
        )));
    }
    let user = note.user_id.unwrap_or_default();
    if user.trim().is_empty() {
        return Err(note_refused(12501, "Username is required"));
    }
    if user.trim() != principal.name {
        return Err(note_refused(
            12501,
            "UserId must match the authenticated user",
        ));
    }
    let text = note.description.unwrap_or_default();
    if text.trim().is_empty() {
        return Err(note_refused(12502, "Note description is required"));
    }
    if text.chars().count() > MAX_NOTE_CHARS {
        return Err(note_refused(
            12503,
            "Note description is longer than 500 characters",
        ));
    }
    Ok((user.trim().to_string(), text))
}

async fn create_note(
    State(state): State<Arc<AppState>>,
    Path((account, order_id)): Path<(String, String)>,
    headers: HeaderMap,
    uri: Uri,
    request: Request,
) -> Response {
    let bytes = match read_body(request.into_body()).await {
        Ok(bytes) => bytes,
        Err(response) => return response,
    };
    let order_for_store = order_id.clone();
    let outcome = authorized(
        &state,
        &headers,
        account,
        move |store, principal, account| {
            if store
                .order(account, &order_for_store)
                .map_err(internal)?
                .is_none()
            {
                return Err(order_not_found(&order_for_store));
            }
            let (user, text) = checked_note(&bytes, &principal)?;
            store
                .add_note(&order_for_store, &user, &text)
                .map_err(internal)
        },
    )
    .await;
    match outcome {
        Ok(note_id) => {
            let location = format!("http://{}{}/{note_id}", host_of(&headers), uri.path());
            let mut response = StatusCode::CREATED.into_response();
            if let Ok(value) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(header::LOCATION, value);
            }
            response
        }
        Err(response) => response,
    }
}

fn host_of(headers: &HeaderMap) -> String {
    headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost")
        .to_string()
}

async fn update_note(
    State(state): State<Arc<AppState>>,
    Path((account, order_id, note_id)): Path<(String, String, String)>,
    headers: HeaderMap,
    request: Request,
) -> Response {
    let bytes = match read_body(request.into_body()).await {
        Ok(bytes) => bytes,
        Err(response) => return response,
    };
    let outcome = authorized(
        &state,
        &headers,
        account,
        move |store, principal, account| {
            if store.order(account, &order_id).map_err(internal)?.is_none() {
                return Err(order_not_found(&order_id));
            }
            let (user, text) = checked_note(&bytes, &principal)?;
            let updated = match note_id.parse::<i64>() {
                Ok(id) => store
                    .update_note(&order_id, id, &user, &text)
                    .map_err(internal)?,
                Err(_) => false,
            };
            if !updated {
                return Err(status_response(
                    StatusCode::NOT_FOUND,
                    Some(404),
                    &format!("note {note_id} not found on lsr order {order_id}."),
                ));
            }
            Ok(())
        },
    )
    .await;
    match outcome {
        Ok(()) => StatusCode::OK.into_response(),
        Err(response) => response,
    }
}

// ---- OAuth2 ----

#[derive(Serialize)]
struct TokenAnswer {
    access_token: String,
    expires_in: i64,
    token_type: &'static str,
}

fn token_error(status: StatusCode, error: &str, description: &str) -> Response {
    json_response(
        status,
        &serde_json::json!({"error": error, "error_description": description}),
    )
}

async fn issue_token(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    request: Request,
) -> Response {
    let bytes = match read_body(request.into_body()).await {
        Ok(bytes) => bytes,
        Err(response) => return response,
    };
    let mut grant = None;
    let mut form_id = None;
    let mut form_secret = None;
    for (key, value) in form_urlencoded::parse(&bytes) {
        match key.as_ref() {
            "grant_type" => grant = Some(value.into_owned()),
            "client_id" => form_id = Some(value.into_owned()),
            "client_secret" => form_secret = Some(value.into_owned()),
            _ => {}
        }
    }
    if grant.as_deref() != Some("client_credentials") {
        return token_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "grant_type must be client_credentials",
        );
    }
    let (client_id, secret) = match (credentials(&headers), form_id, form_secret) {
        (Credentials::Basic { user, secret }, _, _) => (user, secret),
        (_, Some(id), Some(secret)) => (id, secret),
        _ => {
            return token_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "send the client id and secret with HTTP Basic",
            );
        }
    };
    let issued = with_store(&state, move |store| store.issue_token(&client_id, &secret)).await;
    match issued {
        Ok(Ok(Some((access_token, expires_in)))) => json_response(
            StatusCode::OK,
            &TokenAnswer {
                access_token,
                expires_in,
                token_type: "Bearer",
            },
        ),
        Ok(Ok(None)) => token_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "unknown client id or wrong secret",
        ),
        Ok(Err(e)) => internal(e),
        Err(response) => response,
    }
}

// ---- admin endpoints (loopback only) ----

#[derive(Debug, Deserialize)]
struct ClockSet {
    time: String,
}

#[derive(Debug, Deserialize)]
struct ClockAdvance {
    duration: String,
}

#[derive(Debug, Deserialize)]
struct NpacRequest {
    order: String,
    #[serde(default)]
    medium_timers: bool,
}

#[derive(Debug, Deserialize)]
struct InventoryAdd {
    tn: String,
    behaviour: String,
    #[serde(default)]
    pin: Option<String>,
}

fn admin_error(status: StatusCode, message: &str) -> Response {
    json_response(status, &serde_json::json!({"error": message}))
}

fn admin_failure(e: AdminError) -> Response {
    match e {
        AdminError::NotFound(m) => admin_error(StatusCode::NOT_FOUND, &m),
        AdminError::Conflict(m) => admin_error(StatusCode::CONFLICT, &m),
        AdminError::Invalid(m) => admin_error(StatusCode::BAD_REQUEST, &m),
        AdminError::Store(e) => admin_error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// The admin endpoints answer only loopback peers: they can rewrite time and data.
async fn loopback_only(request: Request, next: Next) -> Response {
    match request.extensions().get::<ConnectInfo<SocketAddr>>() {
        Some(ConnectInfo(addr)) if addr.ip().is_loopback() => next.run(request).await,
        _ => admin_error(
            StatusCode::FORBIDDEN,
            "the /sandbox/ admin endpoints answer only loopback clients",
        ),
    }
}

async fn admin<T: Serialize + Send + 'static>(
    state: &Arc<AppState>,
    work: impl FnOnce(&mut Store) -> Result<T, AdminError> + Send + 'static,
) -> Response {
    match with_store(state, work).await {
        Ok(Ok(value)) => json_response(StatusCode::OK, &value),
        Ok(Err(e)) => admin_failure(e),
        Err(response) => response,
    }
}

fn json_body<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, Response> {
    serde_json::from_slice(bytes)
        .map_err(|e| admin_error(StatusCode::BAD_REQUEST, &format!("bad JSON body: {e}")))
}

async fn admin_clock_show(State(state): State<Arc<AppState>>) -> Response {
    admin(&state, |store| Ok(clock_view(store)?)).await
}

async fn admin_clock_set(State(state): State<Arc<AppState>>, body: Bytes) -> Response {
    let request: ClockSet = match json_body(&body) {
        Ok(r) => r,
        Err(response) => return response,
    };
    admin(&state, move |store| {
        let at =
            clock::parse_time(&request.time).map_err(|e| AdminError::Invalid(e.to_string()))?;
        store.set_clock(at)?;
        Ok(clock_view(store)?)
    })
    .await
}

async fn admin_clock_advance(State(state): State<Arc<AppState>>, body: Bytes) -> Response {
    let request: ClockAdvance = match json_body(&body) {
        Ok(r) => r,
        Err(response) => return response,
    };
    admin(&state, move |store| {
        let by = clock::parse_duration(&request.duration)
            .map_err(|e| AdminError::Invalid(e.to_string()))?;
        store.advance_clock(by)?;
        Ok(clock_view(store)?)
    })
    .await
}

async fn admin_npac_subscribe(State(state): State<Arc<AppState>>, body: Bytes) -> Response {
    let request: NpacRequest = match json_body(&body) {
        Ok(r) => r,
        Err(response) => return response,
    };
    admin(&state, move |store| {
        let order = store.npac_subscribe(&request.order, request.medium_timers)?;
        Ok(npac_view(&order, store.calendar()))
    })
    .await
}

async fn admin_npac_activate(State(state): State<Arc<AppState>>, body: Bytes) -> Response {
    let request: NpacRequest = match json_body(&body) {
        Ok(r) => r,
        Err(response) => return response,
    };
    admin(&state, move |store| {
        let order = store.npac_activate(&request.order)?;
        Ok(npac_view(&order, store.calendar()))
    })
    .await
}

async fn admin_inventory_list(State(state): State<Arc<AppState>>) -> Response {
    admin(&state, |store| Ok(inventory_view(store)?)).await
}

async fn admin_inventory_add(State(state): State<Arc<AppState>>, body: Bytes) -> Response {
    let request: InventoryAdd = match json_body(&body) {
        Ok(r) => r,
        Err(response) => return response,
    };
    admin(&state, move |store| {
        add_inventory(
            store,
            &request.tn,
            &request.behaviour,
            request.pin.as_deref(),
        )
    })
    .await
}

async fn admin_faults_show(State(state): State<Arc<AppState>>) -> Response {
    admin(&state, |store| Ok(store.faults()?)).await
}

async fn admin_faults_set(State(state): State<Arc<AppState>>, body: Bytes) -> Response {
    let faults: Faults = match json_body(&body) {
        Ok(r) => r,
        Err(response) => return response,
    };
    let shared = state.clone();
    let response = admin(&state, move |store| {
        check_faults(&faults)?;
        store.set_faults(&faults)?;
        Ok(faults)
    })
    .await;
    refresh_faults(&shared).await;
    response
}

async fn admin_faults_clear(State(state): State<Arc<AppState>>) -> Response {
    let response = admin(&state, |store| {
        store.set_faults(&Faults::default())?;
        Ok(Faults::default())
    })
    .await;
    refresh_faults(&state).await;
    response
}

async fn refresh_faults(state: &Arc<AppState>) {
    if let Ok(Ok(faults)) = with_store(state, |store| store.faults()).await
        && let Ok(mut shared) = state.faults.write()
    {
        *shared = faults;
    }
}

async fn admin_reset(State(state): State<Arc<AppState>>) -> Response {
    let response = admin(&state, |store| {
        store.reset()?;
        Ok(serde_json::json!({"reset": true}))
    })
    .await;
    refresh_faults(&state).await;
    response
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn router() -> Router {
        let store = Store::open_in_memory(validate::BusinessCalendar::us_npac(), 0).unwrap();
        routes(Arc::new(AppState {
            store: Arc::new(Mutex::new(store)),
            faults: RwLock::new(Faults::default()),
            calendar: validate::BusinessCalendar::us_npac(),
        }))
    }

    async fn admin_status(peer: &str) -> StatusCode {
        let mut request = Request::builder()
            .uri("/sandbox/clock")
            .body(Body::empty())
            .unwrap();
        request
            .extensions_mut()
            .insert(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
        router().call(request).await.unwrap().status()
    }

    #[tokio::test]
    async fn admin_endpoints_answer_only_loopback_peers() {
        assert_eq!(admin_status("127.0.0.1:40000").await, StatusCode::OK);
        assert_eq!(admin_status("[::1]:40000").await, StatusCode::OK);
        assert_eq!(admin_status("192.0.2.7:40000").await, StatusCode::FORBIDDEN);
    }

    #[test]
    fn list_filters_parse_and_refuse_bad_values() {
        let filter = parse_filter(Some(
            "status=FOC&status=failed&tn=919-238-0100&pon=A&x=ignored",
        ))
        .unwrap();
        assert_eq!(filter.statuses, vec![OrderStatus::Foc, OrderStatus::Failed]);
        assert_eq!(filter.tn.as_deref(), Some("9192380100"));
        assert!(parse_filter(Some("createdDateFrom=12/01/2026")).is_err());
        assert!(parse_filter(Some("status=NEW")).is_err());
    }
}
