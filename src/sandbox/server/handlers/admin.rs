//! The loopback-only `/sandbox/` admin endpoints: JSON in, JSON out, each one operation of
//! `sandbox::admin_api` on the store. A change of faults reaches the API handlers at once.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::super::super::admin_api;
use super::super::super::store::{AdminError, Store};
use super::super::responses::{admin_error, json_response};
use super::super::{AppState, with_store};
use super::SmallBody;
use crate::wire::admin::{ClockAdvance, ClockSet, Faults, InventoryAdd, NpacRequest};

fn admin_failure(e: AdminError) -> Response {
    match e {
        AdminError::NotFound(m) => admin_error(StatusCode::NOT_FOUND, &m),
        AdminError::Conflict(m) => admin_error(StatusCode::CONFLICT, &m),
        AdminError::Invalid(m) => admin_error(StatusCode::BAD_REQUEST, &m),
        AdminError::Store(e) => admin_error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// Runs one admin operation and answers with its JSON view or the refusal.
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

/// Like [`admin`], with the JSON request body read first (400 when it is not the shape).
async fn admin_with<B, T>(
    state: &Arc<AppState>,
    body: &[u8],
    work: impl FnOnce(&mut Store, B) -> Result<T, AdminError> + Send + 'static,
) -> Response
where
    B: DeserializeOwned + Send + 'static,
    T: Serialize + Send + 'static,
{
    match serde_json::from_slice::<B>(body) {
        Ok(request) => admin(state, move |store| work(store, request)).await,
        Err(e) => admin_error(StatusCode::BAD_REQUEST, &format!("bad JSON body: {e}")),
    }
}

/// Rereads the faults after a change, for the API handlers.
async fn refresh_faults(state: &Arc<AppState>) {
    if let Ok(Ok(faults)) = with_store(state, |store| store.faults()).await {
        state.set_faults(faults);
    }
}

pub(in crate::sandbox::server) async fn clock_show(State(state): State<Arc<AppState>>) -> Response {
    admin(&state, |store| Ok(admin_api::clock_view(store)?)).await
}

pub(in crate::sandbox::server) async fn clock_set(
    State(state): State<Arc<AppState>>,
    SmallBody(body): SmallBody,
) -> Response {
    admin_with(&state, &body, |store, r: ClockSet| {
        admin_api::set_clock(store, &r.time)
    })
    .await
}

pub(in crate::sandbox::server) async fn clock_advance(
    State(state): State<Arc<AppState>>,
    SmallBody(body): SmallBody,
) -> Response {
    admin_with(&state, &body, |store, r: ClockAdvance| {
        admin_api::advance_clock(store, &r.duration)
    })
    .await
}

pub(in crate::sandbox::server) async fn npac_subscribe(
    State(state): State<Arc<AppState>>,
    SmallBody(body): SmallBody,
) -> Response {
    admin_with(&state, &body, |store, r: NpacRequest| {
        admin_api::npac_subscribe(store, &r.order, r.medium_timers)
    })
    .await
}

pub(in crate::sandbox::server) async fn npac_activate(
    State(state): State<Arc<AppState>>,
    SmallBody(body): SmallBody,
) -> Response {
    admin_with(&state, &body, |store, r: NpacRequest| {
        admin_api::npac_activate(store, &r.order)
    })
    .await
}

pub(in crate::sandbox::server) async fn inventory_list(
    State(state): State<Arc<AppState>>,
) -> Response {
    admin(&state, |store| Ok(admin_api::inventory_view(store)?)).await
}

pub(in crate::sandbox::server) async fn inventory_add(
    State(state): State<Arc<AppState>>,
    SmallBody(body): SmallBody,
) -> Response {
    admin_with(&state, &body, |store, r: InventoryAdd| {
        admin_api::add_inventory(store, &r.tn, &r.behaviour, r.pin.as_deref())
    })
    .await
}

pub(in crate::sandbox::server) async fn faults_show(
    State(state): State<Arc<AppState>>,
) -> Response {
    admin(&state, |store| Ok(store.faults()?)).await
}

pub(in crate::sandbox::server) async fn faults_set(
    State(state): State<Arc<AppState>>,
    SmallBody(body): SmallBody,
) -> Response {
    let response = admin_with(&state, &body, admin_api::set_faults).await;
    refresh_faults(&state).await;
    response
}

pub(in crate::sandbox::server) async fn faults_clear(
    State(state): State<Arc<AppState>>,
) -> Response {
    let response = admin(&state, |store| {
        admin_api::set_faults(store, Faults::default())
    })
    .await;
    refresh_faults(&state).await;
    response
}

pub(in crate::sandbox::server) async fn reset(State(state): State<Arc<AppState>>) -> Response {
    let response = admin(&state, admin_api::reset).await;
    refresh_faults(&state).await;
    response
}
