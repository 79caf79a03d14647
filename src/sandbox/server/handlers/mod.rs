//! The request handlers, one module per resource, and what they share: reading a request body
//! (413 above 1 MB), strict XML decoding, and the host the client addressed.

pub(super) mod admin;
pub(super) mod history;
pub(super) mod notes;
pub(super) mod orders;
pub(super) mod subscriptions;
pub(super) mod token;

use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Request};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use super::super::order::StoredOrder;
use super::super::request_xml::first_unknown_element;
use super::super::store::Store;
use super::responses::{bad_body, internal, order_not_found, status_response};
use crate::wire::{self, FromXml};

/// Request bodies above this size are refused with 413.
const MAX_REQUEST_BYTES: usize = 1024 * 1024;
/// Bodies up to this size are read (and discarded) so the client gets the 413 answer instead of
/// a reset connection; beyond it the connection is closed.
const MAX_DRAINED_BYTES: usize = 16 * 1024 * 1024;

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

/// A request body of at most [`MAX_REQUEST_BYTES`] (413 otherwise), as an extractor.
pub(in crate::sandbox::server) struct LimitedBody(Bytes);

impl<S: Send + Sync> FromRequest<S> for LimitedBody {
    type Rejection = Response;

    async fn from_request(request: Request, _: &S) -> Result<LimitedBody, Response> {
        read_body(request.into_body()).await.map(LimitedBody)
    }
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
