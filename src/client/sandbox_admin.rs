//! A small client for a running sandbox's `/sandbox/` admin endpoints (clock, NPAC, inventory,
//! faults, reset), used by `lsr sandbox … --url`.

use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::sandbox::Faults;
use crate::sandbox::admin_api::{ClockView, InventoryView, NpacView};
use crate::sandbox::store::InventoryEntry;

/// Why an admin request failed.
#[derive(Debug, thiserror::Error)]
pub enum AdminClientError {
    #[error("sandbox url `{0}` is not an http URL")]
    BadUrl(String),
    #[error("cannot reach the sandbox at {url}: {source}")]
    Connect { url: String, source: reqwest::Error },
    #[error("the sandbox refused the request ({status}): {message}")]
    Refused { status: u16, message: String },
    #[error("the sandbox answered something unexpected: {0}")]
    Decode(String),
}

impl AdminClientError {
    /// The HTTP status of a refusal (404 unknown order, 409 wrong state, 400 bad value).
    pub fn status(&self) -> Option<u16> {
        match self {
            AdminClientError::Refused { status, .. } => Some(*status),
            _ => None,
        }
    }
}

/// The admin endpoints of one sandbox.
pub struct SandboxAdmin {
    http: reqwest::Client,
    base: String,
}

impl SandboxAdmin {
    /// `base_url` is the server's root, e.g. `http://127.0.0.1:8080` (an API path is ignored).
    pub fn new(base_url: &str) -> Result<SandboxAdmin, AdminClientError> {
        let trimmed = base_url.trim().trim_end_matches('/');
        let root = match trimmed.find("/api") {
            Some(i) => &trimmed[..i],
            None => trimmed,
        };
        if !root.starts_with("http://") && !root.starts_with("https://") {
            return Err(AdminClientError::BadUrl(base_url.to_string()));
        }
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            .build()
            .map_err(|source| AdminClientError::Connect {
                url: root.to_string(),
                source,
            })?;
        Ok(SandboxAdmin {
            http,
            base: root.to_string(),
        })
    }

    async fn send<T: DeserializeOwned>(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<String>,
    ) -> Result<T, AdminClientError> {
        let url = format!("{}{path}", self.base);
        let mut request = self.http.request(method, &url);
        if let Some(body) = body {
            request = request
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(body);
        }
        let response = request
            .send()
            .await
            .map_err(|source| AdminClientError::Connect {
                url: self.base.clone(),
                source,
            })?;
        let status = response.status();
        let text = response
            .text()
            .await
            .map_err(|source| AdminClientError::Connect {
                url: self.base.clone(),
                source,
            })?;
        if !status.is_success() {
            let message = serde_json::from_str::<serde_json::Value>(&text)
                .ok()
                .and_then(|v| v.get("error").and_then(|e| e.as_str()).map(str::to_string))
                .unwrap_or(text);
            return Err(AdminClientError::Refused {
                status: status.as_u16(),
                message,
            });
        }
        serde_json::from_str(&text).map_err(|e| AdminClientError::Decode(e.to_string()))
    }

    async fn post<T: DeserializeOwned, B: Serialize>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, AdminClientError> {
        let body =
            serde_json::to_string(body).map_err(|e| AdminClientError::Decode(e.to_string()))?;
        self.send(reqwest::Method::POST, path, Some(body)).await
    }

    pub async fn clock(&self) -> Result<ClockView, AdminClientError> {
        self.send(reqwest::Method::GET, "/sandbox/clock", None)
            .await
    }

    pub async fn set_clock(&self, time: &str) -> Result<ClockView, AdminClientError> {
        self.post("/sandbox/clock/set", &serde_json::json!({ "time": time }))
            .await
    }

    pub async fn advance_clock(&self, duration: &str) -> Result<ClockView, AdminClientError> {
        self.post(
            "/sandbox/clock/advance",
            &serde_json::json!({ "duration": duration }),
        )
        .await
    }

    pub async fn npac_subscribe(
        &self,
        order: &str,
        medium_timers: bool,
    ) -> Result<NpacView, AdminClientError> {
        self.post(
            "/sandbox/npac/subscribe",
            &serde_json::json!({ "order": order, "medium_timers": medium_timers }),
        )
        .await
    }

    pub async fn npac_activate(&self, order: &str) -> Result<NpacView, AdminClientError> {
        self.post(
            "/sandbox/npac/activate",
            &serde_json::json!({ "order": order }),
        )
        .await
    }

    pub async fn inventory(&self) -> Result<InventoryView, AdminClientError> {
        self.send(reqwest::Method::GET, "/sandbox/inventory", None)
            .await
    }

    pub async fn add_inventory(
        &self,
        tn: &str,
        behaviour: &str,
        pin: Option<&str>,
    ) -> Result<InventoryEntry, AdminClientError> {
        self.post(
            "/sandbox/inventory",
            &serde_json::json!({ "tn": tn, "behaviour": behaviour, "pin": pin }),
        )
        .await
    }

    pub async fn faults(&self) -> Result<Faults, AdminClientError> {
        self.send(reqwest::Method::GET, "/sandbox/faults", None)
            .await
    }

    pub async fn set_faults(&self, faults: &Faults) -> Result<Faults, AdminClientError> {
        let body =
            serde_json::to_string(faults).map_err(|e| AdminClientError::Decode(e.to_string()))?;
        self.send(reqwest::Method::PUT, "/sandbox/faults", Some(body))
            .await
    }

    pub async fn clear_faults(&self) -> Result<Faults, AdminClientError> {
        self.send(reqwest::Method::DELETE, "/sandbox/faults", None)
            .await
    }

    pub async fn reset(&self) -> Result<(), AdminClientError> {
        let _: serde_json::Value = self.post("/sandbox/reset", &serde_json::json!({})).await?;
        Ok(())
    }
}
