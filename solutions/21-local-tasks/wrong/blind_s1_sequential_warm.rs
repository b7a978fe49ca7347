//! Wrong: awaits each warming task before spawning the next (post in a task of its own): users
//! at 0/500/1000 ms, returns at 1500 ms. Real cause: awaiting each JoinHandle in the spawn loop
//! serialises the warm-up.
//! expect: one after another: the tasks must run at once, each spawned before any is awaited

pub async fn warm_and_serve(api: Api, cache: Cache, warm: Vec<u32>, serve: u32) -> Post {
    let local = LocalSet::new();
    local
        .run_until(async move {
            let post_task = {
                let api = api.clone();
                tokio::task::spawn_local(async move { api.fetch_post(serve).await })
            };
            for id in warm {
                let (api, cache) = (api.clone(), cache.clone());
                // one at a time, so that the cache is filled in order
                tokio::task::spawn_local(async move {
                    let user = api.fetch_user(id).await;
                    cache.borrow_mut().insert(id, user);
                })
                .await
                .unwrap();
            }
            post_task.await.unwrap()
        })
        .await
}
