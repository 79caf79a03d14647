//! `lsr explain`: what a Bandwidth code or an FAQ topic means and what to do.

use clap::Args;

use crate::context::Context;

/// Explain a Bandwidth code or an FAQ topic in plain words, with what to do next.
///
/// Without an argument, lists every code and topic.
///
/// Example: lsr explain 7517    lsr explain foc-window
#[derive(Debug, Clone, Args)]
pub struct ExplainArgs {
    /// A numeric code (e.g. 17008) or a topic (e.g. concurrence).
    #[arg(value_name = "CODE|TOPIC")]
    pub subject: Option<String>,
}

pub fn run(_ctx: &Context, _args: &ExplainArgs) -> anyhow::Result<()> {
    Err(super::not_yet_available("explain"))
}
