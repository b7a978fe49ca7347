//! Wrong: spawn_all spawns into a JoinSet and collects join_next() as the tasks finish: user 1 (700 ms) lands last, not in the order of the ids.
//! expect: spawn_all(users, vec![3, 1, 2]) answers in the order asked

pub async fn spawn_all<S>(source: Arc<S>, ids: Vec<u32>) -> Vec<String>
where
    S: Source + Send + Sync + 'static,
{
    let mut set = tokio::task::JoinSet::new();
    for id in ids {
        let source = Arc::clone(&source);
        set.spawn(async move { source.fetch(id).await });
    }
    let mut out = Vec::new();
    while let Some(res) = set.join_next().await {
        out.push(res.expect("a fetch task panicked"));
    }
    out
}
