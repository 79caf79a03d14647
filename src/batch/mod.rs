//! Split plans and the concurrent runner that sends a batch's children, recording each in the
//! journal (history::journal) before and after its POST, so batches are resumable.

mod plan;
mod runner;

pub use plan::{ChildPlan, PlanError, SplitPlan, SplitSpec, new_batch_token, plan_split};
pub use runner::{
    ChildOutcome, ChildResult, Reconciled, RunError, RunObserver, Runner, Throttle, child_identity,
    child_order, reconcile,
};
