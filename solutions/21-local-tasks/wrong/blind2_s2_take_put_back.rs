//! Wrong: takes the whole map out of the cell (`take()`) before the fetch, so that no borrow
//! is alive across the `.await`, and writes it back after: each call puts back a stale copy
//! over what the other tasks inserted meanwhile (after the calls at 0 ms only user 2 is left),
//! so users 1 and 3 are fetched again at 600 ms. Real cause: a lost update, not a missing
//! insert nor a served entry taken out.
//! expect: inserts were lost, written over

pub async fn cached_user(api: &Api, cache: &Cache, id: u32) -> User {
    // subtle: take the whole map out while fetching (no borrow across the await!)
    let mut map = cache.take();
    if let Some(user) = map.get(&id) {
        let user = user.clone();
        *cache.borrow_mut() = map;
        return user;
    }
    let user = api.fetch_user(id).await;
    map.insert(id, user.clone());
    *cache.borrow_mut() = map;
    user
}
