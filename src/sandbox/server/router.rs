//! The routes: the eight `lsrorders` endpoints and the Subscriptions API under each API prefix
//! Bandwidth's clients use, the OAuth2 token endpoint, the `/sandbox/` admin endpoints (loopback
//! peers only, never from a web page), and the 404 fallback.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::{ConnectInfo, Request};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::{get, post, put};

use subscriptions::{
    create_subscription, delete_subscription, list_subscriptions, read_subscription,
    update_subscription,
};

use super::AppState;
use super::handlers::{admin, history, notes, orders, subscriptions, token};
use super::responses::{admin_error, status_response};
use crate::wire::admin::path;

/// The v1 API path prefixes Bandwidth's clients use (the defaults of Bandwidth's SDKs).
const API_PREFIXES: [&str; 3] = ["/api/v1", "/api", "/v1.0"];
/// The v2 prefix: the same routes, every TN in E.164 form both ways (`v2.rs`).
const API_V2_PREFIX: &str = "/api/v2";

/// The eight lsrorders routes under one prefix.
fn lsrorders_routes(mut router: Router<Arc<AppState>>, prefix: &str) -> Router<Arc<AppState>> {
    let orders = format!("{prefix}/accounts/{{account}}/lsrorders");
    router = router
        .route(&orders, get(orders::list_orders).post(orders::create_order))
        .route(
            &format!("{orders}/{{order}}"),
            get(orders::read_order).put(orders::update_order),
        )
        .route(
            &format!("{orders}/{{order}}/history"),
            get(history::read_history),
        )
        .route(
            &format!("{orders}/{{order}}/notes"),
            get(notes::list_notes).post(notes::create_note),
        )
        .route(
            &format!("{orders}/{{order}}/notes/{{note}}"),
            put(notes::update_note),
        );
    router
}

pub(super) fn routes(state: Arc<AppState>) -> Router {
    let mut router = Router::new();
    for prefix in API_PREFIXES {
        router = lsrorders_routes(router, prefix);
        let subscriptions = format!("{prefix}/accounts/{{account}}/subscriptions");
        router = router
            .route(
                &subscriptions,
                get(list_subscriptions).post(create_subscription),
            )
            .route(
                &format!("{subscriptions}/{{subscription}}"),
                get(read_subscription)
                    .put(update_subscription)
                    .delete(delete_subscription),
            );
    }
    let v2 = lsrorders_routes(Router::new(), API_V2_PREFIX)
        .route_layer(axum::middleware::from_fn(super::v2::e164_only));
    router = router.merge(v2);
    let admin = Router::new()
        .route(path::CLOCK, get(admin::clock_show))
        .route(path::CLOCK_SET, post(admin::clock_set))
        .route(path::CLOCK_ADVANCE, post(admin::clock_advance))
        .route(path::NPAC_SUBSCRIBE, post(admin::npac_subscribe))
        .route(path::NPAC_ACTIVATE, post(admin::npac_activate))
        .route(
            path::INVENTORY,
            get(admin::inventory_list).post(admin::inventory_add),
        )
        .route(
            path::FAULTS,
            get(admin::faults_show)
                .put(admin::faults_set)
                .delete(admin::faults_clear),
        )
        .route(path::RESET, post(admin::reset))
        .route_layer(axum::middleware::from_fn(admin_guard));
    router
        .route("/api/v1/oauth2/token", post(token::issue_token))
        .route("/oauth2/token", post(token::issue_token))
        .merge(admin)
        .fallback(not_found)
        .with_state(state)
}

/// The admin endpoints rewrite time and data, so they answer only a local program: a loopback
/// peer (IPv4-mapped loopback included, as a dual-stack listener sees it), addressed by a
/// loopback `Host` (not a rebound DNS name), with no foreign `Origin` (not a web page), and
/// writes must say `Content-Type: application/json` (which no cross-site form can send without
/// a CORS preflight, which the sandbox never grants).
async fn admin_guard(request: Request, next: Next) -> Response {
    match admin_refusal(&request) {
        None => next.run(request).await,
        Some(why) => admin_error(StatusCode::FORBIDDEN, why),
    }
}

/// Why an admin request is refused, if it is.
fn admin_refusal(request: &Request) -> Option<&'static str> {
    let loopback_peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .is_some_and(|ConnectInfo(addr)| addr.ip().to_canonical().is_loopback());
    if !loopback_peer {
        return Some("the /sandbox/ admin endpoints answer only loopback clients");
    }
    let headers = request.headers();
    let host = header_text(headers, header::HOST);
    if !host.is_some_and(is_loopback_authority) {
        return Some(
            "the /sandbox/ admin endpoints answer only requests addressed to a loopback host",
        );
    }
    if let Some(origin) = header_text(headers, header::ORIGIN)
        && host.is_none_or(|host| !same_origin(origin, host))
    {
        return Some("the /sandbox/ admin endpoints refuse requests from web pages (Origin)");
    }
    let write = !matches!(*request.method(), Method::GET | Method::HEAD);
    let json = header_text(headers, header::CONTENT_TYPE).is_some_and(|t| {
        t.split(';')
            .next()
            .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"))
    });
    if write && !json {
        return Some(
            "the /sandbox/ admin endpoints take writes only with Content-Type: application/json",
        );
    }
    None
}

fn header_text(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// `127.0.0.1:8080`, `[::1]:8080`, `localhost:8080` (with or without the port).
fn is_loopback_authority(authority: &str) -> bool {
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !host.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => host,
        _ => authority,
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.to_canonical().is_loopback())
}

/// An `Origin` naming the sandbox itself (`http://HOST`), the only page that is not foreign.
fn same_origin(origin: &str, host: &str) -> bool {
    origin
        .strip_prefix("http://")
        .is_some_and(|rest| rest.eq_ignore_ascii_case(host))
}

async fn not_found() -> Response {
    status_response(
        StatusCode::NOT_FOUND,
        Some(404),
        "The resource does not exist",
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use axum::body::Body;
    use tower_service::Service as _;

    use super::*;
    use crate::sandbox::{Faults, Store};
    use crate::validate;

    fn router() -> Router {
        let store = Store::open_in_memory(validate::BusinessCalendar::us_npac(), 0).unwrap();
        routes(Arc::new(AppState::new(store, Faults::default()).unwrap()))
    }

    /// An admin request from `peer` with `headers` (`Host: 127.0.0.1:8080` unless given).
    async fn admin_call(
        method: &str,
        path: &str,
        peer: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> StatusCode {
        let mut builder = Request::builder().method(method).uri(path);
        if !headers.iter().any(|(name, _)| *name == "host") {
            builder = builder.header("host", "127.0.0.1:8080");
        }
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let mut request = builder.body(Body::from(body.to_string())).unwrap();
        request
            .extensions_mut()
            .insert(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
        router().call(request).await.unwrap().status()
    }

    async fn admin_status(peer: &str) -> StatusCode {
        admin_call("GET", "/sandbox/clock", peer, &[], "").await
    }

    #[tokio::test]
    async fn admin_endpoints_answer_only_loopback_peers() {
        assert_eq!(admin_status("127.0.0.1:40000").await, StatusCode::OK);
        assert_eq!(admin_status("[::1]:40000").await, StatusCode::OK);
        assert_eq!(admin_status("192.0.2.7:40000").await, StatusCode::FORBIDDEN);
        // A dual-stack listener ([::]) sees 127.0.0.1 as ::ffff:127.0.0.1.
        assert_eq!(
            admin_status("[::ffff:127.0.0.1]:40000").await,
            StatusCode::OK
        );
        assert_eq!(
            admin_status("[::ffff:192.0.2.7]:40000").await,
            StatusCode::FORBIDDEN
        );
    }

    const JSON: (&str, &str) = ("content-type", "application/json");
    const TEXT: (&str, &str) = ("content-type", "text/plain");
    const EVIL: (&str, &str) = ("origin", "http://evil.example");

    async fn reset_with(headers: &[(&str, &str)]) -> StatusCode {
        admin_call("POST", "/sandbox/reset", "127.0.0.1:40000", headers, "{}").await
    }

    #[tokio::test]
    async fn admin_endpoints_refuse_web_pages_and_rebound_hosts() {
        // What `lsr sandbox reset --url` sends.
        assert_eq!(reset_with(&[JSON]).await, StatusCode::OK);
        // A cross-site form: text/plain, a foreign Origin; either alone is refused.
        assert_eq!(reset_with(&[TEXT, EVIL]).await, StatusCode::FORBIDDEN);
        assert_eq!(reset_with(&[JSON, EVIL]).await, StatusCode::FORBIDDEN);
        assert_eq!(reset_with(&[TEXT]).await, StatusCode::FORBIDDEN);
        assert_eq!(reset_with(&[]).await, StatusCode::FORBIDDEN);
        let set = r#"{"time":"2030-01-01"}"#;
        let clock_set = admin_call(
            "POST",
            "/sandbox/clock/set",
            "127.0.0.1:40000",
            &[TEXT, EVIL],
            set,
        );
        assert_eq!(clock_set.await, StatusCode::FORBIDDEN);
        // DNS rebinding: a loopback peer, but the attacker's host name.
        assert_eq!(
            reset_with(&[JSON, ("host", "evil.example:8080")]).await,
            StatusCode::FORBIDDEN
        );
        // Loopback names and the sandbox's own origin are local.
        for host in ["localhost:8080", "[::1]:8080", "127.0.0.1"] {
            assert_eq!(
                reset_with(&[JSON, ("host", host)]).await,
                StatusCode::OK,
                "{host}"
            );
        }
        assert_eq!(
            reset_with(&[JSON, ("origin", "http://127.0.0.1:8080")]).await,
            StatusCode::OK
        );
        let clear = admin_call(
            "DELETE",
            "/sandbox/faults",
            "127.0.0.1:40000",
            &[("content-type", "application/json; charset=utf-8")],
            "",
        );
        assert_eq!(clear.await, StatusCode::OK);
    }
}
