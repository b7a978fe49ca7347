//! Right: step 2 as a `select!` loop over the two pinned calls (it returns
//! at the first `Err` and drops the other); step 4 a `JoinSet` drained with
//! `join_next_with_id`, each outcome put back in its id's slot; step 5 a
//! `select!` loop over the flattened handles, aborting both at the end.

pub async fn fail_fast(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    let user = api.fetch_user(user_id);
    let post = api.fetch_post(post_id);
    tokio::pin!(user, post);
    let (mut u, mut p) = (None, None);
    while u.is_none() || p.is_none() {
        tokio::select! {
            got = &mut user, if u.is_none() => u = Some(got?),
            got = &mut post, if p.is_none() => p = Some(got?),
        }
    }
    Ok((u.expect("user"), p.expect("post")))
}

pub async fn every_user(api: &FlakyApi, ids: &[u32]) -> Vec<Joined> {
    let mut set = tokio::task::JoinSet::new();
    let mut slot_of = std::collections::HashMap::new();
    for (slot, &id) in ids.iter().enumerate() {
        let api = api.clone();
        let handle = set.spawn(async move { api.fetch_user(id).await });
        slot_of.insert(handle.id(), slot);
    }
    let mut out: Vec<Option<Joined>> = (0..ids.len()).map(|_| None).collect();
    while let Some(joined) = set.join_next_with_id().await {
        let (task_id, joined) = match joined {
            Ok((task_id, result)) => (task_id, Ok(result)),
            Err(error) => (error.id(), Err(error)),
        };
        out[slot_of[&task_id]] = Some(joined);
    }
    out.into_iter()
        .map(|o| o.expect("every task reported"))
        .collect()
}

pub async fn abort_on_error(
    api: &FlakyApi,
    user_id: u32,
    post_id: u32,
) -> Result<(User, Post), ApiError> {
    let (a, b) = (api.clone(), api.clone());
    let mut user = tokio::spawn(async move { a.fetch_user(user_id).await });
    let mut post = tokio::spawn(async move { b.fetch_post(post_id).await });
    let (mut u, mut p) = (None, None);
    let result = loop {
        if let (Some(_), Some(_)) = (&u, &p) {
            break Ok((u.take().expect("u"), p.take().expect("p")));
        }
        tokio::select! {
            got = answer(&mut user), if u.is_none() => match got {
                Ok(x) => u = Some(x),
                Err(e) => break Err(e),
            },
            got = answer(&mut post), if p.is_none() => match got {
                Ok(x) => p = Some(x),
                Err(e) => break Err(e),
            },
        }
    };
    user.abort();
    post.abort();
    result
}
