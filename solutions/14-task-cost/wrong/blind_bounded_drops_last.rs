//! Wrong: Blind examination: step 3 refills with `if id < n` style bookkeeping
//! that never spawns the last id (ids 1..n exclusive): 9,999 answers. Real
//! cause: every request: an off-by-one in the id range (1..n instead of 1..=n).
//! expect: 1 id(s) missing (first: [10000])

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
    let mut ids = 1..n;
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
