//! Wrong: asked for plain futures, spawns a task per request and joins the
//! handles. The answers and the timeline are the same, but every request
//! now costs a task: a cell on the heap, a place in the scheduler.
//! expect: no task at all

pub async fn join_each(batch: &Batch, n: u32) -> Vec<u32> {
    let handles = (1..=n).map(|id| {
        let batch = batch.clone();
        tokio::spawn(async move { batch.request(id).await })
    });
    join_all(handles)
        .await
        .into_iter()
        .map(|answer| answer.expect("a request task panicked"))
        .collect()
}
