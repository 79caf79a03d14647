//! ORDER resolution: an order id, a PON (its latest version) or `PON@N` (the N-th order placed
//! with the PON, by creation time, R8). A PON is resolved against the backend's list for it
//! (one search) merged with the history, which is refreshed on the way; only when the backend
//! cannot be reached does the history answer alone, with a warning. The answer is the
//! backend's current view of the order.

use std::str::FromStr;

use super::backend::Backend;
use crate::client::ApiError;
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::history::OrderRef;
use crate::model::{Order, Pon};

impl Backend {
    /// Finds the order a user named (an order id, a PON = its latest version, or `PON@N`).
    pub async fn resolve(&self, ctx: &Context, text: &str) -> anyhow::Result<Order> {
        let reference = OrderRef::from_str(text).map_err(|e| {
            CliError::new(Exit::Usage, e.to_string())
                .with_hint("give an order id, a PON, or PON@N (e.g. ACME-0001@2)")
        })?;
        // An order id the history knows: no list to read.
        if let OrderRef::IdOrPon(t) = &reference
            && let Some(known) = self.known_record(t)
        {
            return Ok(self.get_order(ctx, &known.order_id).await?);
        }
        let (pon_text, version) = match &reference {
            OrderRef::IdOrPon(t) => (t.clone(), None),
            OrderRef::PonVersion { pon, version } => (pon.to_string(), Some(*version)),
        };
        if Pon::parse(&pon_text).is_ok() {
            match self.pon_list(ctx, &pon_text).await {
                Ok(list) if !list.is_empty() => {
                    return self.pick(ctx, text, list, version).await;
                }
                Ok(_) => {}
                Err(e) if unreachable(&e) => return self.history_answer(ctx, text, &reference, e),
                // A list the backend cannot give for this text: it may still be an order id.
                Err(
                    e @ (ApiError::Decode { .. }
                    | ApiError::Http {
                        status: 400 | 404, ..
                    }),
                ) => {
                    if version.is_some() {
                        return Err(e.into());
                    }
                }
                Err(e) => return Err(e.into()),
            }
        }
        if let OrderRef::IdOrPon(t) = &reference {
            match self.get_order(ctx, t).await {
                Ok(order) => return Ok(order),
                Err(ApiError::Http { status: 404, .. })
                | Err(ApiError::Http { status: 400, .. }) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Err(not_found(text))
    }

    /// The order of `list` (one PON's orders, numbered, oldest first) that `version` names, or
    /// the last one; its current view.
    async fn pick(
        &self,
        ctx: &Context,
        text: &str,
        list: Vec<Order>,
        version: Option<u32>,
    ) -> anyhow::Result<Order> {
        let count = list.len();
        let pick = match version {
            Some(n) => list.into_iter().find(|o| o.pon_version == Some(n)),
            None => list.into_iter().last(),
        };
        let Some(pick) = pick else {
            return Err(CliError::new(Exit::NotFound, format!("order `{text}` not found"))
                .with_hint(format!(
                    "that PON has {count} order{} (@1 is the first placed); `lsr search --pon PON` lists them",
                    if count == 1 { "" } else { "s" }
                ))
                .into());
        };
        let number = pick.pon_version;
        let mut order = if pick.details.is_some() {
            // Fetched whole by the list just now.
            pick
        } else {
            self.get_order(ctx, &pick.order_id).await?
        };
        order.pon_version = number;
        Ok(order)
    }

    /// The history's answer when the backend cannot be reached, said so.
    fn history_answer(
        &self,
        ctx: &Context,
        text: &str,
        reference: &OrderRef,
        error: ApiError,
    ) -> anyhow::Result<Order> {
        match self
            .history
            .resolve_ref(&self.key, reference)
            .ok()
            .flatten()
        {
            Some(record) => {
                ctx.note(&format!(
                    "warning: the backend cannot be reached ({}); `{text}` is resolved from the local history, which may miss orders placed elsewhere and shows the order as lsr last saw it",
                    super::split::first_line(&error.to_string())
                ));
                Ok(record.to_order())
            }
            None => Err(error.into()),
        }
    }
}

/// True for failures where the backend could not answer (network, timeout, 5xx, 429): the
/// history may stand in, with a warning.
fn unreachable(error: &ApiError) -> bool {
    match error {
        ApiError::Network { .. } | ApiError::Timeout { .. } | ApiError::CutShort { .. } => true,
        ApiError::Http { status, .. } => *status == 429 || *status >= 500,
        _ => false,
    }
}

fn not_found(text: &str) -> anyhow::Error {
    CliError::new(Exit::NotFound, format!("order `{text}` not found"))
        .with_hint("check the order id or PON (`lsr search --pon PON`); LSRs are found by LSR, not by Port (R12)")
        .into()
}
