//! Wrong: spawn_all spawns a task per id but awaits each handle right after spawning it, in the loop: one task at a time, 500 + 700 + 500 ms.
//! expect: spawn_all asks for every answer at once

pub async fn spawn_all<S>(source: Arc<S>, ids: Vec<u32>) -> Vec<String>
where
    S: Source + Send + Sync + 'static,
{
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let source = Arc::clone(&source);
        let handle = tokio::spawn(async move { source.fetch(id).await });
        out.push(handle.await.expect("a fetch task panicked"));
    }
    out
}
