//! Wrong: Blind examination, second round: step 2 awaits the plain futures one
//! after the other in a for loop: no task, but no concurrency.
//! expect: each was awaited before the next started

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
    let mut out = Vec::new();
    for id in 1..=n {
        out.push(batch.request(id).await);
    }
    out
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
