//! The transport: URL policy, authentication, timeouts, bounded GET retries with backoff and
//! jitter, capped response bodies, and turning error answers into `ApiError`.

use std::time::Duration;

use chrono::Utc;
use reqwest::{Method, StatusCode, Url};

use super::auth::{CachedToken, Credentials, TokenCache, TokenResponse};
use super::error::ApiError;
use crate::wire::hosts::ApiVersion;

/// How the client connects. Built by the command layer from the resolved settings.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// API base, e.g. `https://dashboard.bandwidth.com/api/v1`.
    pub base_url: String,
    pub account_id: String,
    /// v2 writes every TN in E.164 form; default: what the base URL's path says, else v1.
    pub api_version: ApiVersion,
    pub credentials: Option<Credentials>,
    /// The OAuth2 token endpoint; default: Bandwidth's for its hosts, else the server's own.
    pub token_url: Option<String>,
    pub token_cache: Option<TokenCache>,
    pub connect_timeout: Duration,
    /// The longest one request may take, body included; also the budget for retrying a GET
    /// (no retry starts once it has passed since the first attempt), so a black-hole server
    /// costs one timeout, not five.
    pub request_timeout: Duration,
    /// Retries of a GET after a connection error or a 5xx.
    pub max_get_retries: u32,
    /// How often one request refused with 429 is sent again (a GET, or a create the refusal
    /// proves was not made), after its `Retry-After`; within the request timeout.
    pub max_rate_limited_retries: u32,
    pub retry_base_delay: Duration,
    /// Longest wait between retries, whatever `Retry-After` says.
    pub max_retry_delay: Duration,
    pub max_body_bytes: usize,
    /// Where `-v` request lines go (method, URL, status, time, size; never credentials). The
    /// client itself never prints.
    pub trace: Option<Trace>,
    /// What paces the requests (holds them while a `Retry-After` is in force, learns from each
    /// answer): the adaptive concurrency limiter of bulk work. `None`: each request on its own.
    pub pacer: Option<SharedPacer>,
}

/// One answer (or failure) of a request, as a [`Pacer`] learns of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    /// The HTTP status; `None` when no answer came (connection error, timeout).
    pub status: Option<u16>,
    /// When the request was sent.
    pub sent_at: std::time::Instant,
    /// Until the answer's status line (or the failure).
    pub elapsed: Duration,
    pub retry_after: Option<Duration>,
    /// No answer within the request timeout.
    pub timed_out: bool,
}

/// Paces a client's requests: asked before each request how long it must still wait, told of
/// each answer. Implemented above the client (the adaptive concurrency limiter of `batch`).
pub trait Pacer: Send + Sync {
    /// How long a request must still wait before it is sent (zero: go).
    fn hold(&self) -> Duration;
    /// How one request went.
    fn answered(&self, answer: &Answer);
}

/// A [`Pacer`] shared by a client and whoever watches it.
#[derive(Clone)]
pub struct SharedPacer(pub std::sync::Arc<dyn Pacer>);

impl std::fmt::Debug for SharedPacer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pacer")
    }
}

/// A sink for `-v` request lines.
#[derive(Clone)]
pub struct Trace(pub std::sync::Arc<dyn Fn(&str) + Send + Sync>);

impl std::fmt::Debug for Trace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Trace")
    }
}

impl ClientOptions {
    pub fn new(base_url: impl Into<String>, account_id: impl Into<String>) -> ClientOptions {
        let base_url = base_url.into();
        let api_version = Url::parse(&base_url)
            .ok()
            .and_then(|u| ApiVersion::of_path(u.path()))
            .unwrap_or_default();
        ClientOptions {
            base_url,
            account_id: account_id.into(),
            api_version,
            credentials: None,
            token_url: None,
            token_cache: None,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            max_get_retries: 4,
            max_rate_limited_retries: 10,
            retry_base_delay: Duration::from_millis(250),
            max_retry_delay: Duration::from_secs(30),
            // Nothing larger could be decoded anyway.
            max_body_bytes: crate::wire::MAX_BODY_BYTES,
            trace: None,
            pacer: None,
        }
    }

    /// Sets the request timeout, and the connect timeout to at most the same.
    pub fn with_timeout(mut self, timeout: Duration) -> ClientOptions {
        self.request_timeout = timeout;
        self.connect_timeout = DEFAULT_CONNECT_TIMEOUT.min(timeout);
        self
    }
}

/// How long connecting may take by default.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one request may take by default (`LSR_HTTP_TIMEOUT_SECS` changes it).
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// The longest server text (an error description, a `Location`) quoted in a message.
const MAX_QUOTED_CHARS: usize = 300;

/// Server text made safe to print: control characters (terminal escapes from a hostile or
/// broken server) become `?`, and it is cut at [`MAX_QUOTED_CHARS`].
pub fn printable(text: &str) -> String {
    crate::wire::printable_excerpt(text, MAX_QUOTED_CHARS)
}

/// A raw answer: status, the headers the client needs, and the body.
#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    pub location: Option<String>,
    pub retry_after: Option<Duration>,
    pub body: Vec<u8>,
}

/// A connection to one backend account.
#[derive(Debug)]
pub struct Transport {
    http: reqwest::Client,
    base: Url,
    opts: ClientOptions,
    token_url: String,
    token: tokio::sync::Mutex<Option<CachedToken>>,
}

/// True for hosts where plain http is acceptable: the loopback range and `localhost`.
pub fn is_loopback_host(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

/// Checks the https-except-loopback policy and normalises the base to end without a slash.
pub fn parse_base_url(text: &str) -> Result<Url, ApiError> {
    let url = Url::parse(text.trim()).map_err(|e| ApiError::InvalidUrl {
        url: text.to_string(),
        reason: e.to_string(),
    })?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback_host(&url) => {}
        "http" => {
            return Err(ApiError::Insecure {
                url: text.to_string(),
            });
        }
        other => {
            return Err(ApiError::InvalidUrl {
                url: text.to_string(),
                reason: format!("scheme `{other}` is not http(s)"),
            });
        }
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(ApiError::InvalidUrl {
            url: redact_userinfo(&url),
            reason: "credentials do not belong in the URL; use the config or LSR_CLIENT_ID/LSR_CLIENT_SECRET".into(),
        });
    }
    Ok(url)
}

fn redact_userinfo(url: &Url) -> String {
    let mut shown = url.clone();
    let _ = shown.set_username("");
    let _ = shown.set_password(None);
    shown.to_string()
}

/// The token endpoint for a base URL: for Bandwidth's hosts, the one of the same realm (a test
/// host never gets a production token, nor the other way round); else the server's own
/// `/api/v1/oauth2/token` (the sandbox, a proxy).
pub fn default_token_url(base: &Url) -> String {
    if let Some(realm) = base.host_str().and_then(crate::wire::hosts::realm_of_host) {
        return realm.token_url().to_string();
    }
    let mut origin = base.clone();
    origin.set_path(crate::wire::hosts::TOKEN_PATH);
    origin.set_query(None);
    origin.to_string()
}

impl Transport {
    pub fn new(opts: ClientOptions) -> Result<Transport, ApiError> {
        let base = parse_base_url(&opts.base_url)?;
        let token_url = match &opts.token_url {
            Some(url) => parse_base_url(url)?.to_string(),
            None => default_token_url(&base),
        };
        let http = reqwest::Client::builder()
            .connect_timeout(opts.connect_timeout)
            .timeout(opts.request_timeout)
            // Credentials must never follow a redirect to another host; the API never redirects.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("lsr/", env!("CARGO_PKG_VERSION")))
            .https_only(base.scheme() == "https")
            .build()
            .map_err(|e| ApiError::Network {
                url: base.to_string(),
                message: e.to_string(),
            })?;
        Ok(Transport {
            http,
            base,
            opts,
            token_url,
            token: tokio::sync::Mutex::new(None),
        })
    }

    pub fn options(&self) -> &ClientOptions {
        &self.opts
    }

    pub fn base_url(&self) -> &Url {
        &self.base
    }

    /// `{base}/accounts/{account}/{tail}`.
    pub fn account_url(&self, tail: &str) -> String {
        let base = self.base.as_str().trim_end_matches('/');
        let account: String =
            form_urlencoded::byte_serialize(self.opts.account_id.as_bytes()).collect();
        if tail.is_empty() {
            format!("{base}/accounts/{account}")
        } else {
            format!("{base}/accounts/{account}/{}", tail.trim_start_matches('/'))
        }
    }

    /// The `Authorization` header value, fetching a token when needed.
    async fn authorization(&self, force_new_token: bool) -> Result<Option<String>, ApiError> {
        use base64::Engine as _;
        match &self.opts.credentials {
            None => Ok(None),
            Some(Credentials::Basic { username, password }) => {
                let raw = format!("{username}:{}", password.expose());
                Ok(Some(format!(
                    "Basic {}",
                    base64::engine::general_purpose::STANDARD.encode(raw)
                )))
            }
            Some(Credentials::ClientCredentials {
                client_id,
                client_secret,
            }) => {
                let mut slot = self.token.lock().await;
                let now = Utc::now();
                if force_new_token {
                    *slot = None;
                    if let Some(cache) = &self.opts.token_cache {
                        cache.remove(&self.token_url, client_id);
                    }
                }
                if let Some(token) = slot.as_ref().filter(|t| t.is_fresh(now)) {
                    return Ok(Some(format!("Bearer {}", token.access_token)));
                }
                if !force_new_token
                    && let Some(token) = self
                        .opts
                        .token_cache
                        .as_ref()
                        .and_then(|c| c.get(&self.token_url, client_id, now))
                {
                    let header = format!("Bearer {}", token.access_token);
                    *slot = Some(token);
                    return Ok(Some(header));
                }
                let token = self.fetch_token(client_id, client_secret.expose()).await?;
                if let Some(cache) = &self.opts.token_cache {
                    cache.put(&self.token_url, client_id, &token, now);
                }
                let header = format!("Bearer {}", token.access_token);
                *slot = Some(token);
                Ok(Some(header))
            }
        }
    }

    /// Writes a `-v` line, when tracing is on.
    fn trace(&self, line: impl FnOnce() -> String) {
        if let Some(Trace(sink)) = &self.opts.trace {
            sink(&line());
        }
    }

    async fn fetch_token(&self, client_id: &str, secret: &str) -> Result<CachedToken, ApiError> {
        let url = self.token_url.clone();
        let started = Utc::now();
        self.trace(|| format!("> POST {url} (OAuth2 client credentials for {client_id})"));
        let result = self
            .http
            .post(&url)
            .basic_auth(client_id, Some(secret))
            .header(reqwest::header::ACCEPT, "application/json")
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .body("grant_type=client_credentials")
            .send()
            .await;
        let resp = result.map_err(|e| self.transport_error("POST", &url, &e))?;
        let status = resp.status().as_u16();
        self.trace(|| format!("< {status} POST {url}"));
        if status == 400 || status == 401 || status == 403 {
            return Err(ApiError::TokenRejected { url, status });
        }
        if resp.status().is_redirection() {
            // Not followed: the client secret must only ever reach the configured endpoint.
            return Err(ApiError::Redirect {
                location: printable(
                    &header_text(&resp, reqwest::header::LOCATION).unwrap_or_default(),
                ),
                url,
            });
        }
        let body = self.read_body("POST", &url, resp).await?;
        if !(200..300).contains(&status) {
            return Err(ApiError::Http {
                status,
                method: "POST".into(),
                url,
                description: None,
                errors: Vec::new(),
            });
        }
        // Only the kind and place of the problem: serde's own message can quote the body, and
        // a hostile endpoint could echo the secret it was just sent.
        let parsed: TokenResponse =
            serde_json::from_slice(&body).map_err(|e| ApiError::TokenUnreadable {
                url: url.clone(),
                message: format!(
                    "the answer is not the expected JSON ({} at line {} column {})",
                    match e.classify() {
                        serde_json::error::Category::Data => "missing or mistyped field",
                        serde_json::error::Category::Eof => "cut short",
                        _ => "syntax error",
                    },
                    e.line(),
                    e.column()
                ),
            })?;
        if parsed
            .token_type
            .as_deref()
            .is_some_and(|t| !t.eq_ignore_ascii_case("bearer"))
        {
            return Err(ApiError::TokenUnreadable {
                url,
                message: "the token type is not Bearer".into(),
            });
        }
        if parsed.access_token.trim().is_empty() {
            return Err(ApiError::TokenUnreadable {
                url,
                message: "the access token is empty".into(),
            });
        }
        // Checked before it is cached: a token with control characters would be a header
        // injection, and a cached bad token would fail every run until it expired.
        if !super::auth::bearer_header_is_valid(&parsed.access_token) {
            return Err(ApiError::TokenUnreadable {
                url,
                message: "the access token holds characters a header cannot carry".into(),
            });
        }
        // Without expires_in, assume a short life rather than caching forever.
        let life = parsed.expires_in.unwrap_or(300).clamp(0, 7 * 24 * 3600);
        Ok(CachedToken {
            access_token: parsed.access_token,
            expires_at: started + chrono::Duration::seconds(life),
        })
    }

    fn transport_error(&self, method: &str, url: &str, err: &reqwest::Error) -> ApiError {
        if err.is_timeout() {
            ApiError::Timeout {
                method: method.to_string(),
                url: url.to_string(),
                after: self.opts.request_timeout,
            }
        } else {
            // reqwest's Display names the URL; the chain holds the cause (refused, reset …).
            let mut message = String::new();
            let mut source: Option<&dyn std::error::Error> = std::error::Error::source(err);
            while let Some(s) = source {
                message = s.to_string();
                source = s.source();
            }
            if message.is_empty() {
                message = err.to_string();
            }
            ApiError::Network {
                url: url.to_string(),
                message,
            }
        }
    }

    async fn read_body(
        &self,
        method: &str,
        url: &str,
        mut resp: reqwest::Response,
    ) -> Result<Vec<u8>, ApiError> {
        let limit = self.opts.max_body_bytes;
        if resp.content_length().is_some_and(|n| n > limit as u64) {
            return Err(ApiError::BodyTooLarge {
                url: url.to_string(),
                limit,
            });
        }
        let mut body = Vec::new();
        loop {
            match resp.chunk().await {
                Ok(Some(chunk)) => {
                    if body.len() + chunk.len() > limit {
                        return Err(ApiError::BodyTooLarge {
                            url: url.to_string(),
                            limit,
                        });
                    }
                    body.extend_from_slice(&chunk);
                }
                Ok(None) => return Ok(body),
                // The server was reached: a broken-off body is not "cannot reach".
                Err(e) => {
                    return Err(match self.transport_error(method, url, &e) {
                        ApiError::Network { url, message } => ApiError::CutShort { url, message },
                        other => other,
                    });
                }
            }
        }
    }

    /// A new token from the token endpoint, whatever is cached (and cached when a cache is
    /// set): how `auth login` checks credentials. `None` without OAuth2 credentials.
    pub async fn new_token(&self) -> Result<Option<CachedToken>, ApiError> {
        self.authorization(true).await?;
        Ok(self.token.lock().await.clone())
    }

    /// The token the next request would carry (a cached one while it is fresh, else a new
    /// one). `None` without OAuth2 credentials.
    pub async fn current_token(&self) -> Result<Option<CachedToken>, ApiError> {
        self.authorization(false).await?;
        Ok(self.token.lock().await.clone())
    }

    /// The OAuth2 token endpoint this client uses.
    pub fn token_url(&self) -> &str {
        &self.token_url
    }

    /// Fetches (or finds cached) the token, so that a broken token endpoint is reported as
    /// what it is before a request whose outcome matters is sent.
    pub async fn ensure_authorized(&self) -> Result<(), ApiError> {
        self.authorization(false).await.map(|_| ())
    }

    /// One request, no retry. A refused token is renewed once.
    pub async fn send_once(
        &self,
        method: Method,
        url: &str,
        body: Option<&str>,
    ) -> Result<HttpResponse, ApiError> {
        let mut renewed = false;
        loop {
            if let Some(SharedPacer(pacer)) = &self.opts.pacer {
                loop {
                    let hold = pacer.hold();
                    if hold.is_zero() {
                        break;
                    }
                    tokio::time::sleep(hold).await;
                }
            }
            let auth = self.authorization(renewed).await?;
            let mut req = self
                .http
                .request(method.clone(), url)
                .header(reqwest::header::ACCEPT, "application/xml");
            if let Some(value) = auth {
                // Sensitive: kept out of any Debug output of the request and out of HPACK tables.
                let mut value = reqwest::header::HeaderValue::from_str(&value).map_err(|_| {
                    ApiError::TokenUnreadable {
                        url: self.token_url.clone(),
                        message: "the access token holds characters a header cannot carry".into(),
                    }
                })?;
                value.set_sensitive(true);
                req = req.header(reqwest::header::AUTHORIZATION, value);
            }
            if let Some(text) = body {
                req = req
                    .header(reqwest::header::CONTENT_TYPE, "application/xml")
                    .body(text.to_string());
            }
            self.trace(|| format!("> {method} {url}"));
            let sent_at = std::time::Instant::now();
            let resp = req.send().await.map_err(|e| {
                let error = self.transport_error(method.as_str(), url, &e);
                self.trace(|| format!("< {method} {url}: {error}"));
                self.tell_pacer(Answer {
                    status: None,
                    sent_at,
                    elapsed: sent_at.elapsed(),
                    retry_after: None,
                    timed_out: matches!(error, ApiError::Timeout { .. }),
                });
                error
            })?;
            let status = resp.status();
            self.trace(|| {
                format!(
                    "< {} {method} {url} ({} ms)",
                    status.as_u16(),
                    sent_at.elapsed().as_millis()
                )
            });
            if status == StatusCode::UNAUTHORIZED
                && !renewed
                && matches!(
                    self.opts.credentials,
                    Some(Credentials::ClientCredentials { .. })
                )
            {
                // A cached token the server no longer accepts: fetch a new one once.
                renewed = true;
                continue;
            }
            let location = header_text(&resp, reqwest::header::LOCATION);
            let retry_after = header_text(&resp, reqwest::header::RETRY_AFTER)
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs);
            self.tell_pacer(Answer {
                status: Some(status.as_u16()),
                sent_at,
                elapsed: sent_at.elapsed(),
                retry_after,
                timed_out: false,
            });
            if status.is_redirection() {
                return Err(ApiError::Redirect {
                    url: url.to_string(),
                    location: printable(&location.unwrap_or_default()),
                });
            }
            let bytes = self.read_body(method.as_str(), url, resp).await?;
            return Ok(HttpResponse {
                status: status.as_u16(),
                location,
                retry_after,
                body: bytes,
            });
        }
    }

    /// A request whose non-2xx answers become `ApiError::Http`; GETs are retried with backoff on
    /// connection errors, timeouts and 5xx (honouring `Retry-After`), a bounded number of times,
    /// and after each 429 once its `Retry-After` has passed (`max_rate_limited_retries`). Other methods are sent exactly once: the caller decides what an unclear outcome means.
    pub async fn call(
        &self,
        method: Method,
        url: &str,
        body: Option<&str>,
    ) -> Result<HttpResponse, ApiError> {
        let retries = if method == Method::GET {
            self.opts.max_get_retries
        } else {
            0
        };
        let started = std::time::Instant::now();
        let mut attempt = 0;
        let mut rate_limited = 0;
        loop {
            let outcome = self.send_once(method.clone(), url, body).await;
            if method == Method::GET
                && let Ok(resp) = &outcome
                && resp.status == 429
            {
                // Refused before it was processed: sent again after `Retry-After`, not counted
                // as one of the retries after failures.
                let wait = self.rate_limit_wait(rate_limited, resp.retry_after);
                if rate_limited < self.opts.max_rate_limited_retries
                    && self.within_budget(started, resp.retry_after.unwrap_or(wait))
                {
                    tokio::time::sleep(wait).await;
                    rate_limited += 1;
                    continue;
                }
            }
            let retry_after = match &outcome {
                Ok(resp) if resp.status >= 500 => Some(resp.retry_after),
                Err(ApiError::Network { .. })
                | Err(ApiError::CutShort { .. })
                | Err(ApiError::Timeout { .. }) => Some(None),
                _ => None,
            };
            let delay = retry_after.map(|hint| self.backoff(attempt, hint));
            match delay {
                Some(delay) if attempt < retries && self.within_budget(started, delay) => {
                    tokio::time::sleep(delay).await;
                    attempt += 1;
                }
                _ => return outcome.and_then(|resp| check_status(method.as_str(), url, resp)),
            }
        }
    }

    /// How long this request sleeps before it is sent again after a 429: nothing when a pacer
    /// holds every request for the `Retry-After` (it was told of the answer), else the backoff.
    pub fn rate_limit_wait(&self, refusals: u32, retry_after: Option<Duration>) -> Duration {
        if self.opts.pacer.is_some() {
            Duration::ZERO
        } else {
            self.backoff(refusals, retry_after)
        }
    }

    fn tell_pacer(&self, answer: Answer) {
        if let Some(SharedPacer(pacer)) = &self.opts.pacer {
            pacer.answered(&answer);
        }
    }

    /// True when waiting `delay` more still starts the next attempt within the request timeout
    /// counted from `started`: retries never stretch one call to several timeouts.
    pub fn within_budget(&self, started: std::time::Instant, delay: Duration) -> bool {
        started.elapsed() + delay < self.opts.request_timeout
    }

    /// Exponential backoff with jitter, or the server's `Retry-After`, capped.
    pub fn backoff(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        let base = self.opts.retry_base_delay;
        let exp = base.saturating_mul(1u32 << attempt.min(16));
        let chosen = retry_after.unwrap_or(exp);
        let jitter_ms = fastrand::u64(0..=base.as_millis() as u64);
        (chosen + Duration::from_millis(jitter_ms)).min(self.opts.max_retry_delay)
    }
}

fn header_text(resp: &reqwest::Response, name: reqwest::header::HeaderName) -> Option<String> {
    resp.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// 2xx passes; anything else becomes `ApiError::Http` with Bandwidth's codes and texts.
pub fn check_status(method: &str, url: &str, resp: HttpResponse) -> Result<HttpResponse, ApiError> {
    if (200..300).contains(&resp.status) {
        return Ok(resp);
    }
    Err(http_error(method, url, &resp))
}

/// The `ApiError::Http` for an answer, with Bandwidth's codes and texts from its body.
pub fn http_error(method: &str, url: &str, resp: &HttpResponse) -> ApiError {
    let (description, errors) = crate::wire::error_details(&resp.body);
    ApiError::Http {
        status: resp.status,
        method: method.to_string(),
        url: url.to_string(),
        description,
        errors,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn base_url_policy_requires_https_off_loopback() {
        assert!(parse_base_url("https://dashboard.bandwidth.com/api/v1").is_ok());
        assert!(parse_base_url("http://127.0.0.1:8080/api/v1").is_ok());
        assert!(parse_base_url("http://[::1]:8080/api/v1").is_ok());
        assert!(parse_base_url("http://localhost/api").is_ok());
        assert!(matches!(
            parse_base_url("http://example.com/api/v1"),
            Err(ApiError::Insecure { .. })
        ));
        assert!(matches!(
            parse_base_url("ftp://example.com"),
            Err(ApiError::InvalidUrl { .. })
        ));
        let err = parse_base_url("https://user:pw@example.com/").unwrap_err();
        assert!(!err.to_string().contains("pw"), "{err}");
    }

    #[test]
    fn token_url_follows_the_host() {
        let bw = parse_base_url("https://dashboard.bandwidth.com/api/v1").unwrap();
        assert_eq!(
            default_token_url(&bw),
            crate::wire::hosts::BANDWIDTH_TOKEN_URL
        );
        // The test realm's own token endpoint: a production token is never asked for it.
        let test = parse_base_url("https://test.dashboard.bandwidth.com/api/v1").unwrap();
        assert_eq!(
            default_token_url(&test),
            crate::wire::hosts::BANDWIDTH_TEST_TOKEN_URL
        );
        let local = parse_base_url("http://127.0.0.1:4000/api/v1").unwrap();
        assert_eq!(
            default_token_url(&local),
            "http://127.0.0.1:4000/api/v1/oauth2/token"
        );
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let t = Transport::new(ClientOptions::new("http://127.0.0.1:1/api/v1", "1")).unwrap();
        let d0 = t.backoff(0, None);
        let d3 = t.backoff(3, None);
        assert!(d0 >= Duration::from_millis(250) && d0 <= Duration::from_millis(500));
        assert!(d3 >= Duration::from_millis(2000));
        assert_eq!(
            t.backoff(2, Some(Duration::from_secs(600))),
            Duration::from_secs(30)
        );
    }
}
