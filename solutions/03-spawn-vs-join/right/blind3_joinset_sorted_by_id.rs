//! Right: a `JoinSet` whose tasks return `(id, data)`, all three drained
//! as they finish and then put back in the order of the ids; step 2 with
//! `futures::future::join`.

pub async fn gather(api: &Api) -> (User, Post) {
    futures::future::join(api.fetch_user(1), api.fetch_post(1)).await
}

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let mut set = tokio::task::JoinSet::new();
    for id in 1..=3u32 {
        let api = api.clone();
        set.spawn(async move { (id, api.fetch_data(id).await) });
    }
    let mut all = Vec::with_capacity(3);
    while let Some(done) = set.join_next().await {
        all.push(done.expect("task panicked"));
    }
    all.sort_by_key(|&(id, _)| id);
    let mut data: Vec<String> = all.into_iter().map(|(_, d)| d).collect();
    let third = data.pop().expect("three results");
    (data, third)
}
