//! Wrong: spawn_all keeps the calls in the caller's task with join_all, no tokio::spawn per id: the same timeline and answers, but one task, so the calls never run on another thread.
//! expect: ran in 1 task(s): joined in one task

pub async fn spawn_all<S>(source: Arc<S>, ids: Vec<u32>) -> Vec<String>
where
    S: Source + Send + Sync + 'static,
{
    join_all(ids.into_iter().map(|id| {
        let source = Arc::clone(&source);
        async move { source.fetch(id).await }
    }))
    .await
}
