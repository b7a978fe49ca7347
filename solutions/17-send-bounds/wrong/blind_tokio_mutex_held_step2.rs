//! Wrong: step 2 switches Cache to tokio::sync::Mutex and holds its guard across the fetch: compiles, user 2 waits for user 1 (1000 ms).
//! expect: the cache's lock must not be held across the fetch's `.await`

pub type Cache = Arc<tokio::sync::Mutex<HashMap<u32, User>>>;

pub async fn cached_user(api: Api, cache: Cache, id: u32) -> User {
    let mut map = cache.lock().await;
    if let Some(user) = map.get(&id) {
        return user.clone();
    }
    let user = api.fetch_user(id).await;
    map.insert(id, user.clone());
    user
}
