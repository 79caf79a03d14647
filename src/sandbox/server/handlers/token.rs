//! `POST /oauth2/token`: OAuth2 client credentials (HTTP Basic or form fields) for a Bearer
//! token.

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Serialize;

use super::super::auth::{Credentials, credentials};
use super::super::responses::{internal, json_response};
use super::super::{AppState, with_store};
use super::SmallBody;

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

pub(in crate::sandbox::server) async fn issue_token(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    SmallBody(bytes): SmallBody,
) -> Response {
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
