//! Right: the `futures` crate's functions instead of tokio's macros:
//! `try_join` fails fast and `join` keeps both outcomes, as `try_join!` and
//! `join!` do; in step 4 the handles are kept in a `Vec` and gathered with
//! `join_all`, which hands back every `Result<_, JoinError>` in spawn order,
//! no ids to track.

pub async fn fail_fast(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    futures::future::try_join(api.fetch_user(user_id), api.fetch_post(post_id)).await
}

pub async fn keep_every_outcome(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> (Result<User, ApiError>, Result<Post, ApiError>) {
    futures::future::join(api.fetch_user(user_id), api.fetch_post(post_id)).await
}

pub async fn every_user(api: &FlakyApi, ids: &[u32]) -> Vec<Joined> {
    let tasks = ids.iter().map(|&id| {
        let api = api.clone();
        tokio::spawn(async move { api.fetch_user(id).await })
    });
    // Spawned while the iterator is collected: all four start at once.
    let tasks: Vec<_> = tasks.collect();
    futures::future::join_all(tasks).await
}
