//! `…/lsrorders/{id}/notes`: list (204 when none), add (201 with `Location`), change. A note's
//! `UserId` must be the caller (12501, the code Bandwidth's spec gives for notes, with its
//! text), its text non-empty and at most 500 characters (no Bandwidth code: ErrorCode 400).

use std::sync::Arc;

use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use super::super::super::engine;
use super::super::super::store::Principal;
use super::super::AppState;
use super::super::auth::authorized;
use super::super::responses::{internal, status_response, write_or_500};
use super::super::to_wire::wire_note;
use super::{authorized_with_body, created, decode_strict, host_of, order_or_404};
use crate::wire;

/// The longest note Bandwidth accepts.
const MAX_NOTE_CHARS: usize = 500;

pub(in crate::sandbox::server) async fn list_notes(
    State(state): State<Arc<AppState>>,
    Path((account, order_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let outcome = authorized(&state, &headers, account, move |store, _, account| {
        order_or_404(store, account, &order_id)?;
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
    let note: wire::Note = decode_strict(bytes)?;
    let user = note.user_id.unwrap_or_default();
    if user.trim().is_empty() || user.trim() != principal.name {
        // Bandwidth's spec: 12501 "Username is required", also for a user that is not the
        // caller (its example's UserId `userId` is refused so).
        return Err(note_refused(12501, engine::code_text(12501)));
    }
    let text = note.description.unwrap_or_default();
    if text.trim().is_empty() {
        return Err(note_refused(400, "Note description is required"));
    }
    if text.chars().count() > MAX_NOTE_CHARS {
        return Err(note_refused(
            400,
            "Note description is longer than 500 characters",
        ));
    }
    Ok((user.trim().to_string(), text))
}

pub(in crate::sandbox::server) async fn create_note(
    State(state): State<Arc<AppState>>,
    Path((account, order_id)): Path<(String, String)>,
    headers: HeaderMap,
    uri: Uri,
    request: Request,
) -> Response {
    let outcome = authorized_with_body(
        &state,
        &headers,
        account,
        request.into_body(),
        move |store, principal, account, bytes| {
            order_or_404(store, account, &order_id)?;
            let (user, text) = checked_note(&bytes, &principal)?;
            store.add_note(&order_id, &user, &text).map_err(internal)
        },
    )
    .await;
    match outcome {
        Ok(note_id) => created(&format!(
            "http://{}{}/{note_id}",
            host_of(&headers),
            uri.path()
        )),
        Err(response) => response,
    }
}

pub(in crate::sandbox::server) async fn update_note(
    State(state): State<Arc<AppState>>,
    Path((account, order_id, note_id)): Path<(String, String, String)>,
    headers: HeaderMap,
    request: Request,
) -> Response {
    let outcome = authorized_with_body(
        &state,
        &headers,
        account,
        request.into_body(),
        move |store, principal, account, bytes| {
            order_or_404(store, account, &order_id)?;
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
