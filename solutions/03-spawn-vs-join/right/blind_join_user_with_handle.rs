//! Right: step 1 in one expression; step 4 joins the user fetch with the
//! spawned task's handle (the data still runs in a task of its own); step 5
//! `try_join_all`s the first two handles.

pub async fn one_after_another(api: &Api) -> (User, Post) {
    (api.fetch_user(1).await, api.fetch_post(1).await)
}

pub async fn spawned_task_runs(api: &Api) -> (User, String) {
    let api2 = api.clone();
    let handle = tokio::spawn(async move { api2.fetch_data(1).await });
    let (user, data) = tokio::join!(api.fetch_user(1), handle);
    (user, data.expect("task panicked"))
}

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let spawn = |n: u32| {
        let api = api.clone();
        tokio::spawn(async move { api.fetch_data(n).await })
    };
    let (h1, h2, h3) = (spawn(1), spawn(2), spawn(3));
    let first_two = futures::future::try_join_all([h1, h2])
        .await
        .expect("task panicked");
    (first_two, h3.await.expect("task 3 panicked"))
}
