//! Wrong: builds all 10,000 request futures up front, then runs them 1000 at
//! a time with `buffer_unordered`. In flight is bounded; memory is not: the
//! 9,000 futures waiting their turn are all allocated before the first runs.
//! expect: grows with the limit

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    use futures::StreamExt;
    let futures: Vec<_> = (1..=n).map(|id| Box::pin(batch.request(id))).collect();
    futures::stream::iter(futures)
        .buffer_unordered(limit)
        .collect()
        .await
}
