//! Wrong: spawns both calls and `try_join!`s the flattened handles, without
//! aborting: the error comes at 300 ms, but `try_join!` dropped only the
//! user's `JoinHandle`, and a dropped handle detaches its task: the user
//! fetch runs on to 500 ms. `try_join!` cancels only futures it owns.
//! expect: a dropped handle detaches its task, it does not cancel it

pub async fn fail_fast(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    let (a, b) = (api.clone(), api.clone());
    let mut user = tokio::spawn(async move { a.fetch_user(user_id).await });
    let mut post = tokio::spawn(async move { b.fetch_post(post_id).await });
    tokio::try_join!(answer(&mut user), answer(&mut post))
}
