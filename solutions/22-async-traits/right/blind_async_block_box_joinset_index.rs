//! Right: the boxing is an async block around the API's call (`Box::pin(async move { self.api.fetch_user(id).await.name })`), one box, not of step 1's future; Boxed likewise with an async block; spawn_all spawns into a JoinSet and puts each answer back at its id's index.

impl DynSource for Users {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        Box::pin(async move { self.api.fetch_user(id).await.name })
    }
}

impl DynSource for Posts {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        Box::pin(async move { self.api.fetch_post(id).await.title })
    }
}

pub async fn spawn_all<S>(source: Arc<S>, ids: Vec<u32>) -> Vec<String>
where
    S: Source + Send + Sync + 'static,
{
    let mut set = tokio::task::JoinSet::new();
    let n = ids.len();
    for (i, id) in ids.into_iter().enumerate() {
        let source = Arc::clone(&source);
        set.spawn(async move { (i, source.fetch(id).await) });
    }
    let mut out: Vec<Option<String>> = vec![None; n];
    while let Some(res) = set.join_next().await {
        let (i, answer) = res.expect("a fetch task panicked");
        out[i] = Some(answer);
    }
    out.into_iter()
        .map(|a| a.expect("every task answered"))
        .collect()
}

impl<S: Source + Sync> DynSource for Boxed<S> {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        Box::pin(async move { self.0.fetch(id).await })
    }
}
