//! `lsr batch resume`: finish an interrupted batch without sending any child twice.

use super::parse_batch_id;
use crate::context::Context;
use crate::session::backend::{Backend, runtime};
use crate::session::split::resume_batch;

pub fn run(ctx: &Context, batch: &str, concurrency: usize) -> anyhow::Result<()> {
    let id = parse_batch_id(batch)?;
    runtime()?.block_on(async {
        let backend = Backend::connect(ctx).await?;
        backend.limiter.set_max(concurrency);
        resume_batch(ctx, &backend, id).await
    })
}
