//! Wrong: spawns the warming tasks on the set, awaits the post, then drives the set with
//! `local.await`: nothing on the set runs during the post, users start at 300 ms, returns at
//! 800 ms. Real cause: a LocalSet runs its tasks only while it is driven; awaiting something
//! else leaves them parked.
//! expect: then the post awaited outside the set

pub async fn warm_and_serve(api: Api, cache: Cache, warm: Vec<u32>, serve: u32) -> Post {
    let local = LocalSet::new();
    for id in warm {
        let (api, cache) = (api.clone(), cache.clone());
        local.spawn_local(async move {
            let user = api.fetch_user(id).await;
            cache.borrow_mut().insert(id, user);
        });
    }
    let post = api.fetch_post(serve).await;
    local.await;
    post
}
