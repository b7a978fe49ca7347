//! Wrong: step 2 reads the cache with remove() instead of get(): the first hit is served from the cache, and empties it, so a third ask fetches again.
//! expect: a cache keeps what it serves

pub async fn cached_user(api: Api, cache: Cache, id: u32) -> User {
    let hit = cache.lock().unwrap().remove(&id);
    if let Some(user) = hit {
        return user;
    }
    let user = api.fetch_user(id).await;
    cache.lock().unwrap().insert(id, user.clone());
    user
}
