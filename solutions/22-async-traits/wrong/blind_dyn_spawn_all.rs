//! Wrong: keeps Source as given and makes spawn_all take `S: DynSource`, spawning the boxed future: it spawns, but a service that implements Source only is refused, and Boxed cannot be written (left a todo!).
//! expect: the trait `DynSource` is not implemented for `S`

pub trait Source {
    #[allow(async_fn_in_trait)]
    async fn fetch(&self, id: u32) -> String;
}

pub async fn spawn_all<S>(source: Arc<S>, ids: Vec<u32>) -> Vec<String>
where
    S: DynSource + Send + Sync + 'static,
{
    let handles: Vec<_> = ids
        .into_iter()
        .map(|id| {
            let source = Arc::clone(&source);
            tokio::spawn(async move { source.fetch_boxed(id).await })
        })
        .collect();
    let mut out = Vec::with_capacity(handles.len());
    for handle in handles {
        out.push(handle.await.expect("a fetch task panicked"));
    }
    out
}

impl<S: Source + Sync> DynSource for Boxed<S> {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        todo!("cannot box a non-Send future into a BoxFuture: {id}")
    }
}
