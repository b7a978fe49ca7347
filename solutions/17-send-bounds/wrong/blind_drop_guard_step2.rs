//! Wrong: step 2 takes a named guard, looks, then drop(guard) before the fetch; the variable's scope still covers the .await.
//! expect: has type `std::sync::MutexGuard<'_,

pub async fn cached_user(api: Api, cache: Cache, id: u32) -> User {
    let map = cache.lock().unwrap();
    if let Some(user) = map.get(&id) {
        return user.clone();
    }
    drop(map);
    let user = api.fetch_user(id).await;
    cache.lock().unwrap().insert(id, user.clone());
    user
}
