//! Wrong: Blind examination, second round: step 1 Box::pins each future before
//! spawning it: two allocations per request (the box, and the task cell holding
//! the box).
//! expect: a future boxed (Box::pin) before spawn, a second allocation per task

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    let handles: Vec<_> = (1..=n)
        .map(|id| {
            let batch = batch.clone();
            let fut: std::pin::Pin<Box<dyn std::future::Future<Output = u32> + Send>> =
                Box::pin(async move { batch.request(id).await });
            tokio::spawn(fut)
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
    let mut ids = 1..=n;
    let mut tasks = JoinSet::new();
    let mut answers = Vec::with_capacity(n as usize);
    for id in ids.by_ref().take(limit) {
        let batch = batch.clone();
        tasks.spawn(async move { batch.request(id).await });
    }
    while let Some(done) = tasks.join_next().await {
        answers.push(done.expect("task panicked"));
        if let Some(id) = ids.next() {
            let batch = batch.clone();
            tasks.spawn(async move { batch.request(id).await });
        }
    }
    answers
}
