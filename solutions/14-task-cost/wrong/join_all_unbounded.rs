//! Wrong: ignores the limit and joins every request at once: all 10,000 in
//! flight, which is what the bound is there to prevent (a server that
//! allows 1000 connections, a pool of 1000).
//! expect: at most 1000 requests in flight

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    let _ = limit;
    join_all((1..=n).map(|id| batch.request(id))).await
}
