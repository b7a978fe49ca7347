//! Wrong: spawns on the set, then `local.run_until(fetch_post)`: the set is driven only until
//! the post (300 ms), the warming tasks are dropped with the set, the cache stays empty. Real
//! cause: run_until returns when its future does; tasks not done stay in the set and die with
//! it.
//! expect: the warming task was cancelled half-way

pub async fn warm_and_serve(api: Api, cache: Cache, warm: Vec<u32>, serve: u32) -> Post {
    let local = LocalSet::new();
    for id in warm {
        let (api, cache) = (api.clone(), cache.clone());
        local.spawn_local(async move {
            let user = api.fetch_user(id).await;
            cache.borrow_mut().insert(id, user);
        });
    }
    // the set is driven while the post is fetched
    local.run_until(api.fetch_post(serve)).await
}
