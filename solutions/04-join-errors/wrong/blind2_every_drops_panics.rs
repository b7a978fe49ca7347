//! Wrong: keeps only the tasks that did not panic: the panicked task's
//! `Err(JoinError)` is left out, so there are three outcomes for four ids.
//! expect: Keep every task's outcome, a task that panicked included

pub async fn every_user(api: &FlakyApi, ids: &[u32]) -> Vec<Joined> {
    let tasks: Vec<_> = ids
        .iter()
        .map(|&id| {
            let api = api.clone();
            tokio::spawn(async move { api.fetch_user(id).await })
        })
        .collect();
    futures::future::join_all(tasks)
        .await
        .into_iter()
        .filter(|joined| joined.is_ok())
        .collect()
}
