//! Right: `trait Source: Send + Sync` (every service is shared across tasks; the README's follow-up allows `trait Source: Sync`), with fetch declared `+ Send`; fetch_all puts each answer back at its index from a FuturesUnordered; spawn_all uses try_join_all over the handles.

pub trait Source: Send + Sync {
    fn fetch(&self, id: u32) -> impl Future<Output = String> + Send;
}

pub async fn fetch_all<S: Source>(source: &S, ids: &[u32]) -> Vec<String> {
    use futures::stream::{FuturesUnordered, StreamExt};
    let mut pending: FuturesUnordered<_> = ids
        .iter()
        .enumerate()
        .map(|(i, &id)| {
            let fut = source.fetch(id);
            async move { (i, fut.await) }
        })
        .collect();
    let mut out = vec![String::new(); ids.len()];
    while let Some((i, answer)) = pending.next().await {
        out[i] = answer;
    }
    out
}

pub async fn spawn_all<S>(source: Arc<S>, ids: Vec<u32>) -> Vec<String>
where
    S: Source + Send + Sync + 'static,
{
    let handles: Vec<tokio::task::JoinHandle<String>> = ids
        .iter()
        .map(|&id| {
            let source = source.clone();
            tokio::spawn(async move { source.fetch(id).await })
        })
        .collect();
    futures::future::try_join_all(handles)
        .await
        .expect("a fetch task panicked")
}
