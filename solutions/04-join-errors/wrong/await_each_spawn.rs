//! Wrong: spawns each call and awaits it before spawning the next. Every
//! outcome is kept, but the tasks run one after another: 2000 ms.
//! expect: every task is spawned up front: all four calls start at 0 ms

pub async fn every_user(api: &FlakyApi, ids: &[u32]) -> Vec<Joined> {
    let mut outcomes = Vec::new();
    for &id in ids {
        let api = api.clone();
        outcomes.push(tokio::spawn(async move { api.fetch_user(id).await }).await);
    }
    outcomes
}
