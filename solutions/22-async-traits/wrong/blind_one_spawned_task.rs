//! Wrong: spawn_all spawns one task that join_all's every call: tokio::spawn is there, Send is needed, but the three calls share one task instead of a task each.
//! expect: but the three calls ran in 1 task(s)

pub async fn spawn_all<S>(source: Arc<S>, ids: Vec<u32>) -> Vec<String>
where
    S: Source + Send + Sync + 'static,
{
    let handle = tokio::spawn(async move {
        join_all(ids.into_iter().map(|id| {
            let source = Arc::clone(&source);
            async move { source.fetch(id).await }
        }))
        .await
    });
    handle.await.expect("the fetch task panicked")
}
