//! Wrong: spawns all 10,000 tasks at once and has each wait for a permit of
//! a `Semaphore(1000)`. The work in flight is bounded, the memory is not:
//! the 9,000 tasks waiting for their permit are allocated all the same.
//! expect: at most 1000 tasks alive

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    let permits = std::sync::Arc::new(tokio::sync::Semaphore::new(limit));
    let handles: Vec<_> = (1..=n)
        .map(|id| {
            let batch = batch.clone();
            let permits = permits.clone();
            tokio::spawn(async move {
                let _permit = permits.acquire().await.expect("never closed");
                batch.request(id).await
            })
        })
        .collect();
    let mut answers = Vec::new();
    for handle in handles {
        answers.push(handle.await.expect("a request task panicked"));
    }
    answers
}
