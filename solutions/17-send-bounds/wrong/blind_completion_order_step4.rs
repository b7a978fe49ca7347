//! Wrong: step 4's task collects names in completion order (FuturesUnordered), not in the order of ids: it passed while every fetch_user took 500 ms; the test now makes user 1 answer first.
//! expect: not in the order the calls finish (user 1 first

pub fn spawn_names(api: &Api, ids: &[u32]) -> JoinHandle<Vec<String>> {
    use futures::stream::{FuturesUnordered, StreamExt};
    let (api, ids) = (api.clone(), ids.to_vec());
    tokio::spawn(async move {
        let calls: FuturesUnordered<_> = ids
            .into_iter()
            .map(|id| {
                let api = api.clone();
                async move { api.fetch_user(id).await.name }
            })
            .collect();
        calls.collect::<Vec<_>>().await
    })
}
