//! Right: the impls are written as `fn fetch(..) -> impl Future<Output = String> + Send { async move { .. } }`, the trait's own form; fetch_all and fetch_from_each use FuturesOrdered (concurrent, yields in the order pushed); spawn_all awaits the handles with join_all.

impl Source for Users {
    fn fetch(&self, id: u32) -> impl Future<Output = String> + Send {
        async move { self.api.fetch_user(id).await.name }
    }
}

impl Source for Posts {
    fn fetch(&self, id: u32) -> impl Future<Output = String> + Send {
        async move { self.api.fetch_post(id).await.title }
    }
}

pub async fn fetch_all<S: Source>(source: &S, ids: &[u32]) -> Vec<String> {
    use futures::stream::{FuturesOrdered, StreamExt};
    ids.iter()
        .map(|&id| source.fetch(id))
        .collect::<FuturesOrdered<_>>()
        .collect()
        .await
}

pub async fn fetch_from_each(sources: &[&dyn DynSource], id: u32) -> Vec<String> {
    use futures::stream::{FuturesOrdered, StreamExt};
    let mut ordered = FuturesOrdered::new();
    for source in sources {
        ordered.push_back(source.fetch_boxed(id));
    }
    ordered.collect().await
}

pub async fn spawn_all<S>(source: Arc<S>, ids: Vec<u32>) -> Vec<String>
where
    S: Source + Send + Sync + 'static,
{
    let handles = ids.into_iter().map(|id| {
        let source = Arc::clone(&source);
        tokio::spawn(async move { source.fetch(id).await })
    });
    join_all(handles)
        .await
        .into_iter()
        .map(|res| res.expect("a fetch task panicked"))
        .collect()
}
