//! The routes: the eight `lsrorders` endpoints under each API prefix Bandwidth's clients use,
//! the OAuth2 token endpoint, the loopback-only `/sandbox/` admin endpoints, and the 404
//! fallback.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::{ConnectInfo, Request};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;
use axum::routing::{get, post, put};

use super::AppState;
use super::handlers::{admin, history, notes, orders, token};
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
        .route_layer(axum::middleware::from_fn(loopback_only));
    router
        .route("/api/v1/oauth2/token", post(token::issue_token))
        .route("/oauth2/token", post(token::issue_token))
        .merge(admin)
        .fallback(not_found)
        .with_state(state)
}

/// The admin endpoints answer only loopback peers: they can rewrite time and data.
async fn loopback_only(request: Request, next: Next) -> Response {
    match request.extensions().get::<ConnectInfo<SocketAddr>>() {
        Some(ConnectInfo(addr)) if addr.ip().is_loopback() => next.run(request).await,
        _ => admin_error(
            StatusCode::FORBIDDEN,
            "the /sandbox/ admin endpoints answer only loopback clients",
        ),
    }
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
    use std::sync::{Mutex, RwLock};

    use axum::body::Body;
    use tower_service::Service as _;

    use super::*;
    use crate::sandbox::{Faults, Store};
    use crate::validate;

    fn router() -> Router {
        let store = Store::open_in_memory(validate::BusinessCalendar::us_npac(), 0).unwrap();
        routes(Arc::new(AppState {
            store: Arc::new(Mutex::new(store)),
            faults: RwLock::new(Faults::default()),
        }))
    }

    async fn admin_status(peer: &str) -> StatusCode {
        let mut request = Request::builder()
            .uri("/sandbox/clock")
            .body(Body::empty())
            .unwrap();
        request
            .extensions_mut()
            .insert(ConnectInfo(peer.parse::<SocketAddr>().unwrap()));
        router().call(request).await.unwrap().status()
    }

    #[tokio::test]
    async fn admin_endpoints_answer_only_loopback_peers() {
        assert_eq!(admin_status("127.0.0.1:40000").await, StatusCode::OK);
        assert_eq!(admin_status("[::1]:40000").await, StatusCode::OK);
        assert_eq!(admin_status("192.0.2.7:40000").await, StatusCode::FORBIDDEN);
    }
}
