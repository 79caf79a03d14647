//! The `/api/v2` face of the lsrorders routes: the same handlers, with every telephone number in
//! E.164 form both ways, as Bandwidth's v2 documents ("Universal Platform breaking changes").
//! A request whose body or `tn` filter gives a number in any other form is refused (400 for a
//! body, 404 for the query, as the list answers malformed filters); an answer's numbers are
//! rewritten to E.164 on the way out.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::middleware::Next;
use axum::response::Response;

use super::responses::{bad_body, status_response};
use crate::wire::{self, TnForm};

/// Bodies up to this size are read here; larger ones get the handlers' 413.
const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// The middleware of the v2 routes.
pub(super) async fn e164_only(request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    if let Some(query) = parts.uri.query() {
        match query_in_digits(query) {
            Ok(Some(rewritten)) => {
                let path = parts.uri.path();
                let target = if rewritten.is_empty() {
                    path.to_string()
                } else {
                    format!("{path}?{rewritten}")
                };
                if let Ok(uri) = target.parse::<Uri>() {
                    parts.uri = uri;
                }
            }
            Ok(None) => {}
            Err(value) => {
                return status_response(
                    StatusCode::NOT_FOUND,
                    Some(404),
                    &format!("query parameter tn={value} is not an E.164 telephone number (v2)"),
                );
            }
        }
    }
    let bytes = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return status_response(
                StatusCode::PAYLOAD_TOO_LARGE,
                Some(413),
                "Request body is too large",
            );
        }
    };
    let body = if bytes.is_empty() {
        bytes.to_vec()
    } else {
        // A body that is not XML is left to the handler, which explains it better.
        match wire::tns_not_in(&bytes, TnForm::E164) {
            Ok(wrong) if !wrong.is_empty() => {
                return bad_body(format!(
                    "Invalid request body: telephone numbers must be E.164 (+1NXXNXXXXXX) on v2: {}",
                    wrong.join(", ")
                ));
            }
            Ok(_) => wire::rewrite_tns(&bytes, TnForm::Digits).unwrap_or_else(|_| bytes.to_vec()),
            Err(_) => bytes.to_vec(),
        }
    };
    let response = next.run(Request::from_parts(parts, Body::from(body))).await;
    in_e164(response).await
}

/// The query with its `tn` filter in 10 digits: `Ok(None)` when it has none, `Err(value)` when
/// the filter is not E.164.
fn query_in_digits(query: &str) -> Result<Option<String>, String> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if !pairs.iter().any(|(k, _)| k == "tn") {
        return Ok(None);
    }
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (key, value) in &pairs {
        if key == "tn" {
            if !TnForm::E164.holds(value) {
                return Err(value.clone());
            }
            let digits = crate::model::Tn::parse(value).map_err(|_| value.clone())?;
            out.append_pair(key, &digits.digits());
        } else {
            out.append_pair(key, value);
        }
    }
    Ok(Some(out.finish()))
}

/// An XML answer with its numbers in E.164.
async fn in_e164(response: Response) -> Response {
    let is_xml = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("xml"));
    if !is_xml {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY_BYTES).await else {
        return status_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            Some(500),
            "sandbox internal error: answer too large",
        );
    };
    let rewritten = wire::rewrite_tns(&bytes, TnForm::E164).unwrap_or_else(|_| bytes.to_vec());
    parts.headers.remove(header::CONTENT_LENGTH);
    if let Ok(length) = HeaderValue::from_str(&rewritten.len().to_string()) {
        parts.headers.insert(header::CONTENT_LENGTH, length);
    }
    Response::from_parts(parts, Body::from(rewritten))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v2_query_filters_need_e164() {
        assert_eq!(query_in_digits("pon=A"), Ok(None));
        assert_eq!(
            query_in_digits("tn=%2B19195550100&pon=A"),
            Ok(Some("tn=9195550100&pon=A".to_string()))
        );
        assert_eq!(query_in_digits("tn=9195550100"), Err("9195550100".into()));
    }
}
