//! Right: Blind examination: step 1 spawns into a JoinSet and sorts the answers
//! (ids) afterwards; step 2 a FuturesUnordered, sorted; step 3 `limit` worker
//! tasks that pull the next id from a shared counter (the "n workers" of the
//! README's table).

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    let mut set = JoinSet::new();
    for id in 1..=n {
        let batch = batch.clone();
        set.spawn(async move { batch.request(id).await });
    }
    let mut answers = set.join_all().await;
    answers.sort_unstable();
    answers
}

pub async fn join_each(batch: &Batch, n: u32) -> Vec<u32> {
    use futures::StreamExt;
    use futures::stream::FuturesUnordered;
    let mut answers: Vec<u32> = (1..=n)
        .map(|id| batch.request(id))
        .collect::<FuturesUnordered<_>>()
        .collect()
        .await;
    answers.sort_unstable();
    answers
}

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    use std::sync::Arc;
    use std::sync::atomic::AtomicU32;
    use std::sync::atomic::Ordering;
    let next = Arc::new(AtomicU32::new(1));
    let mut workers = JoinSet::new();
    for _ in 0..limit.min(n as usize) {
        let batch = batch.clone();
        let next = Arc::clone(&next);
        workers.spawn(async move {
            let mut mine = Vec::new();
            loop {
                let id = next.fetch_add(1, Ordering::SeqCst);
                if id > n {
                    break mine;
                }
                mine.push(batch.request(id).await);
            }
        });
    }
    let mut answers = Vec::with_capacity(n as usize);
    while let Some(done) = workers.join_next().await {
        answers.extend(done.expect("worker panicked"));
    }
    answers
}
