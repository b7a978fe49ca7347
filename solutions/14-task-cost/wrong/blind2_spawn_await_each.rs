//! Wrong: Blind examination, second round: step 1 spawns a task and awaits its
//! handle before spawning the next: one request at a time.
//! expect: each was awaited before the next started

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for id in 1..=n {
        let batch = batch.clone();
        out.push(
            tokio::spawn(async move { batch.request(id).await })
                .await
                .expect("task panicked"),
        );
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
