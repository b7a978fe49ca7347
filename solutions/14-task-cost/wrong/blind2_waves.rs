//! Wrong: Blind examination, second round: step 3 in waves: spawn limit tasks,
//! await them all, repeat; request 1 holds up the first wave.
//! expect: waves of 1000 (each waits for its slowest)

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
    let ids: Vec<u32> = (1..=n).collect();
    let mut answers = Vec::new();
    for chunk in ids.chunks(limit) {
        let mut set = JoinSet::new();
        for &id in chunk {
            let batch = batch.clone();
            set.spawn(async move { batch.request(id).await });
        }
        while let Some(r) = set.join_next().await {
            answers.push(r.expect("task panicked"));
        }
    }
    answers
}
