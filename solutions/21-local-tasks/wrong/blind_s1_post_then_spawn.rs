//! Wrong: inside run_until, awaits the post first and spawns the warming tasks only after it:
//! users start at 300 ms, returns at 800 ms. Real cause: the tasks must be spawned before the
//! post is awaited so that they run meanwhile (the set is driven all along).
//! expect: the post was awaited first, and the tasks spawned after it

pub async fn warm_and_serve(api: Api, cache: Cache, warm: Vec<u32>, serve: u32) -> Post {
    let local = LocalSet::new();
    local
        .run_until(async move {
            // serve first, the warm-up is second priority
            let post = api.fetch_post(serve).await;
            let mut tasks = Vec::new();
            for id in warm {
                let (api, cache) = (api.clone(), cache.clone());
                tasks.push(tokio::task::spawn_local(async move {
                    let user = api.fetch_user(id).await;
                    cache.borrow_mut().insert(id, user);
                }));
            }
            for t in tasks {
                t.await.unwrap();
            }
            post
        })
        .await
}
