//! Wrong: Blind examination: step 1 collects the answers from a JoinSet in
//! completion order (join_next) and never sorts them: not "in id order" once
//! completions tie. Real cause: the answers must be in id order; a JoinSet
//! yields in completion order.
//! expect: yours come in the order the requests finished

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    let mut set = JoinSet::new();
    for id in 1..=n {
        let batch = batch.clone();
        set.spawn(async move { batch.request(id).await });
    }
    let mut answers = Vec::with_capacity(n as usize);
    while let Some(done) = set.join_next().await {
        answers.push(done.expect("task panicked"));
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
