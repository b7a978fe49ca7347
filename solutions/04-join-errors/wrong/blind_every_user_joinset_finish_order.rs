//! Wrong: spawns into a `JoinSet` and collects `join_next()` as it comes:
//! in the order the tasks finish, not in the order of the ids. With equal
//! latencies the two orders agree; with uneven ones they do not.
//! expect: the outcomes came back in the order the tasks finished

pub async fn every_user(api: &FlakyApi, ids: &[u32]) -> Vec<Joined> {
    let mut set = tokio::task::JoinSet::new();
    for &id in ids {
        let api = api.clone();
        set.spawn(async move { api.fetch_user(id).await });
    }
    let mut out = Vec::new();
    while let Some(joined) = set.join_next().await {
        out.push(joined);
    }
    out
}
