//! Wrong: drives the set to the end (local.await) first, then fetches the post: post starts at
//! 500 ms, returns at 800 ms. Real cause: the post must be fetched while the set runs; here it
//! is fetched only after the warm-up.
//! expect: after the warm-up

pub async fn warm_and_serve(api: Api, cache: Cache, warm: Vec<u32>, serve: u32) -> Post {
    let local = LocalSet::new();
    for id in warm {
        let (api, cache) = (api.clone(), cache.clone());
        local.spawn_local(async move {
            let user = api.fetch_user(id).await;
            cache.borrow_mut().insert(id, user);
        });
    }
    local.await; // warm first, then serve from a warm cache
    api.fetch_post(serve).await
}
