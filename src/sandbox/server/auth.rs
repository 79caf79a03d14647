//! The prologue of every API handler: injected faults (latency, the rate limit, 503s), then the caller's
//! credentials — a Bearer token or HTTP Basic API user — checked against the account in the
//! path (401 without or with bad credentials, 403 for another account).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use base64::Engine as _;

use super::super::store::{Principal, Store};
use super::rate_limit::retry_after_secs;
use super::responses::{forbidden, internal, status_response, unauthorized};
use super::{AppState, with_store};

/// What the `Authorization` header carries.
#[derive(Clone)]
pub(super) enum Credentials {
    None,
    Basic { user: String, secret: String },
    Bearer(String),
}

/// Reads the `Authorization` header; anything unreadable is no credentials.
pub(super) fn credentials(headers: &HeaderMap) -> Credentials {
    let Some(value) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    else {
        return Credentials::None;
    };
    let (scheme, rest) = value.trim().split_once(' ').unwrap_or((value, ""));
    if scheme.eq_ignore_ascii_case("bearer") {
        return Credentials::Bearer(rest.trim().to_string());
    }
    if scheme.eq_ignore_ascii_case("basic") {
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(rest.trim())
            .ok()
            .and_then(|b| String::from_utf8(b).ok());
        if let Some((user, secret)) = decoded.as_deref().and_then(|d| d.split_once(':')) {
            return Credentials::Basic {
                user: user.to_string(),
                secret: secret.to_string(),
            };
        }
    }
    Credentials::None
}

/// The caller, allowed on `account`; 401 without or with bad credentials, 403 for another
/// account's path.
pub(super) fn authorize(
    store: &Store,
    creds: &Credentials,
    account: &str,
) -> Result<Principal, Response> {
    match creds {
        Credentials::None => Err(unauthorized()),
        Credentials::Basic { user, secret } => {
            let principal = store
                .authenticate_user(user, secret)
                .map_err(internal)?
                .ok_or_else(unauthorized)?;
            if principal.account_id != account {
                return Err(forbidden(account));
            }
            Ok(principal)
        }
        Credentials::Bearer(token) => store
            .authenticate_token(token)
            .map_err(internal)?
            .ok_or_else(unauthorized)?
            .principal_for(account)
            .ok_or_else(|| forbidden(account)),
    }
}

/// How long an admitted caller's `Authorization` header admits its next request bodies
/// without a trip to the store (see [`Admissions`]).
const ADMISSION_MEMORY: Duration = Duration::from_secs(1);

/// The most callers remembered at once; when full, the memory starts over.
const ADMISSIONS_REMEMBERED: usize = 1024;

/// Who was admitted to send a body lately: the SHA-256 of the account in the path and the
/// `Authorization` header (never the header itself), with when.
///
/// A request with a body is checked twice: before its body is read, so that a stranger cannot
/// make the server hold one, and again inside the store work that uses it, which decides. The
/// first check costs a trip to the store's thread, as much as the work itself for a creation;
/// a caller admitted within [`ADMISSION_MEMORY`] skips it. At worst a caller revoked in that
/// second (a reset) gets one more body read, and then its 401 from the check that decides.
#[derive(Default)]
pub(super) struct Admissions {
    recent: Mutex<HashMap<[u8; 32], Instant>>,
}

impl Admissions {
    fn key(headers: &HeaderMap, account: &str) -> [u8; 32] {
        let mut context = ring::digest::Context::new(&ring::digest::SHA256);
        context.update(account.as_bytes());
        context.update(b"\n");
        if let Some(value) = headers.get(header::AUTHORIZATION) {
            context.update(value.as_bytes());
        }
        let mut key = [0u8; 32];
        key.copy_from_slice(context.finish().as_ref());
        key
    }

    fn admitted_lately(&self, key: &[u8; 32], now: Instant) -> bool {
        self.recent.lock().is_ok_and(|recent| {
            recent
                .get(key)
                .is_some_and(|at| now.saturating_duration_since(*at) < ADMISSION_MEMORY)
        })
    }

    fn remember(&self, key: [u8; 32], now: Instant) {
        if let Ok(mut recent) = self.recent.lock() {
            if recent.len() >= ADMISSIONS_REMEMBERED {
                recent.retain(|_, at| now.saturating_duration_since(*at) < ADMISSION_MEMORY);
                if recent.len() >= ADMISSIONS_REMEMBERED {
                    recent.clear();
                }
            }
            recent.insert(key, now);
        }
    }
}

/// The credentials of a request whose caller may send `account` a body (so that a request's
/// body is read only once its caller is known). The store work that uses the body authorizes
/// them again ([`authorize`]): that check decides, this one only guards the body.
pub(super) async fn caller(
    state: &Arc<AppState>,
    headers: &HeaderMap,
    account: String,
) -> Result<Credentials, Response> {
    let creds = credentials(headers);
    let key = Admissions::key(headers, &account);
    if state.admissions.admitted_lately(&key, Instant::now()) {
        return Ok(creds);
    }
    let checked = creds.clone();
    with_store(state, move |store| {
        authorize(store, &checked, &account).map(|_| ())
    })
    .await??;
    state.admissions.remember(key, Instant::now());
    Ok(creds)
}

/// The faults of an API request for `account`: added latency, the rate limit (429), injected
/// 503s; the drop-after-commit rate for the caller.
pub(super) async fn inject_faults(state: &Arc<AppState>, account: &str) -> Result<f64, Response> {
    let faults = state.faults.read().map(|f| f.clone()).unwrap_or_default();
    if faults.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(faults.latency_ms)).await;
    }
    if let Err(wait) = state
        .rate_limiter
        .admit(account, faults.rate_limit, Instant::now())
    {
        let mut response = status_response(
            StatusCode::TOO_MANY_REQUESTS,
            Some(429),
            &format!(
                "Too many requests: account {account} is limited to {} requests per second \
                 (sandbox fault injection)",
                faults.rate_limit
            ),
        );
        if let Ok(value) = HeaderValue::from_str(&retry_after_secs(wait).to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return Err(response);
    }
    if faults.error_rate > 0.0 && fastrand::f64() < faults.error_rate {
        let mut response = status_response(
            StatusCode::SERVICE_UNAVAILABLE,
            Some(503),
            "Service temporarily unavailable (sandbox fault injection)",
        );
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return Err(response);
    }
    Ok(faults.drop_after_commit)
}

/// The common shape of an API handler: injected faults, then `work` on the store with the
/// caller authorized for `account` (401/403 otherwise). A refusal at any step is the answer.
pub(super) async fn authorized<T: Send + 'static>(
    state: &Arc<AppState>,
    headers: &HeaderMap,
    account: String,
    work: impl FnOnce(&mut Store, Principal, &str) -> Result<T, Response> + Send + 'static,
) -> Result<T, Response> {
    inject_faults(state, &account).await?;
    let creds = credentials(headers);
    with_store(state, move |store| {
        let principal = authorize(store, &creds, &account)?;
        work(store, principal, &account)
    })
    .await?
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Ok(v) = HeaderValue::from_str(value) {
            headers.insert(header::AUTHORIZATION, v);
        }
        headers
    }

    #[test]
    fn admissions_are_per_account_and_header_and_last_one_second() {
        let admissions = Admissions::default();
        let start = Instant::now();
        let alice = Admissions::key(&headers("Bearer a.b.c"), "9900001");
        assert!(!admissions.admitted_lately(&alice, start));
        admissions.remember(alice, start);
        assert!(admissions.admitted_lately(&alice, start + Duration::from_millis(999)));
        assert!(!admissions.admitted_lately(&alice, start + ADMISSION_MEMORY));
        // Another account's path, another header, no header: not admitted.
        for other in [
            Admissions::key(&headers("Bearer a.b.c"), "9900002"),
            Admissions::key(&headers("Bearer a.b.d"), "9900001"),
            Admissions::key(&HeaderMap::new(), "9900001"),
        ] {
            assert_ne!(other, alice);
            assert!(!admissions.admitted_lately(&other, start));
        }
    }

    #[test]
    fn admissions_forget_everyone_rather_than_grow_past_their_bound() {
        let admissions = Admissions::default();
        let start = Instant::now();
        for n in 0..ADMISSIONS_REMEMBERED * 3 {
            admissions.remember(
                Admissions::key(&headers(&format!("Bearer {n}")), "9900001"),
                start,
            );
        }
        let held = admissions.recent.lock().map(|r| r.len()).unwrap_or(0);
        assert!(held <= ADMISSIONS_REMEMBERED, "{held}");
        assert!(held > 0);
    }

    #[test]
    fn credentials_read_bearer_and_basic_and_nothing_else() {
        assert!(matches!(
            credentials(&headers("bearer  abc ")),
            Credentials::Bearer(t) if t == "abc"
        ));
        let basic = base64::engine::general_purpose::STANDARD.encode("demo-user-1:pw:x");
        assert!(matches!(
            credentials(&headers(&format!("Basic {basic}"))),
            Credentials::Basic { user, secret } if user == "demo-user-1" && secret == "pw:x"
        ));
        assert!(matches!(
            credentials(&headers("Basic !!!")),
            Credentials::None
        ));
        assert!(matches!(
            credentials(&headers("Digest x")),
            Credentials::None
        ));
        assert!(matches!(credentials(&HeaderMap::new()), Credentials::None));
    }
}
