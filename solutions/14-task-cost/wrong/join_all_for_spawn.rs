//! Wrong: asked for a task per request, joins plain futures instead. The
//! timeline is the same (all done at 100 ms), but no task was spawned, so
//! this measures the cost of a future, not of a task.
//! expect: one task per request

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    join_all((1..=n).map(|id| batch.request(id))).await
}
