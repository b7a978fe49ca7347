//! Wrong: spawns tasks 1 and 2 into a `JoinSet`, in the order of their ids,
//! and lists their results as `join_next` gives them: in the order they
//! finish. With three calls of 1 s that was the order of the ids too; when
//! fetch_data(2) is faster, "Data 2" comes first.
//! expect: tasks 1 and 2 were read as they finished

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let mut set = tokio::task::JoinSet::new();
    for n in [1u32, 2] {
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
