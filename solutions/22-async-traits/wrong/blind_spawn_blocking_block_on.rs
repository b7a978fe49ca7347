//! Wrong: spawn_all runs each call on a blocking thread with spawn_blocking + Handle::block_on: a thread per call, not a task, and tokio holds the paused clock still while blocking work runs, so it hangs (the watchdog stops it, about 3 s).
//! expect: Or a `spawn_blocking` closure that waits for a tokio timer (`Handle::block_on` of a sleep)

pub async fn spawn_all<S>(source: Arc<S>, ids: Vec<u32>) -> Vec<String>
where
    S: Source + Send + Sync + 'static,
{
    let handle = tokio::runtime::Handle::current();
    let handles: Vec<_> = ids
        .into_iter()
        .map(|id| {
            let source = Arc::clone(&source);
            let rt = handle.clone();
            tokio::task::spawn_blocking(move || rt.block_on(source.fetch(id)))
        })
        .collect();
    let mut out = Vec::new();
    for handle in handles {
        out.push(handle.await.expect("a fetch task panicked"));
    }
    out
}
