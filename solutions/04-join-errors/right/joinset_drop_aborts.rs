//! Right: step 5 with a `JoinSet`: both calls spawned into one set (their
//! answers wrapped in one enum, as a set holds one type), drained with
//! `join_next`, and the first error returned with `?`, which drops the
//! set: dropping a `JoinSet` aborts every task still in it. Step 4 spawns
//! handles and awaits them in order: each `await` only collects a task
//! that has been running since it was spawned.

pub async fn every_user(api: &FlakyApi, ids: &[u32]) -> Vec<Joined> {
    let mut tasks = Vec::new();
    for &id in ids {
        let api = api.clone();
        tasks.push(tokio::spawn(async move { api.fetch_user(id).await }));
    }
    let mut outcomes = Vec::new();
    for task in tasks {
        outcomes.push(task.await);
    }
    outcomes
}

pub async fn abort_on_error(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    enum Answer {
        User(User),
        Post(Post),
    }
    let mut tasks = tokio::task::JoinSet::new();
    let for_user = api.clone();
    tasks.spawn(async move { for_user.fetch_user(user_id).await.map(Answer::User) });
    let for_post = api.clone();
    tasks.spawn(async move { for_post.fetch_post(post_id).await.map(Answer::Post) });
    let (mut user, mut post) = (None, None);
    while let Some(joined) = tasks.join_next().await {
        let answer = match joined {
            Ok(answer) => answer?,
            Err(error) => std::panic::resume_unwind(error.into_panic()),
        };
        match answer {
            Answer::User(u) => user = Some(u),
            Answer::Post(p) => post = Some(p),
        }
    }
    Ok((
        user.expect("the user task answered"),
        post.expect("the post task answered"),
    ))
}
