//! Wrong: spawns each task and awaits it straight away, which is sequential
//! code with extra steps: task 3 starts only after tasks 1 and 2 are done.
//! expect: all three tasks are spawned up front

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let mut results = Vec::new();
    for id in [1, 2, 3] {
        let api = api.clone();
        let result = tokio::spawn(async move { api.fetch_data(id).await }).await;
        results.push(result.expect("task panicked"));
    }
    let third = results.pop().expect("three results");
    (results, third)
}
