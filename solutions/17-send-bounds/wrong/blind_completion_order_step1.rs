//! Wrong: step 1 uses FuturesUnordered and collects names in completion order, not in the order of ids: it passed while every fetch_user took 500 ms; the test now gives users 2 and 3 other latencies.
//! expect: not in the order the calls finish (user 2 at 300 ms

pub async fn names(api: Api, ids: Vec<u32>) -> Vec<String> {
    use futures::stream::{FuturesUnordered, StreamExt};
    let calls: FuturesUnordered<_> = ids
        .into_iter()
        .map(|id| {
            let api = api.clone();
            async move { api.fetch_user(id).await.name }
        })
        .collect();
    calls.collect().await
}
