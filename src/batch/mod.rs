//! Split plans, the concurrent runner and the journal that makes batches resumable.

mod plan;

pub use plan::{ChildPlan, PlanError, SplitPlan, SplitSpec, new_batch_token, plan_split};
