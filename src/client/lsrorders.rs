//! Typed calls for the eight `lsrorders` endpoints over the shared `wire` types, including the
//! one rule that makes submissions safe: a POST is never re-sent blindly.

use std::time::Duration;

use reqwest::Method;

use super::error::ApiError;
use super::http::{ClientOptions, HttpResponse, Transport, http_error};
use super::identity::{Candidate, Identity, Lookup};
use crate::wire::{self, FromXml, SearchQuery};

/// The outcome of a create.
#[derive(Debug, Clone)]
pub struct Created {
    pub order_id: String,
    /// The order as the backend returned it (or as found again after an unclear outcome).
    pub order: wire::LsrOrder,
    /// True when the POST's answer was lost and the order was found by its customer order id.
    pub recovered: bool,
    /// How many times the body was actually sent.
    pub attempts: u32,
    /// The longest `Retry-After` a 429 asked for along the way: pushback a batch should
    /// honour for its next orders too, not only this one.
    pub retry_after: Option<Duration>,
}

/// True for characters no order text may carry: C0 controls other than tab, LF and CR (XML 1.0
/// forbids them, raw or as references), DEL and the C1 controls.
fn is_forbidden_control(code: u32) -> bool {
    (code < 0x20 && !matches!(code, 0x09 | 0x0A | 0x0D)) || (0x7F..=0x9F).contains(&code)
}

/// The first forbidden control character in a body, raw or as a character reference (`&#27;`,
/// `&#x1b;`), with its byte offset. Such a body is refused whole: its text would reach the
/// terminal, where an escape sequence from a hostile server can rewrite the screen.
fn control_character(body: &[u8]) -> Option<(usize, u32)> {
    let text = String::from_utf8_lossy(body);
    if let Some((offset, c)) = text
        .char_indices()
        .find(|(_, c)| is_forbidden_control(u32::from(*c)))
    {
        return Some((offset, u32::from(c)));
    }
    let mut from = 0;
    while let Some(found) = text[from..].find("&#") {
        let start = from + found;
        let rest = &text[start + 2..];
        let digits = rest.find(';').filter(|&e| e <= 10).map(|e| &rest[..e]);
        let code = digits.and_then(|d| match d.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => d.parse::<u32>().ok(),
        });
        if let Some(code) = code.filter(|c| is_forbidden_control(*c)) {
            return Some((start, code));
        }
        from = start + 2;
    }
    None
}

/// How many times a create is sent at most with an unclear outcome, each resend after a
/// lookup proved it missing (429 refusals do not count: see `max_rate_limited_retries`).
const MAX_CREATE_ATTEMPTS: u32 = 3;

/// A client for one account of one backend.
#[derive(Debug)]
pub struct LsrClient {
    transport: Transport,
}

impl LsrClient {
    pub fn new(opts: ClientOptions) -> Result<LsrClient, ApiError> {
        Ok(LsrClient {
            transport: Transport::new(opts)?,
        })
    }

    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    /// The base URL as the history store keys it (no trailing slash).
    pub fn base_url(&self) -> String {
        self.transport
            .base_url()
            .as_str()
            .trim_end_matches('/')
            .to_string()
    }

    pub fn account_id(&self) -> &str {
        &self.transport.options().account_id
    }

    /// How TNs are written to this backend: E.164 on v2, 10 digits on v1.
    pub fn tn_form(&self) -> wire::TnForm {
        if self.transport.options().api_version.is_e164() {
            wire::TnForm::E164
        } else {
            wire::TnForm::Digits
        }
    }

    /// An XML request body with its TNs in this backend's form.
    fn body_xml(&self, xml: String) -> Result<String, wire::WireError> {
        match self.tn_form() {
            wire::TnForm::Digits => Ok(xml),
            form => String::from_utf8(wire::rewrite_tns(xml.as_bytes(), form)?).map_err(|e| {
                wire::WireError::NotUtf8 {
                    offset: e.utf8_error().valid_up_to(),
                }
            }),
        }
    }

    fn order_url(&self, order_id: &str) -> String {
        let id: String = form_urlencoded::byte_serialize(order_id.as_bytes()).collect();
        self.transport.account_url(&format!("lsrorders/{id}"))
    }

    pub(super) fn decode<T: FromXml>(method: &str, url: &str, body: &[u8]) -> Result<T, ApiError> {
        if let Some((offset, code)) = control_character(body) {
            return Err(ApiError::Decode {
                method: method.to_string(),
                url: url.to_string(),
                message: format!(
                    "the body carries control character U+{code:04X} at byte {offset}, which \
                     XML 1.0 does not allow"
                ),
            });
        }
        wire::decode(body).map_err(|e| ApiError::Decode {
            method: method.to_string(),
            url: url.to_string(),
            message: e.to_string(),
        })
    }

    /// GET one order.
    pub async fn get_order(&self, order_id: &str) -> Result<wire::LsrOrder, ApiError> {
        let url = self.order_url(order_id);
        let resp = self.transport.call(Method::GET, &url, None).await?;
        Self::decode("GET", &url, &resp.body)
    }

    /// GET the order list (at most 1,000 results, no paging).
    pub async fn search(&self, query: &SearchQuery) -> Result<wire::LsrOrders, ApiError> {
        let q = query.to_query_string_in(self.tn_form());
        let mut url = self.transport.account_url("lsrorders");
        if !q.is_empty() {
            url.push('?');
            url.push_str(&q);
        }
        let resp = self.transport.call(Method::GET, &url, None).await?;
        Self::decode("GET", &url, &resp.body)
    }

    /// POST a new order. The body must carry `identity`'s customer order id: when the outcome
    /// is unclear (timeout, dropped connection, 5xx, 429, unreadable answer) the client looks the
    /// order up by it ([`LsrClient::find_created`]) and sends again only when the backend proves
    /// it is not there. An order counts as this one only when its identity says so; several
    /// that could be, or a lookup that fails, end in an error (never a guess, never a resend).
    pub async fn create_order(
        &self,
        order: &wire::LsrOrder,
        identity: &Identity,
    ) -> Result<Created, ApiError> {
        let customer_order_id = order
            .customer_order_id
            .clone()
            .filter(|c| !c.trim().is_empty() && *c == identity.customer_order_id)
            .ok_or_else(|| ApiError::InvalidUrl {
                url: self.transport.account_url("lsrorders"),
                reason: "an order is only sent with the customer order id it is looked up by, \
                         so that an unclear outcome can be checked"
                    .into(),
            })?;
        let url = self.transport.account_url("lsrorders");
        let body = wire::to_xml(order)
            .and_then(|xml| self.body_xml(xml))
            .map_err(|e| ApiError::Decode {
                method: "POST".into(),
                url: url.clone(),
                message: format!("cannot write the order: {e}"),
            })?;
        // A token endpoint failure is clear (nothing was sent): report it as itself rather
        // than as an unclear create.
        self.transport.ensure_authorized().await?;
        let started = std::time::Instant::now();
        let mut attempts = 0;
        let mut retry_after: Option<Duration> = None;
        let mut last_problem: Option<ApiError> = None;
        let recovered = |found: Box<wire::LsrOrder>, attempts, retry_after| Created {
            order_id: found.order_id.clone().unwrap_or_default(),
            order: *found,
            recovered: true,
            attempts,
            retry_after,
        };
        // Sends whose outcome is unclear (the order may exist) are limited. A 429 is not one of
        // them: it refuses a request before processing it, so the same body goes again after
        // `Retry-After`, as often as `max_rate_limited_retries` allows; like every resend, it is
        // preceded by the lookup by identity.
        let mut unclear = 0;
        let mut rate_limited = 0;
        loop {
            if attempts > 0 {
                // Before any resend: is it there already?
                match self.find_created(identity).await {
                    Ok(Lookup::Found(found)) => return Ok(recovered(found, attempts, retry_after)),
                    Ok(Lookup::Missing) => {}
                    Ok(Lookup::Ambiguous(candidates)) => {
                        return Err(ambiguous(identity, candidates, last_problem.as_ref()));
                    }
                    Err(e) => {
                        return Err(ApiError::UnclearOutcome {
                            customer_order_id,
                            message: format!(
                                "{}; and looking the order up failed too: {e}",
                                last_problem.map(|p| p.to_string()).unwrap_or_default()
                            ),
                        });
                    }
                }
            }
            attempts += 1;
            let outcome = self
                .transport
                .send_once(Method::POST, &url, Some(&body))
                .await;
            let wait = match outcome {
                Ok(resp) if (200..300).contains(&resp.status) => {
                    match self.read_created(&url, &resp).await {
                        Ok((order_id, created)) => {
                            return Ok(Created {
                                order_id,
                                order: created,
                                recovered: false,
                                attempts,
                                retry_after,
                            });
                        }
                        Err(e) => last_problem = Some(e),
                    }
                    unclear += 1;
                    Duration::ZERO
                }
                Ok(resp) if resp.status == 429 => {
                    rate_limited += 1;
                    retry_after = retry_after.max(resp.retry_after);
                    let wait = self
                        .transport
                        .rate_limit_wait(rate_limited - 1, resp.retry_after);
                    let patient = rate_limited <= self.transport.options().max_rate_limited_retries
                        && self
                            .transport
                            .within_budget(started, resp.retry_after.unwrap_or(wait));
                    if !patient {
                        if unclear == 0 {
                            // Only refusals: nothing was created, and the caller knows it.
                            return Err(http_error("POST", &url, &resp));
                        }
                        last_problem = Some(http_error("POST", &url, &resp));
                        break;
                    }
                    tokio::time::sleep(wait).await;
                    continue;
                }
                Ok(resp) if resp.status >= 500 => {
                    last_problem = Some(http_error("POST", &url, &resp));
                    unclear += 1;
                    self.transport.backoff(unclear - 1, resp.retry_after)
                }
                Ok(resp) => return Err(http_error("POST", &url, &resp)),
                Err(e) if e.is_unclear_outcome() => {
                    last_problem = Some(e);
                    unclear += 1;
                    self.transport.backoff(unclear - 1, None)
                }
                Err(e) => return Err(e),
            };
            if unclear >= MAX_CREATE_ATTEMPTS || !self.transport.within_budget(started, wait) {
                // No resend is coming (out of attempts, or it would start past the request
                // timeout): go straight to the last look.
                break;
            }
            tokio::time::sleep(wait).await;
        }
        // Last look before giving up: the final attempt may have landed.
        let looked = match self.find_created(identity).await {
            Ok(Lookup::Found(found)) => return Ok(recovered(found, attempts, retry_after)),
            Ok(Lookup::Ambiguous(candidates)) => {
                return Err(ambiguous(identity, candidates, last_problem.as_ref()));
            }
            Ok(Lookup::Missing) => "a lookup found no such order yet".to_string(),
            Err(e) => format!("looking the order up failed too: {e}"),
        };
        Err(ApiError::UnclearOutcome {
            customer_order_id,
            message: format!(
                "{}; {looked}",
                last_problem
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "no answer".into())
            ),
        })
    }

    /// The order id and order from a 2xx create answer: `OrderId` in the body or the tail of
    /// `Location`; an empty body (some servers) is followed by a GET.
    async fn read_created(
        &self,
        url: &str,
        resp: &HttpResponse,
    ) -> Result<(String, wire::LsrOrder), ApiError> {
        let from_location = resp
            .location
            .as_deref()
            .and_then(|l| l.trim_end_matches('/').rsplit('/').next())
            .filter(|id| !id.is_empty())
            .map(str::to_string);
        let body_text = String::from_utf8_lossy(&resp.body);
        if body_text.trim().is_empty() {
            let id = from_location.ok_or_else(|| ApiError::Decode {
                method: "POST".into(),
                url: url.to_string(),
                message: "the answer has neither a body nor a Location header".into(),
            })?;
            let order = self.get_order(&id).await?;
            return Ok((id, order));
        }
        let response: wire::LsrOrderResponse = Self::decode("POST", url, &resp.body)?;
        let order = response.lsr_order.unwrap_or_default();
        let id = order
            .order_id
            .clone()
            .or(from_location)
            .ok_or_else(|| ApiError::Decode {
                method: "POST".into(),
                url: url.to_string(),
                message: "the answer names no order id".into(),
            })?;
        Ok((id, order))
    }

    /// PUT a supp. Bandwidth answers with the updated order.
    pub async fn supp(
        &self,
        order_id: &str,
        changes: &wire::LsrOrder,
    ) -> Result<wire::LsrOrder, ApiError> {
        self.put_order(order_id, changes).await
    }

    /// PUT `OrderStatus=CANCELLED` (there is no DELETE).
    pub async fn cancel(&self, order_id: &str) -> Result<wire::LsrOrder, ApiError> {
        self.put_order(order_id, &wire::LsrOrder::cancel_request())
            .await
    }

    async fn put_order(
        &self,
        order_id: &str,
        body: &wire::LsrOrder,
    ) -> Result<wire::LsrOrder, ApiError> {
        let url = self.order_url(order_id);
        let text = wire::to_xml(body)
            .and_then(|xml| self.body_xml(xml))
            .map_err(|e| ApiError::Decode {
                method: "PUT".into(),
                url: url.clone(),
                message: format!("cannot write the request: {e}"),
            })?;
        let resp = self.transport.call(Method::PUT, &url, Some(&text)).await?;
        if String::from_utf8_lossy(&resp.body).trim().is_empty() {
            return self.get_order(order_id).await;
        }
        let response: wire::LsrOrderResponse = Self::decode("PUT", &url, &resp.body)?;
        match response.lsr_order {
            Some(order) => Ok(order),
            None => self.get_order(order_id).await,
        }
    }

    /// GET the order's history.
    pub async fn history(&self, order_id: &str) -> Result<Vec<wire::OrderHistory>, ApiError> {
        let url = format!("{}/history", self.order_url(order_id));
        let resp = self.transport.call(Method::GET, &url, None).await?;
        let wrapper: wire::OrderHistoryWrapper = Self::decode("GET", &url, &resp.body)?;
        Ok(wrapper.entries)
    }

    /// GET the order's notes; 204 means none.
    pub async fn notes(&self, order_id: &str) -> Result<Vec<wire::Note>, ApiError> {
        let url = format!("{}/notes", self.order_url(order_id));
        let resp = self.transport.call(Method::GET, &url, None).await?;
        if resp.status == 204 || String::from_utf8_lossy(&resp.body).trim().is_empty() {
            return Ok(Vec::new());
        }
        let notes: wire::Notes = Self::decode("GET", &url, &resp.body)?;
        Ok(notes.notes)
    }

    /// POST a note; returns its id from the `Location` tail.
    pub async fn add_note(
        &self,
        order_id: &str,
        user_id: &str,
        text: &str,
    ) -> Result<Option<String>, ApiError> {
        let url = format!("{}/notes", self.order_url(order_id));
        let body =
            wire::to_xml(&wire::Note::request(user_id, text)).map_err(|e| ApiError::Decode {
                method: "POST".into(),
                url: url.clone(),
                message: format!("cannot write the note: {e}"),
            })?;
        let resp = self.transport.call(Method::POST, &url, Some(&body)).await?;
        Ok(resp
            .location
            .as_deref()
            .and_then(|l| l.trim_end_matches('/').rsplit('/').next())
            .map(str::to_string))
    }

    /// How long to wait before polling again, growing from `base` to `max`.
    pub fn poll_delay(attempt: u32, base: Duration, max: Duration) -> Duration {
        base.saturating_mul(1u32 << attempt.min(10)).min(max)
    }
}

/// The error for a lookup that found several orders that could be this submission.
fn ambiguous(identity: &Identity, candidates: Vec<Candidate>, why: Option<&ApiError>) -> ApiError {
    ApiError::Ambiguous {
        customer_order_id: identity.customer_order_id.clone(),
        pon: identity.pon.clone(),
        message: why.map(ToString::to_string).unwrap_or_default(),
        candidates,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn control_characters_are_found_raw_and_as_references() {
        assert_eq!(control_character(b"<a>plain\ttext\r\n</a>"), None);
        assert_eq!(control_character(b"<a>x\x1b[2J</a>"), Some((4, 0x1b)));
        assert_eq!(control_character(b"<a>&#27;[2J</a>"), Some((3, 27)));
        assert_eq!(control_character(b"<a>&#x9B;</a>"), Some((3, 0x9b)));
        assert_eq!(control_character(b"<a>&#10;&#233;&amp;</a>"), None);
        assert_eq!(control_character(b"<a>&#</a>"), None);
        assert_eq!(
            control_character(b"<a>&# no end</a><b>&#27;</b>"),
            Some((19, 27))
        );
        let refused = LsrClient::decode::<wire::LsrOrder>(
            "GET",
            "u",
            b"<LsrOrder><Pon>&#x1B;]0;x</Pon></LsrOrder>",
        )
        .unwrap_err();
        assert!(refused.to_string().contains("U+001B"), "{refused}");
    }
}
