//! Wrong: spawns both calls and `try_join!`s their handles. The post's
//! error is returned at 300 ms, and `try_join!` drops the user's handle,
//! but dropping a `JoinHandle` detaches the task, it does not cancel it:
//! fetch_user(1) runs on to 500 ms for nobody.
//! expect: spawned tasks are detached, not cancelled, unless aborted

pub async fn abort_on_error(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    let mut user = tokio::spawn({
        let api = api.clone();
        async move { api.fetch_user(user_id).await }
    });
    let mut post = tokio::spawn({
        let api = api.clone();
        async move { api.fetch_post(post_id).await }
    });
    tokio::try_join!(answer(&mut user), answer(&mut post))
}
