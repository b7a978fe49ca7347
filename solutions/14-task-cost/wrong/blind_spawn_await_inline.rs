//! Wrong: Blind examination: step 1 spawns each task and awaits its handle at
//! once, inside the loop: one request at a time (10,000 x 100 ms). Real cause:
//! spawn all first, await after: awaiting each handle right after its spawn
//! serialises the requests.
//! expect: the requests ran one at a time

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    let mut answers = Vec::with_capacity(n as usize);
    for id in 1..=n {
        let batch = batch.clone();
        let handle = tokio::spawn(async move { batch.request(id).await });
        answers.push(handle.await.expect("task panicked"));
    }
    answers
}

pub async fn join_each(batch: &Batch, n: u32) -> Vec<u32> {
    join_all((1..=n).map(|id| batch.request(id))).await
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
