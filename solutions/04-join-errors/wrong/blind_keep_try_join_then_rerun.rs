//! Wrong: tries `try_join!` first and, on an error, runs both calls again
//! with `join!` to recover the outcomes: the first round's user fetch is
//! cancelled at 300 ms, and every call is made twice.
//! expect: every outcome is kept (return_exceptions=True)

pub async fn keep_every_outcome(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> (Result<User, ApiError>, Result<Post, ApiError>) {
    match tokio::try_join!(api.fetch_user(user_id), api.fetch_post(post_id)) {
        Ok((user, post)) => (Ok(user), Ok(post)),
        Err(_) => tokio::join!(api.fetch_user(user_id), api.fetch_post(post_id)),
    }
}
