//! Subscriptions as lsr shows them: [`SubscriptionView`] (the stable JSON shape) and rows for
//! tables and TSV.

use serde::Serialize;

use super::Rows;
use crate::wire;

/// One subscription, ready to print. Field names are the stable JSON keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct SubscriptionView {
    pub subscription_id: String,
    pub order_type: Option<String>,
    /// The one order it covers; `None` for every order of the type.
    pub order_id: Option<String>,
    pub url: Option<String>,
    /// Seconds left before it expires (as the backend answers).
    pub expires_in_seconds: Option<u64>,
    pub user: Option<String>,
    /// The outcome of the backend's latest attempt to deliver a notification.
    pub last_status: Option<String>,
    /// An e-mail subscription's address (lsr only lists those).
    pub email: Option<String>,
}

impl SubscriptionView {
    pub fn new(subscription: &wire::Subscription) -> SubscriptionView {
        let callback = subscription.callback.as_ref();
        SubscriptionView {
            subscription_id: subscription.subscription_id.clone().unwrap_or_default(),
            order_type: subscription
                .order_type
                .clone()
                .or_else(|| subscription.event_type.clone()),
            order_id: subscription.order_id.clone(),
            url: callback.and_then(|c| c.url.clone()),
            expires_in_seconds: callback.and_then(|c| c.expiry),
            user: subscription.username().map(str::to_string),
            last_status: callback.and_then(|c| c.status.clone()),
            email: subscription.email.as_ref().and_then(|e| e.email.clone()),
        }
    }
}

/// `3d 4h`, `5h 2m`, `40s`: a number of seconds for people.
pub fn human_seconds(secs: u64) -> String {
    let (d, h, m) = (secs / 86_400, secs % 86_400 / 3_600, secs % 3_600 / 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{secs}s"),
        (0, 0, m) => format!("{m}m"),
        (0, h, m) => format!("{h}h {m}m"),
        (d, h, _) => format!("{d}d {h}h"),
    }
}

/// The table of `subscriptions list` (and `show`).
pub fn subscription_rows(views: &[SubscriptionView]) -> Rows {
    let mut rows = Rows::new([
        "ID",
        "TYPE",
        "ORDER",
        "URL",
        "EXPIRES IN",
        "USER",
        "LAST DELIVERY",
    ])
    .keys([
        "subscription_id",
        "order_type",
        "order_id",
        "url",
        "expires_in",
        "user",
        "last_delivery",
    ]);
    for v in views {
        rows.push([
            v.subscription_id.clone(),
            v.order_type.clone().unwrap_or_default(),
            v.order_id.clone().unwrap_or_else(|| "(all)".to_string()),
            v.url
                .clone()
                .or_else(|| v.email.clone())
                .unwrap_or_default(),
            v.expires_in_seconds.map(human_seconds).unwrap_or_default(),
            v.user.clone().unwrap_or_default(),
            v.last_status.clone().unwrap_or_else(|| "-".to_string()),
        ]);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscription_view_reads_a_callback_and_rows_name_all_orders() {
        let s = wire::Subscription {
            subscription_id: Some("s-1".into()),
            order_type: Some("lsrorders".into()),
            callback: Some(wire::CallbackSubscription {
                url: Some("https://desk/bw".into()),
                expiry: Some(90_061),
                status: Some("200 OK".into()),
                ..wire::CallbackSubscription::default()
            }),
            ..wire::Subscription::default()
        };
        let view = SubscriptionView::new(&s);
        assert_eq!(view.expires_in_seconds, Some(90_061));
        let rows = subscription_rows(&[view]);
        assert_eq!(rows.rows[0][2], "(all)");
        assert_eq!(rows.rows[0][4], "1d 1h");
        assert_eq!(human_seconds(59), "59s");
        assert_eq!(human_seconds(3_720), "1h 2m");
    }
}
