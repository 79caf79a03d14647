//! `lsr sandbox reset`: delete every order and restore the demo accounts.

use super::{on_sandbox, print_view};
use crate::context::Context;
use crate::sandbox::admin_api;
use crate::wire::admin::ResetView;

pub(super) fn run(ctx: &Context, url: Option<&str>) -> anyhow::Result<()> {
    let view = on_sandbox(
        ctx,
        url,
        async |admin| {
            admin.reset().await?;
            Ok(ResetView { reset: true })
        },
        admin_api::reset,
    )?;
    print_view(ctx, &view, |_, _| {
        ctx.note("sandbox reset: orders deleted, demo accounts restored");
        Ok(())
    })
}
