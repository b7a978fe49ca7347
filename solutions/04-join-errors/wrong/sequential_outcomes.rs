//! Wrong: keeps every outcome, but awaits them one after the other: 800 ms
//! where the slowest call, 500 ms, was enough.
//! expect: every outcome kept, and concurrently: both calls start at 0 ms

pub async fn keep_every_outcome(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> (Result<User, ApiError>, Result<Post, ApiError>) {
    let user = api.fetch_user(user_id).await;
    let post = api.fetch_post(post_id).await;
    (user, post)
}
