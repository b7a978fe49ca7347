//! Wrong: `match cache.borrow().get(&id)` with the fetch and the borrow_mut in the None arm:
//! the Ref lives to the end of the match, the insert panics even alone. Real cause: the
//! scrutinee's Ref temporary lives for the whole match, across the await and into borrow_mut.
//! expect: keeps its guard to the end of the whole `match`

pub async fn cached_user(api: &Api, cache: &Cache, id: u32) -> User {
    match cache.borrow().get(&id) {
        Some(user) => user.clone(),
        None => {
            let user = api.fetch_user(id).await;
            cache.borrow_mut().insert(id, user.clone());
            user
        }
    }
}
