//! Wrong: step 3 with no tokio::spawn at all: the fetches are joined inside the caller's future
//! (join_all + join!). Same timeline, but no task per id: nothing runs on other workers. Real
//! cause: the README asks for tokio::spawn, a task per id; join_all keeps everything in one
//! task.
//! expect: Joined in the caller (`join_all`, `join!`)

pub async fn warm_and_serve_shared(
    api: Api,
    cache: SharedCache,
    warm: Vec<u32>,
    serve: u32,
) -> Post {
    // no tasks at all: the fetches are joined in this future
    let warming = futures::future::join_all(warm.into_iter().map(|id| {
        let (api, cache) = (api.clone(), cache.clone());
        async move {
            let user = api.fetch_user(id).await;
            cache.lock().unwrap().insert(id, user);
        }
    }));
    let (post, _) = tokio::join!(api.fetch_post(serve), warming);
    post
}
