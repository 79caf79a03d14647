//! Split plans, the concurrent runner and the journal that makes batches resumable.
