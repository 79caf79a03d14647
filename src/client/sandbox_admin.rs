//! A small client for a running sandbox's `/sandbox/` admin endpoints (clock, NPAC, inventory,
//! faults, reset), used by `lsr sandbox … --url`. The bodies and views are `wire::admin`'s.

use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::wire::admin::{
    AdminErrorBody, ClockAdvance, ClockSet, ClockView, Faults, InventoryAdd, InventoryEntry,
    InventoryView, NpacRequest, NpacView, ResetView, path,
};

/// Why an admin request failed. Every variant names the sandbox it was for.
#[derive(Debug, thiserror::Error)]
pub enum AdminClientError {
    #[error("sandbox url `{0}` is not an http URL")]
    BadUrl(String),
    #[error("cannot reach the sandbox at {url}: {source}")]
    Connect { url: String, source: reqwest::Error },
    #[error("the sandbox refused the request ({status}): {message}")]
    Refused {
        url: String,
        status: u16,
        message: String,
    },
    #[error("the sandbox answered something unexpected: {message}")]
    Decode { url: String, message: String },
}

impl AdminClientError {
    /// The HTTP status of a refusal (404 unknown order, 409 wrong state, 400 bad value).
    pub fn status(&self) -> Option<u16> {
        match self {
            AdminClientError::Refused { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The sandbox the request was for.
    pub fn url(&self) -> &str {
        match self {
            AdminClientError::BadUrl(url)
            | AdminClientError::Connect { url, .. }
            | AdminClientError::Refused { url, .. }
            | AdminClientError::Decode { url, .. } => url,
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
        // The sandbox takes admin writes only as JSON (no web form can send that cross-site),
        // bodiless ones (reset, clearing the faults) included.
        let write = method != reqwest::Method::GET;
        let mut request = self.http.request(method, &url);
        if write {
            request = request.header(reqwest::header::CONTENT_TYPE, "application/json");
        }
        if let Some(body) = body {
            request = request.body(body);
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
            let message = serde_json::from_str::<AdminErrorBody>(&text)
                .map(|body| body.error)
                .unwrap_or(text);
            return Err(AdminClientError::Refused {
                url: self.base.clone(),
                status: status.as_u16(),
                message,
            });
        }
        serde_json::from_str(&text).map_err(|e| self.decode_error(e))
    }

    fn decode_error(&self, e: serde_json::Error) -> AdminClientError {
        AdminClientError::Decode {
            url: self.base.clone(),
            message: e.to_string(),
        }
    }

    async fn post<T: DeserializeOwned, B: Serialize>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, AdminClientError> {
        self.send_json(reqwest::Method::POST, path, body).await
    }

    async fn send_json<T: DeserializeOwned, B: Serialize>(
        &self,
        method: reqwest::Method,
        path: &str,
        body: &B,
    ) -> Result<T, AdminClientError> {
        let body = serde_json::to_string(body).map_err(|e| self.decode_error(e))?;
        self.send(method, path, Some(body)).await
    }

    pub async fn clock(&self) -> Result<ClockView, AdminClientError> {
        self.send(reqwest::Method::GET, path::CLOCK, None).await
    }

    pub async fn set_clock(&self, time: &str) -> Result<ClockView, AdminClientError> {
        let body = ClockSet {
            time: time.to_string(),
        };
        self.post(path::CLOCK_SET, &body).await
    }

    pub async fn advance_clock(&self, duration: &str) -> Result<ClockView, AdminClientError> {
        let body = ClockAdvance {
            duration: duration.to_string(),
        };
        self.post(path::CLOCK_ADVANCE, &body).await
    }

    pub async fn npac_subscribe(
        &self,
        order: &str,
        medium_timers: bool,
    ) -> Result<NpacView, AdminClientError> {
        let body = NpacRequest {
            order: order.to_string(),
            medium_timers,
        };
        self.post(path::NPAC_SUBSCRIBE, &body).await
    }

    pub async fn npac_activate(&self, order: &str) -> Result<NpacView, AdminClientError> {
        let body = NpacRequest {
            order: order.to_string(),
            medium_timers: false,
        };
        self.post(path::NPAC_ACTIVATE, &body).await
    }

    pub async fn inventory(&self) -> Result<InventoryView, AdminClientError> {
        self.send(reqwest::Method::GET, path::INVENTORY, None).await
    }

    pub async fn add_inventory(
        &self,
        tn: &str,
        behaviour: &str,
        pin: Option<&str>,
    ) -> Result<InventoryEntry, AdminClientError> {
        let body = InventoryAdd {
            tn: tn.to_string(),
            behaviour: behaviour.to_string(),
            pin: pin.map(str::to_string),
        };
        self.post(path::INVENTORY, &body).await
    }

    pub async fn faults(&self) -> Result<Faults, AdminClientError> {
        self.send(reqwest::Method::GET, path::FAULTS, None).await
    }

    pub async fn set_faults(&self, faults: &Faults) -> Result<Faults, AdminClientError> {
        self.send_json(reqwest::Method::PUT, path::FAULTS, faults)
            .await
    }

    pub async fn clear_faults(&self) -> Result<Faults, AdminClientError> {
        self.send(reqwest::Method::DELETE, path::FAULTS, None).await
    }

    pub async fn reset(&self) -> Result<(), AdminClientError> {
        let _: ResetView = self.send(reqwest::Method::POST, path::RESET, None).await?;
        Ok(())
    }
}
