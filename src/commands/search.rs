//! `lsr search`: find orders on the backend or in the local history.

use clap::Args;

use crate::context::Context;

/// Search orders by PON, TN, status, customer order id or creation date.
///
/// Searching a PON shows every version of it (R8). `--local` searches the history store only,
/// with no network.
///
/// Example: lsr search --pon ACME-0001
#[derive(Debug, Clone, Args)]
pub struct SearchArgs {
    /// Orders with this PON (all versions).
    #[arg(long, value_name = "PON")]
    pub pon: Option<String>,

    /// Orders containing this telephone number.
    #[arg(long, value_name = "TN")]
    pub tn: Option<String>,

    /// Orders in this status (repeatable).
    #[arg(long, value_name = "STATUS")]
    pub status: Vec<String>,

    /// Orders with this customer order id.
    #[arg(long, value_name = "ID")]
    pub customer_order_id: Option<String>,

    /// Created on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub created_from: Option<String>,

    /// Created on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub created_to: Option<String>,

    /// Search the local history store only.
    #[arg(long)]
    pub local: bool,
}

pub fn run(_ctx: &Context, _args: &SearchArgs) -> anyhow::Result<()> {
    Err(super::not_yet_available("search"))
}
