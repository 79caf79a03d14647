//! `lsr sandbox inventory [add]`: the TN-line behaviour table and TNs with explicit behaviour.

use anyhow::Context as _;
use clap::Subcommand;

use super::{on_sandbox, on_server, open_local, print_view};
use crate::context::Context;
use crate::sandbox::admin_api;
use crate::sandbox::store::STORE_FILE;
use crate::wire::admin::InventoryView;

/// `lsr sandbox inventory` actions.
#[derive(Debug, Clone, Subcommand)]
pub enum InventoryAction {
    /// Give a TN an explicit behaviour, overriding its line rule.
    Add {
        #[arg(value_name = "TN")]
        tn: String,
        /// One of: foc, not-ours, disconnected, one-tn-only, pin, manual, other-carrier.
        #[arg(long, value_name = "BEHAVIOUR")]
        behaviour: String,
        /// The port-out PIN for `pin` behaviour.
        #[arg(long, value_name = "PIN")]
        pin: Option<String>,
    },
}

pub(super) fn run(
    ctx: &Context,
    url: Option<&str>,
    action: Option<&InventoryAction>,
) -> anyhow::Result<()> {
    let Some(InventoryAction::Add { tn, behaviour, pin }) = action else {
        let view = match url {
            Some(url) => on_server(url, async |admin| admin.inventory().await)?,
            None => local_inventory(ctx)?,
        };
        return print_view(ctx, &view, |out, view| {
            writeln!(out, "TN line\tbehaviour")?;
            for (line, behaviour) in &view.line_table {
                writeln!(out, "{line}\t{behaviour}")?;
            }
            if !view.entries.is_empty() {
                writeln!(out)?;
                writeln!(out, "explicit TNs (override the line rule):")?;
                for entry in &view.entries {
                    writeln!(out, "{}\t{}", entry.tn, entry.behaviour.name())?;
                }
            }
            Ok(())
        });
    };
    let pin = pin.as_deref();
    let entry = on_sandbox(
        ctx,
        url,
        async |admin| admin.add_inventory(tn, behaviour, pin).await,
        |store| admin_api::add_inventory(store, tn, behaviour, pin),
    )?;
    print_view(ctx, &entry, |out, entry| {
        writeln!(out, "{}\t{}", entry.tn, entry.behaviour.name())
    })
}

/// The table needs no store; the explicit entries do, when there is one.
fn local_inventory(ctx: &Context) -> anyhow::Result<InventoryView> {
    let data_dir = crate::sandbox::default_data_dir(&ctx.config_dir);
    let entries = if data_dir.join(STORE_FILE).exists() {
        open_local(ctx)?
            .inventory()
            .context("reading the sandbox inventory")?
    } else {
        Vec::new()
    };
    Ok(admin_api::inventory_view_of(entries))
}
