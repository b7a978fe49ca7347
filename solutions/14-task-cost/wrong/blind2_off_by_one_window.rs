//! Wrong: Blind examination, second round: step 3 with FuturesUnordered checks
//! len() > limit before pushing the next one, so limit + 1 requests are in
//! flight.
//! expect: but 1001 were at once: bound the work in flight

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    let handles: Vec<_> = (1..=n)
        .map(|id| {
            let batch = batch.clone();
            tokio::spawn(async move { batch.request(id).await })
        })
        .collect();
    let mut out = Vec::with_capacity(n as usize);
    for h in handles {
        out.push(h.await.expect("task panicked"));
    }
    out
}

pub async fn join_each(batch: &Batch, n: u32) -> Vec<u32> {
    futures::future::join_all((1..=n).map(|id| batch.request(id))).await
}

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    use futures::stream::FuturesUnordered;
    use futures::stream::StreamExt;
    let mut running = FuturesUnordered::new();
    let mut answers = Vec::new();
    for id in 1..=n {
        if running.len() > limit {
            answers.push(running.next().await.unwrap());
        }
        running.push(batch.request(id));
    }
    while let Some(a) = running.next().await {
        answers.push(a);
    }
    answers
}
