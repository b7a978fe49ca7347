//! Wrong: Blind examination, second round: step 3 spawns all n tasks, each
//! taking a Semaphore(limit) permit before its request: the work is bounded,
//! the tasks are not.
//! expect: a task waiting for a permit still costs its memory

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
    use std::sync::Arc;
    use tokio::sync::Semaphore;
    let sem = Arc::new(Semaphore::new(limit));
    let mut set = JoinSet::new();
    for id in 1..=n {
        let batch = batch.clone();
        let sem = Arc::clone(&sem);
        set.spawn(async move {
            let _permit = sem.acquire().await.expect("never closed");
            batch.request(id).await
        });
    }
    let mut answers = Vec::new();
    while let Some(r) = set.join_next().await {
        answers.push(r.expect("task panicked"));
    }
    answers
}
