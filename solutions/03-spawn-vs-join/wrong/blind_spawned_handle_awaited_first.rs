//! Wrong: spawns, then awaits the handle before fetching the user: the data
//! runs from 0 to 1000 ms and the user after it, 1500 ms in all. The task
//! runs meanwhile only if this function has something else to await.
//! expect: the task ran while the user was fetched: all done at 1000 ms

pub async fn spawned_task_runs(api: &Api) -> (User, String) {
    let api2 = api.clone();
    let handle = tokio::spawn(async move { api2.fetch_data(1).await });
    let data = handle.await.expect("task panicked");
    let user = api.fetch_user(1).await;
    (user, data)
}
