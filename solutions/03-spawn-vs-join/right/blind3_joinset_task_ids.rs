//! Right: a `JoinSet` drained with `join_next_with_id`, each result put
//! back by its tokio task id, remembered when it was spawned: no id rides
//! in the task's output, and the first two come back in the order of the
//! ids whatever order they finish in.

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let mut set = tokio::task::JoinSet::new();
    let mut ids = std::collections::HashMap::new();
    for id in 1..=3u32 {
        let api = api.clone();
        let handle = set.spawn(async move { api.fetch_data(id).await });
        ids.insert(handle.id(), id);
    }
    let mut by_id = [None, None, None];
    while let Some(done) = set.join_next_with_id().await {
        let (task, data) = done.expect("task panicked");
        by_id[(ids[&task] - 1) as usize] = Some(data);
    }
    let [d1, d2, d3] = by_id.map(|d| d.expect("every task answered"));
    (vec![d1, d2], d3)
}
