//! `lsr batch`: the journal of split submissions.

use clap::{Args, Subcommand};

use crate::context::Context;

/// List, inspect and resume split submissions.
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
    /// List batches, newest first.
    List,
    /// Show every child of a batch and its outcome.
    Show {
        /// The batch id.
        #[arg(value_name = "BATCH")]
        batch: String,
    },
    /// Finish an interrupted batch without sending any child twice.
    Resume {
        /// The batch id.
        #[arg(value_name = "BATCH")]
        batch: String,
        /// How many children to send at once.
        #[arg(long, default_value_t = 8, value_name = "N")]
        concurrency: usize,
    },
}

pub fn run(_ctx: &Context, _args: &BatchArgs) -> anyhow::Result<()> {
    Err(super::not_yet_available("batch"))
}
