//! Wrong: Blind examination, second round: step 3 spawns every task up front (a
//! Vec of JoinHandles), then awaits the handles through
//! buffer_unordered(limit): the buffer bounds the awaiting, not the tasks,
//! which run from their spawn.
//! expect: the tasks were spawned before the bound

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
    use futures::stream;
    use futures::stream::StreamExt;
    let handles: Vec<_> = (1..=n)
        .map(|id| {
            let batch = batch.clone();
            tokio::spawn(async move { batch.request(id).await })
        })
        .collect();
    stream::iter(handles)
        .buffer_unordered(limit)
        .map(|r| r.expect("task panicked"))
        .collect()
        .await
}
