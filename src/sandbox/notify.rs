//! Order notifications to subscribers, as Bandwidth sends them (Bandwidth/api-docs
//! `site/docs/numbers/webhooks.md`, `orderWebhook.md`): a `<Notification>` POSTed to each
//! callback URL that covers an order's state change or note.
//!
//! Off the request path: a task of the server takes what the store says is owed (see
//! [`Store::take_notifications`]) on every tick and hands it to one task per subscription,
//! which delivers that subscription's notifications in order; a slow receiver delays only its
//! own. An API request never waits for a
//! callback and never fails because of one. There is no retry (Bandwidth does not retry an
//! order notification either); the last attempt's outcome becomes the subscription's `Status`.
//!
//! With Basic credentials the first request goes without them (and without a body) and must be
//! answered 401 with a `WWW-Authenticate: Basic` challenge; then the notification is sent with
//! the credentials. A receiver that does not challenge gets nothing, as with Bandwidth. Only
//! `http://` URLs are delivered (the sandbox is a loopback test backend; put `lsr listen`'s
//! plain port, or a proxy, behind it).

use std::collections::HashMap;
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderValue, Request, StatusCode, Uri, header};
use base64::Engine as _;
use tokio::net::TcpStream;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinSet;

use super::clock::format_timestamp;
use super::store::{OrderEvent, Store, StoredSubscription};
use crate::wire::{self, Notification};

/// How long one callback request may take, connection included.
pub const CALLBACK_TIMEOUT: Duration = Duration::from_secs(10);

/// The `<Notification>` for one event of one subscription.
pub fn notification(subscription: &StoredSubscription, event: &OrderEvent) -> Notification {
    Notification {
        subscription_id: Some(subscription.id.clone()),
        order_type: Some(subscription.order_type.clone()),
        order_id: Some(event.order_id.clone()),
        customer_order_id: event.customer_order_id.clone(),
        status: Some(event.status.as_str().to_string()),
        message: event.message.clone(),
        note: event.note.clone(),
        completed_telephone_numbers: event.completed_tns.clone(),
        last_modified_date: Some(format_timestamp(event.at)),
        actual_foc_date: None,
    }
}

/// Notifications waiting for one subscriber; past this a notification is dropped (and the
/// subscription's `Status` says so), as one Bandwidth could not deliver.
const QUEUE_PER_SUBSCRIBER: usize = 1_000;

type Queue = mpsc::Sender<(StoredSubscription, OrderEvent)>;

/// How the notifier reaches the store: the server runs store work on the store's own thread
/// (`server/worker.rs`), and so does the notifier, beside the requests.
pub(crate) trait StoreAccess: Clone + Send + Sync + 'static {
    /// Runs `work` on the store; its value, or `None` when the store did not run it.
    fn with_store<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Store) -> T + Send + 'static,
    ) -> impl std::future::Future<Output = Option<T>> + Send;
}

/// Delivers one subscriber's notifications in order and records each outcome.
async fn subscriber(
    store: impl StoreAccess,
    mut queue: mpsc::Receiver<(StoredSubscription, OrderEvent)>,
) {
    while let Some((subscription, event)) = queue.recv().await {
        let status = deliver(&subscription, &event).await;
        record_status(&store, subscription.id, status).await;
    }
}

async fn record_status(store: &impl StoreAccess, id: String, status: String) {
    let _ = store
        .with_store(move |s| s.set_subscription_status(&id, &status))
        .await;
}

/// Delivers what the store says is owed, every `tick`, until `shutdown`: each subscription has
/// its own queue and task, so a slow or silent receiver delays only its own notifications.
pub(crate) async fn run(
    store: impl StoreAccess,
    mut shutdown: watch::Receiver<bool>,
    tick: Duration,
) {
    let mut queues: HashMap<String, Queue> = HashMap::new();
    let mut subscribers = JoinSet::new();
    loop {
        tokio::select! {
            _ = tokio::time::sleep(tick) => {}
            _ = shutdown.changed() => break,
        }
        while subscribers.try_join_next().is_some() {}
        let owed = store
            .with_store(|s| s.take_notifications().ok())
            .await
            .flatten()
            .unwrap_or_default();
        for delivery in owed {
            let id = delivery.subscription.id.clone();
            let queue = queues.entry(id.clone()).or_insert_with(|| {
                let (queue, inbox) = mpsc::channel(QUEUE_PER_SUBSCRIBER);
                subscribers.spawn(subscriber(store.clone(), inbox));
                queue
            });
            if queue
                .try_send((delivery.subscription, delivery.event))
                .is_err()
            {
                record_status(
                    &store,
                    id,
                    "not delivered: the receiver is too slow; notifications were dropped".into(),
                )
                .await;
            }
        }
    }
    subscribers.abort_all();
}

/// Sends one notification; returns the subscription's new `Status` text.
pub async fn deliver(subscription: &StoredSubscription, event: &OrderEvent) -> String {
    let body = match wire::to_xml(&notification(subscription, event)) {
        Ok(body) => body,
        Err(e) => return format!("not sent: cannot write the notification: {e}"),
    };
    let outcome = tokio::time::timeout(CALLBACK_TIMEOUT, async {
        let credentials = match (&subscription.username, &subscription.password) {
            (Some(user), Some(password)) => Some(format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
            )),
            _ => None,
        };
        let Some(credentials) = credentials else {
            return post(&subscription.url, Some(body), None)
                .await
                .map(|(status, _)| status_text(status));
        };
        // The challenge first (webhooks.md, "Authentication").
        let (status, challenged) = post(&subscription.url, None, None).await?;
        if status != StatusCode::UNAUTHORIZED || !challenged {
            return Ok(format!(
                "{}: no 401 challenge with WWW-Authenticate: Basic, so the notification was not sent",
                status_text(status)
            ));
        }
        post(&subscription.url, Some(body), Some(credentials))
            .await
            .map(|(status, _)| status_text(status))
    })
    .await;
    match outcome {
        Ok(Ok(status)) => status,
        Ok(Err(why)) => format!("not delivered: {why}"),
        Err(_) => format!(
            "not delivered: no answer within {} s",
            CALLBACK_TIMEOUT.as_secs()
        ),
    }
}

fn status_text(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("{} {reason}", status.as_u16()),
        None => status.as_u16().to_string(),
    }
}

/// One HTTP/1.1 POST: the answer's status and whether it challenged for Basic credentials.
async fn post(
    url: &str,
    body: Option<String>,
    authorization: Option<String>,
) -> Result<(StatusCode, bool), String> {
    let uri: Uri = url
        .parse()
        .map_err(|e| format!("callback URL `{url}`: {e}"))?;
    if uri.scheme_str() != Some("http") {
        return Err(format!(
            "callback URL `{url}`: the sandbox delivers to http:// URLs only"
        ));
    }
    let host = uri
        .host()
        .ok_or_else(|| format!("callback URL `{url}` has no host"))?;
    let port = uri.port_u16().unwrap_or(80);
    let authority = uri
        .authority()
        .map(|a| a.as_str().to_string())
        .unwrap_or_else(|| host.to_string());
    let path = uri
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "/".to_string());
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let stream = TcpStream::connect((host, port))
        .await
        .map_err(|e| format!("cannot connect to {authority}: {e}"))?;
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .map_err(|e| format!("{authority}: {e}"))?;
    let driver = tokio::spawn(connection);
    let mut request = Request::post(path)
        .header(header::HOST, authority.as_str())
        .header(header::CONTENT_TYPE, "application/xml; charset=utf-8")
        .header(header::USER_AGENT, "lsr-sandbox");
    if let Some(value) = authorization {
        let mut value = HeaderValue::from_str(&value).map_err(|e| e.to_string())?;
        value.set_sensitive(true);
        request = request.header(header::AUTHORIZATION, value);
    }
    let request = request
        .body(Body::from(body.unwrap_or_default()))
        .map_err(|e| e.to_string())?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| format!("{authority}: {e}"))?;
    let challenged = response
        .headers()
        .get_all(header::WWW_AUTHENTICATE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.trim_start().to_ascii_lowercase().starts_with("basic"));
    let status = response.status();
    drop(response);
    driver.abort();
    Ok((status, challenged))
}
