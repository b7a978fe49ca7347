//! Wrong: spawns the user fetch and awaits the data in place: the same
//! timeline, two tasks, but the data fetch, the one the step spawns, stayed
//! in the caller.
//! expect: but fetch_data(1) ran in none

pub async fn spawned_task_runs(api: &Api) -> (User, String) {
    let api2 = api.clone();
    let user = tokio::spawn(async move { api2.fetch_user(1).await });
    let data = api.fetch_data(1).await;
    (user.await.expect("task panicked"), data)
}
