//! Wrong: spawns the data fetch, then busy-waits on `is_finished()` before
//! awaiting the handle. On one thread the spin never lets the runtime run
//! the task it waits for (nor move the clock), so it spins for ever; on many
//! threads it burns a core. Awaiting the `JoinHandle` is the wait.
//! expect: never came back to the scheduler

pub async fn spawned_task_runs(api: &Api) -> (User, String) {
    let api_for_task = api.clone();
    let data = tokio::spawn(async move { api_for_task.fetch_data(1).await });
    let user = api.fetch_user(1).await;
    while !data.is_finished() {
        std::hint::spin_loop();
    }
    (user, data.await.expect("the data task panicked"))
}
