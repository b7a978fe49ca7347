//! Wrong: Blind examination: step 3 spawns all 10,000 tasks at once, each
//! acquiring a Semaphore(limit) permit before its request: 1000 in flight, but
//! 10,000 tasks alive. Real cause: the bound must come before the spawn: a
//! semaphore inside each task bounds the work, not the tasks (or their memory).
//! expect: a task waiting for a permit still costs its memory

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
    let permits = std::sync::Arc::new(tokio::sync::Semaphore::new(limit));
    let mut tasks = JoinSet::new();
    for id in 1..=n {
        let batch = batch.clone();
        let permits = std::sync::Arc::clone(&permits);
        tasks.spawn(async move {
            let _permit = permits.acquire().await.expect("never closed");
            batch.request(id).await
        });
    }
    let mut answers = Vec::with_capacity(n as usize);
    while let Some(done) = tasks.join_next().await {
        answers.push(done.expect("task panicked"));
    }
    answers
}
