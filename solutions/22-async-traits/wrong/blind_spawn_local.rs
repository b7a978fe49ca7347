//! Wrong: spawn_all dodges the Send error with a LocalSet and spawn_local: a task per call, but on this thread only, and spawn_all's own future holds the LocalSet, which is not Send, so it cannot be spawned.
//! expect: required because it appears within the type `LocalSet`

pub async fn spawn_all<S>(source: Arc<S>, ids: Vec<u32>) -> Vec<String>
where
    S: Source + Send + Sync + 'static,
{
    let local = tokio::task::LocalSet::new();
    local
        .run_until(async move {
            let handles: Vec<_> = ids
                .into_iter()
                .map(|id| {
                    let source = Arc::clone(&source);
                    tokio::task::spawn_local(async move { source.fetch(id).await })
                })
                .collect();
            let mut out = Vec::new();
            for handle in handles {
                out.push(handle.await.expect("a fetch task panicked"));
            }
            out
        })
        .await
}
