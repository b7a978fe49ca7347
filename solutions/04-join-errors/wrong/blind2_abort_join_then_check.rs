//! Wrong: flattens both handles, but `join!`s them and looks at the errors
//! only when both are done: the post's error at 300 ms waits for the user
//! (500 ms), so nothing is left to abort by the time it is returned.
//! expect: the first error is returned at once, at 300 ms

pub async fn abort_on_error(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    async fn answer<T>(
        task: &mut tokio::task::JoinHandle<Result<T, ApiError>>,
    ) -> Result<T, ApiError> {
        match task.await {
            Ok(outcome) => outcome,
            Err(error) => std::panic::resume_unwind(error.into_panic()),
        }
    }
    let (a, b) = (api.clone(), api.clone());
    let mut user = tokio::spawn(async move { a.fetch_user(user_id).await });
    let mut post = tokio::spawn(async move { b.fetch_post(post_id).await });
    let (u, p) = tokio::join!(answer(&mut user), answer(&mut post));
    user.abort();
    post.abort();
    Ok((u?, p?))
}
