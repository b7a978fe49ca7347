//! Wrong: the Python habit, a sync helper that starts its own loop
//! (`asyncio.run`), called from inside async code. The thread is already
//! driving a runtime; tokio refuses to block it.
//! expect: Cannot start a runtime from within a runtime

pub async fn handler(api: &Api) -> User {
    run(api.fetch_user(1))
}
