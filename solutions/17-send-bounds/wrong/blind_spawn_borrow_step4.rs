//! Wrong: step 4 spawns an async move block that uses the borrowed api and ids directly.
//! expect: E0521

pub fn spawn_names(api: &Api, ids: &[u32]) -> JoinHandle<Vec<String>> {
    tokio::spawn(async move {
        let calls = ids
            .iter()
            .map(|&id| async move { api.fetch_user(id).await.name });
        futures::future::join_all(calls).await
    })
}
