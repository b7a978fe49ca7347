//! Wrong: aborts only the user's task. When the post fails first, that is
//! enough; when the user fails while the post still runs, the post's task
//! is left running, detached. Stop the other task, whichever it is.
//! expect: the other task is stopped, whichever it is

pub async fn abort_on_error(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    let (a, b) = (api.clone(), api.clone());
    let mut user = tokio::spawn(async move { a.fetch_user(user_id).await });
    let mut post = tokio::spawn(async move { b.fetch_post(post_id).await });
    let both = tokio::try_join!(answer(&mut user), answer(&mut post));
    user.abort();
    both
}
