//! Wrong: Blind examination: step 3 in chunks of `limit`: spawn 1000, await all
//! 1000, then the next 1000. A slow request holds up its whole wave; with equal
//! latencies it coincides with refilling. Real cause: bounding by waves instead
//! of refilling a slot when one finishes: the slowest of each chunk idles the
//! other 999 slots.
//! expect: waves of 1000 (each waits for its slowest)

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
    let ids: Vec<u32> = (1..=n).collect();
    let mut answers = Vec::with_capacity(n as usize);
    for chunk in ids.chunks(limit) {
        let handles: Vec<_> = chunk
            .iter()
            .map(|&id| {
                let batch = batch.clone();
                tokio::spawn(async move { batch.request(id).await })
            })
            .collect();
        for h in handles {
            answers.push(h.await.expect("task panicked"));
        }
    }
    answers
}
