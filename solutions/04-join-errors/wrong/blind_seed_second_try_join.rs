//! Wrong: the seed's second gather with `try_join!`, its values re-wrapped
//! in `Ok`: where every call succeeds it draws the same, but an error in
//! user 2 or 3 becomes the whole answer instead of being kept beside the
//! other outcome (`return_exceptions=True` is `join!`).
//! expect: its second gather must keep both outcomes

pub async fn seed(api: &FlakyApi) -> Result<((User, Post), [Result<User, ApiError>; 2]), ApiError> {
    let first = tokio::try_join!(api.fetch_user(1), api.fetch_post(1))?;
    let (u2, u3) = tokio::try_join!(api.fetch_user(2), api.fetch_user(3))?;
    Ok((first, [Ok(u2), Ok(u3)]))
}
