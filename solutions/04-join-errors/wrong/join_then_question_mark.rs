//! Wrong: `join!`, then `?` on each result. The error is the right one, but
//! `join!` waits for every branch: fetch_user(1) runs on to 500 ms and the
//! error is returned then, 200 ms after it happened. Where the first error
//! has to stop the rest, that is `try_join!`.
//! expect: try_join! returns the first error and drops the other call

pub async fn fail_fast(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    let (user, post) = tokio::join!(api.fetch_user(user_id), api.fetch_post(post_id));
    Ok((user?, post?))
}
