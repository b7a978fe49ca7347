//! Wrong: one `borrow_mut()` for the look-up and the insert, held across the fetch's `.await`:
//! the second task panics `already borrowed`. Real cause: a RefMut alive across an .await;
//! another local task borrows meanwhile.
//! expect: held across the fetch's `.await` is still held when the next task runs

pub async fn cached_user(api: &Api, cache: &Cache, id: u32) -> User {
    // one borrow for the look-up and the insert
    let mut c = cache.borrow_mut();
    if let Some(user) = c.get(&id) {
        return user.clone();
    }
    let user = api.fetch_user(id).await;
    c.insert(id, user.clone());
    user
}
