//! Right: spawns the tasks in reverse id order and reverses the joined
//! outcomes back: every task is spawned before any is awaited, and the
//! README fixes the order of the outcomes, not of the spawns.

pub async fn every_user(api: &FlakyApi, ids: &[u32]) -> Vec<Joined> {
    let mut handles = Vec::new();
    for &id in ids.iter().rev() {
        let api = api.clone();
        handles.push(tokio::spawn(async move { api.fetch_user(id).await }));
    }
    let mut out = futures::future::join_all(handles).await;
    out.reverse();
    out
}
