//! Wrong: no new runtime this time, but `Handle::current().block_on` on the
//! thread that drives the current one. Blocking it is what is wrong, not
//! making a runtime: the same panic.
//! expect: Cannot start a runtime from within a runtime

pub async fn handler(api: &Api) -> User {
    tokio::runtime::Handle::current().block_on(api.fetch_user(1))
}
