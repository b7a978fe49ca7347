//! Wrong: fetches the post first, then spawns the warming tasks: they start at 300 ms, returns
//! at 800 ms. Real cause: the tasks must be spawned before the post is awaited so that they run
//! meanwhile.
//! expect: the post was awaited first, and the tasks spawned after it

pub async fn warm_and_serve_shared(
    api: Api,
    cache: SharedCache,
    warm: Vec<u32>,
    serve: u32,
) -> Post {
    let post = api.fetch_post(serve).await;
    let tasks: Vec<_> = warm
        .into_iter()
        .map(|id| {
            let (api, cache) = (api.clone(), cache.clone());
            tokio::spawn(async move {
                let user = api.fetch_user(id).await;
                cache.lock().unwrap().insert(id, user);
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    post
}
