//! Wrong: takes the handle first, then `block_in_place` around
//! `Handle::block_on`: the multi-thread runtime's way for sync code to
//! block, which panics on a current-thread runtime. In async code, `.await`.
//! expect: handler called block_in_place

pub async fn handler(api: &Api) -> User {
    let handle = tokio::runtime::Handle::current();
    tokio::task::block_in_place(|| handle.block_on(api.fetch_user(1)))
}
