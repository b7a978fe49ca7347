//! Right: clones the API inside a block passed to `tokio::spawn`, passes a
//! task's panic on to the caller (`resume_unwind`) instead of a new one, and
//! gathers the first two handles with `tokio::try_join!`, which returns the
//! first `JoinError` if a task failed.

pub async fn spawned_task_runs(api: &Api) -> (User, String) {
    let data = tokio::spawn({
        let api = api.clone();
        async move { api.fetch_data(1).await }
    });
    let user = api.fetch_user(1).await;
    match data.await {
        Ok(data) => (user, data),
        Err(error) => std::panic::resume_unwind(error.into_panic()),
    }
}

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let spawn = |id: u32| {
        let api = api.clone();
        tokio::spawn(async move { api.fetch_data(id).await })
    };
    let (task1, task2, task3) = (spawn(1), spawn(2), spawn(3));
    let (first, second) = tokio::try_join!(task1, task2).expect("a data task panicked");
    let third = task3.await.expect("task 3 panicked");
    (vec![first, second], third)
}
