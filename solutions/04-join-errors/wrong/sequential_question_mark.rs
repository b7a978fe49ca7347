//! Wrong: awaits the user, then the post, with a `?` after each. The first
//! error is returned, but the calls ran one after the other: the post's
//! error comes at 800 ms instead of 300 ms.
//! expect: both calls start at once, at 0 ms: one awaited after the other is not a gather

pub async fn fail_fast(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    let user = api.fetch_user(user_id).await?;
    let post = api.fetch_post(post_id).await?;
    Ok((user, post))
}
