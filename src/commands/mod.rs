//! One module per subcommand: its `Args` and one `run(ctx, args)`; `dispatch` picks the one.

pub mod backend;
pub mod batch;
pub mod cancel;
pub mod completions;
pub mod config;
pub mod email;
pub mod explain;
pub mod foc_window;
pub mod history;
pub mod notes;
pub mod order_input;
pub mod order_view;
pub mod presubmit;
pub mod resubmit;
pub mod sandbox;
pub mod search;
pub mod status;
pub mod submit;
pub mod supp;
pub mod validate;
pub mod watch;

use crate::cli::Command;
use crate::context::Context;

/// Runs the chosen command.
pub fn dispatch(ctx: &Context, command: &Command) -> anyhow::Result<()> {
    match command {
        Command::Submit(args) => submit::run(ctx, args),
        Command::Supp(args) => supp::run(ctx, args),
        Command::Cancel(args) => cancel::run(ctx, args),
        Command::Resubmit(args) => resubmit::run(ctx, args),
        Command::Search(args) => search::run(ctx, args),
        Command::Status(args) => status::run(ctx, args),
        Command::History(args) => history::run(ctx, args),
        Command::Notes(args) => notes::run(ctx, args),
        Command::Validate(args) => validate::run(ctx, args),
        Command::Explain(args) => explain::run(ctx, args),
        Command::FocWindow(args) => foc_window::run(ctx, args),
        Command::Batch(args) => batch::run(ctx, args),
        Command::Watch(args) => watch::run(ctx, args),
        Command::Email(args) => email::run(ctx, args),
        Command::Config(args) => config::run(ctx, args),
        Command::Sandbox(args) => sandbox::run(ctx, args),
        Command::Completions(args) => completions::run(ctx, args),
    }
}
