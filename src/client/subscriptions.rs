//! Typed calls for Bandwidth's Subscriptions API (`/accounts/{id}/subscriptions`): the callback
//! subscriptions that make Bandwidth POST a `<Notification>` when an LSR order changes.

use reqwest::Method;

use super::error::ApiError;
use super::lsrorders::LsrClient;
use crate::wire::{self, Subscription, SubscriptionsResponse};

impl LsrClient {
    fn subscriptions_url(&self, id: Option<&str>) -> String {
        match id {
            None => self.transport().account_url("subscriptions"),
            Some(id) => {
                let id: String = form_urlencoded::byte_serialize(id.as_bytes()).collect();
                self.transport().account_url(&format!("subscriptions/{id}"))
            }
        }
    }

    fn subscription_body(method: &str, url: &str, body: &Subscription) -> Result<String, ApiError> {
        wire::to_xml(body).map_err(|e| ApiError::Decode {
            method: method.to_string(),
            url: url.to_string(),
            message: format!("cannot write the subscription: {e}"),
        })
    }

    /// POST a subscription (sent once); returns its id, the tail of `Location`.
    pub async fn create_subscription(&self, body: &Subscription) -> Result<String, ApiError> {
        let url = self.subscriptions_url(None);
        let text = Self::subscription_body("POST", &url, body)?;
        let resp = self
            .transport()
            .call(Method::POST, &url, Some(&text))
            .await?;
        resp.location
            .as_deref()
            .and_then(|l| l.trim_end_matches('/').rsplit('/').next())
            .filter(|id| !id.is_empty())
            .map(str::to_string)
            .ok_or_else(|| ApiError::Decode {
                method: "POST".into(),
                url,
                message: "the answer has no Location header naming the subscription".into(),
            })
    }

    /// GET the account's subscriptions (callback and e-mail, every order type).
    pub async fn subscriptions(&self) -> Result<Vec<Subscription>, ApiError> {
        let url = self.subscriptions_url(None);
        let resp = self.transport().call(Method::GET, &url, None).await?;
        if String::from_utf8_lossy(&resp.body).trim().is_empty() {
            return Ok(Vec::new());
        }
        let answer: SubscriptionsResponse = Self::decode("GET", &url, &resp.body)?;
        Ok(answer.subscriptions)
    }

    /// GET one subscription.
    pub async fn subscription(&self, id: &str) -> Result<Subscription, ApiError> {
        let url = self.subscriptions_url(Some(id));
        let resp = self.transport().call(Method::GET, &url, None).await?;
        let answer: SubscriptionsResponse = Self::decode("GET", &url, &resp.body)?;
        answer
            .subscriptions
            .into_iter()
            .next()
            .ok_or_else(|| ApiError::Decode {
                method: "GET".into(),
                url,
                message: "the answer holds no subscription".into(),
            })
    }

    /// PUT a subscription's new values (target, credentials, expiry).
    pub async fn update_subscription(&self, id: &str, body: &Subscription) -> Result<(), ApiError> {
        let url = self.subscriptions_url(Some(id));
        let text = Self::subscription_body("PUT", &url, body)?;
        self.transport()
            .call(Method::PUT, &url, Some(&text))
            .await
            .map(|_| ())
    }

    /// DELETE a subscription.
    pub async fn delete_subscription(&self, id: &str) -> Result<(), ApiError> {
        let url = self.subscriptions_url(Some(id));
        self.transport()
            .call(Method::DELETE, &url, None)
            .await
            .map(|_| ())
    }
}
