//! `lsr email`: ready-to-send email drafts for the cases the FAQ sends to email.

use clap::{Args, ValueEnum};

use crate::context::Context;

/// Print a ready-to-send email draft.
///
/// Bandwidth handles manual handling (R6), large projects (R7), disputes, escalations and
/// "not authorized" questions (R12) by email, not through the API or portal notes.
///
/// Example: lsr email manual-handling ACME-0001
#[derive(Debug, Clone, Args)]
pub struct EmailArgs {
    /// What the email is about.
    #[arg(value_enum, value_name = "TOPIC")]
    pub topic: EmailTopic,

    /// The order it concerns: an order id, a PON or PON@N.
    #[arg(value_name = "ORDER")]
    pub order: Option<String>,
}

/// Email draft topics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EmailTopic {
    /// A TN needs manual handling (7521, R6).
    ManualHandling,
    /// Dispute an order's outcome.
    Dispute,
    /// More than 999 TNs (R7).
    ProjectPortOut,
    /// Escalate a stuck order.
    Escalation,
    /// "Not authorized to view a port" (R12).
    NotAuthorized,
}

pub fn run(_ctx: &Context, _args: &EmailArgs) -> anyhow::Result<()> {
    Err(super::not_yet_available("email"))
}
