//! Right: gathers with `try_join!` over two branches that cannot fail
//! (`Infallible`); step 5 spawns the first two into a `JoinSet`, keeps
//! their task ids, and sorts the results back into the order of the ids.

pub async fn gather(api: &Api) -> (User, Post) {
    let both = tokio::try_join!(
        async { Ok::<_, std::convert::Infallible>(api.fetch_user(1).await) },
        async { Ok::<_, std::convert::Infallible>(api.fetch_post(1).await) },
    );
    match both {
        Ok(pair) => pair,
        Err(never) => match never {},
    }
}

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let mut set = tokio::task::JoinSet::new();
    let mut ids = Vec::new();
    for n in 1..=2u32 {
        let api = api.clone();
        ids.push(set.spawn(async move { api.fetch_data(n).await }).id());
    }
    let api3 = api.clone();
    let third = tokio::spawn(async move { api3.fetch_data(3).await });
    let mut got = Vec::new();
    while let Some(done) = set.join_next_with_id().await {
        let (id, data) = done.expect("task panicked");
        got.push((ids.iter().position(|&x| x == id).expect("known id"), data));
    }
    got.sort_by_key(|&(i, _)| i);
    (
        got.into_iter().map(|(_, d)| d).collect(),
        third.await.expect("task 3 panicked"),
    )
}
