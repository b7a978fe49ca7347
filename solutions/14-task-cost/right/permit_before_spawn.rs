//! Right: a `Semaphore(limit)` whose owned permit is taken *before* each
//! spawn and moved into the task, and a `JoinSet` that drops each finished
//! task as it goes (`try_join_next`). Waiting for the permit happens here,
//! in one place, not in 9,000 parked tasks.

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    let permits = std::sync::Arc::new(tokio::sync::Semaphore::new(limit));
    let mut tasks = JoinSet::new();
    let mut answers = Vec::new();
    for id in 1..=n {
        let permit = permits.clone().acquire_owned().await.expect("never closed");
        while let Some(done) = tasks.try_join_next() {
            answers.push(done.expect("a request task panicked"));
        }
        let batch = batch.clone();
        tasks.spawn(async move {
            let answer = batch.request(id).await;
            drop(permit);
            answer
        });
    }
    answers.extend(tasks.join_all().await);
    answers
}
