//! Wrong: step 2 always fetches, then inserts: a write-through "cache" that is never read, so user 1, cached since 500 ms, is fetched again when asked again.
//! expect: look in the cache before fetching

pub async fn cached_user(api: Api, cache: Cache, id: u32) -> User {
    let user = api.fetch_user(id).await;
    cache.lock().unwrap().insert(id, user.clone());
    user
}
