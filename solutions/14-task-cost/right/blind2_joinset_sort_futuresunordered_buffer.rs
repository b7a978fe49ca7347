//! Right: Blind examination, second round: step 1 a JoinSet of (id, answer),
//! then sorted by id; step 2 FuturesUnordered, then sorted (no task); step 3
//! buffer_unordered(limit) over a lazy stream of plain futures (no task at
//! all).

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    let mut set = JoinSet::new();
    for id in 1..=n {
        let batch = batch.clone();
        set.spawn(async move { (id, batch.request(id).await) });
    }
    let mut out = set.join_all().await;
    out.sort_unstable_by_key(|(id, _)| *id);
    out.into_iter().map(|(_, a)| a).collect()
}

pub async fn join_each(batch: &Batch, n: u32) -> Vec<u32> {
    use futures::stream::FuturesUnordered;
    use futures::stream::StreamExt;
    let mut out: Vec<u32> = (1..=n)
        .map(|id| batch.request(id))
        .collect::<FuturesUnordered<_>>()
        .collect()
        .await;
    out.sort_unstable();
    out
}

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    use futures::stream;
    use futures::stream::StreamExt;
    stream::iter(1..=n)
        .map(|id| batch.request(id))
        .buffer_unordered(limit)
        .collect()
        .await
}
