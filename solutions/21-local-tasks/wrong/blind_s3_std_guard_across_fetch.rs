//! Wrong: takes the std MutexGuard before the fetch and inserts with it after: the guard lives
//! across the .await, the future is not Send. Real cause: std::sync::MutexGuard is !Send; held
//! across an .await, tokio::spawn rejects the future.
//! expect: future cannot be sent between threads safely

pub async fn warm_and_serve_shared(
    api: Api,
    cache: SharedCache,
    warm: Vec<u32>,
    serve: u32,
) -> Post {
    let tasks: Vec<_> = warm
        .into_iter()
        .map(|id| {
            let (api, cache) = (api.clone(), cache.clone());
            tokio::spawn(async move {
                let mut c = cache.lock().unwrap();
                let user = api.fetch_user(id).await;
                c.insert(id, user);
            })
        })
        .collect();
    let post = api.fetch_post(serve).await;
    for t in tasks {
        t.await.unwrap();
    }
    post
}
