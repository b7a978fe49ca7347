//! Right: `futures::future::join` with the post polled first (the tuple is
//! put back in order); step 4 spawns into a `JoinSet` of one; step 5
//! `join_all`s the first two handles of a `Vec`.

pub async fn gather(api: &Api) -> (User, Post) {
    let (post, user) = futures::future::join(api.fetch_post(1), api.fetch_user(1)).await;
    (user, post)
}

pub async fn spawned_task_runs(api: &Api) -> (User, String) {
    let mut set = tokio::task::JoinSet::new();
    let api2 = api.clone();
    set.spawn(async move { api2.fetch_data(1).await });
    let user = api.fetch_user(1).await;
    let data = set
        .join_next()
        .await
        .expect("one task")
        .expect("task panicked");
    (user, data)
}

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let spawn = |n: u32| {
        let api = api.clone();
        tokio::spawn(async move { api.fetch_data(n).await })
    };
    let mut handles: Vec<_> = (1..=3).map(spawn).collect();
    let h3 = handles.pop().expect("three");
    let first_two = futures::future::join_all(handles).await;
    let d3 = h3.await.expect("task 3 panicked");
    (
        first_two
            .into_iter()
            .map(|r| r.expect("task panicked"))
            .collect(),
        d3,
    )
}
