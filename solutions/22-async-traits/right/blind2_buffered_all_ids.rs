//! Right: `fetch_all` runs the calls through `buffered(ids.len())`: a
//! stream that keeps the order of the ids, with room for every call at
//! once; the `dyn` impls box an `async move` block around the call (one
//! box: the block's future is the boxed value).

pub async fn fetch_all<S: Source>(source: &S, ids: &[u32]) -> Vec<String> {
    use futures::stream::{self, StreamExt};
    stream::iter(ids.iter().map(|&id| source.fetch(id)))
        .buffered(ids.len().max(1))
        .collect()
        .await
}

impl DynSource for Users {
    fn fetch_boxed(&self, id: u32) -> BoxFuture<'_, String> {
        Box::pin(async move { Source::fetch(self, id).await })
    }
}
