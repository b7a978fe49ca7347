//! Wrong: awaits the user's handle, then the post's: the post's error at
//! 300 ms is seen only when the user is done, at 500 ms.
//! expect: Either the handles were awaited one after the other

pub async fn abort_on_error(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    let (a, b) = (api.clone(), api.clone());
    let mut user = tokio::spawn(async move { a.fetch_user(user_id).await });
    let mut post = tokio::spawn(async move { b.fetch_post(post_id).await });
    let u = answer(&mut user).await;
    let p = answer(&mut post).await;
    Ok((u?, p?))
}
