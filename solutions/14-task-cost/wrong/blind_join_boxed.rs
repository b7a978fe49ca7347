//! Wrong: Blind examination: step 2 boxes each future (`.boxed()`, a BoxFuture)
//! before join_all, to get one uniform type: each future is allocated twice.
//! Real cause: boxing a future before joining allocates it a second time;
//! join_all takes the futures as they are.
//! expect: boxing each future (Box::pin, BoxFuture) before join_all boxes it twice

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
    use futures::FutureExt;
    join_all((1..=n).map(|id| batch.request(id).boxed())).await
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
