//! Wrong: `block_in_place` around `Handle::block_on`, the recipe for the
//! multi-thread runtime, on a current-thread one: there is no other worker
//! to hand the tasks to, so tokio panics.
//! expect: can call blocking only when running on the multi-threaded runtime

pub async fn handler(api: &Api) -> User {
    tokio::task::block_in_place(|| tokio::runtime::Handle::current().block_on(api.fetch_user(1)))
}
