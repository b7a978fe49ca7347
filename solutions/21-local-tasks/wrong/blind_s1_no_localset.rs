//! Wrong: `tokio::task::spawn_local` with no LocalSet around it (panics outside a
//! LocalSet/LocalRuntime). Real cause: spawn_local needs a LocalSet (or LocalRuntime) to spawn
//! on.
//! expect: it was called outside any `LocalSet`

pub async fn warm_and_serve(api: Api, cache: Cache, warm: Vec<u32>, serve: u32) -> Post {
    let mut tasks = Vec::new();
    for id in warm {
        let (api, cache) = (api.clone(), cache.clone());
        tasks.push(tokio::task::spawn_local(async move {
            let user = api.fetch_user(id).await;
            cache.borrow_mut().insert(id, user);
        }));
    }
    let post = api.fetch_post(serve).await;
    for t in tasks {
        t.await.unwrap();
    }
    post
}
