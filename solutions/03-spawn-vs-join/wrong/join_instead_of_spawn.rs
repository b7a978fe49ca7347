//! Wrong: "spawns" the data fetch with `join!`. The timeline is the same,
//! both calls start at 0 ms, but nothing was handed to the runtime: both
//! are polled by this function, and the data fetch makes progress only
//! while this function is awaited. That is `gather`, not `create_task`.
//! expect: a spawned task is a task of its own, but fetch_data(1) ran in none

pub async fn spawned_task_runs(api: &Api) -> (User, String) {
    let (data, user) = tokio::join!(api.fetch_data(1), api.fetch_user(1));
    (user, data)
}
