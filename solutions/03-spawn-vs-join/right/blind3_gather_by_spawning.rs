//! Right: step 2 does what `asyncio.gather` does, a task for each call:
//! both spawned, both handles joined with `try_join!`, done at 500 ms. Step
//! 5 joins the first two handles with `try_join!`, then awaits the third.

pub async fn gather(api: &Api) -> (User, Post) {
    let (a, b) = (api.clone(), api.clone());
    let user = tokio::spawn(async move { a.fetch_user(1).await });
    let post = tokio::spawn(async move { b.fetch_post(1).await });
    tokio::try_join!(user, post).expect("task panicked")
}

pub async fn spawn_three_gather_two(api: &Api) -> (Vec<String>, String) {
    let spawn = |id: u32| {
        let api = api.clone();
        tokio::spawn(async move { api.fetch_data(id).await })
    };
    let (h1, h2, h3) = (spawn(1), spawn(2), spawn(3));
    let (d1, d2) = tokio::try_join!(h1, h2).expect("task panicked");
    (vec![d1, d2], h3.await.expect("task panicked"))
}
