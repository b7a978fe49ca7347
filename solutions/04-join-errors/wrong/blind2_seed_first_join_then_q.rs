//! Wrong: the seed's first gather is a `join!` followed by `?` on each
//! result. With every call Ok it is the same; with post 1 not found, the
//! error is answered only when both calls are done (500 ms, not 300), and
//! user 1's call is never cancelled.
//! expect: a join! (then `?` on each result) waits for both calls

pub async fn seed(api: &FlakyApi) -> Result<((User, Post), [Result<User, ApiError>; 2]), ApiError> {
    let (user, post) = tokio::join!(api.fetch_user(1), api.fetch_post(1));
    let first = (user?, post?);
    let (u2, u3) = tokio::join!(api.fetch_user(2), api.fetch_user(3));
    Ok((first, [u2, u3]))
}
