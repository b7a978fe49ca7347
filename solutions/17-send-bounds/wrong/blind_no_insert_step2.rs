//! Wrong: step 2 looks in the cache but forgets to insert the fetched user: the second ask for user 1 fetches again.
//! expect: insert what you fetched into the cache

pub async fn cached_user(api: Api, cache: Cache, id: u32) -> User {
    let hit = cache.lock().unwrap().get(&id).cloned();
    if let Some(user) = hit {
        return user;
    }
    api.fetch_user(id).await
}
