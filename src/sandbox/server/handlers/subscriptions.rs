//! `…/accounts/{id}/subscriptions[/{id}]`: Bandwidth's Subscriptions API for `lsrorders`
//! (Bandwidth/api-docs `site/specs/numbers.yml`): create (201, the id in `Location`), list,
//! read, replace and delete callback subscriptions, per account. Delivery is `sandbox::notify`'s.
//!
//! Answers as documented: a subscription that fails validation (URL, expiry) is a 404, a second
//! one for the same target a 409, an unreadable body a 400; a GET's `Expiry` is the seconds
//! left and its `Status` the last delivery's outcome. The sandbox keeps callback subscriptions
//! for `lsrorders` only (e-mail and event subscriptions are refused with 400).

use std::sync::Arc;

use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use super::super::super::store::{NewSubscription, Store, StoredSubscription};
use super::super::AppState;
use super::super::auth::authorized;
use super::super::responses::{internal, write_or_500};
use super::{authorized_with_body, base_for, created};
use crate::wire::{self, DEFAULT_EXPIRY_SECS, ORDER_TYPE_LSR, Subscription, SubscriptionsResponse};

fn refused(status: StatusCode, description: &str) -> Response {
    write_or_500(
        wire::to_xml(&SubscriptionsResponse::error(None, description)),
        status,
    )
}

fn not_found(id: &str) -> Response {
    refused(
        StatusCode::NOT_FOUND,
        &format!("Subscription {id} does not exist"),
    )
}

/// Reads and checks a POST or PUT body.
fn requested(store: &Store, account: &str, bytes: &[u8]) -> Result<NewSubscription, Response> {
    let body: Subscription = wire::decode(bytes).map_err(|e| {
        refused(
            StatusCode::BAD_REQUEST,
            &format!("Invalid request body: {e}"),
        )
    })?;
    if body.email.is_some() || body.event_type.is_some() {
        return Err(refused(
            StatusCode::BAD_REQUEST,
            "The sandbox keeps callback subscriptions on OrderType lsrorders only",
        ));
    }
    let order_type = body.order_type.clone().unwrap_or_default();
    if order_type != ORDER_TYPE_LSR {
        return Err(refused(
            StatusCode::BAD_REQUEST,
            &format!("OrderType `{order_type}` is not served by the sandbox; use lsrorders"),
        ));
    }
    let callback = body
        .callback
        .clone()
        .ok_or_else(|| refused(StatusCode::BAD_REQUEST, "CallbackSubscription is required"))?;
    let url = callback.url.clone().unwrap_or_default();
    let well_formed = url
        .parse::<Uri>()
        .ok()
        .filter(|u| matches!(u.scheme_str(), Some("http" | "https")) && u.host().is_some());
    if well_formed.is_none() {
        return Err(refused(
            StatusCode::NOT_FOUND,
            &format!("Subscription validation failed: URL `{url}` is not an http or https URL"),
        ));
    }
    let expiry_secs = callback.expiry.unwrap_or(DEFAULT_EXPIRY_SECS);
    if expiry_secs == 0 {
        return Err(refused(
            StatusCode::NOT_FOUND,
            "Subscription validation failed: Expiry must be a positive number of seconds",
        ));
    }
    if let Some(order_id) = &body.order_id
        && store.order(account, order_id).map_err(internal)?.is_none()
    {
        return Err(refused(
            StatusCode::NOT_FOUND,
            &format!("Subscription validation failed: lsr order {order_id} not found"),
        ));
    }
    let basic = callback.credentials.and_then(|c| c.basic);
    Ok(NewSubscription {
        order_type,
        order_id: body.order_id,
        url,
        username: basic.as_ref().and_then(|b| b.username.clone()),
        password: basic
            .and_then(|b| b.password)
            .map(|p| p.as_str().to_string()),
        expiry_secs,
    })
}

/// A stored subscription as answered: seconds left, last status, no password.
fn answer(subscription: &StoredSubscription, now: i64) -> Subscription {
    let left = (subscription.expires_at - now).max(0) / 1_000;
    let credentials = subscription
        .username
        .as_ref()
        .map(|user| wire::CallbackCredentials {
            basic: Some(wire::BasicAuthentication {
                username: Some(user.clone()),
                password: None,
            }),
        });
    Subscription {
        subscription_id: Some(subscription.id.clone()),
        order_type: Some(subscription.order_type.clone()),
        order_id: subscription.order_id.clone(),
        callback: Some(wire::CallbackSubscription {
            url: Some(subscription.url.clone()),
            expiry: Some(u64::try_from(left).unwrap_or(0)),
            status: subscription.status.clone(),
            credentials,
            number_format: None,
        }),
        ..Subscription::default()
    }
}

fn listing(store: &mut Store, subscriptions: &[StoredSubscription]) -> Result<String, Response> {
    let now = store.now().map_err(internal)?;
    let body = SubscriptionsResponse {
        subscriptions: subscriptions.iter().map(|s| answer(s, now)).collect(),
        response_status: None,
    };
    wire::to_xml(&body).map_err(internal)
}

fn xml_ok(outcome: Result<String, Response>) -> Response {
    match outcome {
        Ok(body) => write_or_500(Ok(body), StatusCode::OK),
        Err(response) => response,
    }
}

pub(in crate::sandbox::server) async fn create_subscription(
    State(state): State<Arc<AppState>>,
    Path(account): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    request: Request,
) -> Response {
    let outcome = authorized_with_body(
        &state,
        &headers,
        account.clone(),
        request.into_body(),
        move |store, _, account, bytes| {
            let new = requested(store, account, &bytes)?;
            if store
                .subscription_for_target(account, &new)
                .map_err(internal)?
                .is_some()
            {
                return Err(refused(
                    StatusCode::CONFLICT,
                    "A subscription for this target already exists",
                ));
            }
            store.create_subscription(account, &new).map_err(internal)
        },
    )
    .await;
    match outcome {
        Ok(subscription) => created(&format!(
            "{}/accounts/{account}/subscriptions/{}",
            base_for(&headers, &uri),
            subscription.id
        )),
        Err(response) => response,
    }
}

pub(in crate::sandbox::server) async fn list_subscriptions(
    State(state): State<Arc<AppState>>,
    Path(account): Path<String>,
    headers: HeaderMap,
) -> Response {
    xml_ok(
        authorized(&state, &headers, account, move |store, _, account| {
            let all = store.subscriptions(account).map_err(internal)?;
            listing(store, &all)
        })
        .await,
    )
}

pub(in crate::sandbox::server) async fn read_subscription(
    State(state): State<Arc<AppState>>,
    Path((account, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    xml_ok(
        authorized(&state, &headers, account, move |store, _, account| {
            let one = store
                .subscription(account, &id)
                .map_err(internal)?
                .ok_or_else(|| not_found(&id))?;
            listing(store, std::slice::from_ref(&one))
        })
        .await,
    )
}

pub(in crate::sandbox::server) async fn update_subscription(
    State(state): State<Arc<AppState>>,
    Path((account, id)): Path<(String, String)>,
    headers: HeaderMap,
    request: Request,
) -> Response {
    let outcome = authorized_with_body(
        &state,
        &headers,
        account,
        request.into_body(),
        move |store, _, account, bytes| {
            let new = requested(store, account, &bytes)?;
            store
                .update_subscription(account, &id, &new)
                .map_err(internal)?
                .ok_or_else(|| not_found(&id))
        },
    )
    .await;
    match outcome {
        Ok(_) => StatusCode::OK.into_response(),
        Err(response) => response,
    }
}

pub(in crate::sandbox::server) async fn delete_subscription(
    State(state): State<Arc<AppState>>,
    Path((account, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let outcome = authorized(&state, &headers, account, move |store, _, account| {
        if store.delete_subscription(account, &id).map_err(internal)? {
            Ok(())
        } else {
            Err(not_found(&id))
        }
    })
    .await;
    match outcome {
        Ok(()) => StatusCode::OK.into_response(),
        Err(response) => response,
    }
}
