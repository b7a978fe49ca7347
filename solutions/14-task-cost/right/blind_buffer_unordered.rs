//! Right: Blind examination: step 1 awaits the handles with join_all (ordered);
//! step 2 collects a FuturesOrdered; step 3 no task at all:
//! stream::iter(ids).map(request).buffer_unordered(limit), the futures created
//! lazily as room frees up.

pub async fn spawn_each(batch: &Batch, n: u32) -> Vec<u32> {
    let mut handles = Vec::with_capacity(n as usize);
    for id in 1..=n {
        let batch = batch.clone();
        handles.push(tokio::spawn(async move { batch.request(id).await }));
    }
    join_all(handles)
        .await
        .into_iter()
        .map(|r| r.expect("task panicked"))
        .collect()
}

pub async fn join_each(batch: &Batch, n: u32) -> Vec<u32> {
    use futures::StreamExt;
    use futures::stream::FuturesOrdered;
    (1..=n)
        .map(|id| batch.request(id))
        .collect::<FuturesOrdered<_>>()
        .collect()
        .await
}

pub async fn bounded(batch: &Batch, n: u32, limit: usize) -> Vec<u32> {
    use futures::StreamExt;
    use futures::stream;
    stream::iter(1..=n)
        .map(|id| batch.request(id))
        .buffer_unordered(limit)
        .collect()
        .await
}
