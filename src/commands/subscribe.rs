//! `lsr subscribe`: ask Bandwidth (or the sandbox) to POST a notification to a URL whenever an
//! LSR order changes state or gets a note.

use clap::Args;

use crate::client::ApiError;
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::output::subscriptions::{SubscriptionView, human_seconds};
use crate::output::{self, OutputMode};
use crate::session::backend::{Backend, runtime};
use crate::session::callback::CallbackCredentialArgs;
use crate::validate::parse_duration;
use crate::wire::{DEFAULT_EXPIRY_SECS, Subscription};

/// Subscribe a URL to LSR order notifications (Bandwidth's Subscriptions API).
///
/// Bandwidth POSTs a notification to URL each time an LSR order of the account (or only
/// --order) changes state (PENDING, FOC, EXCEPTION, COMPLETE, CANCELLED, PARTIAL, FAILED) or gets
/// a note, with HTTP Basic credentials (--user, and the password from --password-file or
/// LSR_LISTEN_PASSWORD, never the command line). `lsr listen` is a receiver for them. Without
/// --expiry the subscription lasts Bandwidth's default of one day. Bandwidth does not retry a
/// notification the receiver missed: `lsr listen` also polls (see its --reconcile).
///
/// JSON: the subscription (schemas/subscribe.schema.json). TSV columns: subscription_id.
///
/// Example: lsr subscribe --url https://porting-desk:8443/bandwidth --user desk --password-file ~/.desk-pw --expiry 30d
///
/// Example: lsr --sandbox subscribe --url http://127.0.0.1:8086/ --order ACME-0001
#[derive(Debug, Clone, Args)]
pub struct SubscribeArgs {
    /// Where Bandwidth POSTs the notifications (https recommended).
    #[arg(long, value_name = "URL")]
    pub url: String,

    /// Only this order (an order id, a PON or PON@N); every LSR order of the account otherwise.
    #[arg(long, value_name = "ORDER")]
    pub order: Option<String>,

    /// How long the subscription lasts, e.g. 12h, 30d, 52w (Bandwidth's default: 1 day).
    #[arg(long, value_name = "DURATION")]
    pub expiry: Option<String>,

    #[command(flatten)]
    pub credentials: CallbackCredentialArgs,
}

/// Checks `--expiry`: a positive duration, in whole seconds.
pub fn expiry_secs(text: Option<&str>) -> Result<Option<u64>, CliError> {
    let Some(text) = text else {
        return Ok(None);
    };
    match parse_duration(text).map(|d| d.as_secs()) {
        Ok(secs) if secs > 0 => Ok(Some(secs)),
        _ => Err(CliError::new(
            Exit::Usage,
            format!("--expiry `{text}` is not a positive duration"),
        )
        .with_hint("e.g. --expiry 12h, 30d or 52w")),
    }
}

fn checked_url(url: &str) -> Result<String, CliError> {
    let trimmed = url.trim();
    let ok = (trimmed.starts_with("http://") || trimmed.starts_with("https://"))
        && trimmed.len() > "https://".len()
        && !trimmed.chars().any(char::is_whitespace);
    if ok {
        Ok(trimmed.to_string())
    } else {
        Err(
            CliError::new(Exit::Usage, format!("--url `{url}` is not an http(s) URL"))
                .with_hint("give the receiver's full URL, e.g. https://desk.example.com/bandwidth"),
        )
    }
}

pub fn run(ctx: &Context, args: &SubscribeArgs) -> anyhow::Result<()> {
    let url = checked_url(&args.url)?;
    let expiry = expiry_secs(args.expiry.as_deref())?;
    let credentials = args.credentials.read()?;
    if credentials.is_none() {
        ctx.note(
            "warning: no --user: the notifications carry no credentials, and `lsr listen` refuses them",
        );
    }
    let view = runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        let order_id = match &args.order {
            Some(reference) => Some(backend.resolve(ctx, reference).await?.order_id),
            None => None,
        };
        let body = Subscription::lsr_callback(
            url.clone(),
            order_id,
            expiry,
            credentials.map(|c| (c.user, c.password)),
        );
        let id = match backend.client.create_subscription(&body).await {
            Ok(id) => id,
            Err(ApiError::Http { status: 409, .. }) => {
                return Err(CliError::new(
                    Exit::Rejected,
                    format!("{url} is subscribed already"),
                )
                .with_hint(
                    "`lsr subscriptions list` shows it; delete it first to change its expiry or credentials",
                )
                .into());
            }
            Err(e) => return Err(anyhow::Error::from(e).context(format!("subscribing {url}"))),
        };
        // The backend's own view (seconds left, user); the request's when it cannot be read.
        let shown = match backend.client.subscription(&id).await {
            Ok(found) => found,
            Err(_) => Subscription {
                subscription_id: Some(id.clone()),
                ..body
            },
        };
        anyhow::Ok(SubscriptionView::new(&shown))
    })?;
    let lasts = human_seconds(
        view.expires_in_seconds
            .or(expiry)
            .unwrap_or(DEFAULT_EXPIRY_SECS),
    );
    ctx.note(&format!(
        "subscribed {}: notifications for {} go to {url} for {lasts}; `lsr listen` receives them",
        view.subscription_id,
        view.order_id
            .as_deref()
            .map_or_else(|| "every LSR order".to_string(), |id| format!("order {id}")),
    ));
    match ctx.output {
        OutputMode::Json => output::print_json(&view)?,
        _ => {
            let mut rows = output::Rows::new(["SUBSCRIPTION ID"]);
            rows.push([view.subscription_id.clone()]);
            output::print_text(&ctx.render_tsv(&rows))?
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn subscribe_checks_url_and_expiry_before_sending() {
        assert_eq!(expiry_secs(Some("30d")).unwrap(), Some(2_592_000));
        assert_eq!(expiry_secs(None).unwrap(), None);
        assert_eq!(expiry_secs(Some("0s")).unwrap_err().exit, Exit::Usage);
        assert_eq!(expiry_secs(Some("soon")).unwrap_err().exit, Exit::Usage);
        assert!(checked_url("http://127.0.0.1:8086/").is_ok());
        assert!(checked_url("ftp://x").is_err());
        assert!(checked_url("https://a b").is_err());
    }
}
