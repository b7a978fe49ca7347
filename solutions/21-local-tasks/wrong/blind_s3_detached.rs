//! Wrong: spawns the warming tasks and never awaits them: returns the post at 300 ms with the
//! cache not yet warm. Real cause: the post is returned before every task is done; JoinHandles
//! dropped (detached).
//! expect: it returns once every warming task is done

pub async fn warm_and_serve_shared(
    api: Api,
    cache: SharedCache,
    warm: Vec<u32>,
    serve: u32,
) -> Post {
    // fire and forget: the warm-up finishes in the background
    for id in warm {
        let (api, cache) = (api.clone(), cache.clone());
        tokio::spawn(async move {
            let user = api.fetch_user(id).await;
            cache.lock().unwrap().insert(id, user);
        });
    }
    api.fetch_post(serve).await
}
