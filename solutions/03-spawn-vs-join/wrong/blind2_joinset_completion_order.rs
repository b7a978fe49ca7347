//! Wrong: spawns the first two into a `JoinSet` (task 2 first) and lists
//! their results as they finish: the order of completion, not of the ids.
//! expect: tasks 1 and 2 were read as they finished

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let mut set = tokio::task::JoinSet::new();
    for n in [2u32, 1] {
        let api = api.clone();
        set.spawn(async move { api.fetch_data(n).await });
    }
    let api3 = api.clone();
    let h3 = tokio::spawn(async move { api3.fetch_data(3).await });
    let mut first_two = Vec::new();
    while let Some(done) = set.join_next().await {
        first_two.push(done.expect("task panicked"));
    }
    (first_two, h3.await.expect("task 3 panicked"))
}
