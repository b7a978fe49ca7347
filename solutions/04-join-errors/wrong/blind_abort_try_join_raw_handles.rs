//! Wrong: `try_join!`s the raw `JoinHandle`s. Their `Err` is a `JoinError`,
//! so the post's `Ok(Err(ApiError))` does not stop it: it waits for the
//! user too, and the error comes at 500 ms. Flatten each handle's output.
//! expect: or try_join! was given the raw JoinHandles

pub async fn abort_on_error(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    let (a, b) = (api.clone(), api.clone());
    let mut user = tokio::spawn(async move { a.fetch_user(user_id).await });
    let mut post = tokio::spawn(async move { b.fetch_post(post_id).await });
    let (user, post) = match tokio::try_join!(&mut user, &mut post) {
        Ok(both) => both,
        Err(error) => std::panic::resume_unwind(error.into_panic()),
    };
    Ok((user?, post?))
}
