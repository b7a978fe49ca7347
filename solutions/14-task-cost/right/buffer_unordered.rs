//! Right: no task at all. A stream of ids, mapped lazily to request futures,
//! run `limit` at a time by `buffer_unordered`: a future is created only when
//! a place frees up, and polled inside this one. Memory and work in flight
//! are both bounded by the limit.

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    use futures::StreamExt;
    futures::stream::iter(1..=n)
        .map(|id| batch.request(id))
        .buffer_unordered(limit)
        .collect()
        .await
}
