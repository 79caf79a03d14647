//! `lsr notes ORDER add TEXT`: add a note, signed as the authenticated user (R12: notes are
//! not monitored, and lsr says so every time).

use anyhow::Context as _;
use serde::Serialize;

use super::unmonitored_warning;
use crate::client::Credentials;
use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::output::order::order_name;
use crate::output::{self, OutputMode};
use crate::session::backend::{Backend, runtime};

/// The `notes add` document (schemas/notes-add.schema.json).
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct AddedJson {
    pub order_id: String,
    /// The note's id, when the backend returned one.
    pub note_id: Option<String>,
    /// Who signed it: the client id (or user name).
    pub user_id: String,
    pub text: String,
}

pub fn run(ctx: &Context, reference: &str, text: &str) -> anyhow::Result<()> {
    let added = runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        let user = note_user(&backend)?;
        let order = backend.resolve(ctx, reference).await?;
        let order_id = order.order_id.clone();
        ctx.note(&unmonitored_warning(reference));
        let note_id = backend
            .client
            .add_note(&order_id, &user, text)
            .await
            .with_context(|| {
                format!(
                    "adding a note to {}",
                    order_name(&backend.view(ctx, &order))
                )
            })?;
        ctx.note(&format!(
            "added note {} to {}",
            note_id.as_deref().unwrap_or("(no id returned)"),
            order_name(&backend.view(ctx, &order))
        ));
        anyhow::Ok(AddedJson {
            order_id,
            note_id,
            user_id: user,
            text: text.to_string(),
        })
    })?;
    match ctx.output {
        OutputMode::Json => output::print_json(&added)?,
        _ => {
            let mut rows = output::Rows::new(["NOTE ID"]);
            rows.push([added.note_id.unwrap_or_default()]);
            output::print_text(&ctx.render_tsv(&rows))?
        }
    }
    Ok(())
}

/// The note's `UserId`: Bandwidth requires the authenticated user, which is the client id
/// with OAuth client credentials and the username with Basic.
fn note_user(backend: &Backend) -> anyhow::Result<String> {
    match &backend.client.transport().options().credentials {
        Some(Credentials::ClientCredentials { client_id, .. }) => Ok(client_id.clone()),
        Some(Credentials::Basic { username, .. }) => Ok(username.clone()),
        None => Err(CliError::new(Exit::Auth, "no credentials are configured to sign the note with")
            .with_hint("set LSR_CLIENT_ID/LSR_CLIENT_SECRET (or a username and password) with `lsr config set`")
            .into()),
    }
}
