//! Right: Blind examination, second round: step 1 awaits the handles through
//! FuturesOrdered; step 2 stream::iter(..).buffered(n) (all at once, in order,
//! no task); step 3 a lazy stream whose map spawns a task only when
//! buffer_unordered(limit) pulls it, so tasks are created as places free up.

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    use futures::stream::FuturesOrdered;
    use futures::stream::StreamExt;
    let handles: FuturesOrdered<_> = (1..=n)
        .map(|id| {
            let batch = batch.clone();
            tokio::spawn(async move { batch.request(id).await })
        })
        .collect();
    handles.map(|r| r.expect("task panicked")).collect().await
}

pub async fn join_each(batch: &Batch, n: u32) -> Vec<u32> {
    use futures::stream;
    use futures::stream::StreamExt;
    stream::iter(1..=n)
        .map(|id| batch.request(id))
        .buffered(n as usize)
        .collect()
        .await
}

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    use futures::stream;
    use futures::stream::StreamExt;
    stream::iter(1..=n)
        .map(|id| {
            let batch = batch.clone();
            tokio::spawn(async move { batch.request(id).await })
        })
        .buffer_unordered(limit)
        .map(|r| r.expect("task panicked"))
        .collect()
        .await
}
