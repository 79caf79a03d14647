//! The request handlers, one module per resource, and what they share: the caller checked
//! before a request body is read, reading it (413 above 1 MB, 408 when too slow), strict XML
//! decoding, and the host the client addressed.

pub(super) mod admin;
pub(super) mod history;
pub(super) mod notes;
pub(super) mod orders;
pub(super) mod subscriptions;
pub(super) mod token;

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use super::super::order::StoredOrder;
use super::super::request_xml::first_unknown_element;
use super::super::store::{Principal, Store};
use super::auth::{Credentials, authorize, caller, inject_faults};
use super::responses::{bad_body, internal, order_not_found, status_response};
use super::{AppState, limits, with_store};
use crate::wire::{self, FromXml};

/// Request bodies above this size are refused with 413.
const MAX_REQUEST_BYTES: usize = 1024 * 1024;
/// Bodies up to this size are drained (read and thrown away, never held) so the client gets the
/// 413 answer instead of a reset connection; beyond it the connection is closed.
const MAX_DRAINED_BYTES: usize = 16 * 1024 * 1024;

/// Why a body was not read.
#[derive(Debug, PartialEq, Eq)]
enum BodyProblem {
    TooLarge,
    Broken,
}

/// Reads a body, keeping at most `limit` bytes: a longer body is drained up to `drain_to` bytes
/// (so its sender hears the answer) and refused; one that says it is longer than that is not
/// read at all (hyper then closes the connection after the answer).
async fn read_capped(body: Body, limit: usize, drain_to: usize) -> Result<Bytes, BodyProblem> {
    use axum::body::HttpBody as _;
    use futures_util::StreamExt as _;
    // The declared length (a chunked body declares none).
    if body.size_hint().lower() > drain_to as u64 {
        return Err(BodyProblem::TooLarge);
    }
    let mut stream = body.into_data_stream();
    let mut kept = Vec::new();
    let mut seen = 0usize;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| BodyProblem::Broken)?;
        seen = seen.saturating_add(chunk.len());
        if seen > drain_to {
            return Err(BodyProblem::TooLarge);
        }
        if seen <= limit {
            kept.extend_from_slice(&chunk);
        }
    }
    if seen > limit {
        return Err(BodyProblem::TooLarge);
    }
    Ok(Bytes::from(kept))
}

fn too_large(limit: usize) -> Response {
    status_response(
        StatusCode::PAYLOAD_TOO_LARGE,
        Some(413),
        &format!("Request body is larger than {limit} bytes"),
    )
}

fn too_slow(timeout: Duration) -> Response {
    status_response(
        StatusCode::REQUEST_TIMEOUT,
        Some(408),
        &format!(
            "Request body was not received within {} seconds",
            timeout.as_secs()
        ),
    )
}

/// The answer to a body that could not be read.
fn body_refusal(problem: BodyProblem, limit: usize) -> Response {
    match problem {
        BodyProblem::TooLarge => too_large(limit),
        BodyProblem::Broken => bad_body("Request body could not be read".to_string()),
    }
}

/// Reads the body of an authorized request: at most [`MAX_REQUEST_BYTES`] (413 otherwise),
/// within [`limits::BODY_READ_TIMEOUT`] (408 otherwise), a limited number at a time.
async fn read_body(state: &AppState, body: Body) -> Result<Bytes, Response> {
    let read = async {
        let _permit = state.body_reads.acquire().await;
        read_capped(body, MAX_REQUEST_BYTES, MAX_DRAINED_BYTES).await
    };
    match tokio::time::timeout(limits::BODY_READ_TIMEOUT, read).await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(problem)) => Err(body_refusal(problem, MAX_REQUEST_BYTES)),
        Err(_) => Err(too_slow(limits::BODY_READ_TIMEOUT)),
    }
}

/// Reads the body of a request whose caller is not known (the token endpoint's form): at most
/// [`limits::UNAUTHENTICATED_BODY_BYTES`], within [`limits::UNAUTHENTICATED_BODY_TIMEOUT`].
async fn read_unauthenticated(body: Body) -> Result<Bytes, Response> {
    let cap = limits::UNAUTHENTICATED_BODY_BYTES;
    let read = read_capped(body, cap, cap);
    match tokio::time::timeout(limits::UNAUTHENTICATED_BODY_TIMEOUT, read).await {
        Ok(Ok(bytes)) => Ok(bytes),
        Ok(Err(problem)) => Err(body_refusal(problem, cap)),
        Err(_) => Err(too_slow(limits::UNAUTHENTICATED_BODY_TIMEOUT)),
    }
}

/// A body of at most [`limits::UNAUTHENTICATED_BODY_BYTES`] (413 otherwise), read within
/// [`limits::UNAUTHENTICATED_BODY_TIMEOUT`] (408 otherwise): for endpoints whose caller is not
/// known (the token endpoint) or whose bodies are small (admin).
pub(in crate::sandbox::server) struct SmallBody(Bytes);

impl<S: Send + Sync> FromRequest<S> for SmallBody {
    type Rejection = Response;

    async fn from_request(request: Request, _: &S) -> Result<SmallBody, Response> {
        read_unauthenticated(request.into_body())
            .await
            .map(SmallBody)
    }
}

/// The caller's credentials, admitted for `account` from the request's headers, and only then
/// its body; a refused caller's body is read no further than a small cap (and thrown away, so
/// that it hears the 401 or 403). The store work that uses the body authorizes the
/// credentials again ([`authorize`]); that check decides.
async fn caller_then_body(
    state: &Arc<AppState>,
    headers: &HeaderMap,
    account: &str,
    body: Body,
) -> Result<(Credentials, Bytes), Response> {
    match caller(state, headers, account.to_string()).await {
        Ok(creds) => Ok((creds, read_body(state, body).await?)),
        Err(refusal) => {
            let _ = read_unauthenticated(body).await;
            Err(refusal)
        }
    }
}

/// The shape of an API handler with a body: injected faults, the caller admitted for
/// `account` before the body is read, then `work` on the store with the caller authorized and
/// the body.
async fn authorized_with_body<T: Send + 'static>(
    state: &Arc<AppState>,
    headers: &HeaderMap,
    account: String,
    body: Body,
    work: impl FnOnce(&mut Store, Principal, &str, Bytes) -> Result<T, Response> + Send + 'static,
) -> Result<T, Response> {
    inject_faults(state, &account).await?;
    let (creds, bytes) = caller_then_body(state, headers, &account, body).await?;
    with_store(state, move |store| {
        let principal = authorize(store, &creds, &account)?;
        work(store, principal, &account, bytes)
    })
    .await?
}

/// Decodes an XML body and refuses elements Bandwidth's schema does not have (400 either way).
fn decode_strict<T: FromXml>(bytes: &[u8]) -> Result<T, Response> {
    let value: T =
        wire::decode(bytes).map_err(|e| bad_body(format!("Invalid request body: {e}")))?;
    if let Some(unknown) = first_unknown_element(bytes) {
        return Err(bad_body(format!(
            "Invalid request body: unknown element <{unknown}>"
        )));
    }
    Ok(value)
}

/// An order of the caller's account, or Bandwidth's 404 (5035) for the order path.
fn order_or_404(store: &Store, account: &str, order_id: &str) -> Result<StoredOrder, Response> {
    store
        .order(account, order_id)
        .map_err(internal)?
        .ok_or_else(|| order_not_found(order_id))
}

/// The `Host` the client addressed (for `Location`).
fn host_of(headers: &HeaderMap) -> &str {
    headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost")
}

/// A 201 with no body and `Location: location` (a note or a subscription just created).
fn created(location: &str) -> Response {
    let mut response = StatusCode::CREATED.into_response();
    if let Ok(value) = axum::http::HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// `http://host/api/v1` as the client addressed us (for `Location`).
fn base_for(headers: &HeaderMap, uri: &Uri) -> String {
    let path = uri.path();
    let prefix = path.find("/accounts/").map_or("", |i| &path[..i]);
    format!("http://{}{prefix}", host_of(headers))
}
