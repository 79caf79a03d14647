//! The answers the server builds: XML bodies with Bandwidth's content type, `ResponseStatus`
//! error bodies (401, 403, 404, 400, 500, …), JSON for the token and admin endpoints.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::super::order::OrderError;
use super::to_wire::wire_errors;
use crate::wire::admin::AdminErrorBody;
use crate::wire::{self, OrderLayout};

pub(super) fn xml_response(status: StatusCode, body: String) -> Response {
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

/// The XML answer, or a plain 500 when the body could not be written.
pub(super) fn write_or_500(
    result: Result<String, wire::WireError>,
    status: StatusCode,
) -> Response {
    match result {
        Ok(body) => xml_response(status, body),
        Err(e) => plain_error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    }
}

/// The 200 answer of a handler whose work produced an XML body, or its refusal.
pub(super) fn xml_answer(outcome: Result<Result<String, wire::WireError>, Response>) -> Response {
    match outcome {
        Ok(body) => write_or_500(body, StatusCode::OK),
        Err(response) => response,
    }
}

pub(super) fn json_response<T: Serialize + ?Sized>(status: StatusCode, value: &T) -> Response {
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
pub(super) fn status_response(
    status: StatusCode,
    code: Option<u32>,
    description: &str,
) -> Response {
    let body = wire::LsrOrderResponse {
        response_status: Some(wire::ResponseStatus::new(code, description)),
        ..Default::default()
    };
    write_or_500(wire::response_to_xml(&body, OrderLayout::Stored), status)
}

/// Bandwidth's 404 for order paths (PUT example): 5035 "lsr order X not found.".
pub(super) fn order_not_found(order_id: &str) -> Response {
    write_or_500(
        wire::response_to_xml(
            &wire::LsrOrderResponse::not_found(order_id),
            OrderLayout::Stored,
        ),
        StatusCode::NOT_FOUND,
    )
}

pub(super) fn unauthorized() -> Response {
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

pub(super) fn forbidden(account: &str) -> Response {
    status_response(
        StatusCode::FORBIDDEN,
        Some(403),
        &format!("The credentials are not authorized for account {account}"),
    )
}

pub(super) fn internal(e: impl std::fmt::Display) -> Response {
    status_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        Some(500),
        &format!("sandbox internal error: {e}"),
    )
}

/// A 400 for a body that is not the XML expected.
pub(super) fn bad_body(description: String) -> Response {
    status_response(StatusCode::BAD_REQUEST, Some(400), &description)
}

/// The 400 answer to a POST or PUT that failed validation: the errors and the echoed order,
/// FAILED (with no OrderId for a POST: there is nothing to track).
pub(super) fn validation_failed(errors: &[OrderError], echo: wire::LsrOrder) -> Response {
    let body = wire::LsrOrderResponse::rejected(wire_errors(errors), echo);
    write_or_500(
        wire::response_to_xml(&body, OrderLayout::Created),
        StatusCode::BAD_REQUEST,
    )
}

/// The JSON body of a refused admin request.
pub(super) fn admin_error(status: StatusCode, message: &str) -> Response {
    json_response(
        status,
        &AdminErrorBody {
            error: message.to_string(),
        },
    )
}
