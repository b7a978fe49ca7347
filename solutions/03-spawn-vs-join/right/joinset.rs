//! Right: spawns into a `tokio::task::JoinSet` rather than holding
//! `JoinHandle`s. The set owns its tasks (dropping it aborts them) and hands
//! results back as they finish, so step 5 tags each result with its id and
//! puts the results back in order.

pub async fn spawned_task_runs(api: &Api) -> (User, String) {
    let mut tasks = tokio::task::JoinSet::new();
    let api_for_task = api.clone();
    tasks.spawn(async move { api_for_task.fetch_data(1).await });
    let user = api.fetch_user(1).await;
    let data = tasks
        .join_next()
        .await
        .expect("one task was spawned")
        .expect("the data task panicked");
    (user, data)
}

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let mut tasks = tokio::task::JoinSet::new();
    for id in 1..=3 {
        let api = api.clone();
        tasks.spawn(async move { (id, api.fetch_data(id).await) });
    }
    let mut results: [Option<String>; 3] = Default::default();
    while let Some(joined) = tasks.join_next().await {
        let (id, data) = joined.expect("a data task panicked");
        results[id as usize - 1] = Some(data);
    }
    let [first, second, third] = results.map(|data| data.expect("every task answered"));
    (vec![first, second], third)
}
