//! Wrong: awaits the post first, with a `?`. It fails fast indeed, at
//! 300 ms, but only because the user was never fetched at all: the other
//! calls of a sequence never start. With a good post id it takes 800 ms.
//! expect: a `?` after the first awaited call returned before the other was even created

pub async fn fail_fast(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    let post = api.fetch_post(post_id).await?;
    let user = api.fetch_user(user_id).await?;
    Ok((user, post))
}
