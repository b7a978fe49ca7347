//! Right: a fixed pool of `limit` worker tasks, each taking the next id from
//! a shared counter until none is left. The number of tasks is the limit,
//! whatever `n` is: the shape of a thread pool, with tasks.

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU32, Ordering};
    let next = Arc::new(AtomicU32::new(1));
    let mut workers = JoinSet::new();
    for _ in 0..limit {
        let (batch, next) = (batch.clone(), next.clone());
        workers.spawn(async move {
            let mut answers = Vec::new();
            loop {
                let id = next.fetch_add(1, Ordering::Relaxed);
                if id > n {
                    break answers;
                }
                answers.push(batch.request(id).await);
            }
        });
    }
    let mut answers = Vec::new();
    while let Some(done) = workers.join_next().await {
        answers.extend(done.expect("a worker panicked"));
    }
    answers
}
