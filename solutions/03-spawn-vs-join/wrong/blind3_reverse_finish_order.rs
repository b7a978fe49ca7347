//! Wrong: drains a `JoinSet` of all three in the order they finish and
//! reverses it, since they finish 3, 2, 1 here: the ids' order only while
//! the latencies happen to run the other way (a blind examination's answer,
//! which passed while step 5 had one set of latencies).
//! expect: the order follows how the calls finished

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let mut set = tokio::task::JoinSet::new();
    for id in 1..=3 {
        let api = api.clone();
        set.spawn(async move { api.fetch_data(id).await });
    }
    let mut all = Vec::new();
    while let Some(done) = set.join_next().await {
        all.push(done.expect("task panicked"));
    }
    // They come back 3, 2, 1: turn them round.
    all.reverse();
    let third = all.pop().expect("three results");
    (all, third)
}
