//! `lsr batch`: the journal of submissions — `list`, `show`, `resume`.

mod list;
mod resume;
mod show;

pub use list::ListJson;
pub use show::ShowJson;

use clap::{Args, Subcommand};

use crate::context::Context;
use crate::exit::{CliError, Exit};

/// List, inspect and resume submissions.
///
/// Every submission is journaled in the history before anything is sent: a `submit --split`
/// (and `resubmit --split`) as a batch of its children, a single `submit` or `resubmit` as a
/// batch of one with split `none`. Each order is marked before its POST and after. `resume`
/// finishes an interrupted batch: orders whose outcome is unknown are looked up first (an order
/// counts only when its customer order id, PON and TNs prove it is that one), so none is placed
/// twice. A state `withdrawn` is a single order that was never sent and never will be.
///
/// Example: lsr batch resume 3
#[derive(Debug, Clone, Args)]
pub struct BatchArgs {
    #[command(subcommand)]
    pub action: BatchAction,
}

/// `lsr batch` actions.
#[derive(Debug, Clone, Subcommand)]
pub enum BatchAction {
    /// List batches, newest first (single submissions show split `none`).
    ///
    /// JSON: {"batches": [...]} (schemas/batch-list.schema.json). TSV columns: id, created_at,
    /// parent_pon, split, orders, sent, rejected, unfinished.
    ///
    /// Example: lsr batch list
    List,
    /// Show every child of a batch and its outcome.
    ///
    /// JSON: the batch with its `children` (schemas/batch-show.schema.json). TSV columns: index,
    /// pon, state, order_id, tns, error, customer_order_id.
    ///
    /// Example: lsr batch show 3
    Show {
        /// The batch id.
        #[arg(value_name = "BATCH")]
        batch: String,
    },
    /// Finish an interrupted batch without sending any child twice.
    ///
    /// Children whose outcome is unknown are looked up first (customer order id, PON and TNs
    /// must match); only those the backend proves it does not have are sent.
    ///
    /// JSON: the `submit` document of the batch (schemas/batch-resume.schema.json). TSV columns:
    /// index, pon, order_id, outcome, tns, customer_order_id.
    ///
    /// Example: lsr batch resume 3
    Resume {
        /// The batch id.
        #[arg(value_name = "BATCH")]
        batch: String,
        /// How many children to send at once.
        #[arg(long, default_value_t = 8, value_name = "N")]
        concurrency: usize,
    },
}

pub fn run(ctx: &Context, args: &BatchArgs) -> anyhow::Result<()> {
    match &args.action {
        BatchAction::List => list::run(ctx),
        BatchAction::Show { batch } => show::run(ctx, batch),
        BatchAction::Resume { batch, concurrency } => resume::run(ctx, batch, *concurrency),
    }
}

fn parse_batch_id(text: &str) -> Result<i64, CliError> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or_else(|| {
            CliError::new(Exit::Usage, format!("batch id `{text}` is not a number"))
                .with_hint("`lsr batch list` shows the batch ids")
        })
}
