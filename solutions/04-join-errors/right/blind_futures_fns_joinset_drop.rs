//! Right: `futures::future::try_join` / `join` for steps 1 to 3, the post
//! polled first and swapped back; step 4 awaits the handles one by one in
//! id order; step 5 spawns into a `JoinSet`, returns at the first error,
//! and the dropped set aborts the rest.

pub async fn seed(api: &FlakyApi) -> Result<((User, Post), [Result<User, ApiError>; 2]), ApiError> {
    let (post, user) = futures::future::try_join(api.fetch_post(1), api.fetch_user(1)).await?;
    let (u2, u3) = futures::future::join(api.fetch_user(2), api.fetch_user(3)).await;
    Ok(((user, post), [u2, u3]))
}

pub async fn fail_fast(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    let (post, user) =
        futures::future::try_join(api.fetch_post(post_id), api.fetch_user(user_id)).await?;
    Ok((user, post))
}

pub async fn keep_every_outcome(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> (Result<User, ApiError>, Result<Post, ApiError>) {
    let (post, user) =
        futures::future::join(api.fetch_post(post_id), api.fetch_user(user_id)).await;
    (user, post)
}

pub async fn every_user(api: &FlakyApi, ids: &[u32]) -> Vec<Joined> {
    let tasks: Vec<_> = ids
        .iter()
        .map(|&id| {
            let api = api.clone();
            tokio::spawn(async move { api.fetch_user(id).await })
        })
        .collect();
    let mut out = Vec::with_capacity(tasks.len());
    for task in tasks {
        out.push(task.await);
    }
    out
}

pub async fn abort_on_error(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    enum Got {
        U(User),
        P(Post),
    }
    let mut set = tokio::task::JoinSet::new();
    let (a, b) = (api.clone(), api.clone());
    set.spawn(async move { a.fetch_user(user_id).await.map(Got::U) });
    set.spawn(async move { b.fetch_post(post_id).await.map(Got::P) });
    let (mut u, mut p) = (None, None);
    while let Some(joined) = set.join_next().await {
        match joined {
            Ok(Ok(Got::U(x))) => u = Some(x),
            Ok(Ok(Got::P(x))) => p = Some(x),
            Ok(Err(error)) => return Err(error),
            Err(error) => std::panic::resume_unwind(error.into_panic()),
        }
    }
    Ok((u.expect("user"), p.expect("post")))
}
