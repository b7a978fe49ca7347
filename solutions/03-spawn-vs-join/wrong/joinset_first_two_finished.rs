//! Wrong: spawns all three into one `JoinSet` and takes the first two
//! results `join_next` gives as "the first two", the last as the third:
//! the first two to finish, which were tasks 1 and 2 only while every call
//! took 1 s.
//! expect: the first two results are the first two tasks to finish

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let mut set = tokio::task::JoinSet::new();
    for n in 1..=3u32 {
        let api = api.clone();
        set.spawn(async move { api.fetch_data(n).await });
    }
    let mut results = Vec::new();
    while let Some(done) = set.join_next().await {
        results.push(done.expect("task panicked"));
    }
    let third = results.pop().expect("three results");
    (results, third)
}
