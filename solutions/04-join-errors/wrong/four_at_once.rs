//! Wrong: gathers all four seed calls at once. Faster, 500 ms, but the seed
//! awaits its first gather before it starts the second.
//! expect: two gathers, one after the other

pub async fn seed(api: &FlakyApi) -> Result<((User, Post), [Result<User, ApiError>; 2]), ApiError> {
    let (user, post, user2, user3) = tokio::join!(
        api.fetch_user(1),
        api.fetch_post(1),
        api.fetch_user(2),
        api.fetch_user(3)
    );
    Ok(((user?, post?), [user2, user3]))
}
