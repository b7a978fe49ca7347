//! Wrong: spawns every call, then unwraps each `JoinError`. The task's
//! panic was caught at the task's edge and handed back as a value; the
//! `expect` raises it again in the caller, and every other outcome is lost
//! with it.
//! expect: a JoinError was unwrapped

pub async fn every_user(api: &FlakyApi, ids: &[u32]) -> Vec<Joined> {
    let tasks: Vec<_> = ids
        .iter()
        .map(|&id| {
            let api = api.clone();
            tokio::spawn(async move { api.fetch_user(id).await })
        })
        .collect();
    let mut outcomes = Vec::new();
    for task in tasks {
        outcomes.push(Ok(task.await.expect("the task panicked")));
    }
    outcomes
}
