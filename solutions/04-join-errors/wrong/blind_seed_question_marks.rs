//! Wrong: awaits each seed call with `?`, one after the other: 1800 ms,
//! nothing gathered.
//! expect: two gathers, one after the other: user 1 and post 1 together at 0 ms

pub async fn seed(api: &FlakyApi) -> Result<((User, Post), [Result<User, ApiError>; 2]), ApiError> {
    let user = api.fetch_user(1).await?;
    let post = api.fetch_post(1).await?;
    let u2 = api.fetch_user(2).await;
    let u3 = api.fetch_user(3).await;
    Ok(((user, post), [u2, u3]))
}
