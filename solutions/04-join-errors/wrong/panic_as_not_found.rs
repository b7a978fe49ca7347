//! Wrong: turns a task's panic into an `ApiError`: the `JoinError` of
//! fetch_user(13) comes back as "user 13 not found". Everything else is
//! right, but a caller now takes a bug in the client for a missing user.
//! A panic is passed on (`resume_unwind`), not dressed as an error.
//! expect: a panic reported as an ordinary error

pub async fn abort_on_error(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    async fn flat<T>(
        task: &mut JoinHandle<Result<T, ApiError>>,
        what: &'static str,
        id: u32,
    ) -> Result<T, ApiError> {
        match task.await {
            Ok(result) => result,
            Err(_) => Err(ApiError::NotFound { what, id }),
        }
    }
    let (a, b) = (api.clone(), api.clone());
    let mut user = tokio::spawn(async move { a.fetch_user(user_id).await });
    let mut post = tokio::spawn(async move { b.fetch_post(post_id).await });
    let both = tokio::try_join!(
        flat(&mut user, "user", user_id),
        flat(&mut post, "post", post_id)
    );
    user.abort();
    post.abort();
    both
}
