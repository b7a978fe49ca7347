//! Wrong: spawns the data fetch only after the user is fetched: it starts
//! at 500 ms and all ends at 1500 ms. A task runs from its spawn on: spawn
//! it first.
//! expect: spawned before the user is fetched, it starts at 0 ms

pub async fn spawned_task_runs(api: &Api) -> (User, String) {
    let api2 = api.clone();
    let user = api.fetch_user(1).await;
    let handle = tokio::spawn(async move { api2.fetch_data(1).await });
    let data = handle.await.expect("task panicked");
    (user, data)
}
