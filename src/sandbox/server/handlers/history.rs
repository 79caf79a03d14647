//! `GET …/lsrorders/{id}/history`: the order's history, oldest first.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::super::AppState;
use super::super::auth::authorized;
use super::super::responses::{internal, write_or_500, xml_answer};
use super::super::to_wire::wire_history;
use crate::wire;

pub(in crate::sandbox::server) async fn read_history(
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
    xml_answer(outcome)
}
