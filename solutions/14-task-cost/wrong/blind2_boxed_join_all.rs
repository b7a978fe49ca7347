//! Wrong: Blind examination, second round: step 2 boxes each request future
//! (Pin<Box<dyn Future>>) before join_all: each future is allocated twice (its
//! box, and join_all's own slot).
//! expect: boxing each future (Box::pin, BoxFuture) before join_all boxes it twice

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
    let futs: Vec<std::pin::Pin<Box<dyn std::future::Future<Output = u32> + Send + '_>>> =
        (1..=n).map(|id| Box::pin(batch.request(id)) as _).collect();
    futures::future::join_all(futs).await
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
