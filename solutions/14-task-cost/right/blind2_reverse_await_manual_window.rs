//! Right: Blind examination, second round: step 1 awaits the handles from the
//! last to the first, then reverses (still spawn all, then await); step 2
//! join_all over async move blocks that own a Batch clone; step 3 a hand-rolled
//! FuturesUnordered sliding window (push, and when len() == limit wait for
//! one), no tasks.

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    let mut handles = Vec::with_capacity(n as usize);
    for id in 1..=n {
        let batch = batch.clone();
        handles.push(tokio::spawn(async move { batch.request(id).await }));
    }
    let mut out = Vec::with_capacity(n as usize);
    while let Some(h) = handles.pop() {
        out.push(h.await.expect("task panicked"));
    }
    out.reverse();
    out
}

pub async fn join_each(batch: &Batch, n: u32) -> Vec<u32> {
    futures::future::join_all((1..=n).map(|id| {
        let batch = batch.clone();
        async move { batch.request(id).await }
    }))
    .await
}

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    use futures::stream::FuturesUnordered;
    use futures::stream::StreamExt;
    let mut running = FuturesUnordered::new();
    let mut answers = Vec::with_capacity(n as usize);
    for id in 1..=n {
        if running.len() == limit {
            answers.push(running.next().await.expect("not empty"));
        }
        running.push(batch.request(id));
    }
    while let Some(a) = running.next().await {
        answers.push(a);
    }
    answers
}
