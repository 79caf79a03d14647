//! Split plans, the concurrent runner that sends a batch's children, recording each in the
//! journal (history::journal) before and after its POST, so batches are resumable, and the
//! adaptive concurrency limiter every bulk operation runs its requests through.

pub mod adaptive;
mod aimd;
mod plan;
mod runner;

pub use adaptive::{Limiter, Permit};
pub use aimd::{DEFAULT_MAX, LevelReport, START_LEVEL, Signal};
pub use plan::{ChildPlan, PlanError, SplitPlan, SplitSpec, new_batch_token, plan_split};
pub use runner::{
    ChildOutcome, ChildResult, Reconciled, RunError, RunObserver, Runner, child_identity,
    child_order, reconcile,
};
