//! Wrong: serves a hit by `remove` (takes it out of the cache): the call at 700 ms for id 1
//! misses and fetches again. Real cause: a cache keeps what it serves; remove empties the
//! entry.
//! expect: do not take it out (`remove`)

pub async fn cached_user(api: &Api, cache: &Cache, id: u32) -> User {
    // take the entry out (no clone needed), put it back... except we forget
    let hit = cache.borrow_mut().remove(&id);
    if let Some(user) = hit {
        return user;
    }
    let user = api.fetch_user(id).await;
    cache.borrow_mut().insert(id, user.clone());
    user
}
