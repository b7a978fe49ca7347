//! Wrong: a tokio::sync::Mutex gate held across each task's fetch: compiles, but the three
//! fetches run one after another (0/500/1000 ms), returns at 1500 ms. Real cause: a lock held
//! across an .await serialises the tasks.
//! expect: something they share let one fetch run at a time

pub async fn warm_and_serve_shared(
    api: Api,
    cache: SharedCache,
    warm: Vec<u32>,
    serve: u32,
) -> Post {
    // an async lock may be held across an .await: guard the whole
    // fetch-and-insert so the std Mutex is never contended
    let gate = Arc::new(tokio::sync::Mutex::new(()));
    let tasks: Vec<_> = warm
        .into_iter()
        .map(|id| {
            let (api, cache, gate) = (api.clone(), cache.clone(), gate.clone());
            tokio::spawn(async move {
                let _g = gate.lock().await;
                let user = api.fetch_user(id).await;
                cache.lock().unwrap().insert(id, user);
            })
        })
        .collect();
    let post = api.fetch_post(serve).await;
    for t in tasks {
        t.await.unwrap();
    }
    post
}
