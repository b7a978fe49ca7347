//! Right: every_user drains a `JoinSet` with `join_next_with_id` and puts
//! each outcome back in its id's slot by task id (`JoinError::id()` for a
//! panic); abort_on_error `try_join!`s the two handles, each flattened by an
//! `async` block that re-raises a task's panic with `panic!` (a panic still,
//! not an `ApiError`), and aborts both.

pub async fn every_user(api: &FlakyApi, ids: &[u32]) -> Vec<Joined> {
    let mut set = tokio::task::JoinSet::new();
    let mut order = std::collections::HashMap::new();
    for (i, &id) in ids.iter().enumerate() {
        let api = api.clone();
        let handle = set.spawn(async move { api.fetch_user(id).await });
        order.insert(handle.id(), i);
    }
    let mut slots: Vec<Option<Joined>> = (0..ids.len()).map(|_| None).collect();
    while let Some(done) = set.join_next_with_id().await {
        let (task, joined) = match done {
            Ok((task, outcome)) => (task, Ok(outcome)),
            Err(error) => (error.id(), Err(error)),
        };
        slots[order[&task]] = Some(joined);
    }
    slots.into_iter().map(|s| s.expect("answered")).collect()
}

pub async fn abort_on_error(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    let (a, b) = (api.clone(), api.clone());
    let mut user = tokio::spawn(async move { a.fetch_user(user_id).await });
    let mut post = tokio::spawn(async move { b.fetch_post(post_id).await });
    let both = tokio::try_join!(
        async {
            (&mut user)
                .await
                .unwrap_or_else(|e| panic!("user task panicked: {e}"))
        },
        async {
            (&mut post)
                .await
                .unwrap_or_else(|e| panic!("post task panicked: {e}"))
        },
    );
    user.abort();
    post.abort();
    both
}
