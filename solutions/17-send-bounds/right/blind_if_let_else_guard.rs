//! Right: step 2 keeps the std guard a temporary of an `if let ... else` scrutinee with the fetch in the else branch (edition 2024 drops it before else);
//! step 1 spawns a tokio task per id and awaits the JoinHandles in order (no join_all, no shared state); step 3 a Vec from an array of
//! closures mapped through an iterator.

pub async fn names(api: Api, ids: Vec<u32>) -> Vec<String> {
    let handles: Vec<JoinHandle<String>> = ids
        .into_iter()
        .map(|id| {
            let api = api.clone();
            tokio::spawn(async move { api.fetch_user(id).await.name })
        })
        .collect();
    let mut out = Vec::with_capacity(handles.len());
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

pub async fn cached_user(api: Api, cache: Cache, id: u32) -> User {
    if let Some(user) = cache.lock().unwrap().get(&id).cloned() {
        user
    } else {
        let user = api.fetch_user(id).await;
        cache.lock().unwrap().insert(id, user.clone());
        user
    }
}

pub fn calls(api: &Api, id: u32) -> Vec<Call> {
    let makers: [fn(Api, u32) -> Call; 3] = [
        |a, id| Box::pin(async move { a.fetch_user(id).await.name }),
        |a, id| Box::pin(async move { a.fetch_post(id).await.title }),
        |a, id| Box::pin(async move { a.fetch_data(id).await }),
    ];
    makers.iter().map(|m| m(api.clone(), id)).collect()
}
