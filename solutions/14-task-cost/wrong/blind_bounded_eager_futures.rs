//! Wrong: Blind examination: step 3 creates all 10,000 request futures up front
//! (collected in a Vec), then runs them through buffer_unordered(limit): no
//! tasks and 1000 in flight, but memory for all 10,000 futures. Real cause:
//! create a future only when there is room for it: the memory must grow with
//! the limit, not with n.
//! expect: the memory held grows with the limit (1000), not with the 10,000 requests

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    let handles: Vec<_> = (1..=n)
        .map(|id| {
            let batch = batch.clone();
            tokio::spawn(async move { batch.request(id).await })
        })
        .collect();
    let mut answers = Vec::with_capacity(n as usize);
    for handle in handles {
        answers.push(handle.await.expect("task panicked"));
    }
    answers
}

pub async fn join_each(batch: &Batch, n: u32) -> Vec<u32> {
    join_all((1..=n).map(|id| batch.request(id))).await
}

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    use futures::StreamExt;
    let all: Vec<_> = (1..=n).map(|id| batch.request(id)).collect();
    futures::stream::iter(all)
        .buffer_unordered(limit)
        .collect()
        .await
}
