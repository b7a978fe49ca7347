//! Wrong: `try_join!` where every outcome had to be kept. The post's error
//! at 300 ms cancels fetch_user(1), so there is no user to give back: the
//! error is all there is. That is `gather` without `return_exceptions`.
//! expect: every outcome is kept (return_exceptions=True)

pub async fn keep_every_outcome(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> (Result<User, ApiError>, Result<Post, ApiError>) {
    match tokio::try_join!(api.fetch_user(user_id), api.fetch_post(post_id)) {
        Ok((user, post)) => (Ok(user), Ok(post)),
        Err(error) => (Err(error.clone()), Err(error)),
    }
}
