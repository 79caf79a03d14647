//! `lsr auth status`: the profile's sign-in, checked by having a token (cached or new).

use crate::context::Context;
use crate::exit::{CliError, Exit};
use crate::output::auth::render_auth;
use crate::output::{self, OutputMode};
use crate::session::backend::runtime;
use crate::session::credentials::{auth_view, client_secret, token_client};

pub fn run(ctx: &Context) -> anyhow::Result<()> {
    let found = match &ctx.settings.client_id {
        Some(id) => {
            client_secret(ctx, &id.value)?.map(|(secret, home)| (id.value.clone(), secret, home))
        }
        None => None,
    };
    let (token, home) = match found {
        Some((id, secret, home)) => {
            let token = runtime()?.block_on(async {
                let client = token_client(ctx, &id, secret)?;
                anyhow::Ok(client.transport().current_token().await?)
            })?;
            (token, Some(home))
        }
        None => (None, None),
    };
    let view = auth_view(ctx, token.as_ref(), home);
    match ctx.output {
        OutputMode::Json => output::print_json(&view)?,
        _ => output::print_text(&render_auth(&view))?,
    }
    if !view.signed_in {
        return Err(CliError::new(
            Exit::Auth,
            format!("profile `{}` is not signed in", ctx.settings.profile),
        )
        .with_hint("run `lsr auth login`")
        .into());
    }
    Ok(())
}
