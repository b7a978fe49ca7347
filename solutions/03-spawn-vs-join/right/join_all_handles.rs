//! Right: `futures::future::join` for the gather; in step 4 the handle is
//! joined with the user fetch rather than awaited after it; in step 5 the
//! handles are collected into a `Vec`, the first two gathered with
//! `futures::future::join_all`, the third awaited after.

pub async fn gather(api: &Api) -> (User, Post) {
    futures::future::join(api.fetch_user(1), api.fetch_post(1)).await
}

pub async fn spawned_task_runs(api: &Api) -> (User, String) {
    let api_for_task = api.clone();
    let data = tokio::spawn(async move { api_for_task.fetch_data(1).await });
    let (user, data) = tokio::join!(api.fetch_user(1), data);
    (user, data.expect("the data task panicked"))
}

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let mut tasks: Vec<_> = (1..=3)
        .map(|id| {
            let api = api.clone();
            tokio::spawn(async move { api.fetch_data(id).await })
        })
        .collect();
    let third = tasks.pop().expect("three tasks");
    let first_two = futures::future::join_all(tasks)
        .await
        .into_iter()
        .map(|joined| joined.expect("a data task panicked"))
        .collect();
    (first_two, third.await.expect("task 3 panicked"))
}
