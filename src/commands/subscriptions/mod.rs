//! `lsr subscriptions`: the account's notification subscriptions (`list`, `show ID`,
//! `delete ID`).

use clap::{Args, Subcommand};

use crate::context::Context;
use crate::output::subscriptions::{SubscriptionView, subscription_rows};
use crate::output::{self, OutputMode};
use crate::session::backend::{Backend, runtime};
use crate::session::confirm::confirm;

/// List, show or delete the account's notification subscriptions.
///
/// `list` shows every subscription (callback and e-mail, any order type) with the seconds left
/// before it expires and the outcome of Bandwidth's latest delivery attempt, which is where a
/// receiver that is down or refuses the credentials shows. `delete` stops the notifications
/// (asks first; --yes off a terminal).
///
/// Example: lsr subscriptions list
///
/// Example: lsr subscriptions delete 0b3aa54d-0ce5-4f5b-bd75-1c30967b197f --yes
#[derive(Debug, Clone, Args)]
pub struct SubscriptionsArgs {
    #[command(subcommand)]
    pub action: SubscriptionsAction,
}

/// What to do with the subscriptions.
#[derive(Debug, Clone, Subcommand)]
pub enum SubscriptionsAction {
    /// List the account's subscriptions.
    ///
    /// JSON: an array of subscriptions (schemas/subscriptions-list.schema.json). TSV columns:
    /// subscription_id, order_type, order_id, url, expires_in, user, last_delivery.
    ///
    /// Example: lsr subscriptions list --json
    List,
    /// Show one subscription: its URL, expiry and the latest delivery's outcome.
    ///
    /// JSON: the subscription (schemas/subscriptions-show.schema.json). TSV columns:
    /// subscription_id, order_type, order_id, url, expires_in, user, last_delivery.
    ///
    /// Example: lsr subscriptions show 0b3aa54d-0ce5-4f5b-bd75-1c30967b197f
    Show {
        /// The subscription id (`lsr subscriptions list` shows them).
        #[arg(value_name = "ID")]
        id: String,
    },
    /// Delete a subscription: Bandwidth stops sending its notifications.
    ///
    /// Example: lsr subscriptions delete 0b3aa54d-0ce5-4f5b-bd75-1c30967b197f --yes
    Delete {
        /// The subscription id (`lsr subscriptions list` shows them).
        #[arg(value_name = "ID")]
        id: String,
    },
}

/// `lsr --json subscriptions delete ID` (schemas/subscriptions-delete.schema.json).
#[derive(Debug, serde::Serialize, schemars::JsonSchema)]
pub struct DeletedJson {
    /// The subscription deleted.
    pub deleted: String,
}

pub fn run(ctx: &Context, args: &SubscriptionsArgs) -> anyhow::Result<()> {
    runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        let views = match &args.action {
            SubscriptionsAction::List => {
                let all = backend.client.subscriptions().await?;
                if all.is_empty() {
                    ctx.note("no subscriptions: `lsr subscribe --url URL` creates one");
                }
                all.iter().map(SubscriptionView::new).collect::<Vec<_>>()
            }
            SubscriptionsAction::Show { id } => {
                let one = SubscriptionView::new(&backend.client.subscription(id).await?);
                if ctx.output == OutputMode::Json {
                    output::print_json(&one)?;
                    return Ok(());
                }
                vec![one]
            }
            SubscriptionsAction::Delete { id } => {
                confirm(
                    ctx,
                    "subscriptions delete",
                    &format!("delete subscription {id}? its notifications stop"),
                )?;
                backend.client.delete_subscription(id).await?;
                ctx.note(&format!("deleted subscription {id}"));
                if ctx.output == OutputMode::Json {
                    output::print_json(&DeletedJson {
                        deleted: id.clone(),
                    })?;
                }
                return Ok(());
            }
        };
        match ctx.output {
            OutputMode::Json => output::print_json(&views)?,
            _ => output::print_text(&ctx.render_rows(&subscription_rows(&views)))?,
        }
        anyhow::Ok(())
    })
}
