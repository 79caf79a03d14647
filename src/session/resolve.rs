//! ORDER resolution: an order id, a PON (its latest version) or `PON@N`, found through the
//! history first, then the backend; the answer is always the backend's current view.

use std::str::FromStr;

use super::backend::Backend;
use crate::client::{ApiError, SearchQuery};
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::history::OrderRef;
use crate::model::{Order, Pon};

impl Backend {
    /// Finds the order a user named (an order id, a PON = its latest version, or `PON@N`):
    /// the history first, then the backend. Returns the backend's current view of it.
    pub async fn resolve(&self, ctx: &Context, text: &str) -> anyhow::Result<Order> {
        let reference = OrderRef::from_str(text).map_err(|e| {
            CliError::new(Exit::Usage, e.to_string())
                .with_hint("give an order id, a PON, or PON@N (e.g. ACME-0001@2)")
        })?;
        let known = self
            .history
            .resolve_ref(&self.key, &reference)
            .ok()
            .flatten();
        if let Some(record) = known {
            return Ok(self.get_order(ctx, &record.order_id).await?);
        }
        let (pon_text, version) = match &reference {
            OrderRef::IdOrPon(t) => {
                match self.get_order(ctx, t).await {
                    Ok(order) => return Ok(order),
                    Err(ApiError::Http { status: 404, .. })
                    | Err(ApiError::Http { status: 400, .. }) => {}
                    Err(e) => return Err(e.into()),
                }
                (t.clone(), None)
            }
            OrderRef::PonVersion { pon, version } => (pon.to_string(), Some(*version)),
        };
        if Pon::parse(&pon_text).is_ok() {
            let found = self
                .search(&SearchQuery {
                    pon: Some(pon_text.clone()),
                    ..SearchQuery::default()
                })
                .await?;
            let pick = found
                .orders
                .iter()
                .filter(|o| o.pon == pon_text)
                .filter(|o| version.is_none_or(|v| o.pon_version == Some(v)))
                .max_by_key(|o| (o.pon_version, o.created_at));
            if let Some(id) = pick.map(|o| o.order_id.clone()).filter(|id| !id.is_empty()) {
                return Ok(self.get_order(ctx, &id).await?);
            }
        }
        Err(CliError::new(Exit::NotFound, format!("order `{text}` not found"))
            .with_hint("check the order id or PON (`lsr search --pon PON`); LSRs are found by LSR, not by Port (R12)")
            .into())
    }
}
