//! Right: step 3 keeps every outcome from two spawned tasks; step 4
//! collects the handles into a `FuturesOrdered`, which yields in the order
//! they were pushed; step 5 keeps `AbortHandle`s and `try_join!`s flattened
//! handle futures that own the `JoinHandle`s.

pub async fn keep_every_outcome(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> (Result<User, ApiError>, Result<Post, ApiError>) {
    let (a, b) = (api.clone(), api.clone());
    let user = tokio::spawn(async move { a.fetch_user(user_id).await });
    let post = tokio::spawn(async move { b.fetch_post(post_id).await });
    let (user, post) = tokio::join!(user, post);
    (
        user.expect("user task panicked"),
        post.expect("post task panicked"),
    )
}

pub async fn every_user(api: &FlakyApi, ids: &[u32]) -> Vec<Joined> {
    use futures::StreamExt;
    let tasks: Vec<_> = ids
        .iter()
        .map(|&id| {
            let api = api.clone();
            tokio::spawn(async move { api.fetch_user(id).await })
        })
        .collect();
    tasks
        .into_iter()
        .collect::<futures::stream::FuturesOrdered<_>>()
        .collect()
        .await
}

pub async fn abort_on_error(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    let mut user = tokio::spawn({
        let api = api.clone();
        async move { api.fetch_user(user_id).await }
    });
    let mut post = tokio::spawn({
        let api = api.clone();
        async move { api.fetch_post(post_id).await }
    });
    let (stop_user, stop_post) = (user.abort_handle(), post.abort_handle());
    let flat_user = async move { answer(&mut user).await };
    let flat_post = async move { answer(&mut post).await };
    let both = tokio::try_join!(flat_user, flat_post);
    stop_user.abort();
    stop_post.abort();
    both
}
