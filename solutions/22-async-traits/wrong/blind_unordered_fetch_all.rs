//! Wrong: fetch_all collects a FuturesUnordered: concurrent, but the answers come in the order the calls finish (User2 first, at 100 ms).
//! expect: fetch_all(&users, &[1, 2, 3]) answers in the order asked

pub async fn fetch_all<S: Source>(source: &S, ids: &[u32]) -> Vec<String> {
    use futures::stream::{FuturesUnordered, StreamExt};
    ids.iter()
        .map(|&id| source.fetch(id))
        .collect::<FuturesUnordered<_>>()
        .collect()
        .await
}
