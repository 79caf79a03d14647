//! `…/lsrorders` and `…/lsrorders/{id}`: create (with drop-after-commit), list, read, and
//! supp or cancel.

use std::sync::Arc;

use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::Response;

use super::super::super::engine;
use super::super::super::order::OrderUpdate;
use super::super::super::store::UpdateError;
use super::super::auth::{authorize, authorized, inject_faults};
use super::super::responses::{
    internal, status_response, validation_failed, write_or_500, xml_answer,
};
use super::super::to_wire::{wire_from_draft, wire_from_stored};
use super::super::{AppState, ConnectionKill, with_store};
use super::{authorized_with_body, base_for, caller_then_body, decode_strict, order_or_404};
use crate::wire::{self, OrderLayout, SearchQuery};

pub(in crate::sandbox::server) async fn create_order(
    State(state): State<Arc<AppState>>,
    Path(account): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    request: Request,
) -> Response {
    let kill = request.extensions().get::<ConnectionKill>().cloned();
    let drop_rate = match inject_faults(&state, &account).await {
        Ok(rate) => rate,
        Err(response) => return response,
    };
    // The caller is checked before the body is read: a stranger cannot make the server hold it.
    let (creds, bytes) =
        match caller_then_body(&state, &headers, &account, request.into_body()).await {
            Ok(checked) => checked,
            Err(response) => return response,
        };
    // Decoded here, not on the store's thread, which every request waits for. 17000: no
    // payload at all (Bandwidth's table).
    let wire_order = if bytes.iter().all(u8::is_ascii_whitespace) {
        wire::LsrOrder::default()
    } else {
        match decode_strict::<wire::LsrOrder>(&bytes) {
            Ok(wire_order) => wire_order,
            Err(response) => return response,
        }
    };
    let draft = wire_order.to_draft();
    let path_account = account.clone();
    let outcome = with_store(&state, move |store| {
        let principal = authorize(store, &creds, &path_account)?;
        store.advance_due().map_err(internal)?;
        let today = store.today().map_err(internal)?;
        let account_spid = store
            .account_spid(&principal.account_id)
            .map_err(internal)?;
        let accepted = engine::accept_new_order(&draft, today, store.calendar());
        let mismatch = engine::spid_mismatch(draft.spid.as_deref(), account_spid.as_deref());
        let accepted = match (accepted, mismatch) {
            (Ok(_), Some(e)) => Err(vec![e]),
            (Err(mut errors), Some(e)) if errors.iter().all(|x| x.code != 17000) => {
                errors.push(e);
                Err(errors)
            }
            (other, _) => other,
        };
        let new = match accepted {
            Ok(new) => new,
            Err(errors) => {
                let mut echo = wire_from_draft(&draft);
                echo.account_id = Some("0".to_string());
                echo.created_by_user = Some(principal.name.clone());
                echo.last_modified_by = Some(principal.name.clone());
                return Err(validation_failed(&errors, echo));
            }
        };
        let order = store.create_order(&principal, new).map_err(internal)?;
        Ok((order, account_spid))
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

/// The list; unknown query parameters are ignored, bad values are a 404 (as Bandwidth answers).
pub(in crate::sandbox::server) async fn list_orders(
    State(state): State<Arc<AppState>>,
    Path(account): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let query = uri.query().map(str::to_string);
    let outcome = authorized(&state, &headers, account, move |store, _, account| {
        let filter = SearchQuery::from_query_string(query.as_deref())
            .map_err(|why| status_response(StatusCode::NOT_FOUND, Some(404), &why.to_string()))?;
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
    xml_answer(outcome)
}

pub(in crate::sandbox::server) async fn read_order(
    State(state): State<Arc<AppState>>,
    Path((account, order_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let outcome = authorized(&state, &headers, account, move |store, _, account| {
        store.advance_due().map_err(internal)?;
        // GET of an unknown order: Bandwidth's 17014 "Lsr %s not found." (the PUT example
        // answers 5035).
        let order = store
            .order(account, &order_id)
            .map_err(internal)?
            .ok_or_else(|| {
                status_response(
                    StatusCode::NOT_FOUND,
                    Some(17014),
                    &engine::code_text_with(17014, &[&order_id]),
                )
            })?;
        let spid = store.account_spid(account).map_err(internal)?;
        Ok(wire::order_to_xml(
            &wire_from_stored(&order, spid.as_deref()),
            OrderLayout::Stored,
        ))
    })
    .await;
    xml_answer(outcome)
}

/// A supp or a cancel; a refusal echoes the order with the supp's changes applied.
pub(in crate::sandbox::server) async fn update_order(
    State(state): State<Arc<AppState>>,
    Path((account, order_id)): Path<(String, String)>,
    headers: HeaderMap,
    request: Request,
) -> Response {
    let outcome = authorized_with_body(
        &state,
        &headers,
        account,
        request.into_body(),
        move |store, principal, account, bytes| {
            let wire_order: wire::LsrOrder = decode_strict(&bytes)?;
            store.advance_due().map_err(internal)?;
            let order = order_or_404(store, account, &order_id)?;
            let spid = store.account_spid(account).map_err(internal)?;
            let update = OrderUpdate {
                // Supps change the fields that are present (the draft overlay keeps the others).
                draft: wire_order.to_draft(),
                order_status: wire_order.order_status.clone(),
            };
            let mut echo = order.clone();
            let mismatch = engine::spid_mismatch(update.draft.spid.as_deref(), spid.as_deref())
                .filter(|_| update.order_status.is_none());
            let outcome = match (store.update_order(&principal, order, &update), mismatch) {
                (Ok(_), Some(e)) => Err(UpdateError::Rejected(vec![e])),
                (Err(UpdateError::Rejected(mut errors)), Some(e)) => {
                    errors.push(e);
                    Err(UpdateError::Rejected(errors))
                }
                (other, _) => other,
            };
            match outcome {
                Ok(updated) => {
                    let body = wire::LsrOrderResponse {
                        lsr_order: Some(wire_from_stored(&updated, spid.as_deref())),
                        ..Default::default()
                    };
                    Ok(wire::response_to_xml(&body, OrderLayout::Stored))
                }
                Err(UpdateError::Rejected(errors)) => {
                    echo.draft = echo.draft.overlay(&engine::supp_changes(&update.draft));
                    Err(validation_failed(
                        &errors,
                        wire_from_stored(&echo, spid.as_deref()),
                    ))
                }
                Err(UpdateError::Store(e)) => Err(internal(e)),
            }
        },
    )
    .await;
    xml_answer(outcome)
}
