//! Wrong: a `JoinSet`, but all 10,000 tasks are spawned into it before the
//! first is joined: the set is a place to keep tasks, not a bound on them.
//! expect: at most 1000 requests in flight

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    let _ = limit;
    let mut tasks = JoinSet::new();
    for id in 1..=n {
        let batch = batch.clone();
        tasks.spawn(async move { batch.request(id).await });
    }
    let mut answers = Vec::new();
    while let Some(done) = tasks.join_next().await {
        answers.push(done.expect("a request task panicked"));
    }
    answers
}
