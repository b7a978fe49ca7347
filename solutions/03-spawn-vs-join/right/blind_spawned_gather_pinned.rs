//! Right: step 2 gathers two spawned tasks with `try_join!` on their
//! handles (gather as tasks, as `create_task` + `gather` would); step 3 pins
//! the created future before the user is fetched (pinning polls nothing);
//! step 5 awaits the three handles one after another, all spawned up front.

pub async fn gather(api: &Api) -> (User, Post) {
    let (a, b) = (api.clone(), api.clone());
    let user = tokio::spawn(async move { a.fetch_user(1).await });
    let post = tokio::spawn(async move { b.fetch_post(1).await });
    tokio::try_join!(user, post).expect("task panicked")
}

pub async fn plain_future_waits(api: &Api) -> (User, String) {
    let data = std::pin::pin!(api.fetch_data(1));
    let user = api.fetch_user(1).await;
    (user, data.await)
}

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let spawn = |n: u32| {
        let api = api.clone();
        tokio::spawn(async move { api.fetch_data(n).await })
    };
    let (h1, h2, h3) = (spawn(1), spawn(2), spawn(3));
    let d1 = h1.await.expect("task 1 panicked");
    let d2 = h2.await.expect("task 2 panicked");
    let d3 = h3.await.expect("task 3 panicked");
    (vec![d1, d2], d3)
}
