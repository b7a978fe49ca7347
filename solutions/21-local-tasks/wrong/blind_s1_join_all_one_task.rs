//! Wrong: one local task joins every fetch with join_all instead of a local task per id; same
//! timeline. Real cause: the README asks for a local task per id (spawn_local per id); join_all
//! keeps them in one task.
//! expect: Joined inside one task (`join_all`, `join!`)

pub async fn warm_and_serve(api: Api, cache: Cache, warm: Vec<u32>, serve: u32) -> Post {
    let local = LocalSet::new();
    local
        .run_until(async move {
            // one local task warms every id, its fetches joined
            let warming = {
                let (api, cache) = (api.clone(), cache.clone());
                tokio::task::spawn_local(async move {
                    let users =
                        futures::future::join_all(warm.iter().map(|&id| api.fetch_user(id))).await;
                    let mut c = cache.borrow_mut();
                    for (id, user) in warm.into_iter().zip(users) {
                        c.insert(id, user);
                    }
                })
            };
            let post = api.fetch_post(serve).await;
            warming.await.unwrap();
            post
        })
        .await
}
