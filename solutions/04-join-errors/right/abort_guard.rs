//! Right: step 5 with a guard: the tasks' `AbortHandle`s go into a value
//! whose `Drop` aborts them, so they are stopped however the function
//! returns (an error, a panic, or its own future being dropped), not only
//! on the path that remembers to call `abort()`. The handles are awaited
//! in a `tokio::select!` loop (`biased;`) that returns at the first error.

pub async fn abort_on_error(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    struct AbortOnDrop(Vec<tokio::task::AbortHandle>);
    impl Drop for AbortOnDrop {
        fn drop(&mut self) {
            for task in &self.0 {
                task.abort();
            }
        }
    }
    let mut user_task = tokio::spawn({
        let api = api.clone();
        async move { api.fetch_user(user_id).await }
    });
    let mut post_task = tokio::spawn({
        let api = api.clone();
        async move { api.fetch_post(post_id).await }
    });
    let _guard = AbortOnDrop(vec![user_task.abort_handle(), post_task.abort_handle()]);
    let (mut user, mut post) = (None, None);
    while user.is_none() || post.is_none() {
        tokio::select! {
            biased;
            joined = &mut user_task, if user.is_none() => {
                user = Some(joined.unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))?);
            }
            joined = &mut post_task, if post.is_none() => {
                post = Some(joined.unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()))?);
            }
        }
    }
    Ok((user.expect("set above"), post.expect("set above")))
}
