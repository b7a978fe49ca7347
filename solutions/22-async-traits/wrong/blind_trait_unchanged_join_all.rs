//! Wrong: leaves Source as given (plain async fn) and dodges the Send error by not spawning (join_all in spawn_all; Boxed left a todo!, as it cannot box a non-Send future): the trait never promises Send, so a caller generic over any Source cannot spawn spawn_all.
//! expect: is an `async fn` in trait, which does not automatically imply that its future is `Send`

pub trait Source {
    #[allow(async_fn_in_trait)]
    async fn fetch(&self, id: u32) -> String;
}

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

impl<S: Source + Sync> DynSource for Boxed<S> {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        todo!("step 4 needs the trait to promise Send: {id}")
    }
}
