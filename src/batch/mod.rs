//! Split plans, the concurrent runner and the journal that makes batches resumable.

mod plan;
mod runner;

pub use plan::{ChildPlan, PlanError, SplitPlan, SplitSpec, new_batch_token, plan_split};
pub use runner::{
    ChildOutcome, ChildResult, Reconciled, RunError, RunObserver, Runner, Throttle,
    child_identity, child_order, reconcile,
};
