//! Wrong: believes that creating a future starts it, as `create_task` does.
//! The data fetch waits until it is awaited, after the user.
//! expect: a spawned task runs without being awaited

pub async fn spawned_task_runs(api: &Api) -> (User, String) {
    let data = api.fetch_data(1);
    let user = api.fetch_user(1).await;
    (user, data.await)
}
