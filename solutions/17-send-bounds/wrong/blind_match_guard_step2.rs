//! Wrong: step 2 matches on cache.lock().unwrap().get(&id).cloned(); the guard is a temporary of the scrutinee and lives to the end of the match, across the fetch's .await.
//! expect: has type `std::sync::MutexGuard<'_,

pub async fn cached_user(api: Api, cache: Cache, id: u32) -> User {
    match cache.lock().unwrap().get(&id).cloned() {
        Some(user) => user,
        None => {
            let user = api.fetch_user(id).await;
            cache.lock().unwrap().insert(id, user.clone());
            user
        }
    }
}
